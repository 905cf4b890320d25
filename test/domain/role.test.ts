import { reviseRecord } from '../../src/domain/revision';
import { describe, expect, it } from 'vitest';
import {
  LANE_INFO,
  RoleInputSchema,
  RoleSchema,
  assessMandate,
  countSentences,
  daysOpen,
  searchHealth,
  type CompBand,
  type Role,
} from '../../src/domain/role';
import { servingRole } from '../fixtures/roles';
import { issuesOf, messagesAt } from '../helpers/issues';

const storedRole: Role = reviseRecord({
  ...servingRole,
  id: 'role-1',
  createdAt: '2026-10-01T08:00:00.000Z',
  updatedAt: '2026-10-01T08:00:00.000Z',
});

const withBand = (band: Partial<Record<keyof CompBand, unknown>>) => ({
  ...servingRole,
  compBand: { ...servingRole.compBand, ...band },
});

describe('a role', () => {
  it('is accepted when every field is filled in correctly', () => {
    expect(RoleSchema.safeParse(storedRole).success).toBe(true);
    expect(RoleInputSchema.safeParse(servingRole).success).toBe(true);
  });

  it('needs a title', () => {
    expect(messagesAt(RoleInputSchema, { ...servingRole, title: '' }, 'title')).toEqual(['Title is required.']);
  });

  it('does not count spaces as a title', () => {
    expect(messagesAt(RoleInputSchema, { ...servingRole, title: '   ' }, 'title')).toEqual(['Title is required.']);
  });

  it('refuses a title longer than 120 characters and says the limit', () => {
    const messages = messagesAt(RoleInputSchema, { ...servingRole, title: 'x'.repeat(10_000) }, 'title');
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain('at most 120 characters');
  });

  it('accepts a title of exactly 120 characters', () => {
    expect(RoleInputSchema.safeParse({ ...servingRole, title: 'x'.repeat(120) }).success).toBe(true);
  });

  it('stores the title without surrounding spaces', () => {
    const parsed = RoleInputSchema.parse({ ...servingRole, title: '  Senior MLOps Engineer  ' });
    expect(parsed.title).toBe('Senior MLOps Engineer');
  });

  it('refuses a pay band whose maximum is below its minimum, on the maximum field', () => {
    const issues = issuesOf(RoleInputSchema, withBand({ min: 300_000, max: 250_000 }));
    expect(issues).toEqual([
      expect.objectContaining({ path: 'compBand.max', message: 'The maximum must be at least the minimum.' }),
    ]);
  });

  it('accepts a band where the minimum equals the maximum', () => {
    expect(RoleInputSchema.safeParse(withBand({ min: 250_000, max: 250_000 })).success).toBe(true);
  });

  it('refuses negative pay', () => {
    expect(messagesAt(RoleInputSchema, withBand({ min: -1 }), 'compBand.min')).toEqual(['The minimum cannot be negative.']);
    expect(messagesAt(RoleInputSchema, withBand({ min: -10, max: -1 }), 'compBand.max')).toEqual([
      'The maximum cannot be negative.',
    ]);
  });

  it('refuses pay with cents and a target that is not a whole number of weeks', () => {
    expect(messagesAt(RoleInputSchema, withBand({ min: 240_000.5 }), 'compBand.min')).toEqual([
      'The minimum must be a whole number.',
    ]);
    expect(messagesAt(RoleInputSchema, { ...servingRole, targetCloseWeeks: 6.5 }, 'targetCloseWeeks')).toEqual([
      'The target must be a whole number.',
    ]);
  });

  it('asks for a number when the pay field is empty or not a number', () => {
    expect(messagesAt(RoleInputSchema, withBand({ min: Number.NaN }), 'compBand.min')).toEqual([
      'Enter the minimum as a number.',
    ]);
    expect(messagesAt(RoleInputSchema, withBand({ max: '310000' }), 'compBand.max')).toEqual([
      'Enter the maximum as a number.',
    ]);
  });

  it('refuses pay above the ceiling and a target of zero weeks', () => {
    expect(messagesAt(RoleInputSchema, withBand({ max: 5_000_001 }), 'compBand.max')).toEqual([
      'The maximum must be at most 5,000,000.',
    ]);
    expect(messagesAt(RoleInputSchema, { ...servingRole, targetCloseWeeks: 0 }, 'targetCloseWeeks')).toEqual([
      'The target must be at least 1.',
    ]);
  });

  it('refuses a lane, level, currency or basis that is not on the list', () => {
    expect(messagesAt(RoleInputSchema, { ...servingRole, lane: 'data-scientist' }, 'lane')).toEqual([
      'Choose the one lane this role is hired for.',
    ]);
    expect(messagesAt(RoleInputSchema, { ...servingRole, level: 'staff' }, 'level')).toEqual(['Choose a level.']);
    expect(messagesAt(RoleInputSchema, withBand({ currency: 'BTC' }), 'compBand.currency')).toEqual(['Choose a currency.']);
    expect(messagesAt(RoleInputSchema, withBand({ basis: 'equity' }), 'compBand.basis')).toEqual([
      'Choose what the band covers.',
    ]);
  });

  it('refuses an opened date that does not exist on the calendar', () => {
    expect(messagesAt(RoleInputSchema, { ...servingRole, openedOn: '2026-02-30' }, 'openedOn')).toEqual([
      'Opened date is not a real calendar date.',
    ]);
    expect(messagesAt(RoleInputSchema, { ...servingRole, openedOn: '01/10/2026' }, 'openedOn')).toEqual([
      'Opened date must be a date (YYYY-MM-DD).',
    ]);
  });

  it('rejects fields it does not know, in the form input and in the stored role', () => {
    const inputIssues = issuesOf(RoleInputSchema, { ...servingRole, salary: 1 });
    expect(inputIssues).toEqual([expect.objectContaining({ code: 'unrecognized_keys', path: '' })]);
    const storedIssues = issuesOf(RoleSchema, { ...storedRole, isAdmin: true });
    expect(storedIssues).toEqual([expect.objectContaining({ code: 'unrecognized_keys' })]);
  });

  it('does not take an id or timestamps from the form', () => {
    expect(RoleInputSchema.safeParse(storedRole).success).toBe(false);
  });

  it('refuses a stored role with an identifier that could smuggle a path', () => {
    expect(messagesAt(RoleSchema, { ...storedRole, id: '../roles' }, 'id')).toEqual([
      'Identifier has characters that are not allowed.',
    ]);
  });

  it('refuses a mandate of three sentences and says how many it read', () => {
    const mandate = 'Migrate serving off Flask. Improve autoscaling. Cut p99 latency.';
    const messages = messagesAt(RoleInputSchema, { ...servingRole, mandate }, 'mandate');
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain('A mandate is one sentence; this reads as 3.');
  });

  it('lets a two-sentence mandate through the schema (the app warns instead)', () => {
    const mandate = 'Migrate serving off Flask. Cut p99 latency.';
    expect(RoleInputSchema.safeParse({ ...servingRole, mandate }).success).toBe(true);
  });

  it('needs a mandate, and one of at most 280 characters', () => {
    expect(messagesAt(RoleInputSchema, { ...servingRole, mandate: '' }, 'mandate')).toContain('Mandate is required.');
    const long = messagesAt(RoleInputSchema, { ...servingRole, mandate: `${'a'.repeat(281)}` }, 'mandate');
    expect(long).toContain('Mandate must be at most 280 characters.');
  });
});

