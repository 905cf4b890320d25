import { beforeAll, describe, expect, it } from 'vitest';
import type { LoopcardDb } from '../../src/data/db';
import type { RestorePlan } from '../../src/data/backup-repository';
import type { Repositories } from '../../src/data/repositories';
import type { Consensus } from '../../src/domain/debrief';
import type { FileKind } from '../../src/domain/file-reading';
import type { IncomingTable, OutcomeStatus, RecordAction } from '../../src/domain/incoming-records';
import { NOT_COVERED, type RatingLevel } from '../../src/domain/rubric';
import { contentOf, type Scorecard, type ScorecardContent } from '../../src/domain/scorecard';
import { servingRole } from '../fixtures/roles';
import { freshDb } from '../helpers/db';
import { FORMATS, FORMAT_NAMES, forgeFile, type Forge, type ForgeView, type Format, type Seal } from '../helpers/forge';

/**
 * One table of hostile files, each run through every format that can carry the record it attacks:
 * a scorecard file, a decision packet, a plain and an encrypted backup, and a loop file where the
 * record is a role, candidate, interview or rubric. Every file enters through the one door
 * (`imports.importFile`, `backup.previewRestore`), so a rule must hold in all of them alike.
 */

const APP_VERSION = '0.1.0';
const PASSPHRASE = 'correct horse battery staple';
/** An encrypted case seals and opens with 600,000 PBKDF2 rounds several times. */
const SLOW = 30_000;
const NEWER_TITLE = 'Staff MLOps Engineer, Serving';
/** The formats that carry submitted scorecard revisions (all but the loop file). */
const WITH_REVISIONS: readonly Format[] = ['scorecard', 'packet', 'backup', 'encrypted-backup'];
/** Roles, candidates, interviews and rubrics travel in every format. */
const ALL: readonly Format[] = FORMATS;

type Files = Record<Format, string>;
type Device = { db: LoopcardDb; repos: Repositories };

// ——— The source: one interviewer's amended scorecard, a decided debrief, every file ————————————

const NC = NOT_COVERED;
const REV1: readonly (RatingLevel | typeof NC)[] = [3, 3, 3, 3, NC];
const REV2: readonly (RatingLevel | typeof NC)[] = [2, 3, 3, 3, NC];

function contentFor(card: Scorecard, levels: readonly (RatingLevel | typeof NC)[], note: string): ScorecardContent {
  return {
    ...contentOf(card),
    ratings: card.ratings.map((r, i) => {
      const level = levels[i] ?? NC;
      return { ...r, level, evidence: level === NC ? '' : `${note} ${r.dimensionKey}: paged at 02:10, rolled back by 02:40.` };
    }),
    redFlags: [{ key: 'no-prevention', note: 'No postmortem.' }],
    recommendation: 'yes',
    takeaways: 'Operator, not a model builder.',
  };
}

async function exportAll(device: Device, candidateId: string, scorecardId: string): Promise<Files> {
  const backup = await device.repos.backup.exportBackup({ appVersion: APP_VERSION });
  const sealed = await device.repos.backup.exportBackup({ appVersion: APP_VERSION, passphrase: PASSPHRASE });
  return {
    scorecard: (await device.repos.scorecards.buildExport(scorecardId, APP_VERSION)).json,
    loop: (await device.repos.imports.buildLoopFile(candidateId, APP_VERSION)).json,
    packet: JSON.stringify(await device.repos.packets.buildPacket(candidateId, APP_VERSION), null, 2),
    backup: await backup.blob.text(),
    'encrypted-backup': await sealed.blob.text(),
  };
}

