import { describe, expect, it } from 'vitest';
import { sha256OfCanonical } from '../../src/domain/hash';
import { writeScorecardFile } from '../../src/data/scorecard-file-writer';
import type { LoopcardDb } from '../../src/data/db';
import type { Repositories } from '../../src/data/repositories';
import { aggregatePanel, latestSubmitted } from '../../src/domain/aggregate';
import { BUILTIN_RUBRIC } from '../../src/domain/builtin-rubric';
import { IMPORT_MAX_BYTES } from '../../src/domain/file-envelope';
import { EVIDENCE_MAX_LENGTH, TAKEAWAYS_MAX_LENGTH, contentOf, type Scorecard, type ScorecardContent } from '../../src/domain/scorecard';
import type { ScorecardFile } from '../../src/domain/scorecard-file';
import { NOT_COVERED, type RatingLevel } from '../../src/domain/rubric';
import { servingRole } from '../fixtures/roles';
import { freshDb } from '../helpers/db';

type Answer = RatingLevel | typeof NOT_COVERED;
const NC = NOT_COVERED;
const APP_VERSION = '0.1.0';

/** A device with a role, a candidate and a loop (role id-1, candidate id-2, interviews id-3…). */
async function deviceWithLoop(interviewers: string[], candidateName = 'Priya Raman') {
  const { db, repos } = freshDb();
  const role = await repos.roles.create(servingRole);
  const candidate = await repos.candidates.create({ name: candidateName, roleId: role.id, notes: '' });
  const interviews = [];
  for (const interviewerName of interviewers) interviews.push(await repos.interviews.addToLoop(candidate.id, { interviewerName, plannedAt: '' }));
  return { db, repos, role, candidate, interviews };
}

/** The content an interviewer submits: `answers` in rubric order, evidence for every rated dimension. */
function contentFor(card: Scorecard, answers: readonly Answer[], extra: Partial<ScorecardContent> = {}): ScorecardContent {
  return {
    ...contentOf(card),
    ratings: card.ratings.map((r, i) => {
      const level = answers[i] ?? 3;
      return { ...r, level, evidence: level === NC ? '' : `${card.interviewerName}, ${r.dimensionKey}: level ${level}. Paged at 02:10, rolled back by 02:40.` };
    }),
    recommendation: 'yes',
    takeaways: 'Operator, not a model builder.',
    ...extra,
  };
}

/** Opens and submits the scorecard for an interview. */
async function submitFor(repos: Repositories, interviewId: string, answers: readonly Answer[], extra: Partial<ScorecardContent> = {}): Promise<Scorecard> {
  const card = await repos.scorecards.openForInterview(interviewId);
  return repos.scorecards.submit(card.id, contentFor(card, answers, extra), card.editVersion);
}

/** Amends a submitted scorecard and submits the new revision. */
async function amendAndSubmit(repos: Repositories, id: string, answers: readonly Answer[], reason = 'Misread my notes.', extra: Partial<ScorecardContent> = {}): Promise<Scorecard> {
  const draft = await repos.scorecards.amend(id, reason);
  return repos.scorecards.submit(id, contentFor(draft, answers, extra), draft.editVersion);
}

/** One interviewer's device: a loop of one, submitted, and exported. */
async function exportedScorecard(interviewerName = 'Ana Lopez', answers: readonly Answer[] = [3, 3, 2, 4, NC]) {
  const device = await deviceWithLoop([interviewerName]);
  const interview = device.interviews[0];
  if (!interview) throw new Error('no interview');
  const rev1 = await submitFor(device.repos, interview.id, answers);
  const exported = await device.repos.scorecards.buildExport(rev1.id, APP_VERSION);
  return { ...device, interview, rev1, exported };
}

/** Every table's rows, by table name: what "the database is unchanged" compares. */
async function snapshot(db: LoopcardDb): Promise<Record<string, unknown[]>> {
  const entries = await Promise.all(db.tables.map(async (t) => [t.name, await t.toArray()] as const));
  return Object.fromEntries(entries.sort(([a], [b]) => a.localeCompare(b)));
}

async function counts(db: LoopcardDb): Promise<Record<string, number>> {
  return Object.fromEntries(Object.entries(await snapshot(db)).map(([name, rows]) => [name, rows.length]));
}

