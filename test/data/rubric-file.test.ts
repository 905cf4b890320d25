import { describe, expect, it } from 'vitest';
import loopV4 from '../fixtures/loop-v4.loopcard.json?raw';
import type { LoopcardDb } from '../../src/data/db';
import type { Repositories } from '../../src/data/repositories';
import { BUILTIN_RUBRIC } from '../../src/domain/builtin-rubric';
import { RUBRIC_FILE_MAX_BYTES } from '../../src/domain/rubric-file';
import type { Rubric } from '../../src/domain/rubric';
import { forgeRubricFile } from '../helpers/forge';
import { freshDb } from '../helpers/db';
import { teamRubric } from '../fixtures/team-rubric';

const APP_VERSION = '0.1.0';

async function snapshot(db: LoopcardDb): Promise<Record<string, unknown[]>> {
  const entries = await Promise.all(db.tables.map(async (t) => [t.name, await t.toArray()] as const));
  return Object.fromEntries(entries.sort(([a], [b]) => a.localeCompare(b)));
}

/** A device where the team's version 2 of the incident review was saved, and its file. */
async function deviceWithTeamRubric(rubric: Rubric = teamRubric()) {
  const device = freshDb();
  await device.db.rubrics.add(rubric);
  const file = await device.repos.imports.buildRubricFile(rubric.id, rubric.version, APP_VERSION);
  return { ...device, rubric, file };
}

function importRubric(repos: Repositories, fileName: string, text: string, byteLength?: number) {
  return repos.imports.importFile(fileName, text, { expect: ['rubric'], ...(byteLength === undefined ? {} : { byteLength }) });
}

describe('a rubric file from one device to another', () => {
  it('is written from the saved version, named after it, and arrives whole on a device that never had it', async () => {
    const source = await deviceWithTeamRubric();
    expect(source.file.fileName).toBe('team-incident-review-v2-2026-11-02.loopcard-rubric.json');
    expect(JSON.parse(source.file.json)).toMatchObject({ format: 'loopcard.rubric', version: 1, exportedAt: '2026-11-02T09:00:00.000Z', app: { name: 'Loopcard', version: APP_VERSION }, payload: { rubric: source.rubric } });

    const target = freshDb();
    const result = await importRubric(target.repos, source.file.fileName, source.file.json);
    expect(result).toEqual({ fileName: source.file.fileName, kind: 'rubric', outcome: 'added', detail: 'Rubric “Team incident review”, version 2, added.' });
    expect(await target.repos.rubrics.get('team-incident-review-2', 2)).toEqual(source.rubric);
    expect((await target.repos.rubrics.listVersions(BUILTIN_RUBRIC.id)).map((r) => r.version).sort()).toEqual([1, 2]);

    const before = await snapshot(target.db);
    const again = await importRubric(target.repos, source.file.fileName, source.file.json);
    expect(again).toEqual({ fileName: source.file.fileName, kind: 'rubric', outcome: 'unchanged', detail: 'Rubric “Team incident review”, version 2, is already on this device.' });
    expect(await snapshot(target.db)).toEqual(before);
  });

  it('a built-in rubric’s file is already on every device', async () => {
    const source = freshDb();
    const file = await source.repos.imports.buildRubricFile(BUILTIN_RUBRIC.id, 1, APP_VERSION);
    expect(file.fileName).toBe('production-incident-review-v1-2026-11-02.loopcard-rubric.json');
    const target = freshDb();
    expect((await importRubric(target.repos, file.fileName, file.json)).detail).toBe('Rubric “Production incident review”, version 1, is already on this device.');
  });

  it('a later version of a rubric already here is added beside it', async () => {
    const v2 = teamRubric();
    const v3 = teamRubric({ id: 'team-incident-review-3', version: 3, basedOn: { id: v2.id, version: 2 }, prompt: 'An endpoint’s cost doubled overnight after a traffic shift.' });
    const source = await deviceWithTeamRubric(v3);
    const target = freshDb();
    await target.db.rubrics.add(v2);
    expect((await importRubric(target.repos, source.file.fileName, source.file.json)).detail).toBe('Rubric “Team incident review”, version 3, added.');
    expect((await target.repos.rubrics.listVersions(BUILTIN_RUBRIC.id)).map((r) => r.version).sort()).toEqual([1, 2, 3]);
  });

  it('is the one door: where any Loopcard file is read, a rubric file is read too', async () => {
    const source = await deviceWithTeamRubric();
    const target = freshDb();
    expect((await target.repos.imports.importFile(source.file.fileName, source.file.json, { expect: ['scorecard', 'loop', 'packet', 'rubric'] })).outcome).toBe('added');
  });

  it('is not written for a version that is not on this device', async () => {
    const { repos } = freshDb();
    await expect(repos.imports.buildRubricFile('gone', 2, APP_VERSION)).rejects.toThrow('This rubric version is no longer on this device.');
  });

  it('is not written when it would be larger than any device imports', async () => {
    // Every probe at its limit, in characters of three bytes each (Japanese, say): legal as a rubric, too large as a file.
    const long = '試'.repeat(2_000);
    const base = teamRubric();
    const huge = teamRubric({
      dimensions: Array.from({ length: 12 }, (_, i) => {
        const d = base.dimensions[i] ?? { ...(base.dimensions[0] as Rubric['dimensions'][number]), key: `extra-${i}`, title: `Extra ${i}` };
        return { ...d, probes: Array.from({ length: 20 }, () => long) };
      }),
    });
    const { db, repos } = freshDb();
    await db.rubrics.add(huge);
    await expect(repos.imports.buildRubricFile(huge.id, huge.version, APP_VERSION)).rejects.toThrow(
      'The rubric “Team incident review”, version 2, is larger than 1 MB as a file, more than any device will import. Shorten its longest texts, save it as a new version and export that.',
    );
  });
});

