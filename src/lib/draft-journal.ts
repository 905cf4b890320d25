/**
 * A synchronous copy of unsaved scorecard text, written on every change. IndexedDB writes are
 * asynchronous and a reload can cut one short; this copy cannot be, so the last keystrokes before a
 * reload, or before the tab is killed, are found here and saved on the next open.
 *
 * localStorage, so that a new tab finds it: an operating system short of memory kills a tab's
 * renderer without pagehide or unload, and the interviewer opens the scorecard in a new tab, which
 * cannot see the dead tab's sessionStorage. Two live tabs must still never adopt each other's
 * unsaved text, so each tab writes its own entry (`loopcard:unsaved:<scorecard>:<tab>`) and, while
 * it holds any, beats (`loopcard:tab:<tab>` = the time) every half second. A tab opening a scorecard
 * adopts its own entry (a reload) or an orphaned one, whose owner has not beaten for two seconds
 * (killed, or closed mid-save); never a live tab's.
 *
 * An entry is either this tab's latest text or absent: when a write fails (storage full, entry over
 * the cap) the tab's older entry is removed, so a stale copy never comes back after the database has
 * moved on. The text stays in memory and is saved to IndexedDB within half a second regardless.
 */
import { clearPersistentDraft, padDraftKey } from './preferences';

export type JournalEntry<T> = { content: T; baseEditVersion: number; at: number };

/** What a tab opening a scorecard may take, and when to look again for a tab that may have died. */
export type Adoption = {
  entry: JournalEntry<unknown> | null;
  /** When the newest entry still held by another (live, or only just killed) tab would be orphaned. */
  recheckAt: number | null;
};

/** A tab that has not beaten for this long is gone (killed, crashed or closed): its entries are adoptable. */
export const JOURNAL_ORPHANED_AFTER_MS = 2_000;
export const JOURNAL_HEARTBEAT_MS = 500;
/**
 * The largest entry written, in characters of JSON. A scorecard at every limit (five dimensions at
 * 50,000 characters of evidence, 10,000 of takeaways, red-flag notes) is about 0.3 million; the
 * browser's quota (about 5 million characters per site) is shared by every scorecard's entries.
 */
export const JOURNAL_MAX_CHARS = 1_000_000;

const ENTRY_PREFIX = 'loopcard:unsaved:';
const BEAT_PREFIX = 'loopcard:tab:';

type JournalOptions = {
  /** Shared by every tab of the site (localStorage in the app). */
  storage: () => Storage;
  /** This tab's own storage, where earlier versions kept the journal (sessionStorage in the app). */
  legacy?: () => Storage;
  tabId: string;
  now?: () => number;
  setInterval?: (run: () => void, ms: number) => unknown;
  clearInterval?: (handle: unknown) => void;
};

