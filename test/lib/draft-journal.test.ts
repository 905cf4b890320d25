import { describe, expect, it, vi } from 'vitest';
import { JOURNAL_MAX_CHARS, JOURNAL_ORPHANED_AFTER_MS, createDraftJournal } from '../../src/lib/draft-journal';

/** A Storage shared by the "tabs" of one test, with an optional quota in characters (keys + values). */
class MemoryStorage implements Storage {
  private readonly items = new Map<string, string>();
  constructor(private readonly quota = Infinity) {}
  get length() {
    return this.items.size;
  }
  key(index: number) {
    return [...this.items.keys()][index] ?? null;
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    const used = [...this.items].reduce((sum, [k, v]) => sum + (k === key ? 0 : k.length + v.length), 0);
    if (used + key.length + value.length > this.quota) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    this.items.set(key, value);
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
  clear() {
    this.items.clear();
  }
  keys() {
    return [...this.items.keys()];
  }
}

/** One tab: its own id and clock over the shared storage; the heartbeat is driven by hand (beat()). */
function tab(storage: MemoryStorage, tabId: string, clock: { now: number }, legacy?: MemoryStorage) {
  let beat: (() => void) | null = null;
  const journal = createDraftJournal({
    storage: () => storage,
    ...(legacy ? { legacy: () => legacy } : {}),
    tabId,
    now: () => clock.now,
    setInterval: (run) => {
      beat = run;
      return 1;
    },
    clearInterval: () => {
      beat = null;
    },
  });
  return { ...journal, beat: () => beat?.(), beating: () => beat !== null };
}

const entry = (text: string, at: number, baseEditVersion = 1) => ({ content: { text }, baseEditVersion, at });

describe('draft journal', () => {
  it('gives a reloaded page its own last text at once', () => {
    const storage = new MemoryStorage();
    const clock = { now: 10_000 };
    const before = tab(storage, 'tab-a', clock);
    expect(before.write('card-1', entry('typed before the reload', clock.now))).toBe(true);
    before.leave(); // pagehide: stops beating, so the next page does not wait
    const after = tab(storage, 'tab-b', clock);
    expect(after.adopt('card-1')).toEqual({ entry: entry('typed before the reload', 10_000), recheckAt: null });
  });

  it('never gives a live tab’s unsaved text to a second tab, and says when to look again', () => {
    const storage = new MemoryStorage();
    const clock = { now: 10_000 };
    const first = tab(storage, 'tab-a', clock);
    first.write('card-1', entry('the first tab is still typing', clock.now));
    clock.now += 1_500;
    first.beat();
    const second = tab(storage, 'tab-b', clock);
    expect(second.adopt('card-1')).toEqual({ entry: null, recheckAt: 11_500 + JOURNAL_ORPHANED_AFTER_MS });
    // Still beating when the second tab looks again: still not its text.
    clock.now += 1_900;
    first.beat();
    expect(second.adopt('card-1').entry).toBeNull();
    // The first tab keeps its entry, and keeps writing it.
    expect(first.write('card-1', entry('the first tab is still typing, more', clock.now))).toBe(true);
    expect(storage.keys().filter((k) => k.startsWith('loopcard:unsaved:'))).toEqual(['loopcard:unsaved:card-1:tab-a']);
  });

  it('hands a killed tab’s text to the next tab once the killed tab has been silent for two seconds', () => {
    const storage = new MemoryStorage();
    const clock = { now: 10_000 };
    const killed = tab(storage, 'tab-a', clock);
    killed.write('card-1', entry('typed until the kill', clock.now));
    // Killed: no pagehide, no more beats.
    clock.now += 500;
    const next = tab(storage, 'tab-b', clock);
    expect(next.adopt('card-1')).toEqual({ entry: null, recheckAt: 10_000 + JOURNAL_ORPHANED_AFTER_MS });
    clock.now = 10_000 + JOURNAL_ORPHANED_AFTER_MS;
    expect(next.adopt('card-1')).toEqual({ entry: entry('typed until the kill', 10_000), recheckAt: null });
    // Taken over: now the next tab's entry, beaten for by it, and the dead tab's traces are gone.
    expect(storage.keys().sort()).toEqual(['loopcard:tab:tab-b', 'loopcard:unsaved:card-1:tab-b']);
    expect(next.beating()).toBe(true);
    // A third tab opening now leaves it to the tab that adopted it.
    expect(tab(storage, 'tab-c', clock).adopt('card-1').entry).toBeNull();
  });

  it('takes the newest of several orphaned entries, and ignores other scorecards', () => {
    const storage = new MemoryStorage();
    const clock = { now: 10_000 };
    tab(storage, 'tab-a', clock).write('card-1', entry('older', 10_000));
    tab(storage, 'tab-b', clock).write('card-1', entry('newer', 10_200));
    tab(storage, 'tab-c', clock).write('card-2', entry('another scorecard', 10_300));
    clock.now = 20_000;
    expect(tab(storage, 'tab-d', clock).adopt('card-1').entry).toEqual(entry('newer', 10_200));
  });

  it('drops its entry once saved, and stops beating when it holds none', () => {
    const storage = new MemoryStorage();
    const clock = { now: 10_000 };
    const me = tab(storage, 'tab-a', clock);
    me.write('card-1', entry('one', clock.now));
    me.write('card-2', entry('two', clock.now));
    me.release('card-1');
    expect(me.beating()).toBe(true);
    me.release('card-2');
    expect(me.beating()).toBe(false);
    expect(storage.keys()).toEqual([]);
  });

  it('refuses an entry over the cap and removes its older copy, so a stale text never comes back', () => {
    const storage = new MemoryStorage();
    const clock = { now: 10_000 };
    const me = tab(storage, 'tab-a', clock);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    me.write('card-1', entry('short', clock.now));
    expect(me.write('card-1', entry('x'.repeat(JOURNAL_MAX_CHARS), clock.now))).toBe(false);
    expect(storage.getItem('loopcard:unsaved:card-1:tab-a')).toBeNull();
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('over the 1000000 cap'));
  });

  it('in a full storage, keeps typing and leaves no stale copy behind', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const clock = { now: 10_000 };
    const storage = new MemoryStorage(1_000);
    storage.setItem('loopcard:unsaved:card-2:tab-other', JSON.stringify(entry('o'.repeat(400), 1)));
    const me = tab(storage, 'tab-a', clock);
    expect(me.write('card-1', entry('a'.repeat(300), clock.now))).toBe(true);
    expect(me.write('card-1', entry('b'.repeat(500), clock.now))).toBe(false);
    expect(warn).toHaveBeenCalledWith('Unsaved-text journal not written', expect.any(DOMException));
    // The older copy would be adopted after a crash and mistaken for the latest text: it goes.
    expect(storage.getItem('loopcard:unsaved:card-1:tab-a')).toBeNull();
    expect(me.beating()).toBe(false);
    // Another tab's entry is not ours to free.
    expect(storage.getItem('loopcard:unsaved:card-2:tab-other')).toContain('ooo');
  });