/** A copy of a file with its payload changed and its checksum made to match again, as a careful forger would. */
async function reHashed(file: ScorecardFile, change: (payload: ScorecardFile['payload']) => void): Promise<string> {
  const copy = structuredClone(file);
  change(copy.payload);
  copy.sha256 = await sha256OfCanonical(copy.payload);
  return JSON.stringify(copy, null, 2);
}

/** Imports a file into a target and checks it was refused with nothing written; returns the reason. */
async function expectRefusedUnchanged(target: { db: LoopcardDb; repos: Repositories }, text: string, size?: number, expect_: readonly ('scorecard' | 'loop' | 'packet')[] = ['scorecard', 'loop', 'packet']): Promise<string> {
  const before = await snapshot(target.db);
  const result = await target.repos.imports.importFile('scorecard.loopcard.json', text, { expect: expect_, ...(size === undefined ? {} : { byteLength: size }) });
  expect(result.outcome).toBe('rejected');
  expect(result.candidateId).toBeUndefined();
  expect(await snapshot(target.db)).toEqual(before);
  return result.detail;
}

describe('gathering a valid scorecard file', () => {
  it('adds the scorecard with its role, candidate, interview and revision to an empty device', async () => {
    const source = await exportedScorecard();
    const target = freshDb();
    const result = await target.repos.imports.importFile(source.exported.fileName, source.exported.json);
    expect(result).toEqual({
      fileName: 'priya-raman-ana-lopez-2026-11-02.loopcard.json',
      kind: 'scorecard',
      outcome: 'added',
      detail: 'Ana Lopez’s scorecard for Priya Raman, revision 1.',
      candidateId: source.candidate.id,
    });
    expect(await target.repos.roles.get(source.role.id)).toEqual(source.role);
    expect(await target.repos.candidates.get(source.candidate.id)).toEqual(source.candidate);
    expect(await target.repos.interviews.listByCandidate(source.candidate.id)).toEqual([source.interview]);
    expect(await target.repos.scorecards.get(source.rev1.id)).toEqual(source.rev1);
    expect(await target.repos.scorecards.listRevisions(source.rev1.id)).toEqual([source.rev1]);
    expect(await counts(target.db)).toEqual({ candidates: 1, debriefs: 0, interviews: 1, roles: 1, rubrics: 3, rubricDrafts: 0, scorecardRevisions: 1, scorecards: 1, screens: 0, settings: 0, conflicts: 0 });
  });

  it('arrives exactly as the interviewer submitted it, and still matches its hash', async () => {
    const source = await exportedScorecard();
    const target = freshDb();
    await target.repos.imports.importFile(source.exported.fileName, source.exported.json);
    const [sourceSnapshot, targetSnapshot] = [await snapshot(source.db), await snapshot(target.db)];
    for (const table of ['roles', 'candidates', 'interviews', 'scorecards', 'scorecardRevisions', 'rubrics']) expect(targetSnapshot[table]).toEqual(sourceSnapshot[table]);
  });

  it('brings a rubric version this device does not have, and keeps the built-in one', async () => {
    const device = freshDb();
    const newer = { ...BUILTIN_RUBRIC, id: 'team-incident-review', version: 2, title: 'Production incident review, 2027', builtIn: false };
    await device.db.rubrics.add(newer);
    const role = await device.repos.roles.create({ ...servingRole, rubric: { id: newer.id, version: 2 } });
    const candidate = await device.repos.candidates.create({ name: 'Priya Raman', roleId: role.id, notes: '' });
    const interview = await device.repos.interviews.addToLoop(candidate.id, { interviewerName: 'Ana Lopez', plannedAt: '' });
    const rev1 = await submitFor(device.repos, interview.id, [3, 3, 3, 3, 3]);
    expect(rev1.rubric).toEqual({ id: newer.id, version: 2 });
    const { json } = await device.repos.scorecards.buildExport(rev1.id, APP_VERSION);

    const target = freshDb();
    expect((await target.repos.imports.importFile('a.loopcard.json', json)).outcome).toBe('added');
    expect(await target.repos.rubrics.get(newer.id, 2)).toEqual(newer);
    expect(await target.repos.rubrics.get(BUILTIN_RUBRIC.id, 1)).toEqual(BUILTIN_RUBRIC);
  });

  it('changes nothing the second time the same file is gathered', async () => {
    const source = await exportedScorecard();
    const target = freshDb();
    await target.repos.imports.importFile(source.exported.fileName, source.exported.json);
    const before = await snapshot(target.db);
    const again = await target.repos.imports.importFile(source.exported.fileName, source.exported.json);
    expect(again).toEqual({ fileName: source.exported.fileName, kind: 'scorecard', outcome: 'unchanged', detail: 'Ana Lopez’s scorecard for Priya Raman is already here.', candidateId: source.candidate.id });
    expect(await snapshot(target.db)).toEqual(before);
  });

  it('leaves the interviewer’s own device unchanged when their file is gathered there', async () => {
    const source = await exportedScorecard();
    const before = await snapshot(source.db);
    expect((await source.repos.imports.importFile(source.exported.fileName, source.exported.json)).outcome).toBe('unchanged');
    expect(await snapshot(source.db)).toEqual(before);
  });
});