/** Every file as first exported (`original`), and again after the role title and the decision changed (`newer`). */
async function sourceFiles(): Promise<{ original: Files; newer: Files }> {
  const device = freshDb();
  const { repos } = device;
  const role = await repos.roles.create(servingRole);
  const candidate = await repos.candidates.create({ name: 'Priya Raman', roleId: role.id, notes: '' });
  const interview = await repos.interviews.addToLoop(candidate.id, { interviewerName: 'Ana Lopez', plannedAt: '' });
  const draft = await repos.scorecards.openForInterview(interview.id);
  const rev1 = await repos.scorecards.submit(draft.id, contentFor(draft, REV1, 'First read.'), draft.editVersion);
  const amending = await repos.scorecards.amend(rev1.id, 'Trigger was level 2 on a second read.');
  await repos.scorecards.submit(rev1.id, contentFor(amending, REV2, 'Second read.'), amending.editVersion);
  const consensus: Consensus[] = ['trigger', 'diagnosis', 'mitigation', 'rollback', 'prevention'].map((dimensionKey, i) => ({ dimensionKey, level: REV2[i] ?? NC, rationale: '' }));
  await repos.debriefs.saveConsensus(candidate.id, consensus);
  await repos.debriefs.recordDecision(candidate.id, { decision: 'hire', decisionRationale: 'Weighed every scorecard and the consensus together; the reasons were talked through in the debrief.', decidedBy: 'Dana Whitfield', nextStep: 'Offer call' });
  const original = await exportAll(device, candidate.id, rev1.id);
  await changeAfterExport(device, true);
  const newer = await exportAll(device, candidate.id, rev1.id);
  return { original, newer };
}

/** What changed after the export: the role's title everywhere, and the decision where the format carries it. */
async function changeAfterExport(device: Device, decisionToo: boolean): Promise<void> {
  const [role] = await device.repos.roles.list();
  if (!role) throw new Error('no role');
  await device.repos.roles.update(role.id, { ...servingRole, title: NEWER_TITLE });
  if (decisionToo) {
    const [candidate] = await device.repos.candidates.list();
    if (!candidate) throw new Error('no candidate');
    await device.repos.debriefs.recordDecision(candidate.id, { decision: 'no-hire', decisionRationale: 'Weighed every scorecard and the consensus together; the reasons were talked through in the debrief.', decidedBy: 'Dana Whitfield', nextStep: 'Send the decline' });
  }
}

const carriesDebrief = (format: Format) => format === 'packet' || format === 'backup' || format === 'encrypted-backup';
const isBackup = (format: Format) => format === 'backup' || format === 'encrypted-backup';

// ——— The door, for every format alike ————————————————————————————————————————————————

type Door = { kind: 'import'; expect?: readonly FileKind[] } | { kind: 'restore' };
type Arrival = { outcome: OutcomeStatus; sentences: string[]; plan?: RestorePlan };

const defaultDoor = (format: Format): Door => (isBackup(format) ? { kind: 'restore' } : { kind: 'import' });

async function enter(device: Device, format: Format, text: string, door: Door = defaultDoor(format), restore = false): Promise<Arrival> {
  if (door.kind === 'import') {
    const result = await device.repos.imports.importFile(`${format}.loopcard.json`, text, door.expect ? { expect: door.expect } : {});
    if (result.outcome === 'rejected') expect(result.candidateId).toBeUndefined();
    return { outcome: result.outcome, sentences: [result.detail] };
  }
  const preview = await device.repos.backup.previewRestore(text, { passphrase: format === 'encrypted-backup' ? PASSPHRASE : undefined });
  if (!preview.ok) {
    expect(preview.problem).toBe('refused');
    return { outcome: 'rejected', sentences: [preview.reason] };
  }
  if (restore) expect(await device.repos.backup.restore(preview.backup)).toEqual(preview.plan);
  return { outcome: outcomeOf(preview.plan), sentences: preview.summary, plan: preview.plan };
}

/** A restore plan in the words an import uses, so both doors are held to one expectation. */
function outcomeOf(plan: RestorePlan): OutcomeStatus {
  const total = (action: RecordAction) => plan.tables.reduce((sum, t) => sum + t.counts[action], 0);
  if (total('conflict') > 0) return 'conflict';
  if (total('update') > 0) return 'updated';
  if (total('add') > 0) return 'added';
  if (total('keep-local') > 0) return 'kept-newer';
  return 'unchanged';
}

function countOf(plan: RestorePlan | undefined, table: IncomingTable, action: RecordAction): number {
  return plan?.tables.find((t) => t.table === table)?.counts[action] ?? 0;
}

