import { reviseRecord } from '../../src/domain/revision';
import { describe, expect, it } from 'vitest';
import {
  DUPLICATE_INTERVIEWER_MESSAGE,
  InterviewInputSchema,
  InterviewSchema,
  LOOP_FULL_MESSAGE,
  LOOP_MAX_INTERVIEWS,
  checkLoopAddition,
  sameInterviewer,
  sortLoop,
  type Interview,
} from '../../src/domain/interview';
import { issuesOf, messagesAt } from '../helpers/issues';

const interview: Interview = reviseRecord({
  id: 'iv-1',
  candidateId: 'cand-1',
  roleId: 'role-1',
  rubric: { id: 'production-incident-review', version: 1 },
  interviewerName: 'Ana Lopez',
  plannedAt: '2026-11-03T14:30',
  createdAt: '2026-11-02T09:00:00.000Z',
});

describe('an interview', () => {
  it('is accepted with a planned time, and with none yet', () => {
    expect(issuesOf(InterviewSchema, interview)).toEqual([]);
    expect(issuesOf(InterviewSchema, { ...interview, plannedAt: '' })).toEqual([]);
  });

  it.each(['2026-11-03 14:30', '2026-11-03T14:30:00', '2026-11-03', '14:30', 'tomorrow', '2026-11-03T14:30Z'])(
    'refuses "%s" as a planned time',
    (plannedAt) => {
      expect(messagesAt(InterviewSchema, { ...interview, plannedAt }, 'plannedAt')).toEqual([
        'Planned time must be a date and time.',
      ]);
    },
  );

  it.each(['2026-02-30T10:00', '2026-13-01T10:00', '2026-11-03T24:00', '2026-11-03T14:60', '2026-99-99T99:99'])(
    'refuses "%s", a time no calendar or clock shows',
    (plannedAt) => {
      expect(messagesAt(InterviewSchema, { ...interview, plannedAt }, 'plannedAt')).toEqual([
        'Planned time is not a real date and time.',
      ]);
    },
  );

  it('accepts the first and last minute of a day, and a leap day', () => {
    for (const plannedAt of ['2026-11-03T00:00', '2026-11-03T23:59', '2028-02-29T09:00']) {
      expect(InterviewSchema.safeParse({ ...interview, plannedAt }).success, plannedAt).toBe(true);
    }
  });

  it('needs an interviewer name of at most 80 characters', () => {
    expect(messagesAt(InterviewSchema, { ...interview, interviewerName: '  ' }, 'interviewerName')).toEqual([
      'Interviewer name is required.',
    ]);
    expect(messagesAt(InterviewSchema, { ...interview, interviewerName: 'a'.repeat(81) }, 'interviewerName')).toEqual([
      'Interviewer name must be at most 80 characters.',
    ]);
  });

  it('takes only the name and time from the form, and nothing else', () => {
    expect(InterviewInputSchema.safeParse({ interviewerName: 'Ana Lopez', plannedAt: '' }).success).toBe(true);
    expect(InterviewInputSchema.safeParse({ interviewerName: 'Ana Lopez', plannedAt: '', roleId: 'role-2' }).success).toBe(false);
    expect(issuesOf(InterviewSchema, { ...interview, score: 4 })).toEqual([expect.objectContaining({ code: 'unrecognized_keys' })]);
  });

  it('refuses a rubric reference without a real version', () => {
    expect(InterviewSchema.safeParse({ ...interview, rubric: { id: 'production-incident-review', version: 0 } }).success).toBe(false);
    expect(InterviewSchema.safeParse({ ...interview, rubric: { id: 'production-incident-review' } }).success).toBe(false);
  });
});

describe('adding an interviewer to a loop', () => {
  const loopOf = (...names: string[]) => names.map((interviewerName) => ({ interviewerName }));

  it('lets a new interviewer join', () => {
    expect(checkLoopAddition([], 'Ana Lopez')).toBeNull();
    expect(checkLoopAddition(loopOf('Ana Lopez'), 'Ben Okafor')).toBeNull();
  });

  it.each(['Ana Lopez', 'ana  lopez', '  ANA LOPEZ ', 'Ana\tLopez'])(
    'refuses "%s" when Ana Lopez is already on the loop',
    (name) => {
      expect(checkLoopAddition(loopOf('Ana Lopez'), name)).toBe(DUPLICATE_INTERVIEWER_MESSAGE);
    },
  );

  it('treats a name typed with a combining accent as the same person', () => {
    expect(sameInterviewer('José Ruiz', 'Jose\u0301 Ruiz')).toBe(true);
    expect(checkLoopAddition(loopOf('Jos\u00e9 Ruiz'), 'Jose\u0301 Ruiz')).toBe(DUPLICATE_INTERVIEWER_MESSAGE);
  });

  it('does not treat different people with similar names as the same', () => {
    expect(sameInterviewer('Ana Lopez', 'Ana Lopes')).toBe(false);
    expect(sameInterviewer('Ana Lopez', 'AnaLopez')).toBe(false);
  });

  it(`refuses a ${LOOP_MAX_INTERVIEWS + 1}th interview once the loop is full`, () => {
    const full = loopOf(...Array.from({ length: LOOP_MAX_INTERVIEWS }, (_, i) => `Interviewer ${i + 1}`));
    expect(checkLoopAddition(full, 'One More')).toBe(LOOP_FULL_MESSAGE);
    expect(LOOP_FULL_MESSAGE).toContain(String(LOOP_MAX_INTERVIEWS));
    expect(checkLoopAddition(full.slice(1), 'One More')).toBeNull();
  });

  it('says the person is already on the loop before saying the loop is full', () => {
    const full = loopOf(...Array.from({ length: LOOP_MAX_INTERVIEWS }, (_, i) => `Interviewer ${i + 1}`));
    expect(checkLoopAddition(full, 'interviewer 3')).toBe(DUPLICATE_INTERVIEWER_MESSAGE);
  });
});

describe('the order of a loop', () => {
  const at = (name: string, plannedAt: string, createdAt: string) => ({ name, plannedAt, createdAt });

  it('puts planned interviews first by time, then unplanned ones by when they were added', () => {
    const loop = [
      at('unplanned-late', '', '2026-11-02T10:00:00.000Z'),
      at('afternoon', '2026-11-03T14:30', '2026-11-02T09:00:00.000Z'),
      at('unplanned-early', '', '2026-11-02T08:00:00.000Z'),
      at('morning', '2026-11-03T09:00', '2026-11-02T11:00:00.000Z'),
      at('next-day', '2026-11-04T08:00', '2026-11-02T07:00:00.000Z'),
    ];
    expect(sortLoop(loop).map((i) => i.name)).toEqual(['morning', 'afternoon', 'next-day', 'unplanned-early', 'unplanned-late']);
  });

  it('leaves the loop it was given untouched', () => {
    const loop = [at('b', '2026-11-04T08:00', 'x'), at('a', '2026-11-03T08:00', 'y')];
    const sorted = sortLoop(loop);
    expect(loop.map((i) => i.name)).toEqual(['b', 'a']);
    expect(sorted).not.toBe(loop);
  });

  it('returns an empty loop unchanged', () => {
    expect(sortLoop([])).toEqual([]);
  });
});
