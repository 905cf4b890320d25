// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  SNAPSHOT_ATTRIBUTE,
  SNAPSHOT_KEY,
  SNAPSHOT_MAX_CHARS,
  buildOf,
  dayOf,
  firstPaintDone,
  forgetSnapshot,
  onSnapshotForgottenElsewhere,
  readSnapshot,
  saveSnapshot,
  showSnapshotWhenParsed,
} from '../../src/lib/first-paint-snapshot';

const BUILD = '/assets/index-AbC123.js';
const LIST = '<div class="screen-body"><div class="page-head"><h1>Roles</h1></div><ul class="card-list" aria-label="Open searches"><li>Senior MLOps Engineer, Serving</li></ul></div>';
// 23:50 local time: the search clocks count local days.
const LATE_EVENING = new Date(2026, 11, 1, 23, 50);
const NEXT_MORNING = new Date(2026, 11, 2, 0, 10);

/** A Storage whose writes fail as a full disk's do. */
function fullStorage(kept: Record<string, string>): Storage {
  const storage = new Map(Object.entries(kept));
  return {
    get length() {
      return storage.size;
    },
    key: (i) => [...storage.keys()][i] ?? null,
    getItem: (key) => storage.get(key) ?? null,
    setItem: () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    },
    removeItem: (key) => void storage.delete(key),
    clear: () => storage.clear(),
  };
}

/** A page as index.html starts: its entry module in <head>, <main> parsed later or not at all. */
function pageWithEntry(src: string | null): Document {
  const doc = document.implementation.createHTMLDocument('Loopcard');
  if (src !== null) {
    const script = doc.createElement('script');
    script.type = 'module';
    script.src = src;
    doc.head.append(script);
  }
  return doc;
}

function parseShell(doc: Document): HTMLElement {
  const root = doc.createElement('div');
  root.id = 'root';
  root.innerHTML = '<div class="shell"><header class="app-header">Loopcard</header><main id="main" class="main"></main></div>';
  doc.body.append(root);
  return root;
}

afterEach(() => {
  localStorage.clear();
  vi.useRealTimers();
});

describe('the roles list kept for the next start', () => {
  it('is read back by the same build on the same local day, and by no other build or day', () => {
    expect(saveSnapshot(LIST, { storage: () => localStorage, build: BUILD, now: LATE_EVENING })).toBe(true);

    expect(readSnapshot({ storage: () => localStorage, build: BUILD, now: new Date(2026, 11, 1, 7, 0) })).toBe(LIST);
    expect(readSnapshot({ storage: () => localStorage, build: '/assets/index-ZzZ999.js', now: LATE_EVENING })).toBeNull();
    expect(readSnapshot({ storage: () => localStorage, build: BUILD, now: NEXT_MORNING })).toBeNull();
    expect(dayOf(LATE_EVENING)).toBe('2026-12-01');
  });

  it('reads nothing from a missing, malformed or foreign entry', () => {
    const place = { storage: () => localStorage, build: BUILD, now: LATE_EVENING };
    expect(readSnapshot(place)).toBeNull();
    for (const text of ['{not json', 'null', '"<ul></ul>"', JSON.stringify({ build: BUILD, day: '2026-12-01' }), JSON.stringify({ build: BUILD, day: '2026-12-01', html: 42 })]) {
      localStorage.setItem(SNAPSHOT_KEY, text);
      expect(readSnapshot(place)).toBeNull();
    }
  });

  it('keeps no list larger than its limit, and forgets the one it had', () => {
    const place = { storage: () => localStorage, build: BUILD, now: LATE_EVENING };
    saveSnapshot(LIST, place);
    expect(saveSnapshot(`<ul>${'<li>role</li>'.repeat(SNAPSHOT_MAX_CHARS / 10)}</ul>`, place)).toBe(false);
    expect(localStorage.getItem(SNAPSHOT_KEY)).toBeNull();
  });

  it('on a full disk keeps nothing and throws nothing, and forgets an older list', () => {
    const older = JSON.stringify({ build: BUILD, day: dayOf(LATE_EVENING), html: '<div class="screen-body"><h1>Roles</h1></div>' });
    const storage = fullStorage({ [SNAPSHOT_KEY]: older });
    expect(readSnapshot({ storage: () => storage, build: BUILD, now: LATE_EVENING })).not.toBeNull();
    expect(saveSnapshot(LIST, { storage: () => storage, build: BUILD, now: LATE_EVENING })).toBe(false);
    expect(readSnapshot({ storage: () => storage, build: BUILD, now: LATE_EVENING })).toBeNull();
  });

  it('is forgotten on request, and storage that refuses every call is not an error', () => {
    saveSnapshot(LIST, { storage: () => localStorage, build: BUILD, now: LATE_EVENING });
    forgetSnapshot(() => localStorage);
    expect(localStorage.getItem(SNAPSHOT_KEY)).toBeNull();

    const refusing = new Proxy(localStorage, {
      get: () => () => {
        throw new DOMException('Storage is switched off.', 'SecurityError');
      },
    });
    expect(() => forgetSnapshot(() => refusing)).not.toThrow();
    expect(readSnapshot({ storage: () => refusing, build: BUILD, now: LATE_EVENING })).toBeNull();
    expect(saveSnapshot(LIST, { storage: () => refusing, build: BUILD, now: LATE_EVENING })).toBe(false);

    // Where storage is switched off, reading window.localStorage itself throws.
    const switchedOff = (): Storage => {
      throw new DOMException('Storage is switched off.', 'SecurityError');
    };
    expect(() => forgetSnapshot(switchedOff)).not.toThrow();
    expect(readSnapshot({ storage: switchedOff, build: BUILD, now: LATE_EVENING })).toBeNull();
    expect(saveSnapshot(LIST, { storage: switchedOff, build: BUILD, now: LATE_EVENING })).toBe(false);
    expect(showSnapshotWhenParsed(pageWithEntry(BUILD), switchedOff, LATE_EVENING)).toBe(false);
  });
});

