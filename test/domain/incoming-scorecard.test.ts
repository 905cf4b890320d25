import { describe, expect, it } from 'vitest';
import { BUILTIN_RUBRIC } from '../../src/domain/builtin-rubric';
import {
  SHIPPED_BUILTIN_RUBRICS,
  checkIncomingRevisions,
  checkIncomingRubric,
  checkTimestamp,
} from '../../src/domain/incoming-scorecard';
import { NOT_COVERED, type Rubric } from '../../src/domain/rubric';
import type { DimensionRating, Scorecard } from '../../src/domain/scorecard';
import { NOW, all, cardFor, interviewOf } from '../helpers/panel';

const LATER = '2026-11-02T10:30:00.000Z';
const CLOCK = new Date('2026-11-02T12:00:00.000Z');

const interview = interviewOf('iv-ana', 'Ana Lopez');
const revision1 = cardFor(interview, all(3));
const revision2: Scorecard = {
  ...cardFor(interview, [3, 3, 3, 2]),
  revision: 2,
  amendReason: 'On reflection the rollback was only partial.',
  editVersion: 7,
  submittedAt: LATER,
  updatedAt: LATER,
  contentHash: 'b'.repeat(64),
};
const history = [revision1, revision2];

type Edit = (revisions: Scorecard[]) => Scorecard[];

/** Replaces fields of revision `n` of the valid history. */
function onRevision(n: 1 | 2, patch: Partial<Scorecard> | ((r: Scorecard) => Partial<Scorecard>)): Edit {
  return (revisions) => revisions.map((r) => (r.revision === n ? { ...r, ...(typeof patch === 'function' ? patch(r) : patch) } : r));
}

function onRating(n: 1 | 2, key: string, patch: Partial<DimensionRating>): Edit {
  return onRevision(n, (r) => ({ ratings: r.ratings.map((rating) => (rating.dimensionKey === key ? { ...rating, ...patch } : rating)) }));
}

const refused = (n: number, problem: string) =>
  `Ana Lopez’s scorecard, revision ${n}, is not a legal submission: ${problem}. Ask Ana Lopez to export the scorecard again from their device.`;

const ACCEPTED: [string, Edit][] = [
  ['a first submission and its amendment', (r) => r],
  ['the same revisions in any order', (r) => [...r].reverse()],
  ['a single revision', () => [revision1]],
  ['the same revision twice (imported again)', (r) => [...r, { ...revision2, editVersion: 12 }]],
  ['a dimension marked not covered, with no evidence', onRating(1, 'rollback', { level: NOT_COVERED, evidence: '' })],
  ['ratings in another order than the rubric', onRevision(1, (r) => ({ ratings: [...r.ratings].reverse() }))],
  ['the interviewer’s name typed differently', onRevision(2, { interviewerName: 'ANA  LOPEZ\u200B' })],
  ['an amendment stamped the same moment as what it amends', onRevision(2, { submittedAt: NOW })],
  [
    'probes and red flags from the rubric',
    (r) =>
      onRating(1, 'rollback', { probesCovered: ['rollback-plan', 'tradeoffs'] })(
        onRevision(1, { redFlags: [{ key: 'no-ownership', note: 'Said "we" throughout.' }] })(r),
      ),
  ],
  ['a timer started before submission', onRevision(1, { timerStartedAt: '2026-11-02T08:00:00.000Z' })],
  ['probe topics covered once for the interview', onRevision(1, { topicsCovered: ['tooling', 'rollback-plan'] })],
  ['a time up to a day ahead of this device’s clock', onRevision(2, { updatedAt: '2026-11-03T12:00:00.000Z' })],
];

