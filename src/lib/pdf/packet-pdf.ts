import { jsPDF } from 'jspdf';
import { autoTable, type CellHookData, type HookData, type RowInput } from 'jspdf-autotable';
import type { PacketContent } from '../../domain/packet';
import { formatMedian, rubricVersionLabel, rubricVersionLabels } from '../../domain/aggregate';
import { DECISION_LABELS, consensusFor } from '../../domain/debrief';
import { COMP_BASIS_LABELS, LANE_INFO, LEVEL_LABELS, formatMoney } from '../../domain/role';
import { levelLabel, recommendationLabel, sameRubricVersion, type Rubric } from '../../domain/rubric';
import { evidenceFor, unsortedLines, padLineText } from '../../domain/running-notes';
import type { Scorecard } from '../../domain/scorecard';
import { ratingFor } from '../../domain/scorecard-rules';
import { dissentLine, summariseDecision, type InterviewedAt } from '../../domain/decision-summary';
import { formatMoment, formatWallClock, type MomentFormat } from '../dates';
import { drawable } from './font-coverage';

export type PdfFonts = { regular: string; bold: string };
/**
 * How the packet is made: when, its hash, the paper, and (for a reproducible file) the locale and
 * time zone its times are written in; by default the exporting device's.
 */
export type PdfMeta = { exportedAt: string; sha256: string; paper: 'a4' | 'letter'; locale?: string; timeZone?: string };

const FONT = 'DejaVuSans';
const MARGIN = { top: 22, bottom: 20, left: 16, right: 16 };
const TABLE_FONT_SIZE = 9;
const TABLE_CELL_PADDING = 1.6;
type ColumnStyles = Record<number, { cellWidth?: number | 'auto'; fontStyle?: 'bold' | 'normal' }>;

type Level = Scorecard['ratings'][number]['level'];
const levelText = (level: Level) => levelLabel(level);

/**
 * The decision packet as a PDF that reads like a memo. Page one leads with the decision, who took
 * it, when, and why; then one row per interviewer (when, recommendation, the first line of their
 * takeaways, red flags), who disagreed by name, and the consensus beside the panel's median, range
 * and "not covered" count, with the page of each dimension's evidence. Then each dimension's
 * evidence by interviewer; then every scorecard in full. Times are the exporting device's date
 * and clock time with the zone named. Real text in an embedded font, so it can be searched and copied. A panel
 * scored on several rubric versions reads as one block per version, each saying which rubric and
 * version its scores came from ("Scored on ML system design, version 1"), never merged.
 */
