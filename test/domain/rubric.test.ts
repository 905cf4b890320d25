import { describe, expect, it } from 'vitest';
import { BUILTIN_RUBRIC, BUILTIN_RUBRIC_ID } from '../../src/domain/builtin-rubric';
import { RubricSchema, latestRubrics, rubricRefOf, type Rubric } from '../../src/domain/rubric';
import { LANES } from '../../src/domain/role';
import { issuesOf } from '../helpers/issues';

/** A copy of the built-in rubric to break, so the shipped one is never touched. */
const copyOfBuiltin = (): Rubric => structuredClone(BUILTIN_RUBRIC);

describe('the built-in rubric', () => {
  it('is a valid rubric by the same schema as every other', () => {
    expect(issuesOf(RubricSchema, BUILTIN_RUBRIC)).toEqual([]);
  });

  it('is version 1 of the production incident review, marked built in', () => {
    expect(rubricRefOf(BUILTIN_RUBRIC)).toEqual({ id: BUILTIN_RUBRIC_ID, version: 1 });
    expect(BUILTIN_RUBRIC_ID).toBe('production-incident-review');
    expect(BUILTIN_RUBRIC.builtIn).toBe(true);
  });

  it('scores trigger, diagnosis, mitigation, rollback and prevention, in that order', () => {
    expect(BUILTIN_RUBRIC.dimensions.map((d) => d.key)).toEqual(['trigger', 'diagnosis', 'mitigation', 'rollback', 'prevention']);
  });

  it.each(BUILTIN_RUBRIC.dimensions.map((d) => [d.key, d] as const))(
    'gives %s four distinct anchored levels and probes to ask',
    (_key, dimension) => {
      expect(Object.keys(dimension.anchors).sort()).toEqual(['1', '2', '3', '4']);
      const anchors = Object.values(dimension.anchors);
      expect(anchors.every((text) => text.trim().length > 0)).toBe(true);
      expect(new Set(anchors).size).toBe(4);
      expect(dimension.probes.length).toBeGreaterThan(0);
      expect(dimension.probes.every((probe) => probe.trim().length > 0)).toBe(true);
      expect(new Set(dimension.probes).size).toBe(dimension.probes.length);
      expect(dimension.focus.trim()).not.toBe('');
      expect(dimension.good.trim()).not.toBe('');
    },
  );

  it('has no anchor text shared between two dimensions', () => {
    const all = BUILTIN_RUBRIC.dimensions.flatMap((d) => Object.values(d.anchors));
    expect(new Set(all).size).toBe(all.length);
  });

  it('recommends on four points with no neutral: strong no, no, yes, strong yes', () => {
    expect(BUILTIN_RUBRIC.recommendationScale.map((o) => o.value)).toEqual(['strong-no', 'no', 'yes', 'strong-yes']);
  });

  it('has probes to emphasise for each of the three lanes', () => {
    for (const lane of LANES) {
      const probes = BUILTIN_RUBRIC.laneEmphasis[lane];
      expect(probes, lane).toBeDefined();
      expect(probes?.length, lane).toBeGreaterThan(0);
    }
    expect(Object.keys(BUILTIN_RUBRIC.laneEmphasis).sort()).toEqual([...LANES].sort());
  });

  it('names the red flags from the guide', () => {
    expect(BUILTIN_RUBRIC.redFlags.map((f) => f.key)).toEqual([
      'theoretical',
      'accuracy-only',
      'no-ownership',
      'no-rollback',
      'no-prevention',
    ]);
  });
});