const REFUSED: [string, Edit, string][] = [
  ['an unknown probe topic for the interview', onRevision(1, { topicsCovered: ['vibes'] }), refused(1, 'it lists “vibes”, which is not a probe topic of “Production incident review”')],
  ['a probe topic listed twice for the interview', onRevision(1, { topicsCovered: ['tooling', 'tooling'] }), refused(1, 'it lists the probe topic Tooling choices twice')],
  ['a draft', onRevision(2, { status: 'draft' }), refused(2, 'it is a draft, not a submitted scorecard')],
  ['no content hash', onRevision(1, { contentHash: null }), refused(1, 'its content hash is missing or malformed')],
  ['a content hash that is not SHA-256 hex', onRevision(1, { contentHash: 'A'.repeat(64) }), refused(1, 'its content hash is missing or malformed')],
  ['no submission time', onRevision(2, { submittedAt: null }), refused(2, 'it has no submission time')],
  ['an interviewer name of invisible characters', onRevision(2, { interviewerName: '\u200B\u200D\uFEFF' }), refused(2, 'it names no interviewer')],
  ['another scorecard’s revision', onRevision(2, { id: 'sc-other' }), refused(2, 'it belongs to a different scorecard from revision 1')],
  ['another interview', onRevision(1, { interviewId: 'iv-ben' }), refused(1, 'it belongs to a different interview')],
  ['another candidate', onRevision(2, { candidateId: 'cand-2' }), refused(2, 'it is about a different candidate from the interview')],
  ['another role', onRevision(2, { roleId: 'role-2' }), refused(2, 'it is for a different role from the interview')],
  [
    'another rubric version than the interview’s',
    onRevision(2, { rubric: { id: BUILTIN_RUBRIC.id, version: 2 } }),
    refused(2, 'it was scored against a different rubric from the one the interview uses (“Production incident review”, version 1)'),
  ],
  ['another interviewer', onRevision(2, { interviewerName: 'Ben Okafor' }), refused(2, 'it is signed by Ben Okafor, but the interview is Ana Lopez’s')],
  ['a dimension missing', onRevision(1, (r) => ({ ratings: r.ratings.filter((x) => x.dimensionKey !== 'prevention') })), refused(1, 'it has no answer for Prevention')],
  ['a dimension rated twice', onRevision(1, (r) => ({ ratings: [...r.ratings, { ...(r.ratings[0] as DimensionRating), level: 4 }] })), refused(1, 'it rates Trigger twice')],
  [
    'a dimension the rubric does not have',
    onRevision(1, (r) => ({ ratings: [...r.ratings, { dimensionKey: 'charisma', level: 4, evidence: 'Charming.', probesCovered: [] }] })),
    refused(1, 'it rates “charisma”, which is not a dimension of “Production incident review”'),
  ],
  [
    'a probe topic the rubric does not have',
    onRating(2, 'diagnosis', { probesCovered: ['astrology'] }),
    refused(2, 'Diagnosis lists “astrology”, which is not a probe topic of “Production incident review”'),
  ],
  ['a probe topic listed twice', onRating(2, 'diagnosis', { probesCovered: ['tooling', 'tooling'] }), refused(2, 'Diagnosis lists the probe topic Tooling choices twice')],
  [
    'a red flag the rubric does not have',
    onRevision(1, { redFlags: [{ key: 'late', note: '' }] }),
    refused(1, 'it raises the red flag “late”, which “Production incident review” does not have'),
  ],
  [
    'a red flag raised twice',
    onRevision(1, { redFlags: [{ key: 'theoretical', note: '' }, { key: 'theoretical', note: 'Again.' }] }),
    refused(1, 'it raises the red flag “Answers stay theoretical” twice'),
  ],
  ['a dimension left unanswered', onRating(1, 'mitigation', { level: null, evidence: '' }), refused(1, 'Mitigation has neither a level nor “not covered”')],
  ['a rating with blank evidence', onRating(2, 'rollback', { level: 3, evidence: ' \n\t ' }), refused(2, 'Rollback is rated 3 with no evidence')],
  ['no recommendation', onRevision(2, { recommendation: null }), refused(2, 'it has no overall recommendation')],
  ['an amendment with no reason', onRevision(2, { amendReason: '   ' }), refused(2, 'it amends revision 1 without saying why')],
  ['a first submission with an amendment reason', onRevision(1, { amendReason: 'Changed my mind.' }), refused(1, 'the first submission carries a reason for an amendment, but it amends nothing')],
  ['created before 2020', onRevision(1, { createdAt: '2019-12-31T23:59:59.000Z' }), refused(1, 'its creation time is 2019-12-31, before Loopcard existed (1 January 2020)')],
  ['a timer started before 2020', onRevision(1, { timerStartedAt: '1970-01-01T00:00:00.000Z' }), refused(1, 'its timer start is 1970-01-01, before Loopcard existed (1 January 2020)')],
  [
    'submitted in the future',
    onRevision(2, { submittedAt: '2026-11-05T10:30:00.000Z' }),
    refused(2, 'its submission time is 2026-11-05, more than a day ahead of this device’s clock'),
  ],
  [
    'saved in the future',
    onRevision(2, { updatedAt: '2026-11-03T12:00:00.001Z' }),
    refused(2, 'its last-saved time is 2026-11-03, more than a day ahead of this device’s clock'),
  ],
  ['submitted before it was created', onRevision(1, { submittedAt: '2026-11-02T08:59:59.000Z' }), refused(1, 'it was submitted before it was created')],
  ['an amendment submitted before what it amends', onRevision(2, { submittedAt: '2026-11-02T08:59:59.999Z', createdAt: '2026-11-02T08:00:00.000Z' }), refused(2, 'it was submitted before revision 1, which it amends')],
  ['a gap in the revision numbers', onRevision(2, { revision: 3 }), refused(3, 'revision 2 before it is missing')],
  ['an amendment without its first submission', () => [revision2], refused(2, 'revision 1 before it is missing')],
  ['two different copies of one revision', (r) => [...r, { ...revision2, recommendation: 'strong-yes' }], refused(2, 'there are two different copies of it')],
  ['no revision at all', () => [], 'Ana Lopez’s scorecard has no submitted revision. Ask Ana Lopez to export the scorecard again from their device.'],
];

