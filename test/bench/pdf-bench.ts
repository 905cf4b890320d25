// PDF bench: the decision-packet PDF for a panel of 8 submitted scorecards, each dimension (5) with
// 2,000 characters of evidence. The data goes through the real repositories into real IndexedDB;
// the packet is built once, then the PDF is measured two ways:
//   (a) renderPacketPdf on this (the main) thread, fonts already loaded: first run, then repeats;
//   (b) makePacketPdf, as the debrief page calls it: a Web Worker per call, which loads jsPDF and
//       fetches the fonts itself. Meanwhile the main thread's longest gap between
//       requestAnimationFrame and setTimeout(0) ticks is recorded: whether input stays live.
// Run by `npm run bench` (test/tools/bench.mjs).
import { createDb } from '../../src/data/db';
import { createRepositories } from '../../src/data/repositories';
import type { Consensus } from '../../src/domain/debrief';
import { LEVEL_VALUES, type RatingLevel } from '../../src/domain/rubric';
import { loadPdfFonts } from '../../src/lib/pdf/fonts';
import { makePacketPdf } from '../../src/lib/pdf/make-packet-pdf';
import { renderPacketPdf, type PdfMeta } from '../../src/lib/pdf/packet-pdf';
import { servingRole } from '../fixtures/roles';
import { submitScorecard } from './bench-data';
import { publish } from './bench-result';

const EVIDENCE_CHARS = 2_000;
const INTERVIEWERS = ['Ana Lopez', 'Łukasz Dvořák', 'Nguyễn Thị Zhōu', 'Ødegaard', 'Priya Raman', 'Siobhán O’Connor', 'Jean-Luc Müller', 'Kwame Mensah'];
const MAIN_REPEATS = 20;
const WORKER_REPEATS = 10;
const IDLE_WINDOWS = 11;
const IDLE_WINDOW_MS = 600;

/** Longest gaps (ms), and when each began (ms after the tracking started). */
type Gaps = { frame: number; frameAt: number; timer: number; timerAt: number; frames: number; timers: number; span: number };

/**
 * Ticks requestAnimationFrame and setTimeout(0) until stopped and records the longest time between
 * two ticks of each (counting from the start and up to the stop): how long input would have waited.
 */
function trackGaps(): { stop: () => Gaps } {
  let running = true;
  const start = performance.now();
  const gaps: Gaps = { frame: 0, frameAt: 0, timer: 0, timerAt: 0, frames: 0, timers: 0, span: 0 };
  let lastFrame = start;
  let lastTimer = start;
  let frameHandle = 0;
  let timerHandle = 0;
  const onFrame = () => {
    const now = performance.now();
    if (now - lastFrame > gaps.frame) {
      gaps.frame = now - lastFrame;
      gaps.frameAt = lastFrame - start;
    }
    lastFrame = now;
    gaps.frames += 1;
    if (running) frameHandle = requestAnimationFrame(onFrame);
  };
  const onTimer = () => {
    const now = performance.now();
    if (now - lastTimer > gaps.timer) {
      gaps.timer = now - lastTimer;
      gaps.timerAt = lastTimer - start;
    }
    lastTimer = now;
    gaps.timers += 1;
    if (running) timerHandle = window.setTimeout(onTimer, 0);
  };
  frameHandle = requestAnimationFrame(onFrame);
  timerHandle = window.setTimeout(onTimer, 0);
  return {
    stop() {
      running = false;
      cancelAnimationFrame(frameHandle);
      clearTimeout(timerHandle);
      const now = performance.now();
      const result = { ...gaps, span: now - start };
      if (now - lastFrame > result.frame) Object.assign(result, { frame: now - lastFrame, frameAt: lastFrame - start });
      if (now - lastTimer > result.timer) Object.assign(result, { timer: now - lastTimer, timerAt: lastTimer - start });
      return result;
    },
  };
}

const sleep = (msDelay: number) => new Promise<void>((resolve) => setTimeout(resolve, msDelay));
const f1 = (x: number) => `${x.toFixed(1)} ms`;