describe('a rubric', () => {
  it('cannot use the same dimension key twice', () => {
    const rubric = copyOfBuiltin();
    const second = rubric.dimensions[1];
    if (!second) throw new Error('the built-in rubric has a second dimension');
    second.key = 'trigger';
    expect(issuesOf(RubricSchema, rubric)).toEqual([
      expect.objectContaining({ path: 'dimensions', message: 'Dimension keys must be unique.' }),
    ]);
  });

  it('cannot reorder the recommendation scale', () => {
    const rubric = copyOfBuiltin();
    rubric.recommendationScale.reverse();
    expect(issuesOf(RubricSchema, rubric)).toEqual([
      expect.objectContaining({
        path: 'recommendationScale',
        message: 'The recommendation scale is strong no, no, yes, strong yes, in that order.',
      }),
    ]);
  });

  it('cannot offer a neutral recommendation, instead of a point or in addition to the four', () => {
    const replaced = { ...copyOfBuiltin(), recommendationScale: [
      { value: 'strong-no', label: 'Strong no' },
      { value: 'neutral', label: 'Neutral' },
      { value: 'yes', label: 'Yes' },
      { value: 'strong-yes', label: 'Strong yes' },
    ] };
    expect(RubricSchema.safeParse(replaced).success).toBe(false);
    expect(issuesOf(RubricSchema, replaced).map((i) => i.path)).toContain('recommendationScale.1.value');

    const added = { ...copyOfBuiltin(), recommendationScale: [
      ...BUILTIN_RUBRIC.recommendationScale.slice(0, 2),
      { value: 'neutral', label: 'Neutral' },
      ...BUILTIN_RUBRIC.recommendationScale.slice(2),
    ] };
    expect(RubricSchema.safeParse(added).success).toBe(false);
  });

  it('needs at least one dimension', () => {
    expect(issuesOf(RubricSchema, { ...copyOfBuiltin(), dimensions: [] })).toEqual([
      expect.objectContaining({ path: 'dimensions', message: 'A rubric needs at least one dimension.' }),
    ]);
  });

  it('needs all four anchors on a dimension and no fifth level', () => {
    const missing = copyOfBuiltin();
    const first = missing.dimensions[0];
    if (!first) throw new Error('the built-in rubric has a first dimension');
    const { 4: _dropped, ...threeAnchors } = first.anchors;
    expect(RubricSchema.safeParse({ ...missing, dimensions: [{ ...first, anchors: threeAnchors }] }).success).toBe(false);

    const fifth = { ...first, anchors: { ...first.anchors, 5: 'Beyond exceptional.' } };
    expect(issuesOf(RubricSchema, { ...missing, dimensions: [fifth] })).toEqual([
      expect.objectContaining({ code: 'unrecognized_keys', path: 'dimensions.0.anchors' }),
    ]);
  });

  it('refuses an empty anchor and a dimension key that is not lower-case words', () => {
    const rubric = copyOfBuiltin();
    const first = rubric.dimensions[0];
    if (!first) throw new Error('the built-in rubric has a first dimension');
    first.anchors[2] = '   ';
    first.key = 'Trigger Time';
    const paths = issuesOf(RubricSchema, rubric).map((i) => i.path);
    expect(paths).toContain('dimensions.0.anchors.2');
    expect(paths).toContain('dimensions.0.key');
  });

  it('refuses emphasis for a lane that does not exist, and fields it does not know', () => {
    expect(RubricSchema.safeParse({ ...copyOfBuiltin(), laneEmphasis: { 'data-scientist': ['Why?'] } }).success).toBe(false);
    expect(issuesOf(RubricSchema, { ...copyOfBuiltin(), owner: 'someone' })).toEqual([
      expect.objectContaining({ code: 'unrecognized_keys' }),
    ]);
  });

  it('refuses version 0 and a fractional version', () => {
    expect(RubricSchema.safeParse({ ...copyOfBuiltin(), version: 0 }).success).toBe(false);
    expect(RubricSchema.safeParse({ ...copyOfBuiltin(), version: 1.5 }).success).toBe(false);
  });
});

describe('the latest version of each rubric', () => {
  // Each saved version has its own id; the lineage says which rubric it is a version of.
  const version = (lineage: string, v: number, title = lineage, createdAt = '2026-11-02T09:00:00.000Z'): Rubric => ({ ...copyOfBuiltin(), id: `${lineage}-v${v}-${createdAt}`, lineage, version: v, title, createdAt });

  it('keeps only the highest version of each rubric, whatever the order they come in', () => {
    const latest = latestRubrics([version('incident', 1), version('incident', 3), version('incident', 2), version('design', 1)]);
    expect(latest.map((r) => [r.lineage, r.version])).toEqual([
      ['design', 1],
      ['incident', 3],
    ]);
  });

  it('offers the later save of two siblings with the same number (saved on two devices)', () => {
    const ana = version('incident', 2, 'incident', '2026-11-03T09:00:00.000Z');
    const ben = version('incident', 2, 'incident', '2026-11-04T09:00:00.000Z');
    expect(latestRubrics([ben, ana]).map((r) => r.id)).toEqual([ben.id]);
    expect(latestRubrics([ana, ben]).map((r) => r.id)).toEqual([ben.id]);
  });

  it('lists rubrics by title', () => {
    const latest = latestRubrics([version('b', 1, 'Zeta review'), version('a', 2, 'Alpha review')]);
    expect(latest).toHaveLength(2);
    expect(latest.map((r) => r.title)).toEqual(['Alpha review', 'Zeta review']);
  });

  it('is empty when there are no rubrics', () => {
    expect(latestRubrics([])).toEqual([]);
  });
});
