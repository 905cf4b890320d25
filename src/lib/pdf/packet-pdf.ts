import { jsPDF } from 'jspdf';
import { autoTable, type RowInput } from 'jspdf-autotable';
import type { PacketContent } from '../../domain/packet';
import { formatMedian, rubricVersionLabel, rubricVersionLabels } from '../../domain/aggregate';
import { DECISION_LABELS, consensusFor } from '../../domain/debrief';
import { COMP_BASIS_LABELS, LANE_INFO, LEVEL_LABELS, formatMoney } from '../../domain/role';
import { levelLabel, recommendationLabel, sameRubricVersion, type Rubric } from '../../domain/rubric';
import { evidenceFor, unsortedLines, padLineText } from '../../domain/running-notes';
import type { Scorecard } from '../../domain/scorecard';
import { ratingFor } from '../../domain/scorecard-rules';
import { drawable } from './font-coverage';

export type PdfFonts = { regular: string; bold: string };
export type PdfMeta = { exportedAt: string; sha256: string; paper: 'a4' | 'letter' };

const FONT = 'DejaVuSans';
const MARGIN = { top: 22, bottom: 20, left: 16, right: 16 };

type Level = Scorecard['ratings'][number]['level'];
const levelText = (level: Level) => levelLabel(level);

/**
 * The decision packet as a PDF that reads like a memo: page one is the decision and the consensus
 * beside the panel's median and range; then each dimension's evidence by interviewer; then every
 * scorecard in full. Real text in an embedded font, so it can be searched and copied. A panel
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
  let y = MARGIN.top;

  const ensure = (needed: number) => {
    if (y + needed > pageHeight - MARGIN.bottom) {
      doc.addPage();
      y = MARGIN.top;
    }
  };
  const heading = (text: string, size = 13) => {
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
  const table = (head: string[], body: RowInput[], columnStyles: Record<number, { cellWidth?: number | 'auto'; fontStyle?: 'bold' | 'normal' }> = {}) => {
    autoTable(doc, {
      head: [head.map(t)],
      body,
      startY: y,
      margin: MARGIN,
      styles: { font: FONT, fontSize: 9, cellPadding: 1.6, overflow: 'linebreak', valign: 'top' },
      headStyles: { font: FONT, fontStyle: 'bold', fillColor: [31, 78, 95], textColor: 255 },
      columnStyles,
      rowPageBreak: 'auto',
      theme: 'grid',
    });
    y = ((doc as unknown as { lastAutoTable?: { finalY?: number } }).lastAutoTable?.finalY ?? y) + 6;
  };

  // Page one: what a decision-maker reads in a minute.
  doc.setFont(FONT, 'bold');
  doc.setFontSize(20);
  doc.text(t(`Decision: ${debrief.decision ? DECISION_LABELS[debrief.decision] : 'not recorded'}`), MARGIN.left, y + 4);
  y += 12;
  doc.setFont(FONT, 'normal');
  paragraph(`${candidate.name} for ${role.title}`, 12);
  paragraph(
    `${LANE_INFO[role.lane].label} · ${LEVEL_LABELS[role.level]} · ${formatMoney(role.compBand.min, role.compBand.currency)}–${formatMoney(role.compBand.max, role.compBand.currency)} ${COMP_BASIS_LABELS[role.compBand.basis].toLowerCase()} · open ${content.daysOpen} days`,
  );
  paragraph(`Mandate: ${role.mandate}`);
  paragraph(`Decided by ${debrief.decidedBy || '—'}${debrief.decidedAt ? ` on ${debrief.decidedAt.slice(0, 10)}` : ''}. Next step: ${debrief.nextStep || '—'}`);
  paragraph(
    `${aggregate.submitted} scorecard${aggregate.submitted === 1 ? '' : 's'} submitted${aggregate.due.length ? `; still due: ${aggregate.due.join(', ')}` : ''}.` +
      (onlyRubric ? '' : ` Scored on ${groups.length} rubrics: each has its own consensus below, and a dimension two rubrics share is never averaged.`),
  );

  for (const [i, { group, rubric, scorecards }] of groups.entries()) {
    heading(scoredOn(rubric, i), 11);
    paragraph(`Scored by ${scorecards.map((s) => s.interviewerName).join(', ') || 'nobody yet'}.`, 9);
    table(
      ['Dimension', 'Consensus', 'Panel median', 'Range', 'Rationale'],
      rubric.dimensions.map((d) => {
        const a = group.dimensions.find((x) => x.dimensionKey === d.key);
        const c = consensusFor(debrief.consensus, rubric, d.key, onlyRubric);
        return [
          t(d.title),
          c ? levelText(c.level) : '—',
          formatMedian(a?.median ?? null),
          a?.range === null || a === undefined ? '—' : `${a.min}–${a.max}${a.disagreement ? '  (disagreement)' : ''}`,
          t(c?.rationale ?? ''),
        ];
      }),
      { 0: { cellWidth: 36, fontStyle: 'bold' }, 1: { cellWidth: 27 }, 2: { cellWidth: 18 }, 3: { cellWidth: 28 } },
    );
  }

  const disagreements = groups.flatMap(({ group }, i) => group.dimensions.filter((d) => d.disagreement).map((d) => `${inRubric(i)}${d.title}: levels ${d.levels.join(', ')} (range ${d.range})`));
  heading('Where the panel disagreed', 11);
  paragraph(disagreements.length ? disagreements.join('; ') : 'No dimension spread two levels or more.');
  const scale = groups[0]?.rubric.recommendationScale ?? [];
  const tally = scale.map((o) => `${o.label} ${aggregate.recommendations[o.value]}`).join(' · ');
  heading('Recommendations', 11);
  paragraph(`${tally}${aggregate.split ? ' — the panel is split between yes and no.' : ''}`);
  heading('Red flags', 11);
  const flags = groups.flatMap(({ group }, i) => group.redFlags.map((f) => `${inRubric(i)}${f.label}: ${f.raisedBy.map((r) => r.interviewerName + (r.note ? ` (“${r.note}”)` : '')).join(', ')}`));
  paragraph(flags.length ? flags.join('; ') : 'None raised.');

  // Then: per rubric, per dimension, each interviewer's level and evidence.
  doc.addPage();
  y = MARGIN.top;
  heading('Evidence by dimension', 15);
  for (const [i, { rubric, scorecards }] of groups.entries()) {
    if (!onlyRubric) heading(scoredOn(rubric, i), 13);
    for (const d of rubric.dimensions) {
      heading(d.title, 12);
      table(
        ['Interviewer', 'Level', 'Evidence'],
        scorecards.map(({ interviewerName, revisions }) => {
          const latest = revisions[revisions.length - 1];
          const rating = latest ? ratingFor(latest, d.key) : null;
          return [t(interviewerName), rating ? levelText(rating.level) : '—', t(latest ? evidenceFor(latest, d.key) : '')];
        }),
        { 0: { cellWidth: 32, fontStyle: 'bold' }, 1: { cellWidth: 30 } },
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
      paragraph(`Submitted ${r.submittedAt ?? '—'} · SHA-256 ${r.contentHash ?? '—'}${r.revision > 1 && r.amendReason ? ` · amended because: ${r.amendReason}` : ''}`, 8);
      table(
        ['Dimension', 'Level', 'Evidence', 'Probes'],
        rubric.dimensions.map((d) => {
          const rating = ratingFor(r, d.key);
          return [t(d.title), levelText(rating.level), t(evidenceFor(r, d.key)), rating.probesCovered.map((p) => rubric.probeTopics.find((x) => x.key === p)?.label ?? p).join(', ')];
        }),
        { 0: { cellWidth: 26, fontStyle: 'bold' }, 1: { cellWidth: 28 }, 3: { cellWidth: 30 } },
      );
      const flags = r.redFlags.map((f) => `${rubric.redFlags.find((x) => x.key === f.key)?.label ?? f.key}${f.note ? ` (“${f.note}”)` : ''}`);
      paragraph(`Recommendation: ${recommendationLabel(rubric, r.recommendation)}. Red flags: ${flags.length ? flags.join('; ') : 'none'}.`);
      if (r.takeaways) paragraph(`Takeaways: ${r.takeaways}`);
      if ((r.topicsCovered ?? []).length > 0) paragraph(`Probe topics covered: ${(r.topicsCovered ?? []).map((p) => rubric.probeTopics.find((x) => x.key === p)?.label ?? p).join(', ')}.`);
      const unsorted = unsortedLines(r, rubric);
      if (unsorted.length > 0) paragraph(`Running notes not filed under a dimension: ${unsorted.map((line) => t(padLineText(line))).join(' · ')}`);
    }
  }

  // Header and footer on every page, now that the page count is known.
  const pages = doc.getNumberOfPages();
  for (let i = 1; i <= pages; i += 1) {
    doc.setPage(i);
    doc.setFont(FONT, 'normal');
    doc.setFontSize(8);
    doc.setTextColor(90);
    doc.text(t(`Loopcard decision packet — ${candidate.name} · ${role.title}`), MARGIN.left, 12);
    doc.text(`Page ${i} of ${pages} · exported ${meta.exportedAt.slice(0, 10)} · SHA-256 ${meta.sha256.slice(0, 12)}`, MARGIN.left, pageHeight - 10);
    doc.setTextColor(0);
  }
  return doc.output('arraybuffer');
}
