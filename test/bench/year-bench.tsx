// Year bench: the REAL app (layout, routes, every screen's chunk) over a database holding a year of
// use (test/bench/year-of-data.ts: 300 roles, 3,000 candidates, 10,000 submitted scorecards with
// 12,000 revisions, 300 scorecards due). Run by `npm run bench -- year` (test/tools/bench.mjs).
//
// Screens are timed from the navigation (wouter's navigate, as a link click does) to the frame after
// the one that put the awaited content in the page (two requestAnimationFrame callbacks: by then it
// has been painted). Each screen is opened 3 times, from the not-found page in between: the first
// opening also loads the screen's code. Repository work (backup, restore, erasure) is timed around
// the repository call; the runner samples the JS heap meanwhile (DevTools protocol, every 50 ms,
// by phase); samples cannot land inside one long synchronous task, so a peak is a lower bound.
import { createRoot, type Root } from 'react-dom/client';
import { liveQuery } from 'dexie';
import { navigate } from 'wouter/use-browser-location';
import { createDb, type LoopcardDb } from '../../src/data/db';
import { createRepositories, type Repositories } from '../../src/data/repositories';
import { readFirstScreen } from '../../src/data/first-screen-read';
import { RepositoriesProvider } from '../../src/lib/repositories-context';
import { Layout } from '../../src/app/layout';
import { LIST_PAGE_SIZE } from '../../src/components/paged-list';
import { YEAR, candidateName, fillYearOfData, roleTitle } from './year-of-data';
import { publish } from './bench-result';
import '../../src/app/app.css';

const REPEATS = 3;
const TIMEOUT_MS = 120_000;
const APP_VERSION = '0.1.0';

const status = (text: string) => {
  const element = document.getElementById('status');
  if (element) element.textContent = text;
};
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const frame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));

/** Resolves when `ready()` holds (checked on every DOM change), at the frame after it was rendered. */
function whenPainted(ready: () => boolean, what: string): Promise<{ inDom: number; painted: number }> {
  return new Promise((resolve, reject) => {
    let done = false;
    const timer = setTimeout(() => {
      observer.disconnect();
      reject(new Error(`${what}: not on screen within ${TIMEOUT_MS / 1000} s.`));
    }, TIMEOUT_MS);
    const check = () => {
      if (done || !ready()) return;
      done = true;
      observer.disconnect();
      clearTimeout(timer);
      const inDom = performance.now();
      void frame()
        .then(frame)
        .then(() => resolve({ inDom, painted: performance.now() }));
    };
    const observer = new MutationObserver(check);
    observer.observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true });
    check();
  });
}

/** Resolves with `value()` once it is defined (checked every 10 ms). */
async function until<T>(value: () => T | undefined, what: string): Promise<T> {
  const deadline = performance.now() + TIMEOUT_MS;
  for (;;) {
    const v = value();
    if (v !== undefined) return v;
    if (performance.now() > deadline) throw new Error(`Waited ${TIMEOUT_MS / 1000} s for ${what}.`);
    await sleep(10);
  }
}

const noLoading = () => document.querySelector('#root .loading') === null;
const heading = () => document.querySelector('#root h1')?.textContent?.trim() ?? '';

/** The first answer of a live query (Dexie's liveQuery, as useLiveQuery runs a screen's query). */
function firstOf<T>(query: () => Promise<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    const subscription = liveQuery(query).subscribe({
      next: (value) => {
        subscription.unsubscribe();
        resolve(value);
      },
      error: reject,
    });
  });
}

/** Opens a screen REPEATS times (from the not-found page in between) and returns each time to paint. */
async function timeScreen(path: string, ready: () => boolean, what: string): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < REPEATS; i++) {
    navigate('/nothing-here');
    await whenPainted(() => heading() !== '' && noLoading() && !location.pathname.startsWith(path), `the not-found page before ${what}`);
    await sleep(200);
    const started = performance.now();
    navigate(path);
    const { painted } = await whenPainted(ready, what);
    samples.push(painted - started);
    await sleep(300);
  }
  return samples;
}

