import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { ScorecardContentSchema, contentOf, type Scorecard, type ScorecardContent } from '../../domain/scorecard';
import { StaleWriteError, ValidationError } from '../../data/validation';
import { useRepositories } from '../../lib/repositories-context';
import { adoptJournal, releaseJournal, writeJournal, type JournalEntry } from '../../lib/draft-journal';
import { describeError } from '../../lib/errors';
import { useSaveOnLeave } from '../../lib/save-on-leave';
import { requestPersistentStorage } from '../../lib/storage-estimate';

export type SaveStatus =
  | { kind: 'saved'; at: string }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'failed'; reason: string }
  | { kind: 'conflict'; theirs: Scorecard };

/**
 * Changes reach IndexedDB at most this long after the first unsaved keystroke, however fast the
 * typing goes on: a maximum wait, not a pause in typing. Between saves the journal holds the text.
 */
export const AUTOSAVE_MAX_WAIT_MS = 500;
const RETRY_DELAYS_MS = [2_000, 4_000, 8_000, 15_000, 30_000];

type Restored = { content: ScorecardContent; status: SaveStatus; dirty: boolean };

/** What adopted unsaved text means against the stored copy: nothing new (null), newer text to save, or a conflict. */
function resolveJournal(stored: Scorecard, shown: ScorecardContent, entry: JournalEntry<unknown> | null): Restored | null {
  if (!entry) return null;
  const parsed = ScorecardContentSchema.safeParse(entry.content);
  if (!parsed.success || stored.status === 'submitted' || JSON.stringify(parsed.data) === JSON.stringify(shown)) {
    releaseJournal(stored.id);
    return null;
  }
  if (entry.baseEditVersion === stored.editVersion) return { content: parsed.data, status: { kind: 'pending' }, dirty: true };
  // The stored copy moved on after this text was typed (another tab, or a save that finished as the
  // tab closed): keep the text on screen and let the interviewer choose.
  return { content: parsed.data, status: { kind: 'conflict', theirs: stored }, dirty: true };
}

/**
 * What to show on open: the stored scorecard, or newer unsaved text left by a reload or by a tab
 * that was killed. `recheckAt` is set when another tab's text is held by a tab that beat only a
 * moment ago: it may be alive, or it may have just been killed, which only time tells.
 */
function restore(stored: Scorecard): Restored & { recheckAt: number | null } {
  const saved: Restored = { content: contentOf(stored), status: { kind: 'saved', at: stored.updatedAt }, dirty: false };
  const { entry, recheckAt } = adoptJournal(stored.id);
  return { ...(resolveJournal(stored, saved.content, entry) ?? saved), recheckAt };
}

/**
 * The scoring screen's state and its autosave: every change is journalled synchronously (where a
 * new tab finds it if this one is killed), written to IndexedDB within half a second even while
 * typing goes on, flushed at once when the page is hidden, retried when a write fails, and never
 * written over a newer save from another tab.
 */
