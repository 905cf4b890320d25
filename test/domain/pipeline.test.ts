import { describe, expect, it } from 'vitest';
import {
  candidateStage,
  checkDecisionAgainstOffer,
  checkOffer,
  offerAfterDecision,
  roleSearch,
  stageText,
  type AcceptedOffer,
  type StageInput,
} from '../../src/domain/pipeline';
import { plannedInstant } from '../../src/domain/scorecards-due';
import type { Debrief } from '../../src/domain/debrief';

const now = new Date(plannedInstant('2026-11-30T12:00') as number);
const loop = [
  { id: 'i1', plannedAt: '2026-12-01T10:00' },
  { id: 'i2', plannedAt: '2026-12-02T10:00' },
  { id: 'i3', plannedAt: '' },
];
const stageOf = (input: Partial<StageInput>) => candidateStage({ interviews: loop, submittedInterviewIds: new Set(), debrief: null, now, ...input });
const decided = (decision: Debrief['decision'], offer: Debrief['offer'] = null) => ({ decision, offer });

describe('a candidate’s stage follows from the data', () => {
  it('walks one candidate through the whole sequence', () => {
    const steps = [
      candidateStage({ interviews: [], submittedInterviewIds: new Set(), debrief: null, now }),
      stageOf({}),
      stageOf({ submittedInterviewIds: new Set(['i1']) }),
      stageOf({ submittedInterviewIds: new Set(['i1', 'i2', 'i3']) }),
      stageOf({ submittedInterviewIds: new Set(['i1', 'i2', 'i3']), debrief: decided('hire') }),
      stageOf({ submittedInterviewIds: new Set(['i1', 'i2', 'i3']), debrief: decided('hire', { outcome: 'accepted', recordedAt: '2026-12-10T09:00:00.000Z' }) }),
    ];
    expect(steps.map(stageText)).toEqual([
      'No loop planned',
      'Loop planned',
      'Interviewing · 1 of 3 scorecards',
      'Ready for debrief',
      'Decided: hire',
      'Offer accepted',
    ]);
  });

  it('is interviewing once a planned time has passed, even before any scorecard arrives', () => {
    const started = stageOf({ interviews: [{ id: 'i1', plannedAt: '2026-11-30T11:00' }, { id: 'i2', plannedAt: '2026-12-01T10:00' }] });
    expect(stageText(started)).toBe('Interviewing · 0 of 2 scorecards');
    expect(stageOf({ interviews: [{ id: 'i1', plannedAt: '2026-11-30T12:01' }] }).stage).toBe('loop-planned');
  });

  it('names every decision and a declined offer', () => {
    expect(stageText(stageOf({ debrief: decided('no-hire') }))).toBe('Decided: no hire');
    expect(stageText(stageOf({ debrief: decided('more-signal') }))).toBe('Decided: more signal');
    expect(stageText(stageOf({ debrief: decided('hire', { outcome: 'declined', recordedAt: '2026-12-10T09:00:00.000Z' }) }))).toBe('Offer declined');
  });

  it('is not ready for debrief while a scorecard is missing, and a debrief with no decision changes nothing', () => {
    expect(stageOf({ submittedInterviewIds: new Set(['i1', 'i2']), debrief: decided(null) }).stage).toBe('interviewing');
    // A scorecard for an interview no longer in the loop does not count.
    expect(stageOf({ submittedInterviewIds: new Set(['gone']) }).submitted).toBe(0);
  });
});

