import { describe, expect, it } from 'vitest';
import type { Decision } from '../../src/domain/debrief';
import { servingRole } from '../fixtures/roles';
import { freshDb } from '../helpers/db';
import { decide, submitLoop } from '../helpers/decided';

/** A role opened on 2026-10-05 (the clock reads 2026-11-02), with candidates whose loops of two are planned. */
async function device() {
  const { db, repos } = freshDb();
  const role = await repos.roles.create({ ...servingRole, openedOn: '2026-10-05', targetCloseWeeks: 6 });
  const candidateWithLoop = async (name: string) => {
    const candidate = await repos.candidates.create({ name, roleId: role.id, notes: '' });
    for (const interviewer of ['Karel Dvořák', 'Ingrid Ødegaard']) await repos.interviews.addToLoop(candidate.id, { interviewerName: interviewer, plannedAt: '' });
    return candidate;
  };
  const submitAll = (candidateId: string) => submitLoop(repos, candidateId);
  const decideFor = (candidateId: string, decision: Decision) => decide(repos, candidateId, decision);
  return { db, repos, role, candidateWithLoop, submitAll, decide: decideFor };
}

describe('the pipeline, from the data on this device', () => {
  it('follows one candidate from an empty loop to an accepted offer, and the role’s search closes', async () => {
    const d = await device();
    const bare = await d.repos.candidates.create({ name: 'Priya Raman', roleId: d.role.id, notes: '' });
    const linh = await d.candidateWithLoop('Linh Nguyễn');
    const stageText = async () => (await d.repos.pipeline.candidateStages()).get(linh.id)?.stage;
    expect((await d.repos.pipeline.candidateStages()).get(bare.id)?.stage).toBe('no-loop');
    expect(await stageText()).toBe('loop-planned');
    await d.submitAll(linh.id);
    expect(await stageText()).toBe('ready-for-debrief');
    // The candidates on screen only: the same stages as from all of them.
    const all = await d.repos.pipeline.candidateStages();
    expect(await d.repos.pipeline.candidateStages([linh.id, bare.id])).toEqual(new Map([[linh.id, all.get(linh.id)], [bare.id, all.get(bare.id)]]));
    expect(await d.repos.pipeline.candidateStages([])).toEqual(new Map());
    await d.decide(linh.id, 'hire');
    expect(await stageText()).toBe('hire');
    expect((await d.repos.roles.searches()).get(d.role.id)).toMatchObject({ state: 'open', week: 5, text: 'Week 5 of 6' });

    const debrief = await d.repos.debriefs.recordOffer(linh.id, 'accepted');
    expect(debrief.offer).toEqual({ outcome: 'accepted', recordedAt: '2026-11-02T09:00:00.000Z' });
    expect(await stageText()).toBe('offer-accepted');
    expect((await d.repos.roles.searches()).get(d.role.id)).toMatchObject({
      state: 'closed',
      weeks: 4,
      text: 'Closed in 4 weeks — within the 4–7 week window, 2 weeks before the 6-week target',
    });
    expect(await d.repos.pipeline.candidatePipeline(linh.id)).toMatchObject({
      stage: { stage: 'offer-accepted' },
      decision: 'hire',
      offer: { outcome: 'accepted' },
      closedBy: { candidateId: linh.id, name: 'Linh Nguyễn' },
    });
  });

  it('refuses an offer for a candidate with “no hire” or “more signal”, and before any decision, writing nothing', async () => {
    const d = await device();
    const linh = await d.candidateWithLoop('Linh Nguyễn');
    await expect(d.repos.debriefs.recordOffer(linh.id, 'accepted')).rejects.toThrow('Record the decision first: an offer follows a Hire decision.');
    await d.submitAll(linh.id);
    const noHire = await d.decide(linh.id, 'no-hire');
    await expect(d.repos.debriefs.recordOffer(linh.id, 'accepted')).rejects.toThrow(/The decision for this candidate is No hire, so no offer can be recorded\./);
    await d.decide(linh.id, 'more-signal');
    await expect(d.repos.debriefs.recordOffer(linh.id, 'declined')).rejects.toThrow(/More signal needed/);
    const after = await d.repos.debriefs.getByCandidate(linh.id);
    expect(after?.offer).toBeUndefined();
    expect(after?.rev).not.toBe(noHire.rev);
    expect((await d.repos.roles.searches()).get(d.role.id)?.state).toBe('open');
  });

  it('refuses to close a role twice, and reopens it when the accepted offer is cleared', async () => {
    const d = await device();
    const linh = await d.candidateWithLoop('Linh Nguyễn');
    const karim = await d.candidateWithLoop('Karim Haddad');
    for (const c of [linh, karim]) {
      await d.submitAll(c.id);
      await d.decide(c.id, 'hire');
    }
    await d.repos.debriefs.recordOffer(linh.id, 'accepted');
    await expect(d.repos.debriefs.recordOffer(karim.id, 'accepted')).rejects.toThrow(
      'This role’s search already closed on 2026-11-02, when Linh Nguyễn accepted an offer, and a role closes once. Clear that offer first if it was recorded by mistake.',
    );
    expect((await d.repos.debriefs.getByCandidate(karim.id))?.offer).toBeUndefined();
    // A declined offer is still recorded: the role stays closed by the first.
    await d.repos.debriefs.recordOffer(karim.id, 'declined');
    expect((await d.repos.pipeline.candidateStages()).get(karim.id)?.stage).toBe('offer-declined');

    await d.repos.debriefs.clearOffer(linh.id);
    expect((await d.repos.pipeline.candidateStages()).get(linh.id)?.stage).toBe('hire');
    expect((await d.repos.roles.searches()).get(d.role.id)?.state).toBe('open');
    await d.repos.debriefs.recordOffer(karim.id, 'accepted');
    expect((await d.repos.pipeline.candidatePipeline(linh.id))?.closedBy).toEqual({ candidateId: karim.id, name: 'Karim Haddad' });
  });

  it('keeps the decision at Hire while an offer is accepted; a new decision after a declined offer clears it', async () => {
    const d = await device();
    const linh = await d.candidateWithLoop('Linh Nguyễn');
    await d.submitAll(linh.id);
    await d.decide(linh.id, 'hire');
    await d.repos.debriefs.recordOffer(linh.id, 'accepted');
    await expect(d.decide(linh.id, 'no-hire')).rejects.toMatchObject({
      issues: [{ path: 'decision', message: 'The candidate has accepted an offer, which closed the role’s search. Clear the offer on the candidate’s page before changing the decision.' }],
    });
    expect(await d.repos.debriefs.getByCandidate(linh.id)).toMatchObject({ decision: 'hire', offer: { outcome: 'accepted' } });
    // Hire again (say, a corrected next step) keeps the offer.
    expect((await d.decide(linh.id, 'hire')).offer?.outcome).toBe('accepted');

    await d.repos.debriefs.recordOffer(linh.id, 'declined');
    const again = await d.decide(linh.id, 'more-signal');
    expect(again.offer).toBeNull();
    expect((await d.repos.pipeline.candidateStages()).get(linh.id)?.stage).toBe('more-signal');
  });

  it('records the same outcome once, and clearing nothing changes nothing', async () => {
    const d = await device();
    const linh = await d.candidateWithLoop('Linh Nguyễn');
    await d.submitAll(linh.id);
    await d.decide(linh.id, 'hire');
    const first = await d.repos.debriefs.recordOffer(linh.id, 'declined');
    expect((await d.repos.debriefs.recordOffer(linh.id, 'declined')).rev).toBe(first.rev);
    const cleared = await d.repos.debriefs.clearOffer(linh.id);
    expect(cleared?.offer).toBeNull();
    expect((await d.repos.debriefs.clearOffer(linh.id))?.rev).toBe(cleared?.rev);
    expect(await d.repos.debriefs.clearOffer('nobody')).toBeUndefined();
    expect(await d.repos.pipeline.candidatePipeline('nobody')).toBeNull();
  });
});