export function renderPacketPdf(content: PacketContent, fonts: PdfFonts, meta: PdfMeta): ArrayBuffer {
  const doc = new jsPDF({ unit: 'mm', format: meta.paper, compress: true });
  doc.addFileToVFS('DejaVuSans.ttf', fonts.regular);
  doc.addFont('DejaVuSans.ttf', FONT, 'normal');
  doc.addFileToVFS('DejaVuSans-Bold.ttf', fonts.bold);
  doc.addFont('DejaVuSans-Bold.ttf', FONT, 'bold');
  doc.setFont(FONT, 'normal');
  doc.setProperties({ title: `Decision packet — ${drawable(content.candidate.name)}`, subject: drawable(content.role.title), creator: 'Loopcard' });

  const t = drawable;
  const pageWidth = doc.internal.pageSize.getWidth();
  const pageHeight = doc.internal.pageSize.getHeight();
  const width = pageWidth - MARGIN.left - MARGIN.right;
  const { aggregate, debrief, candidate, role } = content;
  const onlyRubric = aggregate.byRubric.length === 1;
  // Each rubric group with its rubric and interviewers; a group whose rubric is absent cannot pass checkPacket.
  const groups = aggregate.byRubric.flatMap((group) => {
    const rubric = content.rubrics.find((r) => sameRubricVersion(r, group.rubric));
    if (!rubric) return [];
    const scorecards = content.scorecards.filter(({ revisions }) => {
      const latest = revisions[revisions.length - 1];
      return latest !== undefined && sameRubricVersion(latest.rubric, rubric);
    });
    return [{ group, rubric, scorecards }];
  });
  const labels = rubricVersionLabels(groups.map((g) => g.rubric));
  /** "ML system design, version 1", with the author or id only when two versions would read the same. */
  const scoredOn = (rubric: Rubric, i: number) => `Scored on ${rubric.title}, version ${rubric.version}${(labels[i] ?? '').slice(rubricVersionLabel(rubric).length)}`;
  const inRubric = (i: number) => (onlyRubric ? '' : `${labels[i] ?? ''}: `);
  const zone: MomentFormat = { locale: meta.locale, timeZone: meta.timeZone };
  const summary = summariseDecision(content);
  /** Where each dimension's evidence starts, by rubric group and key, once drawn; and the page-one cells that point there. */
  const evidencePages = new Map<string, number>();
  const evidenceRefs: { key: string; page: number; x: number; y: number }[] = [];
  let y = MARGIN.top;

  const ensure = (needed: number) => {
    if (y + needed > pageHeight - MARGIN.bottom) {
      doc.addPage();
      y = MARGIN.top;
    }
  };
  const heading = (text: string, size = 13) => {
    if (y > MARGIN.top) y += 1.5; // a little air above a heading, none at the top of a page
    ensure(14);
    doc.setFont(FONT, 'bold');
    doc.setFontSize(size);
    doc.text(t(text), MARGIN.left, y);
    y += size * 0.5 + 2;
    doc.setFont(FONT, 'normal');
  };
  const paragraph = (text: string, size = 10) => {
    doc.setFontSize(size);
    for (const line of doc.splitTextToSize(t(text), width) as string[]) {
      ensure(size * 0.45);
      doc.text(line, MARGIN.left, y);
      y += size * 0.45;
    }
    y += 1.5;
  };
  type TableOptions = {
    /** Named above the table on every page it continues onto: "Ana Lopez — revision 1 (continued)". */
    continued?: string;
    /** 'auto' lets any row split at a page's end; by default a row moves to the next page whole, unless it is taller than a page. */
    rowPageBreak?: 'auto' | 'avoid';
    /** Called as each body cell is drawn (after the first column's repeat). */
    didDrawCell?: (data: CellHookData) => void;
  };
  /**
   * A column of fixed width narrower than its longest word would break that word mid-way: it widens
   * to fit the word, up to a third of the text width, and the columns of automatic width give way.
   */
  const fitLongestWords = (head: string[], body: RowInput[], columnStyles: ColumnStyles): ColumnStyles => {
    const cellText = (cell: unknown): string =>
      typeof cell === 'string' || typeof cell === 'number' ? String(cell) : cell && typeof cell === 'object' && 'content' in cell ? String(cell.content) : '';
    const widest = (texts: string[], style: 'bold' | 'normal') => {
      doc.setFont(FONT, style);
      doc.setFontSize(TABLE_FONT_SIZE);
      return Math.max(0, ...texts.flatMap((text) => text.split(/\s+/)).map((word) => doc.getTextWidth(word)));
    };
    const limit = (doc.internal.pageSize.getWidth() - MARGIN.left - MARGIN.right) / 3;
    // Measuring changes the document's font; the text after the table goes on in the one before.
    const { fontName, fontStyle } = doc.getFont();
    const fontSize = doc.getFontSize();
    const fitted: ColumnStyles = {};
    for (const [key, style] of Object.entries(columnStyles)) {
      const column = Number(key);
      if (typeof style.cellWidth !== 'number') {
        fitted[column] = style;
        continue;
      }
      const cells = body.map((row) => (Array.isArray(row) ? cellText(row[column]) : ''));
      const needed = Math.max(widest(cells, style.fontStyle ?? 'normal'), widest([t(head[column] ?? '')], 'bold')) + 2 * TABLE_CELL_PADDING + 0.5;
      fitted[column] = { ...style, cellWidth: Math.min(Math.max(style.cellWidth, needed), Math.max(style.cellWidth, limit)) };
    }
    doc.setFont(fontName, fontStyle);
    doc.setFontSize(fontSize);
    return fitted;
  };
  /**
   * A table whose rows split across pages repeat their first cell (the interviewer's name, or the
   * dimension) on the next page, so no part of a row is anonymous.
   */
  const table = (head: string[], body: RowInput[], columnStyles: ColumnStyles = {}, options: TableOptions = {}) => {
    const startPage = doc.getCurrentPageInfo().pageNumber;
    autoTable(doc, {
      head: [head.map(t)],
      body,
      startY: y,
      margin: MARGIN,
      styles: { font: FONT, fontSize: TABLE_FONT_SIZE, cellPadding: TABLE_CELL_PADDING, overflow: 'linebreak', valign: 'top' },
      headStyles: { font: FONT, fontStyle: 'bold', fillColor: [31, 78, 95], textColor: 255 },
      columnStyles: fitLongestWords(head, body, columnStyles),
      rowPageBreak: options.rowPageBreak ?? 'avoid',
      theme: 'grid',
      willDrawCell: (data: CellHookData) => {
        // The rest of a split row is a row of its own (index -1) whose first cell is empty.
        if (data.section !== 'body' || data.column.index !== 0 || data.row.index !== -1 || data.cell.text.join('').trim() !== '') return;
        const raw = Array.isArray(data.row.raw) ? data.row.raw[0] : undefined;
        const first = typeof raw === 'string' ? raw : raw && typeof raw === 'object' && 'content' in raw ? String(raw.content) : '';
        const fits = Math.max(1, Math.floor((data.cell.height - data.cell.padding('vertical')) / doc.getLineHeight()));
        data.cell.text = (doc.splitTextToSize(first, data.cell.width - data.cell.padding('horizontal')) as string[]).slice(0, fits);
      },
      ...(options.didDrawCell ? { didDrawCell: options.didDrawCell } : {}),
      didDrawPage: (data: HookData) => {
        if (!options.continued || doc.getCurrentPageInfo().pageNumber === startPage) return;
        doc.setFont(FONT, 'bold');
        doc.setFontSize(8);
        doc.text(t(`${options.continued} (continued)`), MARGIN.left, (data.settings.margin.top ?? MARGIN.top) - 3);
        doc.setFont(FONT, 'normal');
      },
    });
    y = ((doc as unknown as { lastAutoTable?: { finalY?: number } }).lastAutoTable?.finalY ?? y) + 6;
  };
  const moment = (iso: string) => formatMoment(iso, zone);
  const interviewed = (at: InterviewedAt) =>
    at === null ? '—' : at.kind === 'planned' ? `${formatWallClock(at.at, zone)} (planned)` : at.kind === 'submitted' ? `submitted ${moment(at.at)}` : moment(at.at);

  // Page one: what a decision-maker reads in a minute, the decision and its reasons first.
  doc.setFont(FONT, 'bold');
  doc.setFontSize(20);
  doc.text(t(`Decision: ${debrief.decision ? DECISION_LABELS[debrief.decision] : 'not recorded'}`), MARGIN.left, y + 4);
  y += 12;
  doc.setFont(FONT, 'normal');
  paragraph(`${candidate.name} for ${role.title}`, 12);
  paragraph(`Decided by ${debrief.decidedBy || '—'}${debrief.decidedAt ? ` on ${moment(debrief.decidedAt)}` : ''}. Next step: ${debrief.nextStep || '—'}`, 10);
  heading('Why', 11);
  paragraph(debrief.decisionRationale?.trim() || 'No rationale was recorded with this decision (it was decided before Loopcard asked for one).');
  if (summary.goesAgainst.length > 0) paragraph(`This decision goes against the panel: ${summary.goesAgainst.join('; ')}.`);

  heading('The panel', 11);
  paragraph(
    `${aggregate.submitted} scorecard${aggregate.submitted === 1 ? '' : 's'} submitted${aggregate.due.length ? `; still due: ${aggregate.due.join(', ')}` : ''}.` +
      (onlyRubric ? '' : ` Scored on ${groups.length} rubrics: each has its own consensus below, and a dimension two rubrics share is never averaged.`),
    9,
  );
  table(
    ['Interviewer', 'Interviewed', 'Recommends', 'Takeaway', 'Red flags raised'],
    summary.rows.map((row) => [
      t(row.interviewerName + (row.revision > 1 ? ` (rev. ${row.revision})` : '')),
      t(interviewed(row.interviewedAt)),
      t(row.recommendationLabel),
      t(row.takeaway || '—'),
      t(row.redFlags.join('; ') || 'None'),
    ]),
    { 0: { cellWidth: 30, fontStyle: 'bold' }, 1: { cellWidth: 28 }, 2: { cellWidth: 28 }, 4: { cellWidth: 32 } },
    { continued: 'The panel' },
  );

  heading('Dissent', 11);
  if (debrief.decision === 'more-signal') paragraph('A decision for more signal takes no side: the recommendations are in the panel above.');
  else if (summary.dissent.length === 0) paragraph('Nobody on the panel recommended against this decision.');
  else for (const row of summary.dissent) paragraph(dissentLine(row));

  for (const [i, { group, rubric, scorecards }] of groups.entries()) {
    heading(onlyRubric ? `Consensus · ${scoredOn(rubric, i)}` : scoredOn(rubric, i), 11);
    paragraph(`Scored by ${scorecards.map((s) => s.interviewerName).join(', ') || 'nobody yet'}.`, 9);
    table(
      ['Dimension', 'Consensus', 'Median', 'Range', 'Not covered', 'Evidence', 'Rationale'],
      rubric.dimensions.map((d) => {
        const a = group.dimensions.find((x) => x.dimensionKey === d.key);
        const c = consensusFor(debrief.consensus, rubric, d.key, onlyRubric);
        return [
          t(d.title),
          c ? levelText(c.level) : '—',
          formatMedian(a?.median ?? null),
          a?.range === null || a === undefined ? '—' : `${a.min}–${a.max}${a.disagreement ? '\ndisagreement' : ''}`,
          String(a?.notCovered ?? 0),
          // Filled in once the evidence pages are drawn.
          '',
          t(c?.rationale ?? ''),
        ];
      }),
      { 0: { cellWidth: 28, fontStyle: 'bold' }, 1: { cellWidth: 23 }, 2: { cellWidth: 17 }, 3: { cellWidth: 26 }, 4: { cellWidth: 18 }, 5: { cellWidth: 20 } },
      {
        continued: scoredOn(rubric, i),
        didDrawCell: (data) => {
          if (data.section !== 'body' || data.column.index !== 5 || data.row.index === -1) return;
          const d = rubric.dimensions[data.row.index];
          if (d) evidenceRefs.push({ key: `${i}:${d.key}`, page: doc.getCurrentPageInfo().pageNumber, x: data.cell.x + data.cell.padding('left'), y: data.cell.y + data.cell.padding('top') });
        },
      },
    );
  }

  const disagreements = groups.flatMap(({ group }, i) => group.dimensions.filter((d) => d.disagreement).map((d) => `${inRubric(i)}${d.title}: levels ${d.levels.join(', ')} (range ${d.range})`));
  heading('Where the panel disagreed', 11);
  paragraph(disagreements.length ? disagreements.join('; ') : 'No dimension spread two levels or more.');
  const scale = groups[0]?.rubric.recommendationScale ?? [];
  heading('Recommendations', 11);
  paragraph(`${scale.map((o) => `${o.label} ${aggregate.recommendations[o.value]}`).join(' · ')}${aggregate.split ? ' — the panel is split between yes and no.' : ''}`);
  paragraph(
    `${LANE_INFO[role.lane].label} · ${LEVEL_LABELS[role.level]} · ${formatMoney(role.compBand.min, role.compBand.currency)}–${formatMoney(role.compBand.max, role.compBand.currency)} ${COMP_BASIS_LABELS[role.compBand.basis].toLowerCase()} · open ${content.daysOpen} days. Mandate: ${role.mandate}`,
    8,
  );
  // What the interviewers were told about the team (roles saved before stacks have neither).
  if (role.stack?.length) paragraph(`Team stack: ${role.stack.join(' · ')}`, 8);
  if (role.mission) paragraph(`First-90-day mission: ${role.mission}`, 8);

  // Then: per rubric, per dimension, each interviewer's level and evidence.
  doc.addPage();
  y = MARGIN.top;
  heading('Evidence by dimension', 15);
  for (const [i, { rubric, scorecards }] of groups.entries()) {
    if (!onlyRubric) heading(scoredOn(rubric, i), 13);
    for (const d of rubric.dimensions) {
      heading(d.title, 12);
      evidencePages.set(`${i}:${d.key}`, doc.getCurrentPageInfo().pageNumber);
      table(
        ['Interviewer', 'Level', 'Evidence'],
        scorecards.map(({ interviewerName, revisions }) => {
          const latest = revisions[revisions.length - 1];
          const rating = latest ? ratingFor(latest, d.key) : null;
          return [t(interviewerName), rating ? levelText(rating.level) : '—', t(latest ? evidenceFor(latest, d.key) : '')];
        }),
        { 0: { cellWidth: 32, fontStyle: 'bold' }, 1: { cellWidth: 30 } },
        { continued: `${inRubric(i)}${d.title}` },
      );
    }
  }

  // Appendix: every scorecard, every revision, as submitted.
  doc.addPage();
  y = MARGIN.top;
  heading('Appendix: the scorecards as submitted', 15);
  for (const { interviewerName, revisions } of content.scorecards) {
    for (const r of revisions) {
      const at = groups.findIndex((g) => sameRubricVersion(g.rubric, r.rubric));
      const rubric = content.rubrics.find((x) => sameRubricVersion(x, r.rubric));
      if (!rubric) continue;
      heading(`${interviewerName} — revision ${r.revision}`, 12);
      paragraph(at === -1 ? `Scored on ${rubric.title}, version ${rubric.version}.` : `${scoredOn(rubric, at)}.`, 9);
      paragraph(`Submitted ${r.submittedAt ? moment(r.submittedAt) : '—'} · SHA-256 ${r.contentHash ?? '—'}${r.revision > 1 && r.amendReason ? ` · amended because: ${r.amendReason}` : ''}`, 8);
      table(
        ['Dimension', 'Level', 'Evidence', 'Probes'],
        rubric.dimensions.map((d) => {
          const rating = ratingFor(r, d.key);
          return [t(d.title), levelText(rating.level), t(evidenceFor(r, d.key)), rating.probesCovered.map((p) => rubric.probeTopics.find((x) => x.key === p)?.label ?? p).join(', ')];
        }),
        { 0: { cellWidth: 26, fontStyle: 'bold' }, 1: { cellWidth: 28 }, 3: { cellWidth: 30 } },
        { continued: `${interviewerName} — revision ${r.revision}` },
      );
      const flags = r.redFlags.map((f) => `${rubric.redFlags.find((x) => x.key === f.key)?.label ?? f.key}${f.note ? ` (“${f.note}”)` : ''}`);
      paragraph(`Recommendation: ${recommendationLabel(rubric, r.recommendation)}. Red flags: ${flags.length ? flags.join('; ') : 'none'}.`);
      if (r.takeaways) paragraph(`Takeaways: ${r.takeaways}`);
      if ((r.topicsCovered ?? []).length > 0) paragraph(`Probe topics covered: ${(r.topicsCovered ?? []).map((p) => rubric.probeTopics.find((x) => x.key === p)?.label ?? p).join(', ')}.`);
      const unsorted = unsortedLines(r, rubric);
      if (unsorted.length > 0) paragraph(`Running notes not filed under a dimension: ${unsorted.map((line) => t(padLineText(line))).join(' · ')}`);
    }
  }

  // Page one's references to the evidence, now that its pages are known.
  doc.setFont(FONT, 'normal');
  doc.setFontSize(9);
  for (const ref of evidenceRefs) {
    const page = evidencePages.get(ref.key);
    if (page === undefined) continue;
    doc.setPage(ref.page);
    doc.text(`p. ${page}`, ref.x, ref.y, { baseline: 'top' });
  }

  // Header and footer on every page, now that the page count is known.
  const pages = doc.getNumberOfPages();
  for (let i = 1; i <= pages; i += 1) {
    doc.setPage(i);
    doc.setFont(FONT, 'normal');
    doc.setFontSize(8);
    doc.setTextColor(90);
    doc.text(t(`Loopcard decision packet — ${candidate.name} · ${role.title}`), MARGIN.left, 12);
    doc.text(t(`Page ${i} of ${pages} · exported ${moment(meta.exportedAt)} · SHA-256 ${meta.sha256.slice(0, 12)}`), MARGIN.left, pageHeight - 10);
    doc.setTextColor(0);
  }
  return doc.output('arraybuffer');
}