/** Pages in a jsPDF file: one `/Type /Page` dictionary each (not `/Type /Pages`, the tree). */
function pdfFacts(bytes: ArrayBuffer): { size: number; pages: number } {
  const text = new TextDecoder('latin1').decode(bytes);
  if (!text.startsWith('%PDF-') || !text.trimEnd().endsWith('%%EOF')) throw new Error('The output is not a complete PDF.');
  return { size: bytes.byteLength, pages: (text.match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length };
}

function asLevel(value: number): RatingLevel {
  const level = LEVEL_VALUES.find((l) => l === value);
  if (level === undefined) throw new Error(`${value} is not a level.`);
  return level;
}

void publish(async () => {
  const db = createDb(`loopcard-bench-pdf-${Date.now()}`);
  try {
    // The panel, through the repositories, as the app builds it.
    const generationStarted = performance.now();
    const repos = createRepositories(db);
    const role = await repos.roles.create(servingRole);
    const candidate = await repos.candidates.create({ name: 'Zoë Ångström-Nakamura', roleId: role.id, notes: '' });
    for (const [i, interviewerName] of INTERVIEWERS.entries()) {
      const interview = await repos.interviews.addToLoop(candidate.id, { interviewerName, plannedAt: `2026-11-0${(i % 5) + 2}T1${i}:00` });
      await submitScorecard(repos, interview.id, i, EVIDENCE_CHARS);
    }
    const panel = await repos.packets.buildPanelContent(candidate.id);
    const consensus: Consensus[] = (panel.aggregate.byRubric[0]?.dimensions ?? []).map((d) => {
      if (d.median === null) throw new Error(`${d.title}: no median, yet every dimension was rated.`);
      return { dimensionKey: d.dimensionKey, level: asLevel(Math.round(d.median)), rationale: `Panel median ${d.median}; the debrief settled on the rounded median after discussing the spread.` };
    });
    if (consensus.length !== 5) throw new Error(`Expected 5 dimensions in the aggregate, found ${consensus.length}.`);
    await repos.debriefs.saveConsensus(candidate.id, consensus);
    await repos.debriefs.recordDecision(candidate.id, { decision: 'hire', decisionRationale: 'Weighed every scorecard and the consensus together; the reasons were talked through in the debrief.', decidedBy: 'Dana', nextStep: 'Offer' });
    const packet = await repos.packets.buildPacket(candidate.id, '0.1.0');
    const generationMs = performance.now() - generationStarted;
    const scorecards = packet.content.scorecards.length;
    const evidenceChars = packet.content.scorecards.flatMap((s) => s.revisions).flatMap((r) => r.ratings).reduce((sum, r) => sum + r.evidence.length, 0);
    if (scorecards !== 8 || evidenceChars !== 8 * 5 * EVIDENCE_CHARS) throw new Error(`The packet holds ${scorecards} scorecards and ${evidenceChars} characters of evidence.`);
    const meta: PdfMeta = { exportedAt: packet.exportedAt, sha256: packet.sha256, paper: 'a4' };

    // Idle baseline: the longest tick gap per window of a worker call's length when this page does
    // nothing. Gaps beyond a frame here are the machine's other work, and can show up anywhere.
    await sleep(200);
    const idleGaps: Gaps[] = [];
    for (let i = 0; i < IDLE_WINDOWS; i++) {
      const idle = trackGaps();
      await sleep(IDLE_WINDOW_MS);
      idleGaps.push(idle.stop());
    }
    if (idleGaps.some((g) => g.frames === 0)) throw new Error('requestAnimationFrame never fired: the gap measurement would be meaningless.');

    // (a) Main thread, fonts loaded beforehand: the first run is cold code, nothing but the render.
    const fontsStarted = performance.now();
    const fonts = await loadPdfFonts();
    const fontsMs = performance.now() - fontsStarted;
    let started = performance.now();
    const firstBytes = renderPacketPdf(packet.content, fonts, meta);
    const mainFirstMs = performance.now() - started;
    const facts = pdfFacts(firstBytes);
    const mainSamples: number[] = [];
    for (let i = 0; i < MAIN_REPEATS; i++) {
      started = performance.now();
      const bytes = renderPacketPdf(packet.content, fonts, meta);
      mainSamples.push(performance.now() - started);
      if (bytes.byteLength !== facts.size) throw new Error(`A repeat render made ${bytes.byteLength} bytes, the first ${facts.size}.`);
    }
    // Tasks of 50 ms or more on the main thread, from here on. During the worker calls, a long gap
    // with no long task is not this page's work (most likely the thread waiting for a CPU while the
    // machine is busy); the render on the main thread below shows that the observer does see them.
    const longTasks: PerformanceEntry[] = [];
    const observer = new PerformanceObserver((list) => longTasks.push(...list.getEntries()));
    observer.observe({ type: 'longtask' });

    // For contrast: the longest gap while the main thread renders it (the render blocks every tick).
    await sleep(100);
    const contrastStarted = performance.now();
    const blocked = trackGaps();
    await sleep(50);
    renderPacketPdf(packet.content, fonts, meta);
    await sleep(50);
    const mainGaps = blocked.stop();
    const workerCallsStarted = performance.now();

    // (b) In a worker, as the debrief page does it: worker start, jsPDF load and font fetch included.
    const workerSamples: number[] = [];
    const workerGaps: Gaps[] = [];
    let workerFirstMs = NaN;
    for (let i = 0; i <= WORKER_REPEATS; i++) {
      await sleep(100);
      const ticks = trackGaps();
      started = performance.now();
      const blob = await makePacketPdf(packet.content, meta);
      const elapsed = performance.now() - started;
      workerGaps.push(ticks.stop());
      const workerFacts = pdfFacts(await blob.arrayBuffer());
      if (workerFacts.pages !== facts.pages || Math.abs(workerFacts.size - facts.size) > 64) {
        throw new Error(`The worker's PDF (${workerFacts.size} bytes, ${workerFacts.pages} pages) differs from the main thread's (${facts.size} bytes, ${facts.pages} pages).`);
      }
      if (i === 0) workerFirstMs = elapsed;
      else workerSamples.push(elapsed);
    }
    await sleep(100);
    longTasks.push(...observer.takeRecords());
    observer.disconnect();
    const longTasksIn = (from: number, to: number) => {
      const durations = longTasks.filter((t) => t.startTime >= from && t.startTime < to).map((t) => t.duration);
      return durations.length === 0 ? 'none' : `${durations.length}, longest ${f1(Math.max(...durations))}`;
    };
    const firstGaps = workerGaps[0] as Gaps;
    const worst = workerGaps.reduce((a, b) => (b.frame > a.frame ? b : a));
    const gapText = (g: Gaps) => `rAF ${f1(g.frame)} (from ${f1(g.frameAt)}), setTimeout(0) ${f1(g.timer)} (from ${f1(g.timerAt)}) into a ${f1(g.span)} call`;

    return {
      samples: mainSamples,
      series: {
        'makePacketPdf repeats (worker)': workerSamples,
        [`longest rAF gap per makePacketPdf call (all ${workerGaps.length})`]: workerGaps.map((g) => g.frame),
        [`longest setTimeout(0) gap per makePacketPdf call (all ${workerGaps.length})`]: workerGaps.map((g) => g.timer),
        [`baseline: longest rAF gap per ${IDLE_WINDOW_MS} ms idle window (${IDLE_WINDOWS})`]: idleGaps.map((g) => g.frame),
        [`baseline: longest setTimeout(0) gap per ${IDLE_WINDOW_MS} ms idle window (${IDLE_WINDOWS})`]: idleGaps.map((g) => g.timer),
      },
      extra: {
        'panel': `8 submitted scorecards × 5 dimensions × ${EVIDENCE_CHARS.toLocaleString('en-US')} chars of evidence (${(evidenceChars / 1000).toFixed(0)}k chars), consensus + decision recorded`,
        'PDF': `${facts.size.toLocaleString('en-US')} bytes (${(facts.size / 1024).toFixed(0)} KiB), ${facts.pages} pages, A4`,
        'data generation (not measured)': f1(generationMs),
        'loadPdfFonts, main thread (once, before the renders)': f1(fontsMs),
        'renderPacketPdf first (cold, main thread)': f1(mainFirstMs),
        'makePacketPdf first (worker: start, jsPDF, fonts, render)': f1(workerFirstMs),
        'main-thread longest gap, first makePacketPdf': gapText(firstGaps),
        'main-thread longest gap, worst makePacketPdf': gapText(worst),
        'main-thread long tasks (≥ 50 ms), all worker calls': longTasksIn(workerCallsStarted, Infinity),
        'main-thread longest gap, renderPacketPdf on main (contrast)': `rAF ${f1(mainGaps.frame)}, setTimeout(0) ${f1(mainGaps.timer)}; long tasks: ${longTasksIn(contrastStarted, workerCallsStarted)}`,
      },
    };
  } finally {
    db.close();
  }
});
