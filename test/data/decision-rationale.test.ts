import { describe, expect, it } from 'vitest';
import packetV5 from '../fixtures/packet-v5.loopcard.json?raw';
import { ValidationError } from '../../src/data/validation';
import { freshDb } from '../helpers/db';

const SOLID = ['trigger', 'diagnosis', 'mitigation', 'rollback', 'prevention'].map((dimensionKey) => ({ dimensionKey, level: 3 as const, rationale: dimensionKey === 'rollback' ? 'The second rollback was hers.' : '' }));
const LONG_ENOUGH = 'The panel said yes, but the role needs an on-call lead now and her rollbacks were always by hand.';

/** The example panel (Yes, Strong yes, Yes), its consensus at 3 everywhere. */
async function examplePanel() {
  const { repos } = freshDb();
  const { candidateId } = await repos.exampleData.create();
  await repos.debriefs.saveConsensus(candidateId, SOLID);
  return { repos, candidateId };
}

async function refusal(promise: Promise<unknown>): Promise<{ path: string; message: string }[]> {
  const error = await promise.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ValidationError);
  return (error as ValidationError).issues;
}

describe('recording the decision with its rationale', () => {
  it('stores the rationale, trimmed, with the decision', async () => {
    const { repos, candidateId } = await examplePanel();
    const decided = await repos.debriefs.recordDecision(candidateId, { decision: 'hire', decisionRationale: '  Strongest operator of the slate.\n', decidedBy: 'Dana Whitfield', nextStep: 'Offer call.' });
    expect(decided).toMatchObject({ decision: 'hire', decisionRationale: 'Strongest operator of the slate.' });
    expect((await repos.debriefs.getByCandidate(candidateId))?.decisionRationale).toBe('Strongest operator of the slate.');
  });

  it('refuses a decision without a rationale, and records nothing', async () => {
    const { repos, candidateId } = await examplePanel();
    expect(await refusal(repos.debriefs.recordDecision(candidateId, { decision: 'hire', decisionRationale: '   ', decidedBy: 'Dana Whitfield', nextStep: 'Offer call.' }))).toEqual([
      { path: 'decisionRationale', message: 'Say why this decision was taken.' },
    ]);
    expect((await repos.debriefs.getByCandidate(candidateId))?.decision).toBeNull();
  });

  it('refuses a rationale of 20,000 characters, naming the limit', async () => {
    const { repos, candidateId } = await examplePanel();
    expect(await refusal(repos.debriefs.recordDecision(candidateId, { decision: 'hire', decisionRationale: 'x'.repeat(20_000), decidedBy: 'Dana Whitfield', nextStep: 'Offer call.' }))).toEqual([
      { path: 'decisionRationale', message: 'The rationale must be at most 5,000 characters.' },
    ]);
  });

  it('asks a no hire against a panel that said yes for the longer why, by the rules the form uses', async () => {
    const { repos, candidateId } = await examplePanel();
    const short = 'Not the right time.';
    expect(await refusal(repos.debriefs.recordDecision(candidateId, { decision: 'no-hire', decisionRationale: short, decidedBy: 'Dana Whitfield', nextStep: 'Thank her.' }))).toEqual([
      { path: 'decisionRationale', message: `This decision goes against the panel: say why in the rationale, in at least 80 characters (now ${short.length}).` },
    ]);
    const decided = await repos.debriefs.recordDecision(candidateId, { decision: 'no-hire', decisionRationale: LONG_ENOUGH, decidedBy: 'Dana Whitfield', nextStep: 'Thank her.' });
    expect(decided).toMatchObject({ decision: 'no-hire', decisionRationale: LONG_ENOUGH });
  });

  it('reads the saved consensus for a hire: a consensus of 2 asks for the longer why', async () => {
    const { repos, candidateId } = await examplePanel();
    await repos.debriefs.saveConsensus(candidateId, SOLID.map((c) => (c.dimensionKey === 'rollback' ? { ...c, level: 2 as const } : c)));
    const issues = await refusal(repos.debriefs.recordDecision(candidateId, { decision: 'hire', decisionRationale: 'Coachable.', decidedBy: 'Dana Whitfield', nextStep: 'Offer call.' }));
    expect(issues.map((i) => i.path)).toEqual(['decisionRationale']);
    await repos.debriefs.recordDecision(candidateId, { decision: 'hire', decisionRationale: LONG_ENOUGH, decidedBy: 'Dana Whitfield', nextStep: 'Offer call.' });
  });

  it('still imports a debrief decided before rationales existed, and keeps it as it was', async () => {
    const { repos } = freshDb({ now: new Date('2026-12-01T09:00:00.000Z') });
    expect((await repos.imports.importFile('packet-v5.loopcard.json', packetV5)).outcome).toBe('added');
    const debrief = await repos.debriefs.getByCandidate('fx-candidate-1');
    expect(debrief?.decision).toBe('hire');
    expect(debrief && 'decisionRationale' in debrief).toBe(false);
  });
});