describe('gathering an amended scorecard', () => {
  async function amendedSource() {
    const source = await exportedScorecard();
    const first = source.exported;
    const rev2 = await amendAndSubmit(source.repos, source.rev1.id, [2, 3, 2, 4, NC], 'Trigger was level 2 on a second read.');
    const second = await source.repos.scorecards.buildExport(rev2.id, APP_VERSION);
    expect(second.file.payload.revisions.map((r) => r.revision)).toEqual([1, 2]);
    return { ...source, first, second, rev2 };
  }

  it('updates to revision 2 after revision 1 was gathered, keeping both revisions', async () => {
    const source = await amendedSource();
    const target = freshDb();
    await target.repos.imports.importFile(source.first.fileName, source.first.json);
    const result = await target.repos.imports.importFile(source.second.fileName, source.second.json);
    expect(result).toMatchObject({ outcome: 'updated', detail: 'Ana Lopez’s scorecard for Priya Raman: now revision 2.' });
    expect(await target.repos.scorecards.get(source.rev1.id)).toEqual(source.rev2);
    expect(await target.repos.scorecards.listRevisions(source.rev1.id)).toEqual([source.rev1, source.rev2]);
    expect((await counts(target.db)).scorecards).toBe(1);
  });

  it('changes nothing when the older file arrives after the newer one', async () => {
    const source = await amendedSource();
    const target = freshDb();
    await target.repos.imports.importFile(source.first.fileName, source.first.json);
    await target.repos.imports.importFile(source.second.fileName, source.second.json);
    const before = await snapshot(target.db);
    const late = await target.repos.imports.importFile(source.first.fileName, source.first.json);
    expect(late).toMatchObject({ outcome: 'kept-newer', detail: 'Ana Lopez’s scorecard for Priya Raman. Kept this device’s newer copy of Ana Lopez’s scorecard for Priya Raman.' });
    expect((await target.repos.scorecards.get(source.rev1.id))?.revision).toBe(2);
    expect(await snapshot(target.db)).toEqual(before);
  });

  it('adds both revisions at once when only the amended file is gathered', async () => {
    const source = await amendedSource();
    const target = freshDb();
    const result = await target.repos.imports.importFile(source.second.fileName, source.second.json);
    expect(result).toMatchObject({ outcome: 'added', detail: 'Ana Lopez’s scorecard for Priya Raman, revision 2.' });
    expect(await target.repos.scorecards.listRevisions(source.rev1.id)).toEqual([source.rev1, source.rev2]);
    expect((await target.repos.imports.importFile(source.first.fileName, source.first.json)).outcome).toBe('kept-newer');
  });

  it('gathers the submitted revision of a scorecard whose amendment is still a draft', async () => {
    const source = await exportedScorecard();
    await source.repos.scorecards.amend(source.rev1.id, 'Rethinking rollback.');
    const midAmendment = await source.repos.scorecards.buildExport(source.rev1.id, APP_VERSION);
    expect(midAmendment.file.payload.scorecard).toMatchObject({ status: 'draft', revision: 2 });
    const target = freshDb();
    expect(await target.repos.imports.importFile(midAmendment.fileName, midAmendment.json)).toMatchObject({ outcome: 'added', detail: 'Ana Lopez’s scorecard for Priya Raman, revision 1.' });
    expect(await target.repos.scorecards.get(source.rev1.id)).toEqual(source.rev1);
  });
});

