import { describe, expect, it } from 'vitest';
import {
  BUILTIN_RUBRIC_LIBRARY,
  ML_SYSTEM_DESIGN_RUBRIC,
  ROLLBACK_SCENARIO_RUBRIC,
} from '../../src/domain/builtin-rubric-library';
import { BUILTIN_RUBRIC } from '../../src/domain/builtin-rubric';
import { RUBRIC_TEXT_MAX_LENGTH, RubricSchema, agendaMinutes, rubricRefOf, type Rubric } from '../../src/domain/rubric';
import { LANES } from '../../src/domain/role';
import { issuesOf } from '../helpers/issues';

const EXPECTED_DIMENSIONS: readonly [Rubric, readonly string[]][] = [
  [ML_SYSTEM_DESIGN_RUBRIC, ['requirements', 'architecture', 'capacity', 'failure-modes', 'rollout']],
  [ROLLBACK_SCENARIO_RUBRIC, ['detection', 'decision', 'mechanics', 'verification', 'follow-up']],
];

const byTitle = BUILTIN_RUBRIC_LIBRARY.map((rubric) => [rubric.title, rubric] as const);

/** Every free text of a rubric with the limit the schema gives it, named by where it sits. */
function textsOf(rubric: Rubric): { where: string; text: string; max: number }[] {
  return [
    { where: 'title', text: rubric.title, max: 120 },
    { where: 'prompt', text: rubric.prompt, max: RUBRIC_TEXT_MAX_LENGTH },
    ...rubric.dimensions.flatMap((d) => [
      { where: `${d.key}.title`, text: d.title, max: 80 },
      { where: `${d.key}.focus`, text: d.focus, max: RUBRIC_TEXT_MAX_LENGTH },
      { where: `${d.key}.good`, text: d.good, max: RUBRIC_TEXT_MAX_LENGTH },
      ...d.probes.map((text, i) => ({ where: `${d.key}.probes.${i}`, text, max: RUBRIC_TEXT_MAX_LENGTH })),
      ...Object.entries(d.anchors).map(([level, text]) => ({ where: `${d.key}.anchors.${level}`, text, max: RUBRIC_TEXT_MAX_LENGTH })),
    ]),
    ...rubric.probeTopics.map((t) => ({ where: `probeTopics.${t.key}`, text: t.label, max: 80 })),
    ...rubric.redFlags.flatMap((f) => [
      { where: `redFlags.${f.key}.label`, text: f.label, max: 120 },
      { where: `redFlags.${f.key}.description`, text: f.description, max: RUBRIC_TEXT_MAX_LENGTH },
    ]),
    ...rubric.recommendationScale.map((o) => ({ where: `recommendation.${o.value}`, text: o.label, max: 40 })),
    ...Object.entries(rubric.laneEmphasis).flatMap(([lane, probes]) =>
      (probes ?? []).map((text, i) => ({ where: `laneEmphasis.${lane}.${i}`, text, max: RUBRIC_TEXT_MAX_LENGTH })),
    ),
    ...rubric.agenda.map((item) => ({ where: `agenda.${item.key}`, text: item.title, max: 80 })),
  ];
}

