// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { renderPacketPdf } from '../../src/lib/pdf/packet-pdf';
import { packetTexts } from '../../src/lib/pdf/packet-texts';
import { PDF_FONT_RANGES, drawable, findUndrawable } from '../../src/lib/pdf/font-coverage';
import type { PacketContent } from '../../src/domain/packet';
import { freshDb } from '../helpers/db';
import { pdfFonts as fonts, pdfText } from '../helpers/pdf';

async function decidedExample(): Promise<PacketContent> {
  const { repos } = freshDb();
  const { candidateId } = await repos.exampleData.create();
  const revisions = (await repos.scorecards.listForCandidate(candidateId)).revisions;
  expect(revisions).toHaveLength(3);
  await repos.debriefs.saveConsensus(candidateId, [
    { dimensionKey: 'trigger', level: 3, rationale: '' },
    { dimensionKey: 'diagnosis', level: 3, rationale: '' },
    { dimensionKey: 'mitigation', level: 3, rationale: '' },
    { dimensionKey: 'rollback', level: 2, rationale: 'Łódź panel: the mechanism was by hand; Ødegaard’s 4 was for the second incident.' },
    { dimensionKey: 'prevention', level: 3, rationale: '' },
  ]);
  await repos.debriefs.recordDecision(candidateId, { decision: 'hire', decisionRationale: 'Weighed every scorecard and the consensus together; the reasons were talked through in the debrief.', decidedBy: 'Dana Dvořák', nextStep: 'Reference call with the last on-call lead.' });
  return (await repos.packets.buildPacket(candidateId, '0.1.0')).content;
}

describe('decision packet PDF', () => {
  it('is real text a reader can search: the decision, every dimension, every interviewer, and accented names', async () => {
    const content = await decidedExample();
    const pdf = renderPacketPdf(content, fonts, { exportedAt: '2026-11-02T09:00:00.000Z', sha256: 'ab'.repeat(32), paper: 'a4' });
    const text = pdfText(pdf);
    expect(text).toContain('Decision: Hire');
    for (const dimension of ['Trigger', 'Diagnosis', 'Mitigation', 'Rollback', 'Prevention']) expect(text).toContain(dimension);
    for (const name of ['Karel Dvořák', 'Ingrid Ødegaard', 'Zhōu Min', 'Linh Nguyễn', 'Dana Dvořák', 'Łódź']) expect(text).toContain(name);
    expect(text).toMatch(/Page 1 of \d+/);
    expect(text).toContain('SHA-256 abababababab');
    expect(text).toContain('Where the panel disagreed');
    expect(text).toMatch(/Rollback: levels 2, 2, 4/);
  });

  it('never breaks a dimension title mid-word: a table column widens to its longest word', async () => {
    const content = await decidedExample();
    // Long single words in the first (bold) column of every table that lists dimensions.
    const titles: Record<string, string> = { trigger: 'Reproducibility', diagnosis: 'Instrumentation', prevention: 'Observability' };
    const rubrics = content.rubrics.map((rubric) => ({ ...rubric, dimensions: rubric.dimensions.map((d) => ({ ...d, title: titles[d.key] ?? d.title })) }));
    const text = pdfText(renderPacketPdf({ ...content, rubrics }, fonts, { exportedAt: '2026-11-02T09:00:00.000Z', sha256: 'ef'.repeat(32), paper: 'a4' }));
    for (const word of Object.values(titles)) {
      const pieces = text.match(new RegExp(`${word.slice(0, 6)}\\p{L}*`, 'gu')) ?? [];
      // Three scorecards in the appendix, and the packet's own summaries before them.
      expect(pieces.length).toBeGreaterThanOrEqual(3);
      expect(new Set(pieces)).toEqual(new Set([word]));
    }
  });

  it('reports characters the font cannot draw and shows them as a box, never garbled', async () => {
    const content = await decidedExample();
    const withCjk: PacketContent = { ...content, candidate: { ...content.candidate, name: '张伟 Zhang Wei' } };
    const report = findUndrawable(packetTexts(withCjk));
    expect(report.characters).toEqual(['张', '伟']);
    expect(report.where).toEqual(['candidate name']);
    expect(drawable('张伟 Zhang')).toBe('□□ Zhang');
    const text = pdfText(renderPacketPdf(withCjk, fonts, { exportedAt: '2026-11-02T09:00:00.000Z', sha256: 'cd'.repeat(32), paper: 'letter' }));
    expect(text).toContain('□□ Zhang Wei');
  });

  it('can draw Latin Extended, Vietnamese, Greek and Cyrillic, and knows it cannot draw CJK or emoji', () => {
    expect(findUndrawable([{ where: 'x', text: 'Łódź Dvořák Ødegaard Nguyễn Zhōu Ελληνικά Кириллица' }]).characters).toEqual([]);
    expect(findUndrawable([{ where: 'x', text: '漢字 👩🏽‍💻' }]).characters.length).toBeGreaterThan(2);
    expect(PDF_FONT_RANGES.length).toBeGreaterThan(10);
  });
});
