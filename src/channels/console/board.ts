/**
 * What the terminal demo shares between the conversation and the pushes the
 * delivery worker prints: who is chatting now, each demo person's label, and
 * the buttons of pushes addressed to someone else, kept for when the tester
 * switches to that person.
 */
export interface ConsoleBoard {
  /** The console user chatting now (null before anyone is chosen). */
  active: string | null;
  /** Buttons the active user can type a number for, numbered from 1. */
  buttons: { action: string; label: string }[];
  label(userId: string): string | null;
  setLabel(userId: string, label: string): void;
  /** Buttons of pushes to someone not chatting now. */
  keep(userId: string, buttons: readonly { action: string; label: string }[]): void;
  /** Switched to `userId`: the buttons kept for them become theirs to type. */
  switchTo(userId: string): { action: string; label: string }[];
}

export function createConsoleBoard(): ConsoleBoard {
  const labels = new Map<string, string>();
  const kept = new Map<string, { action: string; label: string }[]>();
  return {
    active: null,
    buttons: [],
    label: (userId) => labels.get(userId) ?? null,
    setLabel: (userId, label) => void labels.set(userId, label),
    keep(userId, buttons) {
      kept.set(userId, [...(kept.get(userId) ?? []), ...buttons]);
    },
    switchTo(userId) {
      this.active = userId;
      this.buttons = kept.get(userId) ?? [];
      kept.delete(userId);
      return this.buttons;
    },
  };
}