describe('the built-in rubric library', () => {
  it('holds the system design and the rollback scenario, in that order', () => {
    expect(BUILTIN_RUBRIC_LIBRARY).toEqual([ML_SYSTEM_DESIGN_RUBRIC, ROLLBACK_SCENARIO_RUBRIC]);
    expect(BUILTIN_RUBRIC_LIBRARY.map(rubricRefOf)).toEqual([
      { id: 'ml-system-design', version: 1 },
      { id: 'rollback-scenario', version: 1 },
    ]);
  });

  it('does not repeat the shipped incident review, by id or by title', () => {
    const titles = BUILTIN_RUBRIC_LIBRARY.map((r) => r.title);
    expect(new Set(titles).size).toBe(titles.length);
    expect(titles).not.toContain('Production incident review');
    expect(titles).not.toContain(BUILTIN_RUBRIC.title);
    const ids = BUILTIN_RUBRIC_LIBRARY.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).not.toContain(BUILTIN_RUBRIC.id);
    expect(titles).toEqual(['ML system design', 'Rollback scenario']);
  });

  it.each(byTitle)('%s is a valid rubric that parses to exactly itself', (_title, rubric) => {
    expect(issuesOf(RubricSchema, rubric)).toEqual([]);
    // Nothing is trimmed or dropped on the way in: what ships is what a scorecard records.
    expect(RubricSchema.parse(rubric)).toEqual(rubric);
  });

  it.each(byTitle)('%s is built in, dated, and recommends on the shipped four points', (_title, rubric) => {
    expect(rubric.builtIn).toBe(true);
    expect(rubric.createdAt).toBe('2026-11-30T00:00:00.000Z');
    expect(rubric.recommendationScale).toEqual(BUILTIN_RUBRIC.recommendationScale);
  });

  it.each(EXPECTED_DIMENSIONS.map(([rubric, keys]) => [rubric.title, rubric, keys] as const))(
    '%s scores its dimensions in the stated order',
    (_title, rubric, keys) => {
      expect(rubric.dimensions.map((d) => d.key)).toEqual(keys);
    },
  );

  it('titles the dimensions as stated', () => {
    expect(ML_SYSTEM_DESIGN_RUBRIC.dimensions.map((d) => d.title)).toEqual([
      'Requirements and constraints',
      'Architecture and data flow',
      'Capacity and cost',
      'Failure modes and observability',
      'Rollout and rollback',
    ]);
    expect(ROLLBACK_SCENARIO_RUBRIC.dimensions.map((d) => d.title)).toEqual([
      'Detection',
      'Decision to roll back',
      'Rollback mechanics',
      'Verification',
      'Follow-up',
    ]);
  });

  const dimensions = BUILTIN_RUBRIC_LIBRARY.flatMap((rubric) => rubric.dimensions.map((d) => [`${rubric.id} › ${d.key}`, d] as const));

  it.each(dimensions)('%s has a focus, what good looks like, three probes and four distinct anchors', (_name, dimension) => {
    expect(dimension.focus.trim()).not.toBe('');
    expect(dimension.good.trim()).not.toBe('');
    expect(dimension.probes).toHaveLength(3);
    expect(dimension.probes.every((probe) => probe.trim().length > 0)).toBe(true);
    expect(new Set(dimension.probes).size).toBe(3);
    expect(Object.keys(dimension.anchors).sort()).toEqual(['1', '2', '3', '4']);
    const anchors = Object.values(dimension.anchors);
    expect(anchors.every((text) => text.trim().length > 0)).toBe(true);
    expect(new Set(anchors).size).toBe(4);
  });

  it.each(byTitle)('%s shares no anchor text between two dimensions, nor with the incident review', (_title, rubric) => {
    const shipped = new Set(BUILTIN_RUBRIC.dimensions.flatMap((d) => Object.values(d.anchors)));
    const all = rubric.dimensions.flatMap((d) => Object.values(d.anchors));
    expect(new Set(all).size).toBe(all.length);
    expect(all.filter((text) => shipped.has(text))).toEqual([]);
  });

  it.each(byTitle)('%s has 3–5 probe topics and 4–6 red flags, each with a description', (_title, rubric) => {
    expect(rubric.probeTopics.length).toBeGreaterThanOrEqual(3);
    expect(rubric.probeTopics.length).toBeLessThanOrEqual(5);
    expect(rubric.redFlags.length).toBeGreaterThanOrEqual(4);
    expect(rubric.redFlags.length).toBeLessThanOrEqual(6);
    expect(rubric.redFlags.every((flag) => flag.description.trim().length > 0)).toBe(true);
  });

  it('flags the model builder in the wrong pool in both rubrics', () => {
    expect(ML_SYSTEM_DESIGN_RUBRIC.redFlags.map((f) => f.label)).toContain('Only offline metrics');
    expect(ROLLBACK_SCENARIO_RUBRIC.redFlags.map((f) => f.label)).toContain('Blames the model, not the release');
  });

  it.each(byTitle)('%s has probes to emphasise for each of the three lanes', (_title, rubric) => {
    expect(Object.keys(rubric.laneEmphasis).sort()).toEqual([...LANES].sort());
    for (const lane of LANES) {
      const probes = rubric.laneEmphasis[lane] ?? [];
      expect(probes.length, lane).toBeGreaterThan(0);
      expect(probes.every((probe) => probe.trim().length > 0), lane).toBe(true);
    }
  });

  it.each(byTitle)('%s plans 45–60 minutes: an opening, each dimension once in order, the candidate’s questions', (_title, rubric) => {
    const minutes = agendaMinutes(rubric.agenda);
    expect(minutes).toBeGreaterThanOrEqual(45);
    expect(minutes).toBeLessThanOrEqual(60);
    const keys = rubric.agenda.map((item) => item.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(rubric.agenda.at(0)).toMatchObject({ key: 'opening', dimensionKey: null });
    expect(rubric.agenda.at(-1)).toMatchObject({ key: 'closing', dimensionKey: null });
    const covered = rubric.agenda.flatMap((item) => (item.dimensionKey === null ? [] : [item.dimensionKey]));
    expect(covered).toEqual(rubric.dimensions.map((d) => d.key));
  });

  it('gives the two rubrics 55 and 50 minutes', () => {
    expect(agendaMinutes(ML_SYSTEM_DESIGN_RUBRIC.agenda)).toBe(55);
    expect(agendaMinutes(ROLLBACK_SCENARIO_RUBRIC.agenda)).toBe(50);
  });

  it.each(byTitle)('%s keeps every text within the schema’s limits, with nothing to trim', (_title, rubric) => {
    const texts = textsOf(rubric);
    expect(texts.filter(({ text, max }) => text.length > max).map(({ where }) => where)).toEqual([]);
    expect(texts.filter(({ text }) => text.trim() === '' || text !== text.trim()).map(({ where }) => where)).toEqual([]);
  });

  it('gives each rubric its own recommendation scale, so changing one cannot change the other', () => {
    expect(ML_SYSTEM_DESIGN_RUBRIC.recommendationScale).not.toBe(ROLLBACK_SCENARIO_RUBRIC.recommendationScale);
  });
});
