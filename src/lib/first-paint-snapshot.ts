/**
 * The roles list as this device last drew it, kept in localStorage so that the next start paints
 * it before the app's code has run: index.html's inline script puts it into `<main>` while the
 * HTML is parsed, and React's first render, which waits for the database's answer, draws the same
 * list over it. It is used only when it is what React will draw:
 * - taken by the same build (the entry script's hashed name), so the markup and styles agree;
 * - taken the same day, since the search clocks count days;
 * - no write to the list's tables since it was taken: the app's database forgets it on each
 *   (`src/app/database.ts`), in this tab or another.
 * It holds what the list shows (roles, their search clocks and counts), which the database holds
 * too; an erasure is a write, so it forgets the snapshot with the rest.
 */
export const SNAPSHOT_KEY = 'loopcard:first-screen';

/** Larger lists are not kept: localStorage is shared with the unsaved-text journal. */
export const SNAPSHOT_MAX_CHARS = 150_000;

/** Marks the list put on screen from the snapshot, until React draws its own. */
export const SNAPSHOT_ATTRIBUTE = 'data-snapshot';

type StoredSnapshot = { build: string; day: string; html: string };

export type SnapshotPlace = {
  /** localStorage in the app; called inside each function's guard, since the getter itself throws where storage is switched off. */
  storage: () => Storage;
  /** The build that draws it: the entry script's address (`buildOf`). */
  build: string;
  now: Date;
};

/** The build of a page: its entry module's address, whose name carries a hash of its code. */
export function buildOf(doc: Document): string | null {
  return doc.querySelector('script[type="module"][src]')?.getAttribute('src') ?? null;
}

/** The local day of a date, as the search clocks count it: "2026-12-01". */
export function dayOf(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

function isStoredSnapshot(value: unknown): value is StoredSnapshot {
  if (typeof value !== 'object' || value === null) return false;
  const { build, day, html } = value as Record<string, unknown>;
  return typeof build === 'string' && typeof day === 'string' && typeof html === 'string';
}

/** Keeps the list's markup for the next start; false when it was not kept (too large, storage refused). */
export function saveSnapshot(html: string, { storage, build, now }: SnapshotPlace): boolean {
  try {
    if (html.length > SNAPSHOT_MAX_CHARS) {
      forgetSnapshot(storage);
      return false;
    }
    const stored: StoredSnapshot = { build, day: dayOf(now), html };
    const text = JSON.stringify(stored);
    if (storage().getItem(SNAPSHOT_KEY) !== text) storage().setItem(SNAPSHOT_KEY, text);
    return true;
  } catch {
    // Storage full or switched off: the next start shows the list when the database answers.
    forgetSnapshot(storage);
    return false;
  }
}

/** The list's data changed: the snapshot no longer shows it. */
export function forgetSnapshot(storage: () => Storage): void {
  try {
    storage().removeItem(SNAPSHOT_KEY);
  } catch {
    // Storage switched off: nothing was kept.
  }
}

/**
 * Calls `listener` when another tab forgets the kept list, which it does on writing to what the
 * list shows (or when storage is cleared); returns a stop.
 */
export function onSnapshotForgottenElsewhere(listener: () => void): () => void {
  const heard = (event: StorageEvent) => {
    if (event.key === null || (event.key === SNAPSHOT_KEY && event.newValue === null)) listener();
  };
  window.addEventListener('storage', heard);
  return () => window.removeEventListener('storage', heard);
}

/** The kept markup when this build would draw it today, else null. */
export function readSnapshot({ storage, build, now }: SnapshotPlace): string | null {
  try {
    const text = storage().getItem(SNAPSHOT_KEY);
    if (text === null || text.length > SNAPSHOT_MAX_CHARS * 2) return null;
    const stored: unknown = JSON.parse(text);
    if (!isStoredSnapshot(stored) || stored.build !== build || stored.day !== dayOf(now)) return null;
    return stored.html;
  } catch {
    return null;
  }
}

/**
 * Puts the kept list into `<main>` as soon as the parser has made it, before the first paint.
 * Called from index.html's inline script, in `<head>`; true when a snapshot will be shown.
 */
export function showSnapshotWhenParsed(doc: Document, storage: () => Storage, now: Date): boolean {
  const build = buildOf(doc);
  const html = build === null ? null : readSnapshot({ storage, build, now });
  if (html === null) return false;
  const place = (): boolean => {
    const main = doc.getElementById('main');
    if (!main) return false;
    main.innerHTML = html;
    main.firstElementChild?.setAttribute(SNAPSHOT_ATTRIBUTE, '');
    return true;
  };
  if (place()) return true;
  const watch = new MutationObserver(() => {
    if (place()) watch.disconnect();
  });
  watch.observe(doc, { childList: true, subtree: true });
  doc.addEventListener('DOMContentLoaded', () => watch.disconnect(), { once: true });
  return true;
}

/**
 * Settles once the page has painted something (the snapshot), or soon after where it cannot tell
 * (a hidden tab paints nothing). React's first render waits for it: drawn over before its frame
 * reached the screen, the snapshot would have been parsed for nothing.
 */
export function firstPaintDone(waitAtMostMs = 250): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, waitAtMostMs);
    let observer: PerformanceObserver | null = null;
    function done() {
      clearTimeout(timer);
      observer?.disconnect();
      resolve();
    }
    if (document.visibilityState === 'hidden' || typeof PerformanceObserver !== 'function') return done();
    try {
      observer = new PerformanceObserver((list) => {
        if (list.getEntries().some((entry) => entry.name === 'first-contentful-paint')) done();
      });
      observer.observe({ type: 'paint', buffered: true });
    } catch {
      // No paint timing here: the timer decides.
    }
  });
}