describe('offers', () => {
  const accepted: AcceptedOffer[] = [{ candidateId: 'c-ada', candidateName: 'Ada Lovelace', recordedAt: '2026-12-10T09:00:00.000Z' }];

  it('are recorded only after a Hire decision, with a message otherwise', () => {
    expect(checkOffer('hire', 'accepted', [], 'c-1')).toBeNull();
    expect(checkOffer('hire', 'declined', accepted, 'c-1')).toBeNull();
    expect(checkOffer('no-hire', 'accepted', [], 'c-1')).toBe(
      'The decision for this candidate is No hire, so no offer can be recorded. Record a Hire decision first if the panel has changed its mind.',
    );
    expect(checkOffer('more-signal', 'declined', [], 'c-1')).toMatch(/More signal needed, so no offer can be recorded yet/);
    expect(checkOffer(null, 'accepted', [], 'c-1')).toBe('Record the decision first: an offer follows a Hire decision.');
  });

  it('refuse a second accepted offer for the same role: a role closes once', () => {
    expect(checkOffer('hire', 'accepted', accepted, 'c-1')).toMatch(/^This role’s search already closed on 2026-12-10, when Ada Lovelace accepted an offer, and a role closes once\./);
    // The candidate whose offer closed the role may have it recorded again.
    expect(checkOffer('hire', 'accepted', accepted, 'c-ada')).toBeNull();
  });

  it('hold the decision at Hire while accepted; a new decision clears a declined offer', () => {
    const yes = { outcome: 'accepted' as const, recordedAt: '2026-12-10T09:00:00.000Z' };
    const no = { outcome: 'declined' as const, recordedAt: '2026-12-10T09:00:00.000Z' };
    expect(checkDecisionAgainstOffer(yes, 'no-hire')).toMatch(/Clear the offer on the candidate’s page before changing the decision\./);
    expect(checkDecisionAgainstOffer(yes, 'hire')).toBeNull();
    expect(checkDecisionAgainstOffer(no, 'more-signal')).toBeNull();
    expect(checkDecisionAgainstOffer(null, 'no-hire')).toBeNull();
    expect(offerAfterDecision(no, 'more-signal')).toBeNull();
    expect(offerAfterDecision(no, 'hire')).toEqual(no);
    expect(offerAfterDecision(undefined, 'hire')).toBeNull();
  });
});

describe('the search clock', () => {
  const role = { openedOn: '2026-11-02', targetCloseWeeks: 6 };
  const today = new Date(2026, 10, 18, 15, 0); // 16 days after opening
  const offer = (day: string, candidateId = 'c-ada', candidateName = 'Ada Lovelace'): AcceptedOffer => ({
    candidateId,
    candidateName,
    recordedAt: new Date(`${day}T14:00:00`).toISOString(),
  });

  it('counts the open search in weeks against the target', () => {
    expect(roleSearch(role, [], today)).toMatchObject({ state: 'open', days: 16, week: 3, text: 'Week 3 of 6' });
    expect(roleSearch(role, [], new Date(2026, 10, 2))).toMatchObject({ week: 1, text: 'Week 1 of 6' });
    expect(roleSearch(role, [], new Date(2026, 11, 28)).text).toBe('Week 9, 3 weeks past the 6-week target');
  });

  it('stops at the first accepted offer and says where it stands against the window and the target', () => {
    const later = offer('2026-12-20', 'c-bo', 'Bo');
    expect(roleSearch(role, [later, offer('2026-12-07')], today)).toMatchObject({
      state: 'closed',
      days: 35,
      weeks: 5,
      candidateId: 'c-ada',
      text: 'Closed in 5 weeks — within the 4–7 week window, 1 week before the 6-week target',
    });
    expect(roleSearch(role, [offer('2026-12-14')], today).text).toBe('Closed in 6 weeks — within the 4–7 week window, on the 6-week target');
    expect(roleSearch(role, [offer('2026-11-16')], today).text).toBe('Closed in 2 weeks — faster than the 4–7 week window, 4 weeks before the 6-week target');
    expect(roleSearch(role, [offer('2027-01-04')], today).text).toBe('Closed in 9 weeks — past the 4–7 week window, 3 weeks after the 6-week target');
    expect(roleSearch(role, [offer('2027-02-15')], today).text).toBe('Closed in 15 weeks — past 90 days, well beyond the 4–7 week window, 9 weeks after the 6-week target');
  });

  it('never shows less than a week, even for an offer dated before the opening date', () => {
    expect(roleSearch(role, [offer('2026-10-20')], today)).toMatchObject({ days: 0, weeks: 1, text: 'Closed in 1 week — faster than the 4–7 week window, 5 weeks before the 6-week target' });
  });
});
