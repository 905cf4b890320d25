import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../src/domain/canonical-json';
import { contentOf } from '../../src/domain/scorecard';
import type { Repositories } from '../../src/data/repositories';
import type { LoopcardDb } from '../../src/data/db';
import { servingRole } from '../fixtures/roles';
import { freshDb } from '../helpers/db';

async function snapshot(db: LoopcardDb) {
  const tables = ['roles', 'candidates', 'rubrics', 'interviews', 'scorecards', 'scorecardRevisions', 'debriefs'] as const;
  return Object.fromEntries(await Promise.all(tables.map(async (t) => [t, await db.table(t).toArray()])));
}

async function managerWithLoop() {
  const device = freshDb();
  const role = await device.repos.roles.create(servingRole);
  const candidate = await device.repos.candidates.create({ name: 'Linh Nguyễn', roleId: role.id, notes: '' });
  for (const name of ['Karel Dvořák', 'Ingrid Ødegaard']) await device.repos.interviews.addToLoop(candidate.id, { interviewerName: name, plannedAt: '' });
  return { ...device, role, candidate };
}

async function decided(repos: Repositories, candidateId: string) {
  await repos.debriefs.saveConsensus(candidateId, [
    { dimensionKey: 'trigger', level: 3, rationale: '' },
    { dimensionKey: 'diagnosis', level: 3, rationale: '' },
    { dimensionKey: 'mitigation', level: 3, rationale: '' },
    { dimensionKey: 'rollback', level: 4, rationale: 'The registry pin was theirs.' },
    { dimensionKey: 'prevention', level: 3, rationale: '' },
  ]);
  await repos.debriefs.recordDecision(candidateId, { decision: 'hire', decisionRationale: 'Weighed every scorecard and the consensus together; the reasons were talked through in the debrief.', decidedBy: 'Dana', nextStep: 'Offer call' });
}

describe('loop files', () => {
  it('carry a loop to another device, where the same interviews can be scored and gathered back', async () => {
    const manager = await managerWithLoop();
    const { json } = await manager.repos.imports.buildLoopFile(manager.candidate.id, '0.1.0');
    const tablet = freshDb();
    const first = await tablet.repos.imports.importFile('loop.loopcard.json', json);
    expect(first.outcome).toBe('added');
    const again = await tablet.repos.imports.importFile('loop.loopcard.json', json);
    expect(again.outcome).toBe('unchanged');
    // The tablet is an interviewer's device for this candidate; the manager's is not. A backup
    // never carries that: it describes the device, not the hiring data.
    expect(await tablet.repos.settings.receivedLoop(manager.candidate.id)).toBe(true);
    expect(await manager.repos.settings.receivedLoop(manager.candidate.id)).toBe(false);
    expect(await (await tablet.repos.backup.exportBackup({ appVersion: '0.1.0' })).blob.text()).not.toContain('receivedLoops');

    const [karel] = await tablet.repos.interviews.listByCandidate(manager.candidate.id);
    if (!karel) throw new Error('no interview');
    const card = await tablet.repos.scorecards.openForInterview(karel.id);
    const content = contentOf(card);
    content.ratings = content.ratings.map((r) => ({ ...r, level: 3, evidence: 'ok' }));
    content.recommendation = 'yes';
    await tablet.repos.scorecards.submit(card.id, content, card.editVersion);
    const exported = await tablet.repos.scorecards.buildExport(card.id, '0.1.0');

    const gathered = await manager.repos.imports.importFile(exported.fileName, exported.json);
    expect(gathered.outcome).toBe('added');
    expect(await manager.repos.candidates.list()).toHaveLength(1);
    expect((await manager.repos.scorecards.listForCandidate(manager.candidate.id)).revisions).toHaveLength(1);
  });

  it('refuses a tampered loop file and writes nothing', async () => {
    const manager = await managerWithLoop();
    const { json } = await manager.repos.imports.buildLoopFile(manager.candidate.id, '0.1.0');
    const tampered = json.replace('Karel Dvořák', 'Karl Dvorak');
    const tablet = freshDb();
    const before = await snapshot(tablet.db);
    const result = await tablet.repos.imports.importFile('loop.loopcard.json', tampered);
    expect(result.outcome).toBe('rejected');
    expect(result.detail).toMatch(/checksum/);
    expect(await snapshot(tablet.db)).toEqual(before);
  });

  it('refuses a loop whose interviewer already has a different interview with the candidate here', async () => {
    const manager = await managerWithLoop();
    const { json } = await manager.repos.imports.buildLoopFile(manager.candidate.id, '0.1.0');
    const tablet = freshDb();
    await tablet.repos.imports.importFile('loop.loopcard.json', json);
    // The manager removes Karel and adds him again: a new interview id for the same person.
    const [karel] = await manager.repos.interviews.listByCandidate(manager.candidate.id);
    if (!karel) throw new Error('no interview');
    await manager.repos.interviews.removeFromLoop(karel.id);
    await manager.repos.interviews.addToLoop(manager.candidate.id, { interviewerName: 'Karel Dvořák', plannedAt: '' });
    const second = await manager.repos.imports.buildLoopFile(manager.candidate.id, '0.1.0');
    const before = await snapshot(tablet.db);
    const result = await tablet.repos.imports.importFile('loop-2.loopcard.json', second.json);
    expect(result.outcome).toBe('rejected');
    expect(result.detail).toContain('Karel Dvořák would have two different interviews with');
    expect(await snapshot(tablet.db)).toEqual(before);
  });

  it('will not share a loop with no interviewers', async () => {
    const { repos } = freshDb();
    const role = await repos.roles.create(servingRole);
    const candidate = await repos.candidates.create({ name: 'Ada', roleId: role.id, notes: '' });
    await expect(repos.imports.buildLoopFile(candidate.id, '0.1.0')).rejects.toThrow('Plan the loop first');
  });
});

