import { describe, expect, it } from 'vitest';
import { BUILTIN_RUBRIC } from '../../src/domain/builtin-rubric';
import { NOT_COVERED, agendaMinutes } from '../../src/domain/rubric';
import { contentOf, type ScorecardContent } from '../../src/domain/scorecard';
import { checkSubmission, createDraftScorecard, hashedContent } from '../../src/domain/scorecard-rules';
import { setLevel, setRecommendation } from '../../src/domain/scorecard-edits';
import { sha256OfCanonical } from '../../src/domain/hash';
import { readLoopcardFile } from '../../src/domain/file-reading';
import {
  addPadLine,
  agendaPosition,
  coverageGaps,
  coverageNudgeText,
  elapsedMs,
  evidenceFor,
  padRoomFor,
  pauseTimer,
  removePadLine,
  splitLongText,
  resumeTimer,
  tagPadLine,
  unsortedLines,
  unsortedMessage,
} from '../../src/domain/running-notes';
import { PAD_LINE_MAX_LENGTH, PAD_MAX_LINES } from '../../src/domain/scorecard';
import { interviewOf } from '../helpers/panel';
import scorecardV1 from '../fixtures/scorecard-v1.loopcard.json?raw';

const START = Date.parse('2026-11-02T10:00:00.000Z');
const min = (m: number) => START + m * 60_000;
const blank = (): ScorecardContent => contentOf(createDraftScorecard(interviewOf('iv-1', 'Ana Lopez'), BUILTIN_RUBRIC, 'sc-1', '2026-11-02T09:55:00.000Z'));

describe('the running notes', () => {
  it('stamp each line with the elapsed time, starting the clock with the first line', () => {
    let c = addPadLine(blank(), 'Paged at 02:10 by the p99 alert.', START, { amending: false });
    expect(c.timerStartedAt).toBe('2026-11-02T10:00:00.000Z');
    c = addPadLine(c, '  Rolled back to the pinned model.  ', min(12.5), { amending: false });
    expect(c.pad).toEqual([
      { id: 'l1', text: 'Paged at 02:10 by the p99 alert.', stamp: '0:00', tag: null },
      { id: 'l2', text: '  Rolled back to the pinned model.', stamp: '12:30', tag: null },
    ]);
  });

  it('stamp a line added in an amendment with the date and time, never an elapsed time', () => {
    const c = addPadLine({ ...blank(), timerStartedAt: '2026-11-02T10:00:00.000Z' }, 'On a second read: the canary caught it.', Date.parse('2026-11-03T08:15:00.000Z'), { amending: true });
    expect(c.pad?.[0]?.stamp).toBe('2026-11-03 08:15 UTC');
  });

  it('ignore blank lines and stop at the limit', () => {
    expect(addPadLine(blank(), '   ', START, { amending: false })).toEqual(blank());
    let c = blank();
    for (let i = 0; i < PAD_MAX_LINES; i += 1) c = addPadLine(c, `line ${i}`, START, { amending: false });
    expect(c.pad).toHaveLength(PAD_MAX_LINES);
    expect(addPadLine(c, 'one more', START, { amending: false })).toBe(c);
  });

  it('keep a 50,000-character passage whole, as several lines with one stamp and one tag', () => {
    const words = Array.from({ length: 7_000 }, (_, i) => `word${i}`).join(' ').slice(0, 50_000);
    const c = addPadLine({ ...blank(), timerStartedAt: '2026-11-02T10:00:00.000Z' }, words, min(3), { amending: false, tag: 'rollback' });
    const pad = c.pad ?? [];
    expect(pad.length).toBeGreaterThanOrEqual(10);
    expect(pad.every((line) => line.text.length <= PAD_LINE_MAX_LENGTH && line.stamp === pad[0]?.stamp && line.tag === 'rollback')).toBe(true);
    expect(pad.map((line) => line.text).join(' ')).toBe(words);
    expect(new Set(pad.map((line) => line.id)).size).toBe(pad.length);
  });

  it('split long text at spaces where there are some, and never inside an emoji', () => {
    expect(splitLongText('aaaa bbbb cccc', 10)).toEqual(['aaaa bbbb', 'cccc']);
    const emoji = 'x'.repeat(9) + '😀'.repeat(3);
    const pieces = splitLongText(emoji, 10);
    expect(pieces.join('')).toBe(emoji);
    expect(pieces.every((p) => !/[\uD800-\uDBFF]$/.test(p))).toBe(true);
  });

  it('say when a passage needs more lines than the notes have left, before adding any', () => {
    let c = blank();
    for (let i = 0; i < PAD_MAX_LINES - 2; i += 1) c = addPadLine(c, `line ${i}`, START, { amending: false });
    expect(padRoomFor(c.pad ?? [], 'short')).toBe(true);
    expect(padRoomFor(c.pad ?? [], 'y '.repeat(PAD_LINE_MAX_LENGTH * 2))).toBe(false);
  });

  it('file a line under a dimension without copying it: the evidence is the typed text plus the tagged lines', () => {
    let c = addPadLine({ ...blank(), timerStartedAt: '2026-11-02T10:00:00.000Z' }, 'Rolled back within 20 minutes.', min(14), { amending: false });
    c = addPadLine(c, 'Alert fired on p99.', min(15), { amending: false });
    c = { ...c, ratings: c.ratings.map((r) => (r.dimensionKey === 'rollback' ? { ...r, evidence: 'Had a registry pin.' } : r)) };
    c = tagPadLine(c, 'l1', 'rollback');
    expect(evidenceFor(c, 'rollback')).toBe('Had a registry pin.\n14:00 — Rolled back within 20 minutes.');
    expect(c.ratings.find((r) => r.dimensionKey === 'rollback')?.evidence).toBe('Had a registry pin.');
    c = tagPadLine(c, 'l1', 'mitigation');
    expect(evidenceFor(c, 'rollback')).toBe('Had a registry pin.');
    expect(evidenceFor(c, 'mitigation')).toBe('14:00 — Rolled back within 20 minutes.');
    expect(unsortedLines(c, BUILTIN_RUBRIC).map((l) => l.id)).toEqual(['l2']);
    expect(unsortedLines(tagPadLine(c, 'l1', null), BUILTIN_RUBRIC).map((l) => l.id)).toEqual(['l1', 'l2']);
    expect(removePadLine(c, 'l2').pad?.map((l) => l.id)).toEqual(['l1']);
  });

  it('count as evidence for submission: a level with only tagged lines behind it can be submitted', () => {
    let c = blank();
    for (const d of BUILTIN_RUBRIC.dimensions) c = setLevel(c, d.key, d.key === 'prevention' ? NOT_COVERED : 3);
    c = setRecommendation(c, 'yes');
    expect(checkSubmission(c, BUILTIN_RUBRIC).map((i) => i.field)).toEqual(['evidence-trigger', 'evidence-diagnosis', 'evidence-mitigation', 'evidence-rollback']);
    for (const key of ['trigger', 'diagnosis', 'mitigation', 'rollback']) c = addPadLine(c, `Said something about ${key}.`, START, { amending: false, tag: key });
    expect(checkSubmission(c, BUILTIN_RUBRIC)).toEqual([]);
  });

  it('say how many notes are unsorted', () => {
    expect(unsortedMessage(1)).toBe('1 note is not filed under a dimension: file it from the running notes, or submit as it is. Unsorted notes stay in the scorecard.');
    expect(unsortedMessage(3)).toMatch(/^3 notes are not filed under a dimension: file them .* submit as they are\./);
  });

  it('leave every revision submitted before them verifying: an absent pad is absent from the hash', () => {
    const read = readLoopcardFile(scorecardV1);
    if (!read.ok || read.value.kind !== 'scorecard') throw new Error('fixture');
    for (const revision of read.value.file.payload.revisions) {
      expect(revision.pad).toBeUndefined();
      expect(sha256OfCanonical(hashedContent(revision))).toBe(revision.contentHash);
    }
  });
});

