import type { FileStorage } from "../bot/ports/review.js";
import { createFileStorage } from "./file-storage.js";

/** Where evidence files are kept (EVIDENCE_STORAGE): a folder of this machine, or the database every instance shares. */
export type EvidenceStorageKind = "disk" | "database";

export interface EvidenceStorageOptions {
  readonly kind: EvidenceStorageKind;
  /** The folder, for "disk" (EVIDENCE_DIR). */
  readonly dir: string;
  /** The open store, whose database keeps the content for "database". */
  readonly store: { readonly evidenceContent: FileStorage };
}

/** The evidence storage the configuration names; the service and `dti` both get theirs here. */
export function createEvidenceStorage({ kind, dir, store }: EvidenceStorageOptions): FileStorage {
  return kind === "database" ? store.evidenceContent : createFileStorage(dir);
}