describe('counting the sentences of a mandate', () => {
  it.each([
    ['Own feature reuse, e.g. shared embeddings across models.', 1],
    ['Own the path from training to serving, i.e. model promotion.', 1],
    ['Own the platform vs. the vendor tools.', 1],
    ['Cut inference cost 2.5x this year.', 1],
    ['Cut p99 latency.', 1],
    ['Cut p99 latency', 1],
    ['Cut p99 latency. Then improve autoscaling', 2],
    ['Cut p99 latency! Improve autoscaling? Page less.', 3],
    ['Own pipelines (e.g. promotion) and feature reuse.', 1],
    ['E.g. promotion gates and feature reuse.', 1],
    ['Own “the pipeline.” Then cut p99 latency.', 2],
    ['Own model promotion (all of it.) Cut p99 latency.', 2],
  ])('reads "%s" as %i sentence(s)', (text, expected) => {
    expect(countSentences(text)).toBe(expected);
  });

  it('reads an empty or blank mandate as no sentences', () => {
    expect(countSentences('')).toBe(0);
    expect(countSentences('   \n ')).toBe(0);
  });
});

describe('advice on a mandate', () => {
  it('has nothing to say about the guide’s serving example in the serving lane', () => {
    expect(assessMandate(LANE_INFO['serving-reliability'].example, 'serving-reliability')).toEqual([]);
    expect(assessMandate('Migrate model serving off Flask, improve autoscaling, and cut p99 latency.', 'serving-reliability')).toEqual([]);
  });

  it('calls a mandate that names work from several lanes several jobs in one', () => {
    const warnings = assessMandate(
      'Own the feature pipelines, cut p99 latency, and build the ML platform.',
      'serving-reliability',
    );
    expect(warnings.map((w) => w.code)).toEqual(['several-lanes']);
    expect(warnings[0]?.message).toContain('several jobs in one');
    expect(warnings[0]?.message).toContain('pipeline owner');
    expect(warnings[0]?.message).toContain('serving & reliability');
    expect(warnings[0]?.message).toContain('full-stack platform builder');
  });

  it('warns about a mandate of two sentences', () => {
    const warnings = assessMandate('Cut p99 latency. Improve autoscaling.', 'serving-reliability');
    expect(warnings.map((w) => w.code)).toEqual(['several-sentences']);
    expect(warnings[0]?.message).toContain('2 sentences');
  });

  it('warns when the mandate reads like a different lane from the one chosen', () => {
    const mandate = 'Own model promotion pipelines and feature reuse.';
    const warnings = assessMandate(mandate, 'serving-reliability');
    expect(warnings.map((w) => w.code)).toEqual(['other-lane']);
    expect(warnings[0]?.message).toBe(
      'This mandate reads like pipeline owner work, but the lane is serving & reliability.',
    );
    expect(assessMandate(mandate, 'pipeline-owner')).toEqual([]);
  });

  it('does not compare lanes before one is chosen', () => {
    expect(assessMandate('Own model promotion pipelines and feature reuse.', undefined)).toEqual([]);
  });

  it('says nothing about an empty mandate or one that names no lane', () => {
    expect(assessMandate('', 'serving-reliability')).toEqual([]);
    expect(assessMandate('   ', undefined)).toEqual([]);
    expect(assessMandate('Help the team ship.', 'platform-builder')).toEqual([]);
  });

  it('gives both warnings when a long mandate also spans lanes', () => {
    const warnings = assessMandate('Own the pipelines. Cut p99 latency.', 'pipeline-owner');
    expect(warnings.map((w) => w.code)).toEqual(['several-sentences', 'several-lanes']);
  });
});