describe('refusing a damaged or altered file, with nothing written', () => {
  it('refuses a payload changed by one character, naming the checksum', async () => {
    const source = await exportedScorecard();
    const file = structuredClone(source.exported.file);
    const rating = file.payload.revisions[0]?.ratings[0];
    if (!rating) throw new Error('no rating');
    rating.evidence = rating.evidence.replace('level 3', 'level 4');
    const detail = await expectRefusedUnchanged(freshDb(), JSON.stringify(file));
    expect(detail).toBe('The scorecard file’s checksum does not match its contents: it was changed after it was exported, or damaged on the way. Ask for a fresh export.');
  });

  it('refuses a revision changed after submission even when the checksum was made to match, naming the revision', async () => {
    const source = await exportedScorecard();
    const text = await reHashed(source.exported.file, (payload) => {
      const rating = payload.revisions[0]?.ratings[0];
      if (rating) rating.evidence += ' (and I personally led the postmortem)';
    });
    expect(await expectRefusedUnchanged(freshDb(), text)).toBe('Ana Lopez’s scorecard for Priya Raman, revision 1 was changed after it was submitted: its content no longer matches its hash. Ask for a fresh export.');
  });

  it('refuses a revision whose level was raised, even when the checksum was made to match', async () => {
    const source = await exportedScorecard();
    const text = await reHashed(source.exported.file, (payload) => {
      const rating = payload.revisions[0]?.ratings[2];
      if (rating) rating.level = 4;
    });
    expect(await expectRefusedUnchanged(freshDb(), text)).toMatch(/^Ana Lopez’s scorecard for Priya Raman, revision 1 was changed after it was submitted/);
  });

  it('refuses a revision passed off as submitted without a hash', async () => {
    const source = await exportedScorecard();
    const text = await reHashed(source.exported.file, (payload) => {
      const rev = payload.revisions[0];
      if (rev) rev.contentHash = null;
    });
    expect(await expectRefusedUnchanged(freshDb(), text)).toBe('Ana Lopez’s scorecard for Priya Raman, revision 1 is not a submitted revision: it has no hash. Ask the interviewer to submit it and export it again.');
  });

  it('refuses a file that lists the same revision twice', async () => {
    const source = await exportedScorecard();
    const text = await reHashed(source.exported.file, (payload) => {
      payload.revisions.push(structuredClone(source.rev1));
    });
    expect(await expectRefusedUnchanged(freshDb(), text)).toBe('The file lists Ana Lopez’s scorecard for Priya Raman, revision 1 twice. It may have been edited by hand; ask for a fresh export.');
  });

  it('refuses a file whose scorecard points at another candidate than the one it carries', async () => {
    const source = await exportedScorecard();
    const text = await reHashed(source.exported.file, (payload) => {
      payload.candidate.id = 'someone-else';
    });
    expect(await expectRefusedUnchanged(freshDb(), text)).toBe('The scorecard, its revisions and its interview, candidate, role and rubric do not belong together. It may have been edited by hand; ask for a fresh export.');
  });

  it('refuses a file cut short, saying to export it again', async () => {
    const source = await exportedScorecard();
    const json = source.exported.json;
    expect(await expectRefusedUnchanged(freshDb(), json.slice(0, Math.floor(json.length * 0.7)))).toBe(
      'The file is not valid JSON: it may be cut short or damaged. Ask for it to be exported again.',
    );
  });

  it('refuses another app’s file and a decision packet, saying what they are', async () => {
    const target = freshDb();
    expect(await expectRefusedUnchanged(target, JSON.stringify({ name: 'loopcard', version: '0.1.0', dependencies: { dexie: '4.4.7' } }, null, 2))).toBe(
      'This is not a Loopcard file: it has no format and version.',
    );
    expect(await expectRefusedUnchanged(target, '[{"interviewer":"Ana Lopez","trigger":3}]')).toBe('This is not a Loopcard file: it has no format and version.');
    expect(await expectRefusedUnchanged(target, JSON.stringify({ format: 'loopcard.packet', version: 1 }), undefined, ['scorecard'])).toBe('This is a Loopcard decision packet, not a scorecard file. Gather it under Debrief.');
    expect(await expectRefusedUnchanged(target, JSON.stringify({ format: 'loopcard.packet', version: 1 }))).toBe('The decision packet has no valid checksum, so Loopcard cannot tell whether it is complete. It may have been edited by hand or damaged; ask for a fresh export.');
    expect(await expectRefusedUnchanged(target, JSON.stringify({ format: 'other.app', version: 1 }))).toBe('This is not a Loopcard file Loopcard knows (its format is “other.app”).');
  });

  it('refuses a file from a newer Loopcard, saying to update', async () => {
    const source = await exportedScorecard();
    const detail = await expectRefusedUnchanged(freshDb(), JSON.stringify({ ...source.exported.file, version: 99 }));
    expect(detail).toContain('newer version of Loopcard');
    expect(detail).toContain('Update Loopcard on this device');
  });

  it('refuses a file with a key that could reach a prototype', async () => {
    const source = await exportedScorecard();
    const text = source.exported.json.replace('"payload": {', '"payload": {\n    "__proto__": { "isAdmin": true },');
    expect(text).not.toBe(source.exported.json);
    expect(await expectRefusedUnchanged(freshDb(), text)).toContain('“__proto__”');
  });

  it('refuses a draft copy that was never submitted, saying to submit it first', async () => {
    const device = await deviceWithLoop(['Ana Lopez']);
    const interview = device.interviews[0];
    if (!interview) throw new Error('no interview');
    const draft = await device.repos.scorecards.openForInterview(interview.id);
    const { json } = await device.repos.scorecards.buildExport(draft.id, APP_VERSION);
    expect(await expectRefusedUnchanged(freshDb(), json)).toBe('This scorecard was never submitted: it is a draft copy. Ask the interviewer to submit it and export it again.');
  });

  it('refuses a file over 5 MB by its size on disk, before reading it', async () => {
    const source = await exportedScorecard();
    expect(await expectRefusedUnchanged(freshDb(), source.exported.json, IMPORT_MAX_BYTES + 1)).toBe('The file is larger than 5 MB; a scorecard file is never that large.');
    // The size given is what counts: the same text at exactly 5 MB is read.
    expect((await freshDb().repos.imports.importFile('a.loopcard.json', source.exported.json, { byteLength: IMPORT_MAX_BYTES })).outcome).toBe('added');
  });

  it('leaves what was already gathered untouched when a later file is refused', async () => {
    const source = await exportedScorecard();
    const target = freshDb();
    await target.repos.imports.importFile(source.exported.fileName, source.exported.json);
    const file = structuredClone(source.exported.file);
    file.payload.scorecard.takeaways = 'Changed.';
    await expectRefusedUnchanged(target, JSON.stringify(file));
    expect(await target.repos.scorecards.get(source.rev1.id)).toEqual(source.rev1);
  });
});