/** Every row of every table, `conflicts` included: what "nothing was written" compares. */
async function snapshot(db: LoopcardDb): Promise<Record<string, unknown[]>> {
  const entries = await Promise.all(db.tables.map(async (t) => [t.name, await t.toArray()] as const));
  return Object.fromEntries(entries.sort(([a], [b]) => a.localeCompare(b)));
}

/** A message a person can read: a sentence, never a library's or the runtime's wording, never a path. */
function expectSentence(text: string, { count = false } = {}): void {
  // A restore summary's lines begin with a count ("1 role: 1 new.").
  expect(text).toMatch(count ? /^[A-Z“0-9]/ : /^[A-Z“]/);
  expect(text).toMatch(/\.$/);
  expect(text).not.toMatch(/Invalid input/i);
  expect(text).not.toMatch(/expected .* received/i);
  expect(text).not.toMatch(/Maximum call stack/i);
  // Quoted text is the file's own (a title, a key); outside quotes, no `payload.revisions.0`.
  expect(text.replace(/“[^”]*”/g, '“…”')).not.toMatch(/\b[A-Za-z_$][\w$]*(?:\.[\w$]+)+/);
  // Text from the file is shown without invisible characters, so no bidi control can reorder the
  // sentence (the rule incoming-scorecard.ts's `shown` applies to every name it quotes).
  expect(text).not.toMatch(/[\p{Default_Ignorable_Code_Point}\u202A-\u202E\u2066-\u2069]/u);
}

// ——— The cases ——————————————————————————————————————————————————————————————————————

type Target =
  /** A device with nothing on it. */
  | 'fresh'
  /** A device that already took in the original file of the same format. */
  | 'holds-original'
  /** That device, after its role title (and decision) changed; the file is the original. */
  | 'changed-after-export'
  /** That device, while the file is the export made after the change. */
  | 'holds-older';

type Expectation =
  | { refused: RegExp | ((format: Format) => RegExp) }
  | { outcome: 'kept-newer' | 'updated'; backupAction: 'keep-local' | 'update' };

type Case = {
  name: string;
  formats: readonly Format[];
  target?: Target;
  seal?: Seal;
  forge?: Forge;
  /** The wrong door for a format, for files given to the wrong importer. */
  door?: (format: Format) => Door;
  expect: Expectation;
  /** Formats where the rule is not enforced, and why it should be (the cell is `it.fails`). */
  fails?: Partial<Record<Format, string>>;
};

const each = (cards: readonly Scorecard[], change: (card: Scorecard) => void) => {
  expect(cards.length).toBeGreaterThan(0);
  for (const card of cards) change(card);
};
const rating = (card: Scorecard, key: string) => {
  const found = card.ratings.find((r) => r.dimensionKey === key);
  if (!found) throw new Error(`no rating ${key}`);
  return found;
};
const rev1 = (file: ForgeView) => file.revision(1);
const illegal = (revision: number, problem: string) => new RegExp(`^Ana Lopez’s scorecard, revision ${revision}, is not a legal submission: ${problem}\\. Ask Ana Lopez to export the scorecard again from their device\\.`);