declare global {
  interface Window {
    /** What runs now, for the runner's heap sampler (test/tools/bench.mjs, heapPhases). */
    __benchPhase?: string;
  }
}

/**
 * Times `work` and names it for the runner's heap sampler (Runtime.getHeapUsage through the DevTools
 * protocol, by phase: test/tools/bench.mjs). performance.memory is not used: even with Chromium's
 * --enable-precise-memory-info it reported the same figure before and after an 88 MiB export here.
 */
async function timed<T>(phase: string, work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  window.__benchPhase = phase;
  const started = performance.now();
  try {
    const value = await work();
    return { value, ms: performance.now() - started };
  } finally {
    window.__benchPhase = '';
  }
}

/** Types into a text field as a paste does: the whole value in one input event (React listens to it). */
function type(input: HTMLInputElement, value: string) {
  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
  setter?.call(input, value);
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

/** Changes a <select> as a person picking an option does (React listens to the change event). */
function choose(select: HTMLSelectElement, value: string) {
  const setter = Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, 'value')?.set;
  setter?.call(select, value);
  select.dispatchEvent(new Event('change', { bubbles: true }));
}

const f0 = (x: number) => `${x.toFixed(0)} ms`;
const list = (xs: number[]) => xs.map((x) => x.toFixed(0)).join(', ');
const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;