describe('refusing a file that disagrees with this device, with nothing written', () => {
  it('refuses a different scorecard under the same identifiers (another interviewer), keeping the first', async () => {
    const ana = await exportedScorecard('Ana Lopez');
    const ben = await exportedScorecard('Ben Okafor', [1, 1, 1, 1, 1]);
    expect(ben.rev1.id).toBe(ana.rev1.id);
    const target = freshDb();
    await target.repos.imports.importFile(ana.exported.fileName, ana.exported.json);
    expect(await expectRefusedUnchanged(target, ben.exported.json)).toBe('An interview in the file has the same identifier as a different interview on this device (another candidate, interviewer or rubric).');
    expect(await target.repos.scorecards.get(ana.rev1.id)).toEqual(ana.rev1);
  });

  it('refuses a different scorecard under the same identifiers (same interviewer, other scores), keeping the first', async () => {
    const first = await exportedScorecard('Ana Lopez', [3, 3, 3, 3, 3]);
    const other = await exportedScorecard('Ana Lopez', [1, 2, 1, 2, 1]);
    expect(other.rev1.contentHash).not.toBe(first.rev1.contentHash);
    const target = freshDb();
    await target.repos.imports.importFile(first.exported.fileName, first.exported.json);
    expect(await expectRefusedUnchanged(target, other.exported.json)).toBe('Ana Lopez’s scorecard for Priya Raman, revision 1 differs from the one on this device. A submitted revision never changes; an amendment is a new revision.');
    expect(await target.repos.scorecards.listRevisions(first.rev1.id)).toEqual([first.rev1]);
  });

  it('writes none of a file that is refused half way through its revisions', async () => {
    // Device A and device B share ids and revision 1, but B's revision 2 says something else.
    const a = await exportedScorecard('Ana Lopez', [3, 3, 3, 3, 3]);
    const aRev2 = await amendAndSubmit(a.repos, a.rev1.id, [4, 4, 4, 4, 4]);
    const b = await exportedScorecard('Ana Lopez', [3, 3, 3, 3, 3]);
    expect(b.rev1).toEqual(a.rev1);
    const bRev2 = await amendAndSubmit(b.repos, b.rev1.id, [1, 1, 1, 1, 1]);
    const bFile = (await b.repos.scorecards.buildExport(bRev2.id, APP_VERSION)).json;
    const target = freshDb();
    expect((await target.repos.imports.importFile('a.loopcard.json', (await a.repos.scorecards.buildExport(aRev2.id, APP_VERSION)).json)).outcome).toBe('added');
    expect(await expectRefusedUnchanged(target, bFile)).toBe('Ana Lopez’s scorecard for Priya Raman, revision 2 differs from the one on this device. A submitted revision never changes; an amendment is a new revision.');
    expect(await target.repos.scorecards.listRevisions(a.rev1.id)).toEqual([a.rev1, aRev2]);
  });

  it('refuses a file whose revisions do not start at revision 1', async () => {
    const a = await exportedScorecard('Ana Lopez', [3, 3, 3, 3, 3]);
    const aRev2 = await amendAndSubmit(a.repos, a.rev1.id, [4, 4, 4, 4, 4]);
    const aFile = (await a.repos.scorecards.buildExport(aRev2.id, APP_VERSION)).file;
    const onlyRev2 = await reHashed(aFile, (payload) => {
      payload.revisions = payload.revisions.filter((r) => r.revision === 2);
    });
    expect(await expectRefusedUnchanged(freshDb(), onlyRev2)).toMatch(/^Ana Lopez’s scorecard.*revision 1/);
  });

  it('refuses a rubric that differs from this device’s rubric of the same version, naming the rubric', async () => {
    const source = await exportedScorecard();
    const text = await reHashed(source.exported.file, (payload) => {
      payload.rubric.prompt = `${payload.rubric.prompt} Also: what is your favourite model?`;
    });
    const detail = await expectRefusedUnchanged(freshDb(), text);
    expect(detail).toBe('The rubric “Production incident review”, version 1, says it is built into Loopcard, but its text differs from the version Loopcard ships. Ask the sender to export the file again from their device.');
  });

  it('refuses a candidate that is on this device for another role', async () => {
    // Source: roles id-1 and id-2, the candidate id-3 applies for id-2.
    const source = freshDb();
    await source.repos.roles.create(servingRole);
    const platformRole = await source.repos.roles.create({ ...servingRole, title: 'ML Platform Engineer', lane: 'platform-builder', mandate: 'Stand up the ML platform for a growing team.' });
    const candidate = await source.repos.candidates.create({ name: 'Priya Raman', roleId: platformRole.id, notes: '' });
    const interview = await source.repos.interviews.addToLoop(candidate.id, { interviewerName: 'Ana Lopez', plannedAt: '' });
    const rev1 = await submitFor(source.repos, interview.id, [3, 3, 3, 3, 3]);
    const { json } = await source.repos.scorecards.buildExport(rev1.id, APP_VERSION);
    // Target: the same candidate id, id-3, applies for role id-1.
    const target = freshDb();
    const localRole = await target.repos.roles.create(servingRole);
    await target.repos.candidates.create({ name: 'Sam Ortiz', roleId: localRole.id, notes: '' });
    const local = await target.repos.candidates.create({ name: 'Priya Raman', roleId: localRole.id, notes: '' });
    expect(local.id).toBe(candidate.id);
    expect(await expectRefusedUnchanged(target, json)).toBe('The candidate Priya Raman is on this device for a different role. A candidate’s role never changes once their loop exists.');
  });

  it('refuses a second interview of the same interviewer with the same candidate', async () => {
    const source = await exportedScorecard('Ana Lopez');
    // Target: the same role and candidate ids, but Ana's interview here is id-4, not id-3.
    const target = freshDb();
    const role = await target.repos.roles.create(servingRole);
    const candidate = await target.repos.candidates.create({ name: 'Priya Raman', roleId: role.id, notes: '' });
    await target.repos.roles.create({ ...servingRole, title: 'Another opening' });
    const local = await target.repos.interviews.addToLoop(candidate.id, { interviewerName: 'ana lopez', plannedAt: '' });
    expect(local.id).not.toBe(source.interview.id);
    expect(await expectRefusedUnchanged(target, source.exported.json)).toBe('Ana Lopez would have two different interviews with Priya Raman: one interview per interviewer. It may have been planned twice; remove one on the device that planned it.');
  });
});

