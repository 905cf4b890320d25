/**
 * A synchronous copy of unsaved scorecard text, written on every change. IndexedDB writes are
 * asynchronous and a reload can cut one short; this copy cannot be, so the last keystrokes before a
 * reload are found here and saved on the next open.
 *
 * sessionStorage, not localStorage: it belongs to one tab and survives that tab's reloads and
 * crash-restores, so a second tab on the same scorecard never picks up the first tab's unsaved
 * text and saves it as its own.
 */
export type JournalEntry<T> = { content: T; baseEditVersion: number; at: number };

const PREFIX = 'loopcard:unsaved:';

export function writeJournal<T>(scorecardId: string, entry: JournalEntry<T>): boolean {
  try {
    sessionStorage.setItem(PREFIX + scorecardId, JSON.stringify(entry));
    return true;
  } catch (error) {
    // A full or blocked sessionStorage must not stop typing; the IndexedDB save still runs.
    console.warn('Unsaved-text journal not written', error);
    return false;
  }
}

export function readJournal(scorecardId: string): JournalEntry<unknown> | null {
  try {
    const raw = sessionStorage.getItem(PREFIX + scorecardId);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as Partial<JournalEntry<unknown>>;
    if (typeof parsed.baseEditVersion !== 'number' || typeof parsed.at !== 'number' || !('content' in parsed)) return null;
    return parsed as JournalEntry<unknown>;
  } catch (error) {
    console.warn('Unsaved-text journal not readable', error);
    return null;
  }
}

export function clearJournal(scorecardId: string): void {
  try {
    sessionStorage.removeItem(PREFIX + scorecardId);
  } catch (error) {
    console.warn('Unsaved-text journal not cleared', error);
  }
}
