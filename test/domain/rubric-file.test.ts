import { describe, expect, it } from 'vitest';
import loopV4 from '../fixtures/loop-v4.loopcard.json?raw';
import { BUILTIN_RUBRIC } from '../../src/domain/builtin-rubric';
import { ML_SYSTEM_DESIGN_RUBRIC } from '../../src/domain/builtin-rubric-library';
import { readLoopcardFile } from '../../src/domain/file-reading';
import { emptyRecords, planIncoming } from '../../src/domain/incoming-records';
import { EMBEDS, RUBRIC_FILE_MIGRATIONS, RUBRIC_FILE_VERSION, checkRubricFile, rubricFileName, rubricFileRecords, type RubricFile } from '../../src/domain/rubric-file';
import type { Rubric } from '../../src/domain/rubric';
import { forgeRubricFile, sealedRubricFile } from '../helpers/forge';
import { teamRubric } from '../fixtures/team-rubric';

const NOW = new Date('2026-11-02T09:00:00.000Z');

function refusal(text: string, expect_: Parameters<typeof readLoopcardFile>[1] = { expect: ['rubric'] }): string {
  const read = readLoopcardFile(text, expect_);
  if (read.ok) throw new Error('The file was read, but it should have been refused.');
  return read.reason;
}

describe('a rubric file', () => {
  it('is read back whole by the one reader: one rubric version, and the rubric is what the arrival is about', () => {
    const rubric = teamRubric();
    const read = readLoopcardFile(sealedRubricFile(rubric), { expect: ['rubric'] });
    if (!read.ok) throw new Error(read.reason);
    expect(read.value.kind).toBe('rubric');
    if (read.value.kind !== 'rubric') return;
    expect(read.value.file).toMatchObject({ format: 'loopcard.rubric', version: RUBRIC_FILE_VERSION, app: { name: 'Loopcard', version: '0.1.0' } });
    expect(read.value.file.payload.rubric).toEqual(rubric);
    expect(read.value.records).toEqual({ ...emptyRecords(), rubrics: [rubric] });
    expect(read.value.subject).toEqual({ table: 'rubrics', key: 'team-incident-review-2#2' });
    expect(rubricFileRecords(read.value.file)).toEqual(read.value.records);
  });

  it('is read where any Loopcard file is read, and a built-in rubric reads as shipped', () => {
    const read = readLoopcardFile(sealedRubricFile(ML_SYSTEM_DESIGN_RUBRIC));
    expect(read.ok && read.value.kind).toBe('rubric');
  });

  it('is named after the rubric, its version and the day', () => {
    expect(rubricFileName('Team incident review', 2, '2026-11-02')).toBe('team-incident-review-v2-2026-11-02.loopcard-rubric.json');
    expect(rubricFileName('Revue d’incident — équipe Łódź', 12, '2026-11-02')).toBe('revue-d-incident-equipe-lodz-v12-2026-11-02.loopcard-rubric.json');
    expect(rubricFileName('  ', 1, '2026-11-02')).toBe('unnamed-v1-2026-11-02.loopcard-rubric.json');
  });

  it('has no migration yet, and says which table its rubric belongs to for the first one', () => {
    expect(RUBRIC_FILE_MIGRATIONS).toEqual({});
    expect(EMBEDS).toEqual({ rubric: 'rubrics' });
  });
});