describe('checkIncomingRevisions', () => {
  it.each(ACCEPTED)('accepts %s', (_case, edit) => {
    expect(checkIncomingRevisions({ revisions: edit(history), rubric: BUILTIN_RUBRIC, interview, now: CLOCK })).toBeNull();
  });

  it.each(REFUSED)('refuses %s', (_case, edit, message) => {
    const outcome = checkIncomingRevisions({ revisions: edit(history), rubric: BUILTIN_RUBRIC, interview, now: CLOCK });
    expect(outcome).toBe(message);
    expect(outcome).toContain('Ana Lopez');
    // A sentence for a person: no schema path ("ratings.0"), no exception or parser wording.
    expect(outcome).not.toMatch(/\w\.\d|\[\d|Invalid|undefined|null|NaN|\[object|Error/);
  });

  it('refuses revisions scored against a rubric other than the one supplied with them', () => {
    const other: Rubric = { ...BUILTIN_RUBRIC, id: 'custom-review', builtIn: false };
    expect(checkIncomingRevisions({ revisions: history, rubric: other, interview, now: CLOCK })).toBe(
      refused(1, 'it was scored against a rubric that is not the one supplied with it'),
    );
  });

  it('names the interviewer as they appear, without invisible characters', () => {
    const spoofed = interviewOf('iv-ana', 'Ana\u202E Lopez');
    const outcome = checkIncomingRevisions({ revisions: [{ ...revision1, interviewerName: 'Ana Lopez', recommendation: null }], rubric: BUILTIN_RUBRIC, interview: spoofed, now: CLOCK });
    expect(outcome).toBe(refused(1, 'it has no overall recommendation'));
  });
});

describe('checkIncomingRubric', () => {
  const reordered = Object.fromEntries(Object.entries(BUILTIN_RUBRIC).reverse()) as Rubric;
  const edited: Rubric = { ...BUILTIN_RUBRIC, prompt: 'Tell us about a model you are proud of.' };
  const neverShipped: Rubric = { ...BUILTIN_RUBRIC, version: 2, createdAt: '2026-10-01T00:00:00.000Z' };
  const custom: Rubric = { ...BUILTIN_RUBRIC, id: 'team-incident-review', title: 'Team incident review', builtIn: false };

  it.each<[string, Rubric, string | null]>([
    ['the shipped built-in rubric', BUILTIN_RUBRIC, null],
    ['the shipped built-in rubric with its keys in another order', reordered, null],
    ['a team’s own rubric', custom, null],
    [
      'a consistent file carrying a never-shipped built-in version 2',
      neverShipped,
      'The rubric “Production incident review”, version 2, says it is built into Loopcard, but this copy of Loopcard never shipped that version. If the sender runs a newer Loopcard, update this one and import again; otherwise ask them to export the file again.',
    ],
    [
      'a built-in version whose text was changed',
      edited,
      'The rubric “Production incident review”, version 1, says it is built into Loopcard, but its text differs from the version Loopcard ships. Ask the sender to export the file again from their device.',
    ],
    [
      'a team rubric claiming to be built in',
      { ...custom, builtIn: true },
      'The rubric “Team incident review”, version 1, says it is built into Loopcard, but this copy of Loopcard never shipped that version. If the sender runs a newer Loopcard, update this one and import again; otherwise ask them to export the file again.',
    ],
    [
      'a team rubric taking the built-in’s identifier',
      { ...BUILTIN_RUBRIC, builtIn: false },
      'The rubric “Production incident review”, version 1, uses the identifier of Loopcard’s built-in rubric without being it. Ask the sender to export the file again from their device.',
    ],
  ])('%s', (_case, rubric, outcome) => {
    expect(checkIncomingRubric(rubric, SHIPPED_BUILTIN_RUBRICS)).toBe(outcome);
  });

  it('checks against the shipped list by default', () => {
    expect(checkIncomingRubric(neverShipped)).not.toBeNull();
    expect(checkIncomingRubric(neverShipped, [BUILTIN_RUBRIC, neverShipped])).toBeNull();
  });
});

describe('checkTimestamp', () => {
  it.each<[string, string | null]>([
    ['2020-01-01T00:00:00.000Z', null],
    ['2026-11-02T14:00:00+02:00', null],
    ['2026-11-03T12:00:00.000Z', null],
    ['2019-12-31T23:59:59.999Z', 'is 2019-12-31, before Loopcard existed (1 January 2020)'],
    ['2026-11-03T12:00:00.001Z', 'is 2026-11-03, more than a day ahead of this device’s clock'],
    ['2026-11-04T01:00:00+14:00', null],
    ['not a time', 'is not a date and time'],
  ])('%s', (iso, outcome) => {
    expect(checkTimestamp(iso, CLOCK)).toBe(outcome);
  });
});