  it('clears every tab’s text for an erased scorecard', () => {
    const storage = new MemoryStorage();
    const legacy = new MemoryStorage();
    legacy.setItem('loopcard:unsaved:card-1', JSON.stringify(entry('old per-tab copy', 1)));
    const clock = { now: 10_000 };
    tab(storage, 'tab-a', clock).write('card-1', entry('a', clock.now));
    const me = tab(storage, 'tab-b', clock, legacy);
    me.write('card-1', entry('b', clock.now));
    me.write('card-2', entry('kept', clock.now));
    me.clearAll('card-1');
    expect(storage.keys().filter((k) => k.startsWith('loopcard:unsaved:'))).toEqual(['loopcard:unsaved:card-2:tab-b']);
    expect(legacy.keys()).toEqual([]);
  });

  it('reads the per-tab journal of earlier versions, once', () => {
    const storage = new MemoryStorage();
    const legacy = new MemoryStorage();
    legacy.setItem('loopcard:unsaved:card-1', JSON.stringify(entry('kept in sessionStorage before the update', 5)));
    const clock = { now: 10_000 };
    const me = tab(storage, 'tab-a', clock, legacy);
    expect(me.adopt('card-1').entry).toEqual(entry('kept in sessionStorage before the update', 5));
    expect(legacy.keys()).toEqual([]);
    expect(storage.getItem('loopcard:unsaved:card-1:tab-a')).toContain('before the update');
  });

  it('drops an unreadable entry instead of failing', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const storage = new MemoryStorage();
    storage.setItem('loopcard:unsaved:card-1:tab-gone', '{not json');
    expect(tab(storage, 'tab-a', { now: 10_000 }).adopt('card-1')).toEqual({ entry: null, recheckAt: null });
    expect(storage.keys()).toEqual([]);
    expect(warn).toHaveBeenCalled();
  });
});