const CASES: Case[] = [
  // 1. Altered content under the old hash.
  {
    name: 'evidence changed, no hash recomputed',
    formats: WITH_REVISIONS,
    seal: 'none',
    forge: (file) => each(rev1(file), (card) => void (rating(card, 'trigger').evidence += ' (and I personally led the postmortem)')),
    expect: { refused: /checksum does not match its contents/ },
  },
  {
    name: 'evidence changed, the file’s checksum recomputed but not the revision’s hash',
    formats: WITH_REVISIONS,
    seal: 'outer',
    forge: (file) => each(rev1(file), (card) => void (rating(card, 'trigger').evidence += ' (and I personally led the postmortem)')),
    expect: { refused: /^Ana Lopez’s scorecard for Priya Raman, revision 1 was changed after it was submitted: its content no longer matches its hash\./ },
  },
  {
    name: 'a role edited with its revision left as it was, the file’s checksum recomputed',
    formats: ALL,
    seal: 'outer',
    forge: (file) => void (file.roles[0] && (file.roles[0].title = 'Principal MLOps Engineer')),
    expect: { refused: /^In the file, the role “Principal MLOps Engineer” does not match its own revision: it was changed after it was saved\./ },
  },

  // 2. Every hash consistent, a rule broken.
  {
    name: 'a rated dimension with whitespace-only evidence',
    formats: WITH_REVISIONS,
    forge: (file) => each(rev1(file), (card) => void (rating(card, 'trigger').evidence = ' \n\t\u00a0 ')),
    expect: { refused: illegal(1, 'Trigger is rated 3 with no evidence') },
  },
  {
    name: 'an unanswered dimension (level null)',
    formats: WITH_REVISIONS,
    forge: (file) => each(rev1(file), (card) => void (rating(card, 'diagnosis').level = null)),
    expect: { refused: illegal(1, 'Diagnosis has neither a level nor “not covered”') },
  },
  {
    name: 'a submitted revision without a recommendation',
    formats: WITH_REVISIONS,
    forge: (file) => each(rev1(file), (card) => void (card.recommendation = null)),
    expect: { refused: illegal(1, 'it has no overall recommendation') },
  },
  {
    name: 'a missing dimension rating',
    formats: WITH_REVISIONS,
    forge: (file) => each(rev1(file), (card) => void (card.ratings = card.ratings.filter((r) => r.dimensionKey !== 'mitigation'))),
    expect: { refused: illegal(1, 'it has no answer for Mitigation') },
  },
  {
    name: 'a duplicated dimension key',
    formats: WITH_REVISIONS,
    forge: (file) => each(rev1(file), (card) => void (rating(card, 'diagnosis').dimensionKey = 'trigger')),
    expect: { refused: illegal(1, 'it rates Trigger twice') },
  },
  {
    name: 'an unknown dimension key',
    formats: WITH_REVISIONS,
    forge: (file) => each(rev1(file), (card) => void (rating(card, 'rollback').dimensionKey = 'culture-fit')),
    expect: { refused: illegal(1, 'it rates “culture-fit”, which is not a dimension of “Production incident review”') },
  },
  {
    name: 'an unknown red flag',
    formats: WITH_REVISIONS,
    forge: (file) => each(rev1(file), (card) => void card.redFlags.push({ key: 'too-quiet', note: 'Did not laugh at my jokes.' })),
    expect: { refused: illegal(1, 'it raises the red flag “too-quiet”, which “Production incident review” does not have') },
  },
  {
    name: 'a repeated red flag',
    formats: WITH_REVISIONS,
    forge: (file) => each(rev1(file), (card) => void card.redFlags.push({ key: 'no-prevention', note: 'Still no postmortem.' })),
    expect: { refused: illegal(1, 'it raises the red flag “No prevention” twice') },
  },
  {
    name: 'revision 2 without an amend reason',
    formats: WITH_REVISIONS,
    forge: (file) => each(file.revision(2), (card) => void (card.amendReason = '')),
    expect: { refused: illegal(2, 'it amends revision 1 without saying why') },
  },
  {
    name: 'a revision submitted in year 9999',
    formats: WITH_REVISIONS,
    forge: (file) => each(rev1(file), (card) => void (card.submittedAt = '9999-12-31T23:59:59.999Z')),
    expect: { refused: illegal(1, 'its submission time is 9999-12-31, more than a day ahead of this device’s clock') },
  },
  {
    name: 'a revision created in year 0000',
    formats: WITH_REVISIONS,
    forge: (file) => each(rev1(file), (card) => void (card.createdAt = '0000-01-01T00:00:00.000Z')),
    expect: { refused: illegal(1, 'its creation time is 0000-01-01, before Loopcard existed \\(1 January 2020\\)') },
  },
  {
    name: 'a candidate created and changed in year 9999',
    formats: ALL,
    forge: (file) => {
      for (const candidate of file.candidates) Object.assign(candidate, { createdAt: '9999-12-31T23:59:59.999Z', updatedAt: '9999-12-31T23:59:59.999Z' });
    },
    expect: { refused: /^In the file, the candidate Priya Raman has a date that is 9999-12-31, more than a day ahead of this device’s clock\. Ask for a fresh export\./ },
  },
  {
    name: 'an interview created in year 0000',
    formats: ALL,
    forge: (file) => {
      for (const interview of file.interviews) interview.createdAt = '0000-01-01T00:00:00.000Z';
    },
    expect: { refused: /^In the file, Ana Lopez’s interview with Priya Raman has a date that is 0000-01-01, before Loopcard existed \(1 January 2020\)\. Ask for a fresh export\./ },
  },
  {
    name: 'submittedAt before createdAt',
    formats: WITH_REVISIONS,
    forge: (file) => each(rev1(file), (card) => void (card.submittedAt = '2026-11-01T09:00:00.000Z')),
    expect: { refused: illegal(1, 'it was submitted before it was created') },
  },
  {
    name: 'an interviewer name made only of zero-width characters',
    formats: ALL,
    forge: (file) => {
      const invisible = '\u200b\u200c\u200d\u2060';
      for (const interview of file.interviews) interview.interviewerName = invisible;
      for (const card of file.scorecards) card.interviewerName = invisible;
    },
    expect: { refused: /(interviewer name is required|no interviewer)/i },
  },
  {
    name: 'a built-in rubric version 2 that Loopcard never shipped',
    formats: ALL,
    forge: (file) => {
      const rubric = file.rubrics[0];
      if (!rubric) throw new Error('no rubric');
      Object.assign(rubric, { version: 2, title: 'Production incident review, 2027', builtIn: true });
      const ref = { id: rubric.id, version: 2 };
      for (const row of [...file.roles, ...file.interviews, ...file.scorecards]) row.rubric = { ...ref };
    },
    expect: { refused: /^The rubric “Production incident review, 2027”, version 2, says it is built into Loopcard, but this copy of Loopcard never shipped that version\./ },
  },

  // 3. The same identifier, different immutable content.
  {
    name: 'revision 1 with other evidence, arriving where the original is',
    formats: WITH_REVISIONS,
    target: 'holds-original',
    forge: (file) => each(rev1(file), (card) => void (rating(card, 'mitigation').evidence = 'Drained the canary and paged the vendor.')),
    expect: { refused: /^Ana Lopez’s scorecard for Priya Raman, revision 1 differs from the one on this device\. A submitted revision never changes; an amendment is a new revision\./ },
  },

  // 4. An older copy of a mutable record.
  {
    name: 'the file older than this device’s role title (and decision)',
    formats: ALL,
    target: 'changed-after-export',
    expect: { outcome: 'kept-newer', backupAction: 'keep-local' },
  },

  // 5. A newer copy.
  {
    name: 'the file newer than this device’s role title (and decision)',
    formats: ALL,
    target: 'holds-older',
    expect: { outcome: 'updated', backupAction: 'update' },
  },

  // 6. A key that could reach a prototype, deep inside.
  {
    name: '“__proto__” deep inside a rating (an interview, in a loop file)',
    formats: ALL,
    forge: (file) => {
      file.editText((json) => {
        const deep = file.format === 'loop' ? /"interviewerName": "Ana Lopez"/ : /"dimensionKey": "trigger"/;
        expect(json).toMatch(deep);
        return json.replace(deep, (found) => `"__proto__": { "isAdmin": true }, ${found}`);
      });
    },
    expect: { refused: /^The file contains a key named “__proto__”, which Loopcard never writes\./ },
  },

  // Outside the checksum: the envelope's own header.
  {
    name: 'an app version longer than Loopcard ever writes, in the envelope',
    formats: ALL,
    forge: (file) => file.editEnvelope((envelope) => void (envelope.app = { name: 'Loopcard', version: '9'.repeat(41) })),
    expect: { refused: /does not match (its|the backup) format/ },
  },

  // 7. A file given to the wrong importer.
  {
    name: 'given to the wrong importer',
    formats: ALL,
    door: (format) => (format === 'packet' ? { kind: 'import', expect: ['loop'] } : isBackup(format) ? { kind: 'import' } : { kind: 'restore' }),
    expect: {
      refused: (format) =>
        ({
          scorecard: /^This is a Loopcard scorecard file, not a backup\./,
          loop: /^This is a Loopcard loop file, not a backup\./,
          packet: /^This is a Loopcard decision packet, not a loop file\. Gather it under Debrief\./,
          backup: /^This is a Loopcard backup, not a .*\. Restore it under Data\./,
          'encrypted-backup': /^This is a Loopcard backup, not a .*\. Restore it under Data\./,
        })[format],
    },
  },
];

