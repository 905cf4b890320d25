import type { AgendaItem, Rubric } from './rubric';
import { NOT_COVERED, agendaMinutes } from './rubric';
import type { PadLine, ScorecardContent } from './scorecard';
import { evidenceFor, padOf } from './evidence';
import { PAD_LINE_MAX_LENGTH, PAD_MAX_LINES } from './scorecard';
import { formatElapsed } from './elapsed';

/**
 * The running notes typed while listening, and the interview clock they are stamped by. A line is
 * tagged to a dimension with one tap; a tag copies nothing: a dimension's evidence is its typed
 * text plus its tagged lines, and that is what submission, the debrief and the packet read.
 */

type Notes = Pick<ScorecardContent, 'ratings' | 'pad'>;
type Clock = Pick<ScorecardContent, 'timerStartedAt' | 'timerPausedAt' | 'timerPausedMs'>;

export const PAD_FULL_MESSAGE = `The running notes hold at most ${PAD_MAX_LINES} lines. Write longer passages into a dimension's evidence.`;

export { evidenceFor, padLineText, padOf } from './evidence';

/** Lines not filed under any dimension (or under one the rubric does not have). */
export function unsortedLines(content: Pick<ScorecardContent, 'pad'>, rubric: Pick<Rubric, 'dimensions'>): PadLine[] {
  const keys = new Set(rubric.dimensions.map((d) => d.key));
  return padOf(content).filter((line) => line.tag === null || !keys.has(line.tag));
}

export function unsortedMessage(count: number): string {
  return `${count === 1 ? '1 note is' : `${count} notes are`} not filed under a dimension: file ${count === 1 ? 'it' : 'them'} from the running notes, or submit as ${count === 1 ? 'it is' : 'they are'}. Unsorted notes stay in the scorecard.`;
}

// ——— The clock ——————————————————————————————————————————————————————————————————————

/** Time on the interview clock: since it started, less every pause. Zero before it starts. */
export function elapsedMs(clock: Clock, now: number): number {
  if (!clock.timerStartedAt) return 0;
  const pausedNow = clock.timerPausedAt ? Math.max(0, now - Date.parse(clock.timerPausedAt)) : 0;
  return Math.max(0, now - Date.parse(clock.timerStartedAt) - (clock.timerPausedMs ?? 0) - pausedNow);
}

export function isPaused(clock: Clock): boolean {
  return Boolean(clock.timerStartedAt && clock.timerPausedAt);
}

export function pauseTimer<C extends Clock>(content: C, now: number): C {
  if (!content.timerStartedAt || content.timerPausedAt) return content;
  return { ...content, timerPausedAt: new Date(now).toISOString() };
}

export function resumeTimer<C extends Clock>(content: C, now: number): C {
  if (!content.timerStartedAt || !content.timerPausedAt) return content;
  const paused = Math.max(0, now - Date.parse(content.timerPausedAt));
  return { ...content, timerPausedAt: null, timerPausedMs: (content.timerPausedMs ?? 0) + paused };
}

export type AgendaPosition = {
  /** The box the clock is in; the last one once the plan has run out. */
  index: number;
  item: AgendaItem;
  /** Time left in this box (0 once over). */
  leftMs: number;
  /** Time past the end of the whole plan, if any. */
  overrunMs: number;
  plannedMs: number;
};

/** Where the clock stands in the agenda. */
export function agendaPosition(agenda: readonly AgendaItem[], elapsed: number): AgendaPosition | null {
  if (agenda.length === 0) return null;
  let end = 0;
  for (const [index, item] of agenda.entries()) {
    end += item.minutes * 60_000;
    if (elapsed < end) return { index, item, leftMs: end - elapsed, overrunMs: 0, plannedMs: agendaMinutes(agenda) * 60_000 };
  }
  const last = agenda.length - 1;
  return { index: last, item: agenda[last] as AgendaItem, leftMs: 0, overrunMs: elapsed - end, plannedMs: end };
}

/**
 * Past half of the planned time, the dimensions nothing has been written about yet (neither typed
 * nor tagged), in rubric order. Dimensions marked "not covered" are an answer, not a gap.
 */
