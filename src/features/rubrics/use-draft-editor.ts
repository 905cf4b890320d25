import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { RubricDraft } from '../../domain/rubric-editing';
import { ConflictError, StaleWriteError, ValidationError } from '../../data/validation';
import { useRepositories } from '../../lib/repositories-context';
import { describeError } from '../../lib/errors';
import { useSaveOnLeave } from '../../lib/save-on-leave';

export type DraftSaveStatus =
  | { kind: 'saved'; at: string }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'failed'; reason: string }
  | { kind: 'conflict'; theirs: RubricDraft };

/** Changes reach IndexedDB at most this long after the first unsaved one, however fast the typing goes on. */
export const DRAFT_AUTOSAVE_MAX_WAIT_MS = 600;
const RETRY_DELAYS_MS = [2_000, 4_000, 8_000, 15_000, 30_000];

/**
 * The rubric editor's state and its autosave: every change is on screen at once and in the
 * database within 600 ms, saved at once when the page is hidden, retried when a write fails, and
 * never written over a save another tab made in between (the person chooses which to keep).
 */
export function useDraftEditor(initial: RubricDraft, latest: RubricDraft | null | undefined) {
  const repos = useRepositories();
  const [draft, setDraft] = useState<RubricDraft>(initial);
  const [status, setStatus] = useState<DraftSaveStatus>({ kind: 'saved', at: initial.updatedAt });

  const draftRef = useRef(initial);
  const baseRef = useRef(initial.updatedAt);
  const dirtyRef = useRef(false);
  const dirtySinceRef = useRef<number | null>(null);
  const conflictRef = useRef(false);
  const latestRef = useRef<RubricDraft | null | undefined>(latest);
  const timerRef = useRef<ReturnType<typeof setTimeout> | null>(null);
  const inFlightRef = useRef<Promise<void> | null>(null);
  const failuresRef = useRef(0);
  const flushRef = useRef<() => Promise<void>>(async () => undefined);
  const reconcileRef = useRef<() => void>(() => undefined);

  const clearTimer = () => {
    if (timerRef.current !== null) clearTimeout(timerRef.current);
    timerRef.current = null;
  };

  const schedule = useCallback((delay?: number) => {
    if (timerRef.current !== null) return;
    const wait = delay ?? Math.max(0, (dirtySinceRef.current ?? Date.now()) + DRAFT_AUTOSAVE_MAX_WAIT_MS - Date.now());
    timerRef.current = setTimeout(() => {
      timerRef.current = null;
      void flushRef.current();
    }, wait);
  }, []);

  /** Another tab's save, seen in the stored copy: taken when nothing here is unsaved, otherwise the person chooses. */
  const reconcile = useCallback(() => {
    const stored = latestRef.current;
    if (!stored || inFlightRef.current || stored.updatedAt <= baseRef.current) return;
    if (!dirtyRef.current) {
      baseRef.current = stored.updatedAt;
      draftRef.current = stored;
      setDraft(stored);
      setStatus({ kind: 'saved', at: stored.updatedAt });
      return;
    }
    conflictRef.current = true;
    clearTimer();
    setStatus({ kind: 'conflict', theirs: stored });
  }, []);

  const flush = useCallback(async (): Promise<void> => {
    if (inFlightRef.current) await inFlightRef.current;
    if (!dirtyRef.current || conflictRef.current) return;
    clearTimer();
    const snapshot = draftRef.current;
    dirtyRef.current = false;
    dirtySinceRef.current = null;
    setStatus({ kind: 'saving' });
    const attempt = repos.rubricLibrary.saveDraft(snapshot, baseRef.current).then(
      (saved) => {
        baseRef.current = saved.updatedAt;
        failuresRef.current = 0;
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
          setStatus({ kind: 'conflict', theirs: error.current as RubricDraft });
          return;
        }
        clearTimer();
        if (error instanceof ValidationError || error instanceof ConflictError) {
          // Retrying cannot help: the text stays on screen until it is fixed (or copied away).
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
    reconcileRef.current();
  }, [repos, schedule]);

  useLayoutEffect(() => {
    flushRef.current = flush;
    reconcileRef.current = reconcile;
  }, [flush, reconcile]);

  /** Applies one edit: on screen at once, in the database within 600 ms. */
  const update = useCallback(
    (edit: (current: RubricDraft) => RubricDraft) => {
      const next = edit(draftRef.current);
      if (next === draftRef.current) return;
      draftRef.current = next;
      if (!dirtyRef.current) dirtySinceRef.current = Date.now();
      dirtyRef.current = true;
      setDraft(next);
      if (!conflictRef.current) {
        setStatus((s) => (s.kind === 'saving' || s.kind === 'failed' ? s : { kind: 'pending' }));
        schedule();
      }
    },
    [schedule],
  );

  useEffect(() => {
    latestRef.current = latest;
    reconcile();
  }, [latest, reconcile]);

  useSaveOnLeave(flushRef, dirtyRef, timerRef);

  const keepMine = useCallback(() => {
    if (status.kind !== 'conflict') return;
    baseRef.current = status.theirs.updatedAt;
    conflictRef.current = false;
    dirtyRef.current = true;
    void flushRef.current();
  }, [status]);

  const takeTheirs = useCallback(() => {
    if (status.kind !== 'conflict') return;
    const theirs = status.theirs;
    baseRef.current = theirs.updatedAt;
    conflictRef.current = false;
    dirtyRef.current = false;
    draftRef.current = theirs;
    setDraft(theirs);
    setStatus({ kind: 'saved', at: theirs.updatedAt });
  }, [status]);

  /** Saves what is on screen now and says whether the stored draft now matches it. */
  const saveNow = useCallback(async (): Promise<'saved' | 'conflict' | 'failed'> => {
    await flushRef.current();
    if (conflictRef.current) return 'conflict';
    return dirtyRef.current ? 'failed' : 'saved';
  }, []);

  /** After the draft became a version or was discarded: nothing left to save. */
  const release = useCallback(() => {
    clearTimer();
    dirtyRef.current = false;
    conflictRef.current = true;
  }, []);

  return { draft, status, update, keepMine, takeTheirs, saveNow, release, draftRef };
}