void publish(async () => {
  const name = `loopcard-bench-year-${Date.now()}`;
  let db: LoopcardDb = createDb(name);
  let restoredDb: LoopcardDb | undefined;
  let sealedDb: LoopcardDb | undefined;
  let root: Root | undefined;
  try {
    await db.open();
    const generationStarted = performance.now();
    const year = await fillYearOfData(db, (progress) => status(`Filling a year of data: ${progress}…`));
    const generationMs = performance.now() - generationStarted;
    const [roles, candidates, interviews, scorecards, revisions] = await Promise.all([db.roles.count(), db.candidates.count(), db.interviews.count(), db.scorecards.count(), db.scorecardRevisions.count()]);
    const expectedRevisions = YEAR.scorecards + Math.floor(YEAR.scorecards / YEAR.amendEvery);
    if (roles !== YEAR.roles || candidates !== YEAR.roles * YEAR.candidatesPerRole || scorecards !== YEAR.scorecards || revisions !== expectedRevisions) {
      throw new Error(`The year holds ${roles} roles, ${candidates} candidates, ${scorecards} scorecards and ${revisions} revisions.`);
    }
    const perScorecardMs = (year.timings.viaRepositories ?? NaN) / YEAR.viaRepositories;

    // Opening the app as main.tsx does: the roles list read straight from IndexedDB, the database
    // code loaded at the first sign of use (a pointer moving here), then a connection of its own.
    status('Opening the app…');
    db.close();
    await sleep(500);
    history.replaceState(null, '', '/roles');
    const openStarted = performance.now();
    const firstRead = readFirstScreen({ name });
    let loaded: { repos: Repositories; ms: number } | undefined;
    const loadAll = async () => {
      const started = performance.now();
      db = createDb(name);
      await db.open();
      const all = createRepositories(db);
      loaded = { repos: all, ms: performance.now() - started };
      return all;
    };
    root = createRoot(document.getElementById('root') as HTMLElement);
    root.render(
      <RepositoriesProvider first={{ promise: firstRead, settled: undefined }} load={loadAll}>
        <Layout />
      </RepositoriesProvider>,
    );
    const firstReadMs = await firstRead.then(() => performance.now() - openStarted);
    const firstRole = await whenPainted(() => document.querySelector('#root ul.card-list > li') !== null, 'the first role');
    // The roles list shows its open and closed searches a page at a time, each with its count
    // ("Showing 50 of 270 open searches"): painted when the counts add up to every role.
    const rolesCounted = () => [...document.querySelectorAll('#root .list-count')].reduce((sum, p) => sum + Number((/([\d,]+)\D*$/.exec(p.textContent ?? '')?.[1] ?? '0').replace(/,/g, '')), 0);
    const allRoles = await whenPainted(() => rolesCounted() === YEAR.roles && document.querySelector('#root ul.card-list > li') !== null, `the roles list counting all ${YEAR.roles} roles`);
    window.dispatchEvent(new PointerEvent('pointermove'));
    const { repos, ms: dbOpenMs } = await until(() => loaded, 'the repositories to load at the first pointer move');
    await sleep(1_000);

    // The candidates list: the first page of all 3,000, then one role chosen in the filter, then a
    // name typed into the search (all at once, as a paste), each time back to every candidate.
    status('Candidates…');
    const cards = () => document.querySelectorAll('#root ul[aria-label="Candidates"] > li').length;
    const countSays = () => document.querySelector('#root .list-count')?.textContent ?? '';
    const allCandidates = `Showing ${LIST_PAGE_SIZE} of ${candidates.toLocaleString('en')} candidates`;
    const candidatesAll = await timeScreen('/candidates', () => cards() === LIST_PAGE_SIZE && countSays() === allCandidates && noLoading(), 'the candidates list');
    await whenPainted(() => document.querySelector('#root .stage-badge') !== null, 'the candidates\' stages');
    const roleFilterSamples: number[] = [];
    const textFilterSamples: number[] = [];
    const unfilterSamples: number[] = [];
    const select = document.getElementById('candidate-filter');
    if (!(select instanceof HTMLSelectElement)) throw new Error('The candidates list has no role filter.');
    const search = document.getElementById('candidate-search');
    if (!(search instanceof HTMLInputElement)) throw new Error('The candidates list has no search.');
    const unfiltered = async (change: () => void) => {
      const started = performance.now();
      change();
      const done = await whenPainted(() => cards() === LIST_PAGE_SIZE && countSays() === allCandidates, 'the unfiltered candidates list');
      unfilterSamples.push(done.painted - started);
      await sleep(300);
    };
    for (let i = 0; i < REPEATS; i++) {
      const roleId = year.roleIds[(i * 97) % year.roleIds.length] ?? '';
      let started = performance.now();
      choose(select, roleId);
      let done = await whenPainted(() => cards() === YEAR.candidatesPerRole && countSays() === `${YEAR.candidatesPerRole} candidates`, 'the candidates of one role');
      roleFilterSamples.push(done.painted - started);
      await sleep(300);
      await unfiltered(() => choose(select, ''));
      // "0001" and "0083" are each in one name only; "candidate 1" in a thousand (shown 50 at a time).
      const [text, says, shown] = i === 1 ? ['candidate 1', `Showing ${LIST_PAGE_SIZE} of 1,000 candidates`, LIST_PAGE_SIZE] : [String(1 + i * 41).padStart(4, '0'), '1 candidate', 1];
      started = performance.now();
      type(search, text);
      done = await whenPainted(() => cards() === shown && countSays() === says, `the candidates named “${text}”`);
      textFilterSamples.push(done.painted - started);
      await sleep(300);
      await unfiltered(() => type(search, ''));
    }
    // Show more, twice: the next 50 cards each time, focus on the first of them.
    const showMoreSamples: number[] = [];
    for (let page = 2; page <= 3; page++) {
      const button = [...document.querySelectorAll<HTMLButtonElement>('#root button')].find((b) => b.textContent?.startsWith('Show '));
      if (!button) throw new Error('The candidates list has no Show more button.');
      const started = performance.now();
      button.click();
      const done = await whenPainted(() => cards() === page * LIST_PAGE_SIZE && document.activeElement?.closest('ul[aria-label="Candidates"]') !== null, `page ${page} of the candidates list`);
      showMoreSamples.push(done.painted - started);
      await sleep(300);
    }

    // One candidate's debrief (the last candidate, 3 scorecards; no name set on this device, so the panel shows).
    status('Debrief…');
    const debriefIndex = year.candidateIds.length - 1;
    const debriefName = candidateName(debriefIndex);
    const debrief = await timeScreen(`/candidates/${year.candidateIds[debriefIndex]}/debrief`, () => heading() === debriefName && noLoading() && document.querySelector('#root table, #root .empty-state') !== null, 'the debrief');
    const debriefShows = document.querySelector('#root .empty-state') ? `empty state “${document.querySelector('#root .empty-state')?.getAttribute('aria-label')}”` : 'the panel';

    // Insights: the first role shown, then another role chosen.
    status('Insights…');
    const insights = await timeScreen('/insights', () => heading() === 'Insights' && noLoading() && document.getElementById('insights-role') !== null, 'Insights');
    const insightsRole: number[] = [];
    for (let i = 0; i < REPEATS; i++) {
      const r = 150 + i * 40;
      const roleSelect = document.getElementById('insights-role');
      if (!(roleSelect instanceof HTMLSelectElement)) throw new Error('Insights has no role choice.');
      const started = performance.now();
      choose(roleSelect, year.roleIds[r] ?? '');
      const done = await whenPainted(() => noLoading() && (document.querySelector('#root p[role="status"]')?.textContent ?? '').includes(`for ${roleTitle(r)},`), `Insights for ${roleTitle(r)}`);
      insightsRole.push(done.painted - started);
      await sleep(300);
    }

    // The scorecards due.
    status('Scorecards due…');
    const dueSays = () => document.querySelector('#root p[role="status"]')?.textContent ?? '';
    const due = await timeScreen('/debrief/due', () => heading() === 'Scorecards due' && noLoading() && (dueSays() !== '' || document.querySelector('#root .empty-state') !== null), 'the scorecards due');
    const dueText = dueSays() || 'nothing due';

    // The gather screen, whose list shows every candidate with a submitted scorecard.
    status('Debrief list…');
    let gather: number[] | string;
    try {
      gather = await timeScreen('/debrief', () => heading() === 'Debrief' && noLoading() && document.querySelector('#root a[href$="/debrief"]') !== null && (document.querySelector('#root .list-count')?.textContent ?? '').startsWith(`Showing ${LIST_PAGE_SIZE} of `), 'the debrief list');
    } catch (error) {
      gather = error instanceof Error ? error.message : String(error);
    }

    const gatherSays = document.querySelector('#root .list-count')?.textContent ?? '';
    navigate('/nothing-here');
    await sleep(1_000);

    // The queries behind those screens, called on their own (no rendering), REPEATS times each.
    status('Queries…');
    await Promise.all([repos.pipeline.preload(), repos.due.preload(), repos.insights.preload(), repos.debriefs.preload()]);
    const lastCandidate = year.candidateIds[year.candidateIds.length - 1] ?? '';
    const queries: [string, () => Promise<unknown>][] = [
      ['roles.list', () => repos.roles.list()],
      ['candidates.list (roles list counts, candidates list)', () => repos.candidates.list()],
      ['roles.searches (roles list clocks)', () => repos.roles.searches()],
      ['pipeline.candidateStages (candidates list stages)', () => repos.pipeline.candidateStages()],
      ['due.scorecardsDue', () => repos.due.scorecardsDue()],
      ['insights.insights(one role)', () => repos.insights.insights(year.roleIds[150] ?? null)],
      // The same three as their screens run them: in a live query, with Dexie's change tracking.
      ['pipeline.candidateStages, in a live query', () => firstOf(() => repos.pipeline.candidateStages())],
      ['due.scorecardsDue, in a live query', () => firstOf(() => repos.due.scorecardsDue())],
      ['insights.insights(one role), in a live query', () => firstOf(() => repos.insights.insights(year.roleIds[150] ?? null))],
      ['scorecards.listForCandidate (debrief)', () => repos.scorecards.listForCandidate(lastCandidate)],
      // Raw reads, no validation: how much of a screen or a backup is IndexedDB itself.
      ['raw read: every submitted revision (what Insights reads for one role)', () => db.scorecardRevisions.toArray()],
      ['raw read: every interview', () => db.interviews.toArray()],
      [
        'raw read: every table (what a backup reads)',
        () => Promise.all([db.roles, db.candidates, db.rubrics, db.interviews, db.scorecards, db.scorecardRevisions, db.debriefs, db.screens, db.settings].map((table) => table.toArray())),
      ],
    ];
    const queryTimes: Record<string, string> = {};
    for (const [label, query] of queries) {
      const times: number[] = [];
      for (let i = 0; i < REPEATS; i++) {
        const started = performance.now();
        await query();
        times.push(performance.now() - started);
      }
      queryTimes[`query: ${label}`] = `${list(times)} ms`;
    }

    // A full backup, then a restore of it into an empty database; then the same sealed with a
    // passphrase, checked (a backup is a chunked file of version 6, written and read a chunk at a time).
    status('Backup…');
    await repos.backup.preload();
    // The heap at rest before the backup and before the restore, for the peaks to be read against.
    await timed('at rest, before the backup', () => sleep(1_500));
    const backup = await timed('backup export', () => repos.backup.exportBackup({ appVersion: APP_VERSION }));
    const backupBytes = backup.value.bytes;
    if (backup.value.blob.size !== backupBytes) throw new Error(`The backup is ${backup.value.blob.size} bytes, but says ${backupBytes}.`);
    status('Restore…');
    restoredDb = createDb(`${name}-restored`);
    await restoredDb.open();
    const into = createRepositories(restoredDb);
    await into.backup.preload();
    await timed('at rest, before the restore', () => sleep(1_500));
    // In a block, so the checked rows are let go before the encrypted backup is measured.
    const { preview, restore } = await (async () => {
      const checking = await timed('restore check', () => into.backup.previewRestore(backup.value.blob));
      if (!checking.value.ok) throw new Error(`The backup was refused: ${checking.value.reason}`);
      const checked = checking.value.backup;
      const writing = await timed('restore write', () => into.backup.restore(checked));
      return { preview: { ms: checking.ms }, restore: { ms: writing.ms } };
    })();
    const restoredRevisions = await restoredDb.scorecardRevisions.count();
    if (restoredRevisions !== revisions) throw new Error(`The restore holds ${restoredRevisions} revisions, expected ${revisions}.`);
    status('Encrypted backup…');
    await timed('at rest, before the encrypted backup', () => sleep(1_500));
    const sealed = await timed('backup export, encrypted', () => repos.backup.exportBackup({ appVersion: APP_VERSION, passphrase: 'correct horse battery staple' }));
    await sleep(1_000);
    // Into another empty database, as the plain one was checked.
    sealedDb = createDb(`${name}-sealed`);
    await sealedDb.open();
    const intoSealed = createRepositories(sealedDb);
    await intoSealed.backup.preload();
    const sealedPreview = await timed('restore check, encrypted', () => intoSealed.backup.previewRestore(sealed.value.blob, { passphrase: 'correct horse battery staple' }));
    if (!sealedPreview.value.ok) throw new Error(`The encrypted backup was refused: ${sealedPreview.value.reason}`);

    // Erasing one candidate (4 interviews, scorecards and their revisions).
    status('Erasure…');
    await repos.erasure.preload();
    const erased = await timed('erasure', () => repos.erasure.eraseCandidate(year.candidateIds[0] ?? ''));
    const counts = erased.value.counts;

    const samples = [firstRole.painted - openStarted, ...candidatesAll, ...roleFilterSamples, ...textFilterSamples, ...unfilterSamples, ...showMoreSamples, ...debrief, ...insights, ...insightsRole, ...due, backup.ms, preview.ms + restore.ms, erased.ms];
    return {
      samples,
      series: {
        'candidates list, first page of 3,000 painted': candidatesAll,
        'candidates filter: one role (10)': roleFilterSamples,
        'candidates filter: name typed': textFilterSamples,
        'candidates filter: back to all': unfilterSamples,
        'candidates: Show more (50 more)': showMoreSamples,
        'debrief of one candidate': debrief,
        'Insights, first role': insights,
        'Insights, another role chosen': insightsRole,
        'scorecards due': due,
      },
      extra: {
        'data': `${roles} roles, ${candidates} candidates, ${interviews} interviews, ${scorecards} scorecards (${revisions} submitted revisions; every ${YEAR.amendEvery}th amended), ${YEAR.evidenceChars} chars of evidence a dimension`,
        'filling (not measured)': `${(generationMs / 1000).toFixed(1)} s: roles ${f0(year.timings.roles ?? NaN)}, candidates ${f0(year.timings.candidates ?? NaN)} (through the repositories), ${YEAR.viaRepositories} scorecards through the repositories ${f0(year.timings.viaRepositories ?? NaN)}, ${year.timings.bulkScorecards} in bulk ${f0(year.timings.bulk ?? NaN)}`,
        'scorecard through the repositories': `${perScorecardMs.toFixed(1)} ms each (add to loop, open, submit; every ${YEAR.amendEvery}th amended and submitted again): 10,000 would take ${((perScorecardMs * YEAR.scorecards) / 1000).toFixed(0)} s`,
        'open: roles list read straight from IndexedDB': f0(firstReadMs),
        'open: the app’s own connection, at the first pointer move': f0(dbOpenMs),
        'open: first role painted': f0(firstRole.painted - openStarted),
        'open: roles list painted with all 300 counted': f0(allRoles.painted - openStarted),
        'candidates list, first page painted': `${list(candidatesAll)} ms (first includes the screen's code; ${LIST_PAGE_SIZE} cards, “${allCandidates}”)`,
        'candidates filter: one role': `${list(roleFilterSamples)} ms (goal ≤ 100 ms)`,
        'candidates filter: name typed': `${list(textFilterSamples)} ms (goal ≤ 100 ms; 1, 1,000, 1 matches)`,
        'candidates filter: back to all': `${list(unfilterSamples)} ms (goal ≤ 100 ms)`,
        'candidates: Show more': `${list(showMoreSamples)} ms (50 more cards each, focus on the first)`,
        'debrief': `${list(debrief)} ms (shows ${debriefShows})`,
        'Insights, first role': `${list(insights)} ms`,
        'Insights, role chosen': `${list(insightsRole)} ms`,
        'debrief list (/debrief)': typeof gather === 'string' ? `failed: ${gather}` : `${list(gather)} ms (“${gatherSays}”)`,
        ...queryTimes,
        'scorecards due': `${list(due)} ms (the page says “${dueText}”)`,
        'backup export': `${f0(backup.ms)}, ${mib(backupBytes)} (format version 6, in chunks)`,
        'backup export, encrypted': `${f0(sealed.ms)}, ${mib(sealed.value.bytes)}`,
        'restore: check (previewRestore)': f0(preview.ms),
        'restore: check, encrypted': f0(sealedPreview.ms),
        'restore: write (restore)': `${f0(restore.ms)}; ${restoredRevisions} revisions restored into an empty database`,
        'erase one candidate': `${f0(erased.ms)} (${counts.interviews} interviews, ${counts.scorecards} scorecards, ${counts.revisions} revisions, ${counts.debriefs} debriefs)`,
      },
    };
  } finally {
    root?.unmount();
    db.close();
    restoredDb?.close();
    sealedDb?.close();
  }
});