export function coverageGaps(content: Notes & Clock, rubric: Pick<Rubric, 'dimensions' | 'agenda'>, now: number): string[] | null {
  const planned = agendaMinutes(rubric.agenda) * 60_000;
  if (planned === 0 || elapsedMs(content, now) < planned / 2) return null;
  const gaps = rubric.dimensions
    .filter((d) => content.ratings.find((r) => r.dimensionKey === d.key)?.level !== NOT_COVERED)
    .filter((d) => evidenceFor(content, d.key).trim() === '')
    .map((d) => d.title);
  return gaps.length > 0 ? gaps : null;
}

export function coverageNudgeText(gaps: readonly string[]): string {
  return `Halfway: nothing yet on ${gaps.join(', ')}.`;
}

// ——— Editing the notes ———————————————————————————————————————————————————————————————

/**
 * The stamp of a line entered now: the elapsed time while the interview runs; the date and time
 * (UTC) in an amendment, where an elapsed time would count from an interview long over.
 */
export function stampFor(content: Clock, now: number, amending: boolean): string {
  if (amending) {
    const iso = new Date(now).toISOString();
    return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
  }
  return formatElapsed(elapsedMs(content, now));
}

function nextLineId(pad: readonly PadLine[]): string {
  let max = 0;
  for (const line of pad) {
    const n = Number(/^l(\d+)$/.exec(line.id)?.[1] ?? 0);
    if (n > max) max = n;
  }
  return `l${max + 1}`;
}

/**
 * Text longer than one line may hold, in pieces of at most `max` characters, each ending at a
 * space where there is one: a pasted 50,000-character passage becomes several lines, nothing cut.
 */
export function splitLongText(text: string, max = PAD_LINE_MAX_LENGTH): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const space = rest.lastIndexOf(' ', max);
    // Never split a surrogate pair: a cut between its halves would leave two broken characters.
    let cut = space > max / 2 ? space : max;
    if (cut === max && /[\uD800-\uDBFF]/.test(rest[cut - 1] ?? '')) cut -= 1;
    pieces.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  if (rest.trim() !== '') pieces.push(rest);
  return pieces.filter((piece) => piece.trim() !== '');
}

/**
 * Adds a line to the running notes, stamped, and starts the clock if it was not running (typing is
 * the interview starting). Blank text adds nothing. Text longer than a line holds is added as
 * several lines with the same stamp and tag; lines past the pad's limit are not added (the caller
 * checks `padRoomFor` first, so nothing typed is dropped without the interviewer knowing).
 */
export function addPadLine<C extends ScorecardContent>(content: C, text: string, now: number, options: { amending: boolean; tag?: string | null }): C {
  const clean = text.replace(/\s+$/, '');
  if (clean.trim() === '') return content;
  const pad = padOf(content);
  if (pad.length >= PAD_MAX_LINES) return content;
  const started = options.amending || content.timerStartedAt ? content : { ...content, timerStartedAt: new Date(now).toISOString() };
  const stamp = stampFor(started, now, options.amending);
  const added: PadLine[] = [];
  for (const piece of splitLongText(clean).slice(0, PAD_MAX_LINES - pad.length)) {
    added.push({ id: nextLineId([...pad, ...added]), text: piece, stamp, tag: options.tag ?? null });
  }
  return { ...started, pad: [...pad, ...added] };
}

/** Whether the pad has room for this text as lines (a long passage takes several). */
export function padRoomFor(lines: readonly PadLine[], text: string): boolean {
  return lines.length + splitLongText(text.replace(/\s+$/, '')).length <= PAD_MAX_LINES;
}

/** Files a line under a dimension, moves it to another, or (null) back to unsorted. */
export function tagPadLine<C extends ScorecardContent>(content: C, lineId: string, tag: string | null): C {
  const pad = padOf(content);
  if (!pad.some((line) => line.id === lineId && line.tag !== tag)) return content;
  return { ...content, pad: pad.map((line) => (line.id === lineId ? { ...line, tag } : line)) };
}

/** Removes a line (its text is the interviewer's to take back before submitting). */
export function removePadLine<C extends ScorecardContent>(content: C, lineId: string): C {
  const pad = padOf(content);
  if (!pad.some((line) => line.id === lineId)) return content;
  return { ...content, pad: pad.filter((line) => line.id !== lineId) };
}