describe('the largest legal scorecard file', () => {
  /** Every dimension at the evidence limit, the takeaways at theirs: the most one revision can hold. */
  function maximal(card: Scorecard, revision: number): ScorecardContent {
    return {
      ...contentOf(card),
      ratings: card.ratings.map((r, i) => ({ ...r, level: 3, evidence: `r${revision}d${i}`.padEnd(EVIDENCE_MAX_LENGTH, 'x') })),
      recommendation: 'yes',
      takeaways: 't'.repeat(TAKEAWAYS_MAX_LENGTH),
    };
  }

  it('fits 19 full revisions under 5 MB, imports them intact; at 20 the export says so and the import refuses', async () => {
    const device = await deviceWithLoop(['Ana Lopez']);
    const interview = device.interviews[0];
    if (!interview) throw new Error('no interview');
    let card = await device.repos.scorecards.openForInterview(interview.id);
    card = await device.repos.scorecards.submit(card.id, maximal(card, 1), card.editVersion);
    const sizes: number[] = [];
    let underLimit = '';
    for (let revision = 2; ; revision += 1) {
      const draft = await device.repos.scorecards.amend(card.id, `Amendment ${revision}.`);
      card = await device.repos.scorecards.submit(card.id, maximal(draft, revision), draft.editVersion);
      // The repository refuses to export a file the lead could not gather; measure the raw file.
      const { json } = await writeScorecardFile(await device.repos.scorecards.loadExportPayload(card.id), APP_VERSION, new Date('2026-11-02T09:00:00Z'));
      const bytes = new TextEncoder().encode(json).length;
      sizes.push(bytes);
      if (bytes > IMPORT_MAX_BYTES) break;
      underLimit = json;
    }
    // The file carries the latest revision twice (as the scorecard and among the revisions), and each
    // revision adds about 261 kB (five notes of 50,000 characters and 10,000 of takeaways): 2 revisions
    // make about 0.79 MB, 19 make 5.24 MB (a few kB under the limit), 20 make 5.5 MB.
    const perRevision = (sizes[1] ?? 0) - (sizes[0] ?? 0);
    expect(perRevision).toBeGreaterThan(5 * EVIDENCE_MAX_LENGTH + TAKEAWAYS_MAX_LENGTH);
    expect(perRevision).toBeLessThan(5 * EVIDENCE_MAX_LENGTH + TAKEAWAYS_MAX_LENGTH + 2_000);
    expect(sizes.length).toBe(19);
    expect(sizes.at(-2)).toBeLessThanOrEqual(IMPORT_MAX_BYTES);
    expect(sizes.at(-1)).toBeGreaterThan(IMPORT_MAX_BYTES);

    const target = freshDb();
    const result = await target.repos.imports.importFile('big.loopcard.json', underLimit, { byteLength: new TextEncoder().encode(underLimit).length });
    expect(result).toMatchObject({ outcome: 'added', detail: 'Ana Lopez’s scorecard for Priya Raman, revision 19.' });
    const revisions = await target.repos.scorecards.listRevisions(card.id);
    expect(revisions).toHaveLength(19);
    expect(revisions.every((r) => r.ratings.every((rating) => rating.evidence.length === EVIDENCE_MAX_LENGTH))).toBe(true);
    expect(revisions[4]?.ratings[2]?.evidence.startsWith('r5d2x')).toBe(true);

    await expect(device.repos.scorecards.buildExport(card.id, APP_VERSION)).rejects.toThrow(/more than the 5 MB a debrief lead can gather/);
    const { json: tooBig } = await writeScorecardFile(await device.repos.scorecards.loadExportPayload(card.id), APP_VERSION, new Date('2026-11-02T09:00:00Z'));
    expect(await expectRefusedUnchanged(freshDb(), tooBig, new TextEncoder().encode(tooBig).length)).toBe('The file is larger than 5 MB; a scorecard file is never that large.');
  }, 60_000);
});

