// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { BUILTIN_RUBRIC } from '../../src/domain/builtin-rubric';
import { checkPanelConsensus, consensusScopes, type Consensus } from '../../src/domain/debrief';
import type { Rubric } from '../../src/domain/rubric';
import { ValidationError } from '../../src/data/validation';
import { renderPacketPdf } from '../../src/lib/pdf/packet-pdf';
import { freshDb } from '../helpers/db';
import { pdfFonts as fonts, pdfText } from '../helpers/pdf';
import { scoreThreeRubricPanel } from '../helpers/three-rubric-panel';
import { contentOf } from '../../src/domain/scorecard';
import { servingRole } from '../fixtures/roles';
import { PACKET_VERSION } from '../../src/domain/packet';

const PANEL = [
  { name: 'Ana Lopez', levels: [3, 3, 3, 2, 3], recommendation: 'yes' },
  { name: 'Ben Okafor', levels: [2, 3, 4, 3, 3], recommendation: 'strong-yes', redFlag: 'no-numbers' },
  { name: 'Chen Wei', levels: [4, 4, 3, 4, 1], recommendation: 'no' },
] as const;

/** Level 3 everywhere, with a reason wherever 3 departs from that rubric's median. */
async function consensusAtThree(repos: ReturnType<typeof freshDb>['repos'], candidateId: string): Promise<Consensus[]> {
  const content = await repos.packets.buildPanelContent(candidateId);
  return consensusScopes(content.aggregate, content.rubrics).flatMap((scope) =>
    scope.dimensions.map((d) => ({ dimensionKey: d.key, level: 3 as const, rationale: d.median !== null && Math.abs(d.median - 3) >= 1 ? 'The panel talked it through.' : '', rubric: scope.rubric })),
  );
}