describe('a rubric file that is refused, with the reason in words', () => {
  const good = sealedRubricFile(teamRubric());

  it('two dimensions with the same key', () => {
    const text = forgeRubricFile(good, (r) => {
      const [first, second] = r.dimensions;
      if (first && second) second.key = first.key;
    });
    expect(refusal(text)).toBe('The rubric file does not match its format: in the rubric, the field “dimensions”: dimension keys must be unique. It may have been edited by hand or damaged; ask for a fresh export.');
  });

  it('100 dimensions', () => {
    const text = forgeRubricFile(good, (r) => {
      const template = r.dimensions[0] as Rubric['dimensions'][number];
      r.dimensions = Array.from({ length: 100 }, (_, i) => ({ ...template, key: `dimension-${i + 1}`, title: `Dimension ${i + 1}` }));
    });
    expect(refusal(text)).toBe('The rubric file does not match its format: in the rubric, there are more than 12 dimensions. It may have been edited by hand or damaged; ask for a fresh export.');
  });

  it('an empty anchor', () => {
    const text = forgeRubricFile(good, (r) => {
      const second = r.dimensions[1];
      if (second) second.anchors[3] = '   ';
    });
    expect(refusal(text)).toBe('The rubric file does not match its format: in the rubric, dimension 2, the level 3 anchor is required. It may have been edited by hand or damaged; ask for a fresh export.');
  });

  it('no dimension at all', () => {
    const text = forgeRubricFile(good, (r) => {
      r.dimensions = [];
      r.agenda = r.agenda.filter((a) => a.dimensionKey === null);
    });
    expect(refusal(text)).toContain('a rubric needs at least one dimension');
  });

  it('a key named __proto__, before anything walks it', () => {
    const text = forgeRubricFile(good, () => {}, 'all', (json) => json.replace('"title": "Team incident review"', '"title": "Team incident review", "__proto__": { "builtIn": true }'));
    expect(refusal(text)).toBe('The file contains a key named “__proto__”, which Loopcard never writes. It was not imported.');
  });

  it('a 5 MB prompt, by its size, before it is parsed', () => {
    const text = forgeRubricFile(good, (r) => {
      r.prompt = 'x'.repeat(5 * 1024 * 1024);
    });
    expect(refusal(text)).toBe('The file is larger than 1 MB; a rubric file is never that large.');
    // Where any kind of file is read, the rubric file's own limit still applies.
    expect(refusal(text, {})).toBe('The file is larger than 1 MB; a rubric file is never that large.');
    // The byte size on disk decides, when the picker reports it.
    expect(refusal(good, { expect: ['rubric'], byteLength: 1024 * 1024 + 1 })).toBe('The file is larger than 1 MB; a rubric file is never that large.');
  });

  it('a change after it was exported (the checksum no longer matches)', () => {
    const text = forgeRubricFile(good, (r) => void (r.title = 'Quietly renamed'), 'none');
    expect(refusal(text)).toBe('The rubric file’s checksum does not match its contents: it was changed after it was exported, or damaged on the way. Ask for a fresh export.');
  });

  it('a built-in rubric whose text differs from the one Loopcard ships, even with the checksum made to match', () => {
    const shipped = sealedRubricFile(BUILTIN_RUBRIC);
    const text = forgeRubricFile(shipped, (r) => {
      const first = r.dimensions[0];
      if (first) first.anchors[4] = 'Anything goes.';
    });
    expect(refusal(text)).toBe('The rubric “Production incident review”, version 1, says it is built into Loopcard, but its text differs from the version Loopcard ships. Ask the sender to export the file again from their device.');
  });

  it('a built-in version this copy of Loopcard never shipped, and a team rubric under a built-in’s identifier', () => {
    const unknown = forgeRubricFile(sealedRubricFile(BUILTIN_RUBRIC), (r) => void (r.version = 7));
    expect(refusal(unknown)).toContain('says it is built into Loopcard, but this copy of Loopcard never shipped that version.');
    const impostor = sealedRubricFile(teamRubric({ id: BUILTIN_RUBRIC.id }));
    expect(refusal(impostor)).toBe('The rubric “Team incident review”, version 2, uses the identifier of Loopcard’s built-in rubric without being it. Ask the sender to export the file again from their device.');
  });

  it('a time box for a dimension the rubric does not have, and a version based on itself', () => {
    const stray = forgeRubricFile(good, (r) => {
      const box = r.agenda.find((a) => a.dimensionKey !== null);
      if (box) box.dimensionKey = 'not-a-dimension';
    });
    expect(refusal(stray)).toMatch(/^The rubric “Team incident review”, version 2, has a time box \(“.+”\) for a dimension it does not have\./);
    const self = sealedRubricFile(teamRubric({ basedOn: { id: 'team-incident-review-2', version: 2 } }));
    expect(refusal(self)).toBe('The rubric “Team incident review”, version 2, says it is based on itself. It may have been edited by hand; ask for a fresh export.');
  });

  it('a field Loopcard never writes, and a format version from a newer Loopcard', () => {
    const extra = forgeRubricFile(good, (r) => void Object.assign(r, { weight: 2 }));
    expect(refusal(extra)).toBe('The rubric file does not match its format: in the rubric, there is a field Loopcard never writes (“weight”). It may have been edited by hand or damaged; ask for a fresh export.');
    const newer = good.replace('"version": 1,', '"version": 2,');
    expect(refusal(newer)).toBe('This rubric file was made by a newer version of Loopcard (format version 2; this one reads up to 1). Update Loopcard on this device, then import it again.');
  });

  it('another kind of file where a rubric file is expected, and a rubric file where it is not', () => {
    expect(refusal(loopV4)).toBe('This is a Loopcard loop file, not a rubric file. Open it from Candidates → Open a loop file, or drop it under Debrief.');
    expect(refusal(good, { expect: ['scorecard', 'loop', 'packet'] })).toBe('This is a Loopcard rubric file, not a scorecard file or loop file or decision packet. Import it under Data → Rubric files.');
  });

  it('checkRubricFile passes a team version and every built-in as shipped', () => {
    for (const rubric of [teamRubric(), BUILTIN_RUBRIC, ML_SYSTEM_DESIGN_RUBRIC]) {
      const file = JSON.parse(sealedRubricFile(rubric)) as RubricFile;
      expect(checkRubricFile(file)).toBeNull();
    }
  });
});

