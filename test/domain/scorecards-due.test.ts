import { describe, expect, it } from 'vitest';
import { dueForText, latestDuePlannedAt, plannedInstant, scorecardsDue } from '../../src/domain/scorecards-due';
import type { Interview } from '../../src/domain/interview';

const interview = (id: string, candidateId: string, interviewerName: string, plannedAt: string): Interview => ({
  id,
  candidateId,
  roleId: 'role-1',
  rubric: { id: 'production-incident-review', version: 1 },
  interviewerName,
  plannedAt,
  createdAt: '2026-11-01T09:00:00.000Z',
  rev: '1-00000000000000000000000000000000',
  revHistory: [],
});

const now = new Date(plannedInstant('2026-11-30T12:00') as number);
const candidates = new Map([
  ['c-priya', { name: 'Priya Raman', decided: false }],
  ['c-tomas', { name: 'Tomás Álvarez', decided: false }],
  ['c-done', { name: 'Decided Candidate', decided: true }],
]);
const roles = new Map([['role-1', { title: 'Senior MLOps Engineer, Serving' }]]);

describe('scorecards due across loops', () => {
  const interviews = [
    interview('i1', 'c-priya', 'Ana Lopez', '2026-11-28T10:00'),
    interview('i2', 'c-priya', 'Ben Okafor', '2026-11-30T09:00'),
    interview('i3', 'c-tomas', 'ana lopez', '2026-11-30T11:30'),
    interview('i4', 'c-tomas', 'Linh Nguyễn', '2026-12-02T10:00'),
    interview('i5', 'c-tomas', 'Zofia Łukasiewicz', ''),
    interview('i6', 'c-done', 'Ben Okafor', '2026-11-20T10:00'),
    interview('i7', 'c-priya', 'Linh Nguyễn', '2026-11-29T10:00'),
  ];

  it('lists past interviews with no submitted scorecard, by interviewer (one person however typed), most overdue first', () => {
    const due = scorecardsDue({ interviews, candidates, roles, submitted: new Set(['i7']), now });
    expect(due.map((g) => [g.interviewerName, g.interviews.map((i) => i.interviewId)])).toEqual([
      ['Ana Lopez', ['i1', 'i3']],
      ['Ben Okafor', ['i2']],
    ]);
    const [ana] = due;
    expect(ana?.interviews[0]).toMatchObject({ candidateName: 'Priya Raman', roleTitle: 'Senior MLOps Engineer, Serving', overdue: true });
    expect(ana?.interviews[1]).toMatchObject({ candidateName: 'Tomás Álvarez', overdue: false, sinceMs: 30 * 60_000 });
  });

  it('leaves out future and unplanned interviews, decided candidates and submitted scorecards', () => {
    const due = scorecardsDue({ interviews, candidates, roles, submitted: new Set(['i1', 'i2', 'i3', 'i7']), now });
    expect(due).toEqual([]);
  });

  it('says how long in words', () => {
    expect(dueForText(20 * 60_000)).toBe('less than an hour');
    expect(dueForText(3_600_000)).toBe('1 hour');
    expect(dueForText(30 * 3_600_000)).toBe('30 hours');
    expect(dueForText(50 * 3_600_000)).toBe('2 days');
  });

  it('reads only real planned times', () => {
    expect(plannedInstant('')).toBeNull();
    expect(plannedInstant('2026-11-30 10:00')).toBeNull();
  });
});

describe('the latest planned time that can be due, for reading interviews by planned time', () => {
  it('is the wall-clock time a day after now, in the stored form', () => {
    expect(latestDuePlannedAt(now)).toBe('2026-12-01T12:00');
    expect(latestDuePlannedAt(new Date(plannedInstant('2026-12-31T23:59') as number))).toBe('2027-01-01T23:59');
    expect(latestDuePlannedAt(new Date(plannedInstant('2028-02-28T00:05') as number))).toBe('2028-02-29T00:05');
  });

  it.each(['2026-11-28T10:00', '2026-11-30T11:59', '2026-11-30T12:00', '2025-01-01T00:00', '0999-06-01T08:00'])('sorts at or after every time that is due now: %s', (plannedAt) => {
    const instant = plannedInstant(plannedAt) as number;
    expect(instant).toBeLessThanOrEqual(now.getTime());
    expect(plannedAt <= latestDuePlannedAt(now)).toBe(true);
  });
});