describe('a panel on three rubrics, through the repositories', () => {
  it('is debriefed per rubric: the decision waits for every rubric’s consensus, then the packet carries all three', async () => {
    const { repos } = freshDb();
    const { candidate } = await scoreThreeRubricPanel(repos, PANEL);

    const consensus = await consensusAtThree(repos, candidate.id);
    expect(consensus).toHaveLength(15);
    // The system design's consensus is left out: the decision is refused, naming that rubric.
    await repos.debriefs.saveConsensus(candidate.id, consensus.filter((c) => c.rubric?.id !== 'ml-system-design'));
    const refused = await repos.debriefs.recordDecision(candidate.id, { decision: 'hire', decisionRationale: 'Weighed every scorecard and the consensus together; the reasons were talked through in the debrief.', decidedBy: 'Dana Whitfield', nextStep: 'Offer call.' }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ValidationError);
    expect((refused as ValidationError).issues[0]).toEqual({ path: 'consensus-r2-requirements', message: 'ML system design · version 1, Requirements and constraints: record the panel’s consensus level.' });
    expect((refused as ValidationError).issues).toHaveLength(5);

    await repos.debriefs.saveConsensus(candidate.id, consensus);
    const decided = await repos.debriefs.recordDecision(candidate.id, { decision: 'hire', decisionRationale: 'Weighed every scorecard and the consensus together; the reasons were talked through in the debrief.', decidedBy: 'Dana Whitfield', nextStep: 'Offer call.' });
    expect(decided.decision).toBe('hire');
    expect(decided.consensus.map((c) => c.rubric?.id)).toEqual([...Array(5).fill('production-incident-review'), ...Array(5).fill('ml-system-design'), ...Array(5).fill('rollback-scenario')]);

    const packet = await repos.packets.buildPacket(candidate.id, '0.1.0');
    expect(packet.version).toBe(PACKET_VERSION);
    expect(packet.content.rubrics.map((r) => `${r.title} v${r.version}`)).toEqual(['Production incident review v1', 'ML system design v1', 'Rollback scenario v1']);
    expect(packet.content.aggregate.byRubric.map((g) => [g.title, g.dimensions[0]?.levels])).toEqual([
      ['Production incident review', [3]],
      ['ML system design', [2]],
      ['Rollback scenario', [4]],
    ]);
    expect(checkPanelConsensus(packet.content.debrief.consensus, packet.content.aggregate, packet.content.rubrics)).toEqual([]);

    // Another device reproduces it from the JSON alone, and reading it twice changes nothing.
    const archive = freshDb();
    const text = JSON.stringify(packet, null, 2);
    expect((await archive.repos.imports.importFile('packet.loopcard.json', text)).outcome).toBe('added');
    expect((await archive.repos.imports.importFile('packet.loopcard.json', text)).outcome).toBe('unchanged');
    expect((await archive.repos.packets.buildPacket(candidate.id, '0.1.0')).content.aggregate).toEqual(packet.content.aggregate);

    // The PDF, as a reader sees it: each rubric named with its version next to its scores.
    const bytes = renderPacketPdf(packet.content, fonts, { exportedAt: packet.exportedAt, sha256: packet.sha256, paper: 'a4' });
    const pdf = pdfText(bytes);
    for (const line of ['Scored on Production incident review, version 1', 'Scored on ML system design, version 1', 'Scored on Rollback scenario, version 1']) {
      expect(pdf.split(line).length - 1).toBeGreaterThanOrEqual(3); // page one, the evidence, the appendix
    }
    expect(pdf).toContain('Scored by Ben Okafor.');
    expect(pdf).toContain('Requirements and constraints');
    expect(pdf).toContain('Rollback mechanics');
    // Page one: each interviewer's row with the red flag they raised, and who went against the hire.
    expect(pdf).toMatch(/^\s*Ben Okafor\s.*Strong yes\s.*No numbers$/m);
    expect(pdf).toContain('Chen Wei: No — no takeaway written');
  });

  it('keeps two versions of one rubric apart: each version’s rollback is its own row and its own consensus', async () => {
    const { db, repos } = freshDb();
    const v2: Rubric = { ...BUILTIN_RUBRIC, id: 'team-incident-review-2', version: 2, lineage: BUILTIN_RUBRIC.id, basedOn: { id: BUILTIN_RUBRIC.id, version: 1 }, author: 'Zofia Łukasiewicz', builtIn: false };
    await db.rubrics.put(v2);
    const role = await repos.roles.create({ ...servingRole, loopPlan: [{ key: 's1', rubric: { id: BUILTIN_RUBRIC.id, version: 1 } }, { key: 's2', rubric: { id: v2.id, version: 2 } }] });
    const candidate = await repos.candidates.create({ name: 'Priya Raman', roleId: role.id, notes: '' });
    for (const [name, rollback] of [['Ana Lopez', 1], ['Ben Okafor', 4]] as const) {
      const interview = await repos.interviews.addToLoop(candidate.id, { interviewerName: name, plannedAt: '' });
      const card = await repos.scorecards.openForInterview(interview.id);
      const content = contentOf(card);
      content.ratings = content.ratings.map((r) => ({ ...r, level: r.dimensionKey === 'rollback' ? rollback : 3, evidence: 'Heard it.' }));
      content.recommendation = 'yes';
      await repos.scorecards.submit(card.id, content, card.editVersion);
    }
    const content = await repos.packets.buildPanelContent(candidate.id);
    expect(content.rubrics.map((r) => [r.id, r.version])).toEqual([[BUILTIN_RUBRIC.id, 1], [v2.id, 2]]);
    expect(content.aggregate.byRubric.map((g) => g.dimensions.find((d) => d.dimensionKey === 'rollback')?.levels)).toEqual([[1], [4]]);
  });

  it('refuses to build a packet when a rubric version the panel used is not on this device, saying whose it was', async () => {
    const { db, repos } = freshDb();
    const { candidate } = await scoreThreeRubricPanel(repos, PANEL);
    await db.rubrics.delete(['rollback-scenario', 1]);
    await expect(repos.packets.buildPanelContent(candidate.id)).rejects.toThrow(/rubric version that Chen Wei scored on \(rollback-scenario, version 1\) is not on this device/);
  });
});