describe('a rubric file that is refused writes nothing, and says why', () => {
  const cases: { name: string; make: (good: string) => string; reason: string | RegExp; local?: Rubric[]; byteLength?: (text: string) => number }[] = [
    {
      name: 'two dimensions with the same key',
      make: (good) =>
        forgeRubricFile(good, (r) => {
          const [first, second] = r.dimensions;
          if (first && second) second.key = first.key;
        }),
      reason: 'The rubric file does not match its format: in the rubric, the field “dimensions”: dimension keys must be unique. It may have been edited by hand or damaged; ask for a fresh export.',
    },
    {
      name: '100 dimensions',
      make: (good) =>
        forgeRubricFile(good, (r) => {
          const template = r.dimensions[0] as Rubric['dimensions'][number];
          r.dimensions = Array.from({ length: 100 }, (_, i) => ({ ...template, key: `dimension-${i + 1}` }));
        }),
      reason: 'The rubric file does not match its format: in the rubric, there are more than 12 dimensions. It may have been edited by hand or damaged; ask for a fresh export.',
    },
    {
      name: 'an empty anchor',
      make: (good) =>
        forgeRubricFile(good, (r) => {
          const first = r.dimensions[0];
          if (first) first.anchors[1] = '';
        }),
      reason: 'The rubric file does not match its format: in the rubric, dimension 1, the level 1 anchor is required. It may have been edited by hand or damaged; ask for a fresh export.',
    },
    {
      name: 'a different rubric under the identifier and version of one on this device',
      local: [teamRubric()],
      make: (good) => forgeRubricFile(good, (r) => void (r.prompt = 'An endpoint’s cost doubled overnight.')),
      reason:
        'The rubric “Team incident review”, version 2, in the file is a different rubric from the one on this device under the same identifier and version. Scores against different rubrics cannot be compared, so nothing was imported. Ask the sender for a fresh export; a changed rubric is saved as a new version.',
    },
    {
      name: 'a key named __proto__',
      make: (good) => good.replace('"author": "Dana Whitfield",', '"author": "Dana Whitfield", "__proto__": { "builtIn": true },'),
      reason: 'The file contains a key named “__proto__”, which Loopcard never writes. It was not imported.',
    },
    {
      name: 'a 5 MB prompt',
      make: (good) => forgeRubricFile(good, (r) => void (r.prompt = 'x'.repeat(5 * 1024 * 1024))),
      byteLength: (text) => new TextEncoder().encode(text).length,
      reason: 'The file is larger than 1 MB; a rubric file is never that large.',
    },
    {
      name: 'a checksum that does not match',
      make: (good) => forgeRubricFile(good, (r) => void (r.author = 'Someone else'), 'none'),
      reason: 'The rubric file’s checksum does not match its contents: it was changed after it was exported, or damaged on the way. Ask for a fresh export.',
    },
    {
      name: 'a built-in rubric whose text differs from the shipped one',
      make: (good) =>
        forgeRubricFile(good, (r) => {
          Object.assign(r, structuredClone(BUILTIN_RUBRIC));
          r.prompt = `${BUILTIN_RUBRIC.prompt} (Our own twist.)`;
        }),
      reason: 'The rubric “Production incident review”, version 1, says it is built into Loopcard, but its text differs from the version Loopcard ships. Ask the sender to export the file again from their device.',
    },
    {
      name: 'a loop file where a rubric file is expected',
      make: () => loopV4,
      reason: 'This is a Loopcard loop file, not a rubric file. Open it from Candidates → Open a loop file, or drop it under Debrief.',
    },
  ];

  it.each(cases)('$name', async ({ make, reason, local, byteLength }) => {
    const source = await deviceWithTeamRubric();
    const target = freshDb();
    if (local) await target.db.rubrics.bulkAdd(local.map((r) => structuredClone(r)));
    const text = make(source.file.json);
    const before = await snapshot(target.db);
    const result = await importRubric(target.repos, 'shared.loopcard-rubric.json', text, byteLength?.(text));
    expect(result.outcome).toBe('rejected');
    if (typeof reason === 'string') expect(result.detail).toBe(reason);
    else expect(result.detail).toMatch(reason);
    expect(await snapshot(target.db)).toEqual(before);
  });

  it('the 5 MB file is refused by its size alone, whatever the picker reports', async () => {
    const source = await deviceWithTeamRubric();
    const text = forgeRubricFile(source.file.json, (r) => void (r.prompt = 'x'.repeat(5 * 1024 * 1024)));
    const target = freshDb();
    expect((await importRubric(target.repos, 'shared.loopcard-rubric.json', text)).detail).toBe('The file is larger than 1 MB; a rubric file is never that large.');
    expect(text.length).toBeGreaterThan(RUBRIC_FILE_MAX_BYTES * 5);
  });
});