export function useScorecardEditor(stored: Scorecard, latest: Scorecard | undefined) {
  const repos = useRepositories();
  const id = stored.id;
  const [initial] = useState(() => restore(stored));
  const [content, setContent] = useState<ScorecardContent>(initial.content);
  const [status, setStatus] = useState<SaveStatus>(initial.status);

  const contentRef = useRef(initial.content);
  const baseRef = useRef(stored.editVersion);
  const dirtyRef = useRef(initial.dirty);
  /** When the oldest change not yet handed to a save was made: the maximum wait counts from it. (Text restored on open is saved at once.) */
  const dirtySinceRef = useRef<number | null>(null);
  const storedRef = useRef(stored);
  const conflictRef = useRef(initial.status.kind === 'conflict');
  const timerRef = useRef<ReturnType<typeof setTimeout> | null>(null);
  const inFlightRef = useRef<Promise<void> | null>(null);
  const failuresRef = useRef(0);
  const flushRef = useRef<() => Promise<void>>(async () => undefined);

  const clearTimer = () => {
    if (timerRef.current !== null) clearTimeout(timerRef.current);
    timerRef.current = null;
  };

  /** Sets the save timer unless one is set: by default for the maximum wait after the oldest unsaved change. */
  const schedule = useCallback((delay?: number) => {
    if (timerRef.current !== null) return;
    const wait = delay ?? Math.max(0, (dirtySinceRef.current ?? Date.now()) + AUTOSAVE_MAX_WAIT_MS - Date.now());
    timerRef.current = setTimeout(() => {
      timerRef.current = null;
      void flushRef.current();
    }, wait);
  }, []);

  const flush = useCallback(async (): Promise<void> => {
    if (inFlightRef.current) await inFlightRef.current;
    if (!dirtyRef.current || conflictRef.current) return;
    clearTimer();
    const snapshot = contentRef.current;
    const base = baseRef.current;
    dirtyRef.current = false;
    dirtySinceRef.current = null;
    setStatus({ kind: 'saving' });
    const attempt = repos.scorecards.saveDraft(id, snapshot, base).then(
      (saved) => {
        baseRef.current = saved.editVersion;
        failuresRef.current = 0;
        // The first scorecard this device keeps: ask the browser not to clear the site's storage.
        requestPersistentStorage().catch((error: unknown) => console.warn('Persistent storage not requested', error));
        if (contentRef.current === snapshot) releaseJournal(id);
        else writeJournal(id, { content: contentRef.current, baseEditVersion: saved.editVersion, at: Date.now() });
        if (dirtyRef.current) {
          setStatus({ kind: 'pending' });
          schedule();
        } else {
          setStatus({ kind: 'saved', at: saved.updatedAt });
        }
      },
      (error: unknown) => {
        dirtyRef.current = true;
        if (error instanceof StaleWriteError) {
          conflictRef.current = true;
          setStatus({ kind: 'conflict', theirs: error.current as Scorecard });
          return;
        }
        clearTimer();
        if (error instanceof ValidationError) {
          // Retrying cannot help a value the schema refuses; the text stays here until it is fixed.
          setStatus({ kind: 'failed', reason: describeError(error, 'saving') });
          return;
        }
        const delay = RETRY_DELAYS_MS[Math.min(failuresRef.current, RETRY_DELAYS_MS.length - 1)] ?? 30_000;
        failuresRef.current += 1;
        setStatus({ kind: 'failed', reason: describeError(error, 'saving') });
        schedule(delay);
      },
    );
    const tracked = attempt.finally(() => {
      if (inFlightRef.current === tracked) inFlightRef.current = null;
    });
    inFlightRef.current = tracked;
    await tracked;
  }, [id, repos, schedule]);
  useLayoutEffect(() => {
    flushRef.current = flush;
  }, [flush]);

  /** Applies one edit: on screen at once, journalled at once, in the database within half a second. */
  const update = useCallback(
    (edit: (current: ScorecardContent) => ScorecardContent) => {
      const next = edit(contentRef.current);
      if (next === contentRef.current) return;
      contentRef.current = next;
      if (!dirtyRef.current) dirtySinceRef.current = Date.now();
      dirtyRef.current = true;
      setContent(next);
      writeJournal(id, { content: next, baseEditVersion: baseRef.current, at: Date.now() });
      if (!conflictRef.current) {
        setStatus((s) => (s.kind === 'saving' || s.kind === 'failed' ? s : { kind: 'pending' }));
        schedule();
      }
    },
    [id, schedule],
  );

  // A save left pending at open (text restored from the journal) goes out straight away.
  useEffect(() => {
    if (initial.dirty && initial.status.kind !== 'conflict') void flushRef.current();
  }, [initial]);

  // Another tab held unsaved text and beat a moment before this one opened. If it has gone quiet
  // since (it was killed, and the interviewer opened this tab to carry on), take the text over,
  // provided nothing has been typed here yet; if it still beats, it is a live tab and keeps its text.
  useEffect(() => {
    if (initial.recheckAt === null) return;
    const timer = setTimeout(() => {
      if (dirtyRef.current || conflictRef.current || inFlightRef.current) return;
      const current = storedRef.current;
      if (current.editVersion !== baseRef.current) return;
      const found = resolveJournal(current, contentRef.current, adoptJournal(id).entry);
      if (!found) return;
      contentRef.current = found.content;
      dirtyRef.current = true;
      dirtySinceRef.current = Date.now();
      setContent(found.content);
      if (found.status.kind === 'conflict') {
        conflictRef.current = true;
        setStatus(found.status);
        return;
      }
      setStatus(found.status);
      void flushRef.current();
    }, Math.max(0, initial.recheckAt - Date.now()) + 100);
    return () => clearTimeout(timer);
  }, [id, initial]);

  useSaveOnLeave(flushRef, dirtyRef, timerRef);

  // Another tab saved this scorecard: take its text if nothing here is unsaved, otherwise ask.
  useEffect(() => {
    if (latest) storedRef.current = latest;
    if (!latest || latest.status !== 'draft' || latest.editVersion <= baseRef.current) return;
    if (inFlightRef.current && latest.editVersion === baseRef.current + 1) return; // our own save, landing
    if (!dirtyRef.current) {
      const theirs = contentOf(latest);
      baseRef.current = latest.editVersion;
      contentRef.current = theirs;
      setContent(theirs);
      setStatus({ kind: 'saved', at: latest.updatedAt });
      return;
    }
    conflictRef.current = true;
    clearTimer();
    setStatus({ kind: 'conflict', theirs: latest });
  }, [latest]);

  const keepMine = useCallback(() => {
    if (status.kind !== 'conflict') return;
    baseRef.current = status.theirs.editVersion;
    conflictRef.current = false;
    dirtyRef.current = true;
    void flushRef.current();
  }, [status]);

  const takeTheirs = useCallback(() => {
    if (status.kind !== 'conflict') return;
    const theirs = contentOf(status.theirs);
    baseRef.current = status.theirs.editVersion;
    conflictRef.current = false;
    dirtyRef.current = false;
    contentRef.current = theirs;
    setContent(theirs);
    releaseJournal(id);
    setStatus({ kind: 'saved', at: status.theirs.updatedAt });
  }, [id, status]);

  /** Submits what is on screen (not what was last saved) against the stored copy it was edited from. */
  const submit = useCallback(async () => {
    if (inFlightRef.current) await inFlightRef.current;
    clearTimer();
    const submitted = await repos.scorecards.submit(id, contentRef.current, baseRef.current);
    dirtyRef.current = false;
    releaseJournal(id);
    return submitted;
  }, [id, repos]);

  return { content, status, update, flush, keepMine, takeTheirs, submit, contentRef };
}