describe('how long a search has been open', () => {
  // Late in the evening of 2 November, device time: the local calendar date is what counts.
  const today = new Date(2026, 10, 2, 23, 30);

  it.each([
    ['2026-09-14', 49, 'on-track'],
    ['2026-09-13', 50, 'overdue'],
    ['2026-08-04', 90, 'overdue'],
    ['2026-08-03', 91, 'stalled'],
  ] as const)('a role opened on %s has been open %i days and is %s', (openedOn, days, health) => {
    expect(daysOpen(openedOn, today)).toBe(days);
    expect(searchHealth(daysOpen(openedOn, today))).toBe(health);
  });

  it('counts the same calendar day the same at midnight and just before the next one', () => {
    expect(daysOpen('2026-11-01', new Date(2026, 10, 2, 0, 0))).toBe(1);
    expect(daysOpen('2026-11-01', new Date(2026, 10, 2, 23, 59))).toBe(1);
  });

  it('counts by the device’s calendar date, not the UTC one, far from Greenwich', () => {
    const original = process.env.TZ;
    try {
      // Node re-reads TZ when it changes. 08:00 on 2 November in Auckland is still 1 November in UTC.
      process.env.TZ = 'Pacific/Auckland';
      const aucklandMorning = new Date(2026, 10, 2, 8, 0);
      expect(aucklandMorning.toISOString()).toBe('2026-11-01T19:00:00.000Z');
      expect(daysOpen('2026-09-14', aucklandMorning)).toBe(49);
      // 20:00 on 1 November in Los Angeles is already 2 November in UTC.
      process.env.TZ = 'America/Los_Angeles';
      const laEvening = new Date(2026, 10, 1, 20, 0);
      expect(laEvening.toISOString()).toBe('2026-11-02T04:00:00.000Z');
      expect(daysOpen('2026-09-14', laEvening)).toBe(48);
    } finally {
      if (original === undefined) delete process.env.TZ;
      else process.env.TZ = original;
    }
  });

  it('counts a role opened today or in the future as open for no days', () => {
    expect(daysOpen('2026-11-02', today)).toBe(0);
    expect(daysOpen('2026-12-01', today)).toBe(0);
  });

  it('counts an unreadable date as no days rather than failing', () => {
    expect(daysOpen('not-a-date', today)).toBe(0);
  });

  it('calls 0 to 49 days on track, 50 to 90 overdue, and past 90 stalled', () => {
    expect(searchHealth(0)).toBe('on-track');
    expect(searchHealth(49)).toBe('on-track');
    expect(searchHealth(50)).toBe('overdue');
    expect(searchHealth(90)).toBe('overdue');
    expect(searchHealth(91)).toBe('stalled');
    expect(searchHealth(400)).toBe('stalled');
  });
});
