// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { renderPacketPdf } from '../../src/lib/pdf/packet-pdf';
import { packetTexts } from '../../src/lib/pdf/packet-texts';
import { findUndrawable } from '../../src/lib/pdf/font-coverage';
import type { PacketContent } from '../../src/domain/packet';
import { freshDb } from '../helpers/db';
import { pdfFonts as fonts, pdfText as readText } from '../helpers/pdf';

const STACK = ['AWS', 'Kubernetes', 'KServe', 'Arize', 'Prométhée'];
const MISSION = 'Join the on-call rotation for model endpoints and cut the busiest endpoint’s p99 latency in half, measured in Grafana.';

/** The example loop, decided, with the role's stack and mission set before the packet is made. */
async function decidedWithBrief(brief: { stack?: string[]; mission?: string }): Promise<PacketContent> {
  const { repos } = freshDb();
  const { candidateId } = await repos.exampleData.create();
  const candidate = await repos.candidates.get(candidateId);
  const role = candidate && (await repos.roles.get(candidate.roleId));
  if (!role) throw new Error('The example has no role.');
  const { id, createdAt: _c, updatedAt: _u, rev: _r, revHistory: _h, ...input } = role;
  await repos.roles.update(id, { ...input, ...brief });
  await repos.debriefs.saveConsensus(candidateId, [
    { dimensionKey: 'trigger', level: 3, rationale: '' },
    { dimensionKey: 'diagnosis', level: 3, rationale: '' },
    { dimensionKey: 'mitigation', level: 3, rationale: '' },
    { dimensionKey: 'rollback', level: 2, rationale: 'The rollback was by hand.' },
    { dimensionKey: 'prevention', level: 3, rationale: '' },
  ]);
  await repos.debriefs.recordDecision(candidateId, { decision: 'hire', decisionRationale: 'Weighed every scorecard and the consensus together; the reasons were talked through in the debrief.', decidedBy: 'Dana Dvořák', nextStep: 'Offer.' });
  return (await repos.packets.buildPacket(candidateId, '0.1.0')).content;
}

function pdfText(content: PacketContent): string {
  const bytes = renderPacketPdf(content, fonts, { exportedAt: '2026-11-30T09:00:00.000Z', sha256: 'cd'.repeat(32), paper: 'a4' });
  // Without -layout, a paragraph's wrapped lines read as one text with spaces between them.
  return readText(bytes, { layout: false }).replace(/\s+/g, ' ');
}

describe('the role’s stack and mission in the decision packet', () => {
  it('the JSON carries them with the role, and the PDF shows both as real text beside the mandate, accents included', async () => {
    const content = await decidedWithBrief({ stack: STACK, mission: MISSION });
    expect(content.role).toMatchObject({ stack: STACK, mission: MISSION });
    const text = pdfText(content);
    expect(text).toContain('Team stack: AWS · Kubernetes · KServe · Arize · Prométhée');
    expect(text).toContain(`First-90-day mission: ${MISSION}`);
    expect(text.indexOf('Mandate:')).toBeLessThan(text.indexOf('Team stack:'));
  }, 20_000);

  it('a role without them prints neither line', async () => {
    const content = await decidedWithBrief({});
    expect('stack' in content.role).toBe(false);
    const text = pdfText(content);
    expect(text).toContain('Mandate:');
    expect(text).not.toContain('Team stack:');
    expect(text).not.toContain('First-90-day mission:');
  }, 20_000);

  it('a tool or a mission the font cannot draw is named in the character check', async () => {
    const content = await decidedWithBrief({ stack: ['AWS', '飞桨'], mission: 'Ship the paved road 🚀.' });
    const report = findUndrawable(packetTexts(content));
    expect(report.where).toEqual(expect.arrayContaining(['team stack', '90-day mission']));
  }, 20_000);
});
