import { reviseRecord } from '../../src/domain/revision';
import { describe, expect, it } from 'vitest';
import { CandidateInputSchema, CandidateSchema, type Candidate } from '../../src/domain/candidate';
import { ScorecardSchema, type Scorecard } from '../../src/domain/scorecard';
import { DebriefSchema, type Debrief } from '../../src/domain/debrief';
import { IdSchema, TimestampSchema, isRealDate } from '../../src/domain/fields';
import { issuesOf, messagesAt } from '../helpers/issues';

const stamp = '2026-11-02T09:00:00.000Z';

const candidate: Candidate = reviseRecord({
  id: 'cand-1',
  roleId: 'role-1',
  name: 'Priya Raman',
  notes: 'Ran on-call for a KServe fleet; owned the Triton migration.',
  createdAt: stamp,
  updatedAt: stamp,
});

const draftScorecard: Scorecard = {
  id: 'sc-1',
  interviewId: 'iv-1',
  candidateId: 'cand-1',
  roleId: 'role-1',
  rubric: { id: 'production-incident-review', version: 1 },
  interviewerName: 'Ana Lopez',
  ratings: [],
  redFlags: [],
  recommendation: null,
  takeaways: '',
  status: 'draft',
  revision: 1,
  amendReason: '',
  editVersion: 0,
  timerStartedAt: null,
  createdAt: stamp,
  updatedAt: stamp,
  submittedAt: null,
  contentHash: null,
};

const submittedScorecard: Scorecard = {
  ...draftScorecard,
  ratings: [
    { dimensionKey: 'trigger', level: 3, evidence: 'Named the p99 alert and the page.', probesCovered: ['monitoring-signals'] },
    { dimensionKey: 'rollback', level: 'not-covered', evidence: '', probesCovered: [] },
  ],
  redFlags: [{ key: 'no-prevention', note: 'No postmortem.' }],
  recommendation: 'yes',
  status: 'submitted',
  submittedAt: stamp,
  contentHash: 'a'.repeat(64),
};

const debrief: Debrief = reviseRecord({
  id: 'deb-1',
  candidateId: 'cand-1',
  roleId: 'role-1',
  consensus: [],
  decision: null,
  decidedBy: '',
  nextStep: '',
  decidedAt: null,
  createdAt: stamp,
  updatedAt: stamp,
});

describe('a candidate', () => {
  it('is accepted with a name and screening notes, and with no notes', () => {
    expect(issuesOf(CandidateSchema, candidate)).toEqual([]);
    expect(issuesOf(CandidateSchema, { ...candidate, notes: '' })).toEqual([]);
  });

  it('needs a name', () => {
    expect(messagesAt(CandidateSchema, { ...candidate, name: '' }, 'name')).toEqual(['Name is required.']);
    expect(messagesAt(CandidateSchema, { ...candidate, name: ' \t ' }, 'name')).toEqual(['Name is required.']);
    expect(messagesAt(CandidateInputSchema, { roleId: 'role-1', notes: '' }, 'name')).toEqual(['Name is required.']);
  });

  it('refuses a name longer than 120 characters', () => {
    expect(messagesAt(CandidateSchema, { ...candidate, name: 'n'.repeat(10_000) }, 'name')).toEqual([
      'Name must be at most 120 characters.',
    ]);
  });

  it('keeps screening notes to 2,000 characters', () => {
    expect(CandidateSchema.safeParse({ ...candidate, notes: 'n'.repeat(2_000) }).success).toBe(true);
    expect(messagesAt(CandidateSchema, { ...candidate, notes: 'n'.repeat(2_001) }, 'notes')).toEqual([
      'Screening notes must be at most 2,000 characters.',
    ]);
  });

  it('refuses fields it does not know and a role id with characters that are not allowed', () => {
    expect(issuesOf(CandidateSchema, { ...candidate, email: 'p@example.com' })).toEqual([
      expect.objectContaining({ code: 'unrecognized_keys' }),
    ]);
    expect(messagesAt(CandidateSchema, { ...candidate, roleId: 'role 1' }, 'roleId')).toEqual([
      'Identifier has characters that are not allowed.',
    ]);
  });
});