export function createDraftJournal(options: JournalOptions) {
  const { tabId } = options;
  const now = options.now ?? Date.now;
  const owned = new Set<string>();
  let heartbeat: unknown = null;

  const entryKey = (scorecardId: string, tab: string) => `${ENTRY_PREFIX}${scorecardId}:${tab}`;
  const beatKey = (tab: string) => BEAT_PREFIX + tab;

  /** Runs a storage call; a blocked or broken storage is reported and treated as empty. */
  function attempt<T>(what: string, run: () => T, fallback: T): T {
    try {
      return run();
    } catch (error) {
      console.warn(`Unsaved-text journal: ${what} failed`, error);
      return fallback;
    }
  }

  function keysWithPrefix(storage: Storage, prefix: string): string[] {
    const keys: string[] = [];
    for (let i = 0; i < storage.length; i++) {
      const key = storage.key(i);
      if (key?.startsWith(prefix)) keys.push(key);
    }
    return keys;
  }

  function parse(raw: string | null): JournalEntry<unknown> | null {
    if (!raw) return null;
    try {
      const parsed = JSON.parse(raw) as Partial<JournalEntry<unknown>> | null;
      if (!parsed || typeof parsed.baseEditVersion !== 'number' || typeof parsed.at !== 'number' || !('content' in parsed)) return null;
      return parsed as JournalEntry<unknown>;
    } catch (error) {
      console.warn('Unsaved-text journal: an entry is not readable', error);
      return null;
    }
  }

  function beat() {
    attempt('heartbeat', () => options.storage().setItem(beatKey(tabId), String(now())), undefined);
  }

  function startBeating() {
    if (heartbeat !== null) return;
    beat();
    heartbeat = (options.setInterval ?? ((run, ms) => setInterval(run, ms)))(beat, JOURNAL_HEARTBEAT_MS);
  }

  function stopBeating() {
    if (heartbeat === null) return;
    (options.clearInterval ?? ((handle) => clearInterval(handle as ReturnType<typeof setInterval>)))(heartbeat);
    heartbeat = null;
    attempt('heartbeat removal', () => options.storage().removeItem(beatKey(tabId)), undefined);
  }

  function drop(scorecardId: string) {
    attempt('removal', () => options.storage().removeItem(entryKey(scorecardId, tabId)), undefined);
    owned.delete(scorecardId);
    if (owned.size === 0) stopBeating();
  }

  function isLive(tab: string): { live: boolean; until: number } {
    const raw = attempt('heartbeat read', () => options.storage().getItem(beatKey(tab)), null);
    const last = raw === null ? Number.NaN : Number(raw);
    if (tab === tabId || Number.isNaN(last)) return { live: false, until: 0 };
    const until = last + JOURNAL_ORPHANED_AFTER_MS;
    return { live: now() < until, until };
  }

  /** Removes the heartbeats of tabs that are gone and hold no entries any more. */
  function sweepBeats(storage: Storage) {
    const holders = new Set(keysWithPrefix(storage, ENTRY_PREFIX).map((key) => key.slice(key.lastIndexOf(':') + 1)));
    for (const key of keysWithPrefix(storage, BEAT_PREFIX)) {
      const tab = key.slice(BEAT_PREFIX.length);
      if (tab !== tabId && !holders.has(tab) && !isLive(tab).live) storage.removeItem(key);
    }
  }

  return {
    /** Journals this tab's latest text for the scorecard; false (and no stale entry left) when it cannot. */
    write<T>(scorecardId: string, entry: JournalEntry<T>): boolean {
      const json = JSON.stringify(entry);
      if (json.length > JOURNAL_MAX_CHARS) {
        console.warn(`Unsaved-text journal: ${json.length} characters is over the ${JOURNAL_MAX_CHARS} cap; not journalled`);
        drop(scorecardId);
        return false;
      }
      try {
        options.storage().setItem(entryKey(scorecardId, tabId), json);
      } catch (error) {
        // A full (QuotaExceededError) or blocked storage must not stop typing: the text stays in
        // memory and the IndexedDB save still runs. Other tabs' entries are theirs, not ours to free.
        console.warn('Unsaved-text journal not written', error);
        drop(scorecardId);
        return false;
      }
      owned.add(scorecardId);
      startBeating();
      return true;
    },

    /**
     * The newest unsaved text this tab may take over for the scorecard: its own (left by a reload)
     * or one whose tab is gone. It becomes this tab's entry; entries of live tabs are left alone.
     */
    adopt(scorecardId: string): Adoption {
      return attempt(
        'adoption',
        () => {
          const storage = options.storage();
          let best: { key: string; raw: string; entry: JournalEntry<unknown> } | null = null;
          let recheckAt: number | null = null;
          const consider = (key: string, raw: string | null, entry: JournalEntry<unknown> | null) => {
            if (raw !== null && entry && (!best || entry.at > best.entry.at)) best = { key, raw, entry };
          };
          const prefix = `${ENTRY_PREFIX}${scorecardId}:`;
          for (const key of keysWithPrefix(storage, prefix)) {
            const owner = key.slice(prefix.length);
            const { live, until } = isLive(owner);
            if (live) {
              recheckAt = Math.max(recheckAt ?? 0, until);
              continue;
            }
            const raw = storage.getItem(key);
            const entry = parse(raw);
            if (!entry) storage.removeItem(key);
            consider(key, raw, entry);
          }
          const legacyKey = ENTRY_PREFIX + scorecardId;
          const legacyRaw = attempt('reading the older per-tab journal', () => options.legacy?.().getItem(legacyKey) ?? null, null);
          if (legacyRaw !== null) consider(`legacy:${legacyKey}`, legacyRaw, parse(legacyRaw));

          const taken = best as { key: string; raw: string; entry: JournalEntry<unknown> } | null;
          const own = entryKey(scorecardId, tabId);
          if (taken && taken.key !== own) {
            // Take it over: written as this tab's entry first, so a failure leaves the orphan in place.
            storage.setItem(own, taken.raw);
            if (taken.key.startsWith('legacy:')) options.legacy?.().removeItem(legacyKey);
            else storage.removeItem(taken.key);
          }
          if (taken) {
            owned.add(scorecardId);
            startBeating();
          }
          sweepBeats(storage);
          return { entry: taken?.entry ?? null, recheckAt };
        },
        { entry: null, recheckAt: null },
      );
    },

    /** This tab's unsaved text for the scorecard is saved (or given up): its entry goes. */
    release(scorecardId: string): void {
      drop(scorecardId);
    },

    /** Every tab's unsaved text for the scorecard goes: the scorecard itself was erased. */
    clearAll(scorecardId: string): void {
      attempt(
        'clearing',
        () => {
          const storage = options.storage();
          for (const key of keysWithPrefix(storage, `${ENTRY_PREFIX}${scorecardId}:`)) storage.removeItem(key);
          options.legacy?.().removeItem(ENTRY_PREFIX + scorecardId);
        },
        undefined,
      );
      owned.delete(scorecardId);
      if (owned.size === 0) stopBeating();
    },

    /**
     * The page is going away (reload, navigation, closing): stop beating now, so the next page in
     * this tab adopts what is left at once instead of waiting two seconds.
     */
    leave(): void {
      stopBeating();
    },

    /** The page came back from the back-forward cache: beat again for the entries it still holds. */
    resume(): void {
      if (owned.size > 0) startBeating();
    },
  };
}

function newTabId(): string {
  if (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

/** This tab's journal. Each page load is a new tab id; the page's own leftovers are found as orphans. */
const journal = createDraftJournal({ storage: () => localStorage, legacy: () => sessionStorage, tabId: newTabId() });
if (typeof window !== 'undefined') {
  window.addEventListener('pagehide', () => journal.leave());
  window.addEventListener('pageshow', (event) => {
    if (event.persisted) journal.resume();
  });
}

export const writeJournal = journal.write;
export const adoptJournal = journal.adopt;
export const releaseJournal = journal.release;
/** Removes every tab's unsaved text for a scorecard (used when it is erased). */
/** Removes everything this device holds unsaved for a scorecard: every tab's journal and the running-notes line being typed. */
export function clearJournal(scorecardId: string): void {
  journal.clearAll(scorecardId);
  clearPersistentDraft(padDraftKey(scorecardId));
}
