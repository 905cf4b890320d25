import { formatMedian } from './aggregate';
import type { PacketContent } from './packet';
import { consensusFor } from './debrief';
import { LEVEL_NAMES, NOT_COVERED, recommendationLabel, sameRubricVersion, type Rubric } from './rubric';
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

/**
 * The panel matrix for spreadsheets: one block per rubric version the panel was scored on, each
 * with one row per interviewer scored on it, then the median, range and consensus. A panel on one
 * rubric is the one block as before; several are each introduced by "Scored on <title>, version n"
 * and a blank line between them, so no column ever mixes two rubrics.
 */
export function panelMatrixCsv(content: PacketContent): string {
  const groups = content.aggregate.byRubric;
  const onlyRubric = groups.length === 1;
  const blocks = groups.map((group) => {
    const rubric = content.rubrics.find((r) => sameRubricVersion(r, group.rubric));
    if (!rubric) return [];
    const lines = rubricBlock(content, rubric, group, onlyRubric);
    return onlyRubric ? lines : [[`Scored on ${rubric.title}, version ${rubric.version}`], ...lines];
  });
  const lines = blocks.flatMap((block, i) => (i === 0 ? block : [[], ...block]));
  return lines.map((cells) => cells.map((c) => csvCell(c)).join(',')).join('\r\n') + '\r\n';
}

type Group = PacketContent['aggregate']['byRubric'][number];

function rubricBlock(content: PacketContent, rubric: Rubric, group: Group, onlyRubric: boolean): string[][] {
  const dims = rubric.dimensions;
  const header = ['Interviewer', ...dims.map((d) => d.title), 'Recommendation'];
  const label = (level: unknown) => (level === null ? '' : level === NOT_COVERED ? 'not covered' : String(level));
  const rows = content.scorecards.flatMap(({ interviewerName, revisions }) => {
    const latest = revisions[revisions.length - 1];
    if (latest && !sameRubricVersion(latest.rubric, rubric)) return [];
    const rec = latest?.recommendation ? recommendationLabel(rubric, latest.recommendation) : '';
    return [[interviewerName, ...dims.map((d) => (latest ? label(ratingFor(latest, d.key).level) : '')), rec]];
  });
  const agg = (pick: (d: Group['dimensions'][number]) => string) =>
    dims.map((d) => {
      const a = group.dimensions.find((x) => x.dimensionKey === d.key);
      return a ? pick(a) : '';
    });
  const consensus = dims.map((d) => {
    const c = consensusFor(content.debrief.consensus, rubric, d.key, onlyRubric);
    return c?.level === null || c === undefined ? '' : c.level === NOT_COVERED ? 'not covered' : `${c.level} (${LEVEL_NAMES[c.level]})`;
  });
  return [
    header,
    ...rows,
    ['Median', ...agg((a) => formatMedian(a.median)), ''],
    ['Range', ...agg((a) => (a.range === null ? '' : String(a.range))), ''],
    ['Disagreement', ...agg((a) => (a.disagreement ? 'yes' : 'no')), content.aggregate.split ? 'split' : ''],
    ['Consensus', ...consensus, ''],
  ];
}