describe('gathering a whole panel', () => {
  async function panelSource() {
    const device = await deviceWithLoop(['Ana Lopez', 'Ben Okafor', 'Chen Wei']);
    const [ana, ben, chen] = device.interviews;
    if (!ana || !ben || !chen) throw new Error('no loop');
    const cards = [
      await submitFor(device.repos, ana.id, [1, 3, 2, NC, NC], { recommendation: 'yes' }),
      await submitFor(device.repos, ben.id, [3, 3, 3, 4, NC], { recommendation: 'no', redFlags: [{ key: 'no-prevention', note: 'No postmortem.' }] }),
      await submitFor(device.repos, chen.id, [4, 3, NC, 2, NC], { recommendation: 'strong-yes' }),
    ];
    const files = await Promise.all(cards.map((c) => device.repos.scorecards.buildExport(c.id, APP_VERSION)));
    return { ...device, cards, files };
  }

  it('ends with three scorecards for one candidate, whose aggregate gives the panel’s medians', async () => {
    const source = await panelSource();
    const target = freshDb();
    const outcomes = [];
    for (const f of source.files) outcomes.push(await target.repos.imports.importFile(f.fileName, f.json));
    expect(outcomes.map((o) => [o.fileName, o.outcome])).toEqual([
      ['priya-raman-ana-lopez-2026-11-02.loopcard.json', 'added'],
      ['priya-raman-ben-okafor-2026-11-02.loopcard.json', 'added'],
      ['priya-raman-chen-wei-2026-11-02.loopcard.json', 'added'],
    ]);
    expect(await counts(target.db)).toMatchObject({ roles: 1, candidates: 1, interviews: 3, scorecards: 3, scorecardRevisions: 3 });

    const { current, revisions } = await target.repos.scorecards.listForCandidate(source.candidate.id);
    expect(current).toHaveLength(3);
    const loop = await target.repos.interviews.listByCandidate(source.candidate.id);
    const aggregate = aggregatePanel([BUILTIN_RUBRIC], latestSubmitted(revisions), loop);
    expect(aggregate.byRubric[0]?.dimensions.map((d) => [d.dimensionKey, d.median, d.range, d.disagreement])).toEqual([
      ['trigger', 3, 3, true],
      ['diagnosis', 3, 0, false],
      ['mitigation', 2.5, 1, false],
      ['rollback', 3, 2, true],
      ['prevention', null, null, false],
    ]);
    expect(aggregate).toMatchObject({ submitted: 3, due: [], split: true, recommendations: { 'strong-no': 0, no: 1, yes: 1, 'strong-yes': 1 } });
    expect(aggregate.byRubric[0]?.redFlags).toEqual([{ key: 'no-prevention', label: 'No prevention', raisedBy: [{ interviewerName: 'Ben Okafor', note: 'No postmortem.' }] }]);
  });

  it('shows the rest of the loop as due while files are still missing', async () => {
    const source = await panelSource();
    const target = freshDb();
    const chenFile = source.files[2];
    if (!chenFile) throw new Error('no file');
    await target.repos.imports.importFile(chenFile.fileName, chenFile.json);
    const { revisions } = await target.repos.scorecards.listForCandidate(source.candidate.id);
    const loop = await target.repos.interviews.listByCandidate(source.candidate.id);
    // Only Chen's interview travelled with his file: this device knows no one else is on the loop.
    expect(loop.map((i) => i.interviewerName)).toEqual(['Chen Wei']);
    expect(aggregatePanel([BUILTIN_RUBRIC], latestSubmitted(revisions), loop).due).toEqual([]);
  });

  it('ends in the same database whatever order the files arrive in, and again when all are gathered twice', async () => {
    const source = await panelSource();
    const inOrder = freshDb();
    for (const f of source.files) await inOrder.repos.imports.importFile(f.fileName, f.json);
    const reversed = freshDb();
    for (const f of [...source.files].reverse()) await reversed.repos.imports.importFile(f.fileName, f.json);
    expect(await snapshot(reversed.db)).toEqual(await snapshot(inOrder.db));
    const before = await snapshot(inOrder.db);
    for (const f of source.files) expect((await inOrder.repos.imports.importFile(f.fileName, f.json)).outcome).toBe('unchanged');
    expect(await snapshot(inOrder.db)).toEqual(before);
  });
});