// ——— The table, run ———————————————————————————————————————————————————————————————————

let files: { original: Files; newer: Files };
beforeAll(async () => {
  files = await sourceFiles();
}, SLOW);

/** The device the file arrives on, as the case describes it. */
async function targetFor(format: Format, target: Target): Promise<Device> {
  const device = freshDb();
  if (target === 'fresh') return device;
  const first = await enter(device, format, files.original[format], defaultDoor(format), true);
  expect(first.outcome).toBe('added');
  if (target === 'changed-after-export') await changeAfterExport(device, carriesDebrief(format));
  return device;
}

async function fileFor(format: Format, c: Case): Promise<string> {
  const text = c.target === 'holds-older' ? files.newer[format] : files.original[format];
  return c.forge ? forgeFile(format, text, c.forge, c.seal ?? 'all', PASSPHRASE) : text;
}

describe('every hostile file, through every format that can carry it', () => {
  for (const c of CASES) {
    describe(c.name, () => {
      for (const format of c.formats) {
        const test = c.fails?.[format] ? it.fails : it;
        test(FORMAT_NAMES[format], async () => {
          const device = await targetFor(format, c.target ?? 'fresh');
          const text = await fileFor(format, c);
          const before = await snapshot(device.db);
          const arrival = await enter(device, format, text, c.door?.(format) ?? defaultDoor(format), true);

          if ('refused' in c.expect) {
            expect(arrival.outcome).toBe('rejected');
            expect(arrival.sentences[0]).toMatch(typeof c.expect.refused === 'function' ? c.expect.refused(format) : c.expect.refused);
            if (isBackup(format) && (c.door?.(format) ?? defaultDoor(format)).kind === 'restore') expect(arrival.sentences[0]).toMatch(/Nothing was restored\.$/);
            expect(await snapshot(device.db)).toEqual(before);
          } else {
            await expectOutcome(device, format, arrival, c.expect, before);
          }
          // Last, so a cell marked `it.fails` fails for its message alone.
          for (const sentence of arrival.sentences) expectSentence(sentence, { count: arrival.plan !== undefined });
        }, SLOW);
      }
    });
  }
});

/** A file that is not refused: the newer value is on the device afterwards, whichever copy came last. */
async function expectOutcome(device: Device, format: Format, arrival: Arrival, expected: Extract<Expectation, { outcome: string }>, before: Record<string, unknown[]>): Promise<void> {
  expect(arrival.outcome).toBe(expected.outcome);
  if (isBackup(format)) {
    expect(countOf(arrival.plan, 'roles', expected.backupAction)).toBe(1);
    expect(countOf(arrival.plan, 'debriefs', expected.backupAction)).toBe(1);
  }
  const [role] = await device.repos.roles.list();
  expect(role?.title).toBe(NEWER_TITLE);
  if (carriesDebrief(format)) {
    const [candidate] = await device.repos.candidates.list();
    expect((await device.repos.debriefs.getByCandidate(candidate?.id ?? ''))?.decision).toBe('no-hire');
  }
  if (expected.outcome === 'kept-newer') {
    expect(arrival.sentences.join(' ')).toMatch(isBackup(format) ? /older than this device’s copy, which is kept/ : /Kept this device’s newer version of the role/);
    expect(await snapshot(device.db)).toEqual(before);
  }
  expect(await device.db.table('conflicts').count()).toBe(0);
}
