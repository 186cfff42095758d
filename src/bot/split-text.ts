/**
 * Splitting a long reply into messages a platform accepts (Telegram: 4,096
 * characters, Zalo: 2,000). A cut falls at a line break where one fits, else
 * at a space, else anywhere between whole characters: never inside a UTF-16
 * surrogate pair (an emoji cut in half makes Telegram refuse the message),
 * and, for HTML, never inside a tag or an entity ("&amp;"). Tags open at a
 * cut are closed at the end of that part and opened again at the start of
 * the next, so every part is well-formed on its own.
 */

/** Markup the text carries: none, or Telegram's HTML subset (tags without attributes, entities). */
export type Markup = "plain" | "html";

interface Atom {
  readonly text: string;
  /** A tag: its name and whether it opens or closes. */
  readonly tag?: { readonly name: string; readonly closing: boolean };
}

/** One code point, or (in HTML) one tag or one entity. The `u` flag keeps a surrogate pair together. */
const PLAIN_ATOM = /[\s\S]/gu;
const HTML_ATOM = /<(\/?)([a-z][a-z0-9-]*)(?:\s[^<>]*)?>|&(?:#\d{1,7}|#x[0-9a-f]{1,6}|[a-z][a-z0-9]{0,31});|[\s\S]/giu;

function atomsOf(value: string, markup: Markup): Atom[] {
  if (markup === "plain") return Array.from(value.matchAll(PLAIN_ATOM), (m) => ({ text: m[0] }));
  return Array.from(value.matchAll(HTML_ATOM), (m) => (m[2] ? { text: m[0], tag: { name: m[2].toLowerCase(), closing: m[1] === "/" } } : { text: m[0] }));
}

/** The tags open after `atom`, given those open before it (outermost first). */
function afterAtom(open: readonly Atom[], atom: Atom): readonly Atom[] {
  if (!atom.tag) return open;
  if (!atom.tag.closing) return [...open, atom];
  const at = open.map((t) => t.tag!.name).lastIndexOf(atom.tag.name);
  return at < 0 ? open : [...open.slice(0, at), ...open.slice(at + 1)];
}

const openTags = (atoms: readonly Atom[]): readonly Atom[] => atoms.reduce(afterAtom, [] as readonly Atom[]);
const closers = (open: readonly Atom[]): string => [...open].reverse().map((t) => `</${t.tag!.name}>`).join("");
/** Whether a part shows anything once its markup is left out. */
const visible = (atoms: readonly Atom[]): boolean => atoms.some((a) => !a.tag && a.text.trim() !== "");

/** A part being filled: its atoms, their length and the tags open at its end, kept as it grows. */
class Part {
  atoms: Atom[] = [];
  length = 0;
  open: readonly Atom[] = [];

  static of(atoms: readonly Atom[]): Part {
    const part = new Part();
    for (const atom of atoms) part.push(atom);
    return part;
  }

  /** Its length with `atom` added and every tag then open closed. */
  sizeWith(atom: Atom): number {
    return this.length + atom.text.length + closers(afterAtom(this.open, atom)).length;
  }

  push(atom: Atom): void {
    this.atoms.push(atom);
    this.length += atom.text.length;
    this.open = afterAtom(this.open, atom);
  }
}

/**
 * Split `value` into parts of at most `limit` UTF-16 code units each
 * (markup counted, which is stricter than the platforms' count). No part is
 * blank; only the line break or space a cut falls on is left out. Limits
 * below 32 are not supported (a part must hold a few tags and characters).
 */
export function splitText(value: string, limit: number, markup: Markup = "plain"): string[] {
  if (value.length <= limit) return [value];
  const parts: string[] = [];
  const emit = (atoms: readonly Atom[]) => {
    if (visible(atoms)) parts.push(atoms.map((a) => a.text).join("") + closers(openTags(atoms)));
  };
  let current = new Part();
  for (const atom of atomsOf(value, markup)) {
    if (current.sizeWith(atom) <= limit) {
      current.push(atom);
      continue;
    }
    // Full: cut after the last line break, else the last space, where what follows still fits in the next
    // part with the tags reopened; else cut right here.
    const atoms = current.atoms;
    let next: Part | null = null;
    for (const separator of ["\n", " "]) {
      const at = atoms.map((a) => a.text).lastIndexOf(separator);
      if (at <= 0) continue;
      const candidate = Part.of([...openTags(atoms.slice(0, at)), ...atoms.slice(at + 1)]);
      if (candidate.sizeWith(atom) <= limit) {
        emit(atoms.slice(0, at));
        next = candidate;
        break;
      }
    }
    if (!next) {
      emit(atoms);
      next = Part.of(current.open);
      // Only with a tiny limit would the reopened tags not fit: the text then goes on unformatted.
      if (next.sizeWith(atom) > limit) next = new Part();
    }
    next.push(atom);
    current = next;
  }
  emit(current.atoms);
  return parts;
}