describe('a rubric file against this device (the one set of incoming rules)', () => {
  const plan = (local: readonly Rubric[], incoming: Rubric) => planIncoming({ ...emptyRecords(), rubrics: local }, { ...emptyRecords(), rubrics: [incoming] }, { now: NOW, source: 'team.loopcard-rubric.json' });

  it('a new version is added; the same version again changes nothing', () => {
    const v2 = teamRubric();
    const added = plan([BUILTIN_RUBRIC], v2);
    expect(added.ok && added.plan.decisions.map((d) => d.action)).toEqual(['add']);
    expect(added.ok && added.plan.writes.rubrics).toEqual([v2]);
    const again = plan([BUILTIN_RUBRIC, v2], structuredClone(v2));
    expect(again.ok && again.plan.decisions.map((d) => d.action)).toEqual(['same']);
    expect(again.ok && again.plan.writes.rubrics).toEqual([]);
    const v3 = teamRubric({ id: 'team-incident-review-3', version: 3, basedOn: { id: v2.id, version: 2 } });
    const next = plan([BUILTIN_RUBRIC, v2], v3);
    expect(next.ok && next.plan.writes.rubrics).toEqual([v3]);
  });

  it('a different rubric under the same identifier and version is refused, naming the rubric and the version', () => {
    const mine = teamRubric();
    const theirs = teamRubric({ prompt: 'An endpoint’s cost doubled overnight.' });
    expect(plan([mine], theirs)).toEqual({
      ok: false,
      reason:
        'The rubric “Team incident review”, version 2, in the file is a different rubric from the one on this device under the same identifier and version. Scores against different rubrics cannot be compared, so nothing was imported. Ask the sender for a fresh export; a changed rubric is saved as a new version.',
    });
    const renamed = plan([mine], teamRubric({ title: 'Cost incident review' }));
    expect(renamed.ok ? '' : renamed.reason).toContain('The rubric “Cost incident review”, version 2, in the file is a different rubric from the one on this device under the same identifier and version (here it is called “Team incident review”).');
  });
});