describe('showing it while the page is parsed', () => {
  it('puts the list into <main> as soon as the parser makes it, marked as the snapshot', async () => {
    const doc = pageWithEntry(BUILD);
    expect(buildOf(doc)).toBe(BUILD);
    saveSnapshot(LIST, { storage: () => localStorage, build: BUILD, now: new Date() });

    expect(showSnapshotWhenParsed(doc, () => localStorage, new Date())).toBe(true);
    parseShell(doc);
    await Promise.resolve();

    const main = doc.getElementById('main');
    expect(main?.querySelector('h1')?.textContent).toBe('Roles');
    expect(main?.querySelectorAll('ul.card-list > li')).toHaveLength(1);
    expect(main?.firstElementChild?.hasAttribute(SNAPSHOT_ATTRIBUTE)).toBe(true);
  });

  it('fills a <main> already there at once', () => {
    const doc = pageWithEntry(BUILD);
    parseShell(doc);
    saveSnapshot(LIST, { storage: () => localStorage, build: BUILD, now: new Date() });
    expect(showSnapshotWhenParsed(doc, () => localStorage, new Date())).toBe(true);
    expect(doc.querySelector('#main h1')?.textContent).toBe('Roles');
  });

  it('shows nothing when the list was kept by another build, or the page names no build', async () => {
    saveSnapshot(LIST, { storage: () => localStorage, build: '/assets/index-Old000.js', now: new Date() });
    const updated = pageWithEntry(BUILD);
    expect(showSnapshotWhenParsed(updated, () => localStorage, new Date())).toBe(false);
    parseShell(updated);
    await Promise.resolve();
    expect(updated.getElementById('main')?.childElementCount).toBe(0);

    saveSnapshot(LIST, { storage: () => localStorage, build: BUILD, now: new Date() });
    expect(showSnapshotWhenParsed(pageWithEntry(null), () => localStorage, new Date())).toBe(false);
  });
});

describe('waiting for the first paint', () => {
  it('does not wait in a hidden tab, which paints nothing', async () => {
    vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
    vi.useFakeTimers();
    let done = false;
    void firstPaintDone(10_000).then(() => (done = true));
    await vi.advanceTimersByTimeAsync(0);
    expect(done).toBe(true);
  });

  it('gives up after its limit where no paint is reported', async () => {
    vi.useFakeTimers();
    let done = false;
    void firstPaintDone(250).then(() => (done = true));
    await vi.advanceTimersByTimeAsync(200);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(60);
    expect(done).toBe(true);
  });
});

describe('hearing another tab forget it', () => {
  it('hears another tab forget the kept list or clear storage, and nothing else', () => {
    const heard = vi.fn();
    const stop = onSnapshotForgottenElsewhere(heard);
    const otherTab = (init: StorageEventInit) => window.dispatchEvent(new StorageEvent('storage', init));

    otherTab({ key: SNAPSHOT_KEY, oldValue: '{}', newValue: '{"html":""}' });
    otherTab({ key: 'loopcard:showAnchors', oldValue: 'true', newValue: null });
    expect(heard).not.toHaveBeenCalled();

    otherTab({ key: SNAPSHOT_KEY, oldValue: '{}', newValue: null });
    otherTab({ key: null });
    expect(heard).toHaveBeenCalledTimes(2);

    stop();
    otherTab({ key: SNAPSHOT_KEY, oldValue: '{}', newValue: null });
    expect(heard).toHaveBeenCalledTimes(2);
  });
});
