import { describe, expect, it } from 'vitest';
import { DEFAULT_RETENTION, RetentionSettingSchema, candidatesPastRetention, decisionAgeDays } from '../../src/domain/retention';
import type { Debrief } from '../../src/domain/debrief';

const TODAY = new Date('2026-11-02T09:00:00.000Z');
const DAY = 24 * 60 * 60 * 1000;

function daysBefore(days: number, from: Date = TODAY): string {
  return new Date(from.getTime() - days * DAY).toISOString();
}

function messagesFor(value: unknown): string[] {
  const result = RetentionSettingSchema.safeParse(value);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

type DebriefFacts = Pick<Debrief, 'candidateId' | 'decision' | 'decidedAt'>;

const candidates = [
  { id: 'c-10', name: 'Ten Days', roleId: 'role-1' },
  { id: 'c-100', name: 'Hundred Days', roleId: 'role-1' },
  { id: 'c-400', name: 'Four Hundred Days', roleId: 'role-2' },
  { id: 'c-undecided', name: 'Consensus Only', roleId: 'role-1' },
  { id: 'c-no-debrief', name: 'Just Added', roleId: 'role-2' },
];
const debriefs: DebriefFacts[] = [
  { candidateId: 'c-100', decision: 'no-hire', decidedAt: daysBefore(100) },
  { candidateId: 'c-10', decision: 'hire', decidedAt: daysBefore(10) },
  { candidateId: 'c-400', decision: 'more-signal', decidedAt: daysBefore(400) },
  { candidateId: 'c-undecided', decision: null, decidedAt: null },
];

describe('retention setting', () => {
  it('accepts the default and the limits', () => {
    expect(messagesFor(DEFAULT_RETENTION)).toEqual([]);
    expect(DEFAULT_RETENTION.enabled).toBe(false);
    expect(messagesFor({ enabled: true, days: 30 })).toEqual([]);
    expect(messagesFor({ enabled: true, days: 3650 })).toEqual([]);
  });

  it('refuses periods outside 30 to 3,650 whole days, in plain words', () => {
    expect(messagesFor({ enabled: true, days: 0 })).toEqual(['days: Keep decided candidates for at least 30 days.']);
    expect(messagesFor({ enabled: true, days: 29 })).toEqual(['days: Keep decided candidates for at least 30 days.']);
    expect(messagesFor({ enabled: true, days: 3651 })).toEqual(['days: Keep decided candidates for at most 3,650 days (ten years).']);
    expect(messagesFor({ enabled: true, days: 1.5 })).toEqual(['days: Enter a whole number of days.']);
    expect(messagesFor({ enabled: true, days: '90' })).toEqual(['days: Enter the number of days as a number.']);
  });

  it('needs on or off, and nothing else', () => {
    expect(messagesFor({ days: 90 })).toEqual(['enabled: Say whether old candidates are removed: on or off.']);
    expect(messagesFor({ enabled: true, days: 90, extra: 1 })).toHaveLength(1);
  });
});

describe('candidatesPastRetention', () => {
  it('selects only decisions older than the period, oldest first, and never an undecided candidate', () => {
    const selected = candidatesPastRetention(candidates, debriefs, 90, TODAY);
    expect(selected).toEqual([
      { candidateId: 'c-400', name: 'Four Hundred Days', roleId: 'role-2', decision: 'more-signal', decidedAt: daysBefore(400), ageDays: 400 },
      { candidateId: 'c-100', name: 'Hundred Days', roleId: 'role-1', decision: 'no-hire', decidedAt: daysBefore(100), ageDays: 100 },
    ]);
  });

  it('counts whole days: exactly the period is not yet older than it', () => {
    const edge = [{ candidateId: 'c-10', decision: 'hire' as const, decidedAt: daysBefore(90) }];
    expect(candidatesPastRetention(candidates, edge, 90, TODAY)).toEqual([]);
    expect(candidatesPastRetention(candidates, edge, 90, new Date(TODAY.getTime() + DAY - 1))).toEqual([]);
    expect(candidatesPastRetention(candidates, edge, 90, new Date(TODAY.getTime() + DAY)).map((c) => c.ageDays)).toEqual([91]);
  });

  it('never selects a decision dated after today, or a debrief whose candidate is not listed', () => {
    const odd: DebriefFacts[] = [
      { candidateId: 'c-10', decision: 'hire', decidedAt: daysBefore(-200) },
      { candidateId: 'somebody-else', decision: 'hire', decidedAt: daysBefore(500) },
    ];
    expect(candidatesPastRetention(candidates, odd, 30, TODAY)).toEqual([]);
  });

  it('refuses a period or a date that is not real', () => {
    expect(() => candidatesPastRetention(candidates, debriefs, 1.5, TODAY)).toThrow(RangeError);
    expect(() => candidatesPastRetention(candidates, debriefs, -1, TODAY)).toThrow('whole number of days');
    expect(() => candidatesPastRetention(candidates, debriefs, 90, new Date('not a date'))).toThrow('not a real date');
  });

  it('measures age in whole days', () => {
    expect(decisionAgeDays(daysBefore(100), TODAY)).toBe(100);
    expect(decisionAgeDays(new Date(TODAY.getTime() - DAY + 1).toISOString(), TODAY)).toBe(0);
    expect(decisionAgeDays('yesterday', TODAY)).toBeNaN();
  });
});