describe('a scorecard', () => {
  it('is accepted as an empty draft and as a submitted card', () => {
    expect(issuesOf(ScorecardSchema, draftScorecard)).toEqual([]);
    expect(issuesOf(ScorecardSchema, submittedScorecard)).toEqual([]);
  });

  it.each([0, 5, 2.5, '3'])('refuses %j as a level', (level) => {
    const ratings = [{ dimensionKey: 'trigger', level, evidence: '', probesCovered: [] }];
    expect(issuesOf(ScorecardSchema, { ...draftScorecard, ratings }).map((i) => i.path)).toEqual(['ratings.0.level']);
  });

  it('refuses a recommendation that is not on the four-point scale', () => {
    expect(issuesOf(ScorecardSchema, { ...submittedScorecard, recommendation: 'maybe' }).map((i) => i.path)).toEqual([
      'recommendation',
    ]);
    expect(ScorecardSchema.safeParse({ ...submittedScorecard, recommendation: 'neutral' }).success).toBe(false);
  });

  it.each([
    ['too short', 'abc'],
    ['upper-case hex', 'A'.repeat(64)],
    ['not hex', 'g'.repeat(64)],
    ['too long', 'a'.repeat(65)],
    ['empty', ''],
  ])('refuses a content hash that is %s', (_why, contentHash) => {
    expect(issuesOf(ScorecardSchema, { ...submittedScorecard, contentHash }).map((i) => i.path)).toEqual(['contentHash']);
  });

  it('refuses fields it does not know, on the card and on a rating', () => {
    expect(issuesOf(ScorecardSchema, { ...draftScorecard, score: 4 })).toEqual([
      expect.objectContaining({ code: 'unrecognized_keys', path: '' }),
    ]);
    const ratings = [{ dimensionKey: 'trigger', level: 2, evidence: '', probesCovered: [], weight: 2 }];
    expect(issuesOf(ScorecardSchema, { ...draftScorecard, ratings })).toEqual([
      expect.objectContaining({ code: 'unrecognized_keys', path: 'ratings.0' }),
    ]);
  });

  it('refuses revision 0, an unknown status and a submission time that is not a timestamp', () => {
    expect(ScorecardSchema.safeParse({ ...draftScorecard, revision: 0 }).success).toBe(false);
    expect(ScorecardSchema.safeParse({ ...draftScorecard, status: 'final' }).success).toBe(false);
    expect(messagesAt(ScorecardSchema, { ...submittedScorecard, submittedAt: 'yesterday' }, 'submittedAt')).not.toEqual([]);
  });
});

describe('a debrief', () => {
  it('is accepted before anything is decided, and with a consensus and decision', () => {
    expect(issuesOf(DebriefSchema, debrief)).toEqual([]);
    const decided: Debrief = {
      ...debrief,
      consensus: [
        { dimensionKey: 'trigger', level: 3, rationale: 'Two of three saw a named alert.' },
        { dimensionKey: 'rollback', level: 'not-covered', rationale: '' },
        { dimensionKey: 'prevention', level: null, rationale: '' },
      ],
      decision: 'hire',
      decidedBy: 'Hiring manager',
      decidedAt: stamp,
    };
    expect(issuesOf(DebriefSchema, decided)).toEqual([]);
  });

  it('refuses a consensus level of 5', () => {
    const consensus = [{ dimensionKey: 'trigger', level: 5, rationale: '' }];
    expect(issuesOf(DebriefSchema, { ...debrief, consensus }).map((i) => i.path)).toEqual(['consensus.0.level']);
  });

  it('refuses a decision that is not hire, no hire or more signal', () => {
    expect(issuesOf(DebriefSchema, { ...debrief, decision: 'maybe' }).map((i) => i.path)).toEqual(['decision']);
  });

  it('refuses fields it does not know, on the debrief and on a consensus', () => {
    expect(issuesOf(DebriefSchema, { ...debrief, secret: true })).toEqual([
      expect.objectContaining({ code: 'unrecognized_keys', path: '' }),
    ]);
    const consensus = [{ dimensionKey: 'trigger', level: 2, rationale: '', median: 2 }];
    expect(issuesOf(DebriefSchema, { ...debrief, consensus })).toEqual([
      expect.objectContaining({ code: 'unrecognized_keys', path: 'consensus.0' }),
    ]);
  });

  it('keeps a rationale to 5,000 characters', () => {
    const consensus = [{ dimensionKey: 'trigger', level: 2, rationale: 'r'.repeat(5_001) }];
    expect(messagesAt(DebriefSchema, { ...debrief, consensus }, 'consensus.0.rationale')).toEqual([
      'Rationale must be at most 5,000 characters.',
    ]);
  });
});

describe('calendar dates', () => {
  it.each([
    ['2026-02-29', false],
    ['2026-02-31', false],
    ['2028-02-29', true],
    ['2000-02-29', true],
    ['2100-02-29', false],
    ['2026-04-31', false],
    ['2026-12-31', true],
    ['2026-13-01', false],
    ['2026-00-10', false],
    ['2026-01-00', false],
    ['2026-1-1', false],
    ['', false],
    ['2026-01-01T00:00', false],
  ] as const)('%s is a real date: %s', (value, real) => {
    expect(isRealDate(value)).toBe(real);
  });
});

describe('identifiers and timestamps', () => {
  it('accepts ids the app makes and refuses anything that could smuggle more', () => {
    expect(IdSchema.safeParse('id-1').success).toBe(true);
    expect(IdSchema.safeParse('3f2a9c1e-7b4d-4e0a-9a57-0c1d2e3f4a5b').success).toBe(true);
    expect(IdSchema.safeParse('').success).toBe(false);
    expect(IdSchema.safeParse('a'.repeat(65)).success).toBe(false);
    expect(IdSchema.safeParse('<script>').success).toBe(false);
  });

  it('accepts an ISO timestamp and refuses a bare date', () => {
    expect(TimestampSchema.safeParse(stamp).success).toBe(true);
    expect(TimestampSchema.safeParse('2026-11-02T10:00:00+01:00').success).toBe(true);
    expect(TimestampSchema.safeParse('2026-11-02').success).toBe(false);
  });
});