describe('decision packet round trip', () => {
  async function decidedPanel() {
    const manager = await managerWithLoop();
    for (const interview of await manager.repos.interviews.listByCandidate(manager.candidate.id)) {
      const card = await manager.repos.scorecards.openForInterview(interview.id);
      const content = contentOf(card);
      content.ratings = content.ratings.map((r, i) => ({ ...r, level: i === 3 ? (interview.interviewerName.startsWith('K') ? 2 : 4) : 3, evidence: `${interview.interviewerName} on ${r.dimensionKey}` }));
      content.recommendation = 'yes';
      await manager.repos.scorecards.submit(card.id, content, card.editVersion);
    }
    await decided(manager.repos, manager.candidate.id);
    return manager;
  }

  it('reproduces the debrief exactly on another device', async () => {
    const manager = await decidedPanel();
    const packet = await manager.repos.packets.buildPacket(manager.candidate.id, '0.1.0');
    const archive = freshDb();
    const result = await archive.repos.imports.importFile('packet.loopcard.json', JSON.stringify(packet));
    expect(result).toMatchObject({ kind: 'packet', outcome: 'added', candidateId: manager.candidate.id });
    const rebuilt = await archive.repos.packets.buildPacket(manager.candidate.id, '0.1.0');
    expect(canonicalJson(rebuilt.content)).toBe(canonicalJson(packet.content));
    expect(rebuilt.sha256).toBe(packet.sha256);
    expect((await archive.repos.imports.importFile('packet.loopcard.json', JSON.stringify(packet))).outcome).toBe('unchanged');
    expect(await archive.repos.candidates.list()).toHaveLength(1);
  });

  it('refuses an altered packet, an aggregate that does not follow from its scorecards, and a decision before it is made', async () => {
    const manager = await decidedPanel();
    const packet = await manager.repos.packets.buildPacket(manager.candidate.id, '0.1.0');
    const archive = freshDb();
    const before = await snapshot(archive.db);
    const altered = structuredClone(packet);
    altered.content.debrief.decision = 'no-hire';
    const refused = await archive.repos.imports.importFile('packet.loopcard.json', JSON.stringify(altered));
    expect(refused).toMatchObject({ outcome: 'rejected', detail: expect.stringMatching(/checksum/) });
    expect(await snapshot(archive.db)).toEqual(before);

    const { repos } = freshDb();
    const role = await repos.roles.create(servingRole);
    const candidate = await repos.candidates.create({ name: 'Undecided', roleId: role.id, notes: '' });
    await expect(repos.packets.buildPacket(candidate.id, '0.1.0')).rejects.toThrow();
  });

  it('refuses a decision while a departure from the median has no rationale', async () => {
    const manager = await decidedPanel();
    await manager.repos.debriefs.saveConsensus(manager.candidate.id, [
      { dimensionKey: 'trigger', level: 1, rationale: '' },
      { dimensionKey: 'diagnosis', level: 3, rationale: '' },
      { dimensionKey: 'mitigation', level: 3, rationale: '' },
      { dimensionKey: 'rollback', level: 3, rationale: '' },
      { dimensionKey: 'prevention', level: 3, rationale: '' },
    ]);
    await expect(manager.repos.debriefs.recordDecision(manager.candidate.id, { decision: 'hire', decisionRationale: 'Weighed every scorecard and the consensus together; the reasons were talked through in the debrief.', decidedBy: 'Dana', nextStep: 'Offer' })).rejects.toMatchObject({
      issues: [{ path: 'consensus-trigger-rationale', message: 'Trigger: the consensus departs from the panel median, so say why.' }],
    });
  });

  it('never lets an older packet replace a newer decision, and says so', async () => {
    const manager = await decidedPanel();
    const hire = await manager.repos.packets.buildPacket(manager.candidate.id, '0.1.0');
    expect(hire.content.debrief.decision).toBe('hire');
    await manager.repos.debriefs.recordDecision(manager.candidate.id, { decision: 'no-hire', decisionRationale: 'Weighed every scorecard and the consensus together; the reasons were talked through in the debrief.', decidedBy: 'Dana', nextStep: 'Tell the candidate' });
    const before = await snapshot(manager.db);
    const result = await manager.repos.imports.importFile('older.loopcard.json', JSON.stringify(hire));
    expect(result.outcome).toBe('kept-newer');
    expect(result.detail).toContain('Kept this device’s newer version of the debrief and decision for Linh Nguyễn; the file’s is older.');
    expect((await manager.repos.debriefs.getByCandidate(manager.candidate.id))?.decision).toBe('no-hire');
    expect(await snapshot(manager.db)).toEqual(before);
  });

  it('takes a newer packet over an older decision on another device', async () => {
    const manager = await decidedPanel();
    const archive = freshDb();
    await archive.repos.imports.importFile('hire.loopcard.json', JSON.stringify(await manager.repos.packets.buildPacket(manager.candidate.id, '0.1.0')));
    await manager.repos.debriefs.recordDecision(manager.candidate.id, { decision: 'more-signal', decisionRationale: 'Weighed every scorecard and the consensus together; the reasons were talked through in the debrief.', decidedBy: 'Dana', nextStep: 'One more interview' });
    const newer = await manager.repos.packets.buildPacket(manager.candidate.id, '0.1.0');
    const result = await archive.repos.imports.importFile('newer.loopcard.json', JSON.stringify(newer));
    expect(result.outcome).toBe('updated');
    expect((await archive.repos.debriefs.getByCandidate(manager.candidate.id))?.decision).toBe('more-signal');
  });

  it('keeps both versions of a decision changed on two devices, until the person chooses', async () => {
    const manager = await decidedPanel();
    const archive = freshDb();
    await archive.repos.imports.importFile('hire.loopcard.json', JSON.stringify(await manager.repos.packets.buildPacket(manager.candidate.id, '0.1.0')));
    // Both devices change the decision apart.
    await manager.repos.debriefs.recordDecision(manager.candidate.id, { decision: 'no-hire', decisionRationale: 'Weighed every scorecard and the consensus together; the reasons were talked through in the debrief.', decidedBy: 'Dana', nextStep: 'Tell the candidate' });
    await archive.repos.debriefs.recordDecision(manager.candidate.id, { decision: 'more-signal', decisionRationale: 'Weighed every scorecard and the consensus together; the reasons were talked through in the debrief.', decidedBy: 'Lee', nextStep: 'One more interview' });
    const theirs = JSON.stringify(await manager.repos.packets.buildPacket(manager.candidate.id, '0.1.0'));
    const result = await archive.repos.imports.importFile('dana.loopcard.json', theirs);
    expect(result.outcome).toBe('conflict');
    expect(result.detail).toContain('The debrief and decision for Linh Nguyễn was changed both here and elsewhere');
    expect((await archive.repos.debriefs.getByCandidate(manager.candidate.id))?.decision).toBe('more-signal');
    const [conflict] = await archive.repos.imports.listConflicts();
    expect(conflict).toMatchObject({ table: 'debriefs', label: 'The debrief and decision for Linh Nguyễn', source: 'dana.loopcard.json' });
    expect(conflict?.differences).toContainEqual({ field: 'Decision', mine: 'more-signal', theirs: 'no-hire' });
    // The same file again is still the same open choice, not a second one.
    expect((await archive.repos.imports.importFile('dana.loopcard.json', theirs)).outcome).toBe('conflict');
    expect(await archive.repos.imports.listConflicts()).toHaveLength(1);

    await archive.repos.imports.resolveConflict(conflict?.id ?? '', 'theirs');
    expect((await archive.repos.debriefs.getByCandidate(manager.candidate.id))?.decision).toBe('no-hire');
    expect(await archive.repos.imports.listConflicts()).toEqual([]);
    // Once chosen, the other device's copy is an ancestor: it no longer conflicts.
    expect((await archive.repos.imports.importFile('dana.loopcard.json', theirs)).outcome).toBe('kept-newer');
  });
});