describe('the interview clock and its agenda', () => {
  const started = { timerStartedAt: '2026-11-02T10:00:00.000Z', timerPausedAt: null, timerPausedMs: 0 };

  it('pauses and resumes, and never counts a pause', () => {
    const paused = pauseTimer(started, min(10));
    expect(elapsedMs(paused, min(15))).toBe(10 * 60_000);
    const resumed = resumeTimer(paused, min(15));
    expect(resumed.timerPausedMs).toBe(5 * 60_000);
    expect(elapsedMs(resumed, min(20))).toBe(15 * 60_000);
    expect(elapsedMs({ timerStartedAt: null }, min(20))).toBe(0);
  });

  it('plans the built-in interview in 50 minutes, within the 45 to 60 of a structured interview', () => {
    expect(agendaMinutes(BUILTIN_RUBRIC.agenda)).toBe(50);
    expect(BUILTIN_RUBRIC.agenda.map((a) => a.dimensionKey)).toEqual([null, 'trigger', 'diagnosis', 'mitigation', 'rollback', 'prevention', null]);
  });

  it('says which time box the clock is in, the time left, and the overrun past the plan', () => {
    expect(agendaPosition(BUILTIN_RUBRIC.agenda, 0)).toMatchObject({ index: 0, leftMs: 5 * 60_000, overrunMs: 0 });
    expect(agendaPosition(BUILTIN_RUBRIC.agenda, 14 * 60_000)).toMatchObject({ index: 2, item: { dimensionKey: 'diagnosis' }, leftMs: 7 * 60_000 });
    expect(agendaPosition(BUILTIN_RUBRIC.agenda, 53 * 60_000)).toMatchObject({ index: 6, leftMs: 0, overrunMs: 3 * 60_000 });
  });

  it('nudges past half the plan about dimensions with nothing written, never about ones marked not covered', () => {
    let c: ScorecardContent = { ...blank(), ...started };
    c = addPadLine(c, 'Alert fired.', min(2), { amending: false, tag: 'trigger' });
    expect(coverageGaps(c, BUILTIN_RUBRIC, min(24))).toBeNull();
    c = setLevel(c, 'prevention', NOT_COVERED);
    expect(coverageGaps(c, BUILTIN_RUBRIC, min(26))).toEqual(['Diagnosis', 'Mitigation', 'Rollback']);
    expect(coverageNudgeText(['Rollback', 'Prevention'])).toBe('Halfway: nothing yet on Rollback, Prevention.');
  });
});
