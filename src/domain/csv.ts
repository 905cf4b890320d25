import { formatMedian } from './aggregate';
import type { PacketContent } from './packet';
import { LEVEL_NAMES, NOT_COVERED, recommendationLabel } from './rubric';
import { ratingFor } from './scorecard-rules';

/**
 * One CSV cell: quoted when needed, and a leading = + - @ neutralised so a spreadsheet never runs
 * a name or a note as a formula.
 */
export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The panel matrix for spreadsheets: one row per interviewer, then the median, range and consensus. */
export function panelMatrixCsv(content: PacketContent): string {
  const dims = content.rubric.dimensions;
  const header = ['Interviewer', ...dims.map((d) => d.title), 'Recommendation'];
  const label = (level: unknown) => (level === null ? '' : level === NOT_COVERED ? 'not covered' : String(level));
  const rows = content.scorecards.map(({ interviewerName, revisions }) => {
    const latest = revisions[revisions.length - 1];
    const rec = latest?.recommendation ? (recommendationLabel(content.rubric, latest.recommendation)) : '';
    return [interviewerName, ...dims.map((d) => (latest ? label(ratingFor(latest, d.key).level) : '')), rec];
  });
  const agg = (pick: (d: PacketContent['aggregate']['dimensions'][number]) => string) => dims.map((d) => {
    const a = content.aggregate.dimensions.find((x) => x.dimensionKey === d.key);
    return a ? pick(a) : '';
  });
  const consensus = dims.map((d) => {
    const c = content.debrief.consensus.find((x) => x.dimensionKey === d.key);
    return c?.level === null || c === undefined ? '' : c.level === NOT_COVERED ? 'not covered' : `${c.level} (${LEVEL_NAMES[c.level]})`;
  });
  const lines = [
    header,
    ...rows,
    ['Median', ...agg((a) => formatMedian(a.median)), ''],
    ['Range', ...agg((a) => (a.range === null ? '' : String(a.range))), ''],
    ['Disagreement', ...agg((a) => (a.disagreement ? 'yes' : 'no')), content.aggregate.split ? 'split' : ''],
    ['Consensus', ...consensus, ''],
  ];
  return lines.map((cells) => cells.map((c) => csvCell(c)).join(',')).join('\r\n') + '\r\n';
}
