import { beforeAll, describe, expect, it } from 'vitest';
import plainFixture from '../fixtures/backup-v1.loopcard.json?raw';
import encryptedFixture from '../fixtures/backup-v1-encrypted.loopcard.json?raw';
import { createBackupRepository, type VerifiedBackup } from '../../src/data/backup-repository';
import { base64ToBytes, bytesToBase64 } from '../../src/data/backup-crypto';
import { sha256OfCanonical } from '../../src/data/hash';
import { ConflictError, ValidationError } from '../../src/data/validation';
import type { LoopcardDb } from '../../src/data/db';
import {
  BACKUP_CHECKSUM_MESSAGE,
  BACKUP_TABLES,
  BACKUP_WRONG_PASSPHRASE_MESSAGE,
  describeRestorePlan,
  exceedsBackupSize,
  readBackupHeader,
  utf8ByteLength,
  type PlainBackup,
  type RestorePlan,
} from '../../src/domain/backup-file';
import type { Consensus } from '../../src/domain/debrief';
import { NOT_COVERED } from '../../src/domain/rubric';
import { contentOf, type Scorecard, type ScorecardContent } from '../../src/domain/scorecard';
import { servingRole } from '../fixtures/roles';
import { freshDb } from '../helpers/db';

const NOW = new Date('2026-11-02T09:00:00Z');
const PASSPHRASE = 'correct horse battery staple';
/** The passphrase the frozen encrypted fixture was made with. */
const FIXTURE_PASSPHRASE = 'frozen fixture passphrase';
/** Every encrypted case derives a key with PBKDF2 at 600,000 rounds: a fraction of a second each. */
const SLOW = 20_000;

function backupsOf(db: LoopcardDb, now = NOW) {
  return createBackupRepository({ db, now: () => now, newId: () => crypto.randomUUID() });
}

/** Every row of every table, in primary-key order (what Dexie's toArray gives). */
async function snapshot(db: LoopcardDb) {
  const entries = await Promise.all(BACKUP_TABLES.map(async (table) => [table, await db.table(table).toArray()] as const));
  return Object.fromEntries(entries) as Record<(typeof BACKUP_TABLES)[number], unknown[]>;
}

function completeContent(card: Scorecard): ScorecardContent {
  return {
    ...contentOf(card),
    ratings: card.ratings.map((r) =>
      r.dimensionKey === 'prevention' ? { ...r, level: NOT_COVERED, evidence: '' } : { ...r, level: 3, evidence: `On ${r.dimensionKey}: paged at 02:10, owned the rollback.` },
    ),
    recommendation: 'yes',
    takeaways: 'Operator, not a model builder.',
  };
}

/**
 * A device with a bit of everything: a role, a decided candidate with two submitted scorecards, a
 * second candidate with a draft that ends mid-sentence, and the interviewer's name in settings.
 */
async function populated() {
  const device = freshDb();
  const { repos } = device;
  const role = await repos.roles.create(servingRole);
  const priya = await repos.candidates.create({ name: 'Priya Raman', roleId: role.id, notes: 'On-call for a KServe fleet.' });
  for (const interviewerName of ['Ana Lopez', 'Ben Okafor']) {
    const interview = await repos.interviews.addToLoop(priya.id, { interviewerName, plannedAt: '2026-11-03T10:00' });
    const card = await repos.scorecards.openForInterview(interview.id);
    await repos.scorecards.submit(card.id, completeContent(card), card.editVersion);
  }
  const consensus: Consensus[] = [
    ...['trigger', 'diagnosis', 'mitigation', 'rollback'].map((dimensionKey) => ({ dimensionKey, level: 3 as const, rationale: '' })),
    { dimensionKey: 'prevention', level: NOT_COVERED, rationale: '' },
  ];
  await repos.debriefs.saveConsensus(priya.id, consensus);
  await repos.debriefs.recordDecision(priya.id, { decision: 'hire', decidedBy: 'Dana Whitfield', nextStep: 'Offer call' });
  const linh = await repos.candidates.create({ name: 'Linh Nguyễn', roleId: role.id, notes: '' });
  const karel = await repos.interviews.addToLoop(linh.id, { interviewerName: 'Karel Dvořák', plannedAt: '' });
  const draft = await repos.scorecards.openForInterview(karel.id);
  await repos.scorecards.saveDraft(draft.id, { ...contentOf(draft), takeaways: 'Strong on the rollback, but the ' }, draft.editVersion);
  await repos.settings.setInterviewerName('Dana Whitfield');
  return { ...device, role, priya, linh, backups: backupsOf(device.db) };
}

/** A device that already holds something of its own, to prove a refused restore leaves it alone. */
async function otherDevice() {
  const device = freshDb();
  // Its own id, as another device's would be (freshDb's ids start at id-1 on every device).
  const stamp = '2026-10-30T08:00:00.000Z';
  await device.db.roles.add({ ...servingRole, id: 'role-elsewhere', title: 'MLOps Engineer, Pipelines', lane: 'pipeline-owner', mandate: 'Own model promotion pipelines and feature reuse.', createdAt: stamp, updatedAt: stamp });
  return { ...device, backups: backupsOf(device.db) };
}

type Refusal = { ok: false; problem: string; reason: string };

function refusalOf(preview: { ok: true } | Refusal): Refusal {
  if (preview.ok) throw new Error('expected the backup to be refused, but it was accepted');
  return preview;
}

function verifiedOf(preview: { ok: true; backup: VerifiedBackup } | Refusal): VerifiedBackup {
  if (!preview.ok) throw new Error(`expected the backup to be accepted, but: ${preview.reason}`);
  return preview.backup;
}

async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject, but it resolved');
}

/** A plain backup edited and given a fresh checksum, as someone editing the file by hand would. */
async function rehashed(json: string, edit: (file: PlainBackup) => void): Promise<string> {
  const file = JSON.parse(json) as PlainBackup;
  edit(file);
  file.sha256 = await sha256OfCanonical(file.content);
  return JSON.stringify(file);
}

function planOf(plan: RestorePlan, table: (typeof BACKUP_TABLES)[number]) {
  const { table: _table, ...counts } = plan.tables.find((t) => t.table === table) ?? { table };
  return counts;
}

describe('a plain backup', () => {
  it('restores an identical database on a fresh device', async () => {
    const source = await populated();
    const { json, fileName, encrypted } = await source.backups.exportBackup({ appVersion: '0.1.0' });
    expect(fileName).toBe('loopcard-backup-2026-11-02.loopcard.json');
    expect(encrypted).toBe(false);

    const target = freshDb();
    const backups = backupsOf(target.db);
    const preview = await backups.previewRestore(json);
    const verified = verifiedOf(preview);
    expect(verified.header).toEqual({ version: 1, exportedAt: '2026-11-02T09:00:00.000Z', appVersion: '0.1.0', encryption: null });
    expect(planOf(verified.plan, 'candidates')).toEqual({ inBackup: 2, added: 2, replacedChanged: 0, replacedSame: 0, kept: 0 });
    // Every database starts with the built-in rubric: the backup's copy is the same row.
    expect(planOf(verified.plan, 'rubrics')).toEqual({ inBackup: 1, added: 0, replacedChanged: 0, replacedSame: 1, kept: 0 });
    expect(verified.plan.totals).toEqual({ inBackup: 14, added: 13, replacedChanged: 0, replacedSame: 1, kept: 0 });

    await backups.restore(verified);
    expect(await snapshot(target.db)).toEqual(await snapshot(source.db));
  });

  it('shows its header without a passphrase', async () => {
    const source = await populated();
    const { json } = await source.backups.exportBackup({ appVersion: '0.1.0' });
    expect(readBackupHeader(json)).toEqual({ ok: true, value: { version: 1, exportedAt: '2026-11-02T09:00:00.000Z', appVersion: '0.1.0', encryption: null } });
  });

  it('restores the frozen version 1 file', async () => {
    const target = freshDb();
    const backups = backupsOf(target.db);
    const verified = verifiedOf(await backups.previewRestore(plainFixture));
    expect(verified.plan.totals).toEqual({ inBackup: 11, added: 10, replacedChanged: 0, replacedSame: 1, kept: 0 });
    await backups.restore(verified);
    expect(await target.repos.candidates.list()).toEqual([expect.objectContaining({ name: 'Sofía Castaño' })]);
    expect(await target.repos.settings.getInterviewerName()).toBe('Dana Whitfield');
  });
});

describe('an encrypted backup', () => {
  let source: Awaited<ReturnType<typeof populated>>;
  let sealed: string;
  beforeAll(async () => {
    source = await populated();
    sealed = (await source.backups.exportBackup({ appVersion: '0.1.0', passphrase: PASSPHRASE })).json;
  }, SLOW);

  it('restores an identical database with the passphrase', async () => {
    const target = freshDb();
    const backups = backupsOf(target.db);
    expect(refusalOf(await backups.previewRestore(sealed))).toEqual({ ok: false, problem: 'passphrase-needed', reason: 'This backup is protected by a passphrase. Enter it to restore.' });
    await backups.restore(verifiedOf(await backups.previewRestore(sealed, { passphrase: PASSPHRASE })));
    expect(await snapshot(target.db)).toEqual(await snapshot(source.db));
  }, SLOW);

  it('says how it was sealed in its header, shows nothing of the content, and is sealed afresh each time', async () => {
    const file = JSON.parse(sealed) as Record<string, unknown> & { encryption: { salt: string; iv: string }; ciphertext: string };
    expect(Object.keys(file)).toEqual(['format', 'version', 'exportedAt', 'app', 'encryption', 'ciphertext']);
    expect(file.encryption).toEqual({ algorithm: 'AES-256-GCM', kdf: 'PBKDF2-SHA256', iterations: 600_000, salt: expect.any(String), iv: expect.any(String) });
    expect(base64ToBytes(file.encryption.salt)).toHaveLength(16);
    expect(base64ToBytes(file.encryption.iv)).toHaveLength(12);
    expect(sealed).not.toMatch(/Priya|Dana|sha256/);

    const again = await source.backups.exportBackup({ appVersion: '0.1.0', passphrase: PASSPHRASE });
    expect(again.fileName).toBe('loopcard-backup-encrypted-2026-11-02.loopcard.json');
    const second = JSON.parse(again.json) as typeof file;
    expect(second.encryption.salt).not.toBe(file.encryption.salt);
    expect(second.encryption.iv).not.toBe(file.encryption.iv);
    expect(second.ciphertext).not.toBe(file.ciphertext);
    expect(readBackupHeader(again.json)).toEqual({ ok: true, value: { version: 1, exportedAt: '2026-11-02T09:00:00.000Z', appVersion: '0.1.0', encryption: second.encryption } });
  }, SLOW);

  it('with the wrong passphrase says so and writes nothing', async () => {
    const target = await otherDevice();
    const before = await snapshot(target.db);
    expect(refusalOf(await target.backups.previewRestore(sealed, { passphrase: 'correct horse battery stapler' }))).toEqual({
      ok: false,
      problem: 'wrong-passphrase',
      reason: 'The passphrase is wrong, or the file was changed after it was made. Nothing was restored.',
    });
    expect(await snapshot(target.db)).toEqual(before);
  }, SLOW);

  it('with one byte of the ciphertext flipped, or its date changed on the outside, gives the same message and writes nothing', async () => {
    const target = await otherDevice();
    const before = await snapshot(target.db);
    const file = JSON.parse(sealed) as { exportedAt: string; ciphertext: string };
    const bytes = base64ToBytes(file.ciphertext);
    bytes[100] = (bytes[100] ?? 0) ^ 0x80;
    const flipped = JSON.stringify({ ...file, ciphertext: bytesToBase64(bytes) });
    const redated = JSON.stringify({ ...file, exportedAt: '2026-12-24T09:00:00.000Z' });
    for (const tampered of [flipped, redated]) {
      expect(refusalOf(await target.backups.previewRestore(tampered, { passphrase: PASSPHRASE })).reason).toBe(BACKUP_WRONG_PASSPHRASE_MESSAGE);
    }
    expect(await snapshot(target.db)).toEqual(before);
  }, SLOW);

  it('restores the frozen version 1 file with its passphrase', async () => {
    const target = freshDb();
    const backups = backupsOf(target.db);
    await backups.restore(verifiedOf(await backups.previewRestore(encryptedFixture, { passphrase: FIXTURE_PASSPHRASE })));
    const plain = freshDb();
    await backupsOf(plain.db).restore(verifiedOf(await backupsOf(plain.db).previewRestore(plainFixture)));
    expect(await snapshot(target.db)).toEqual(await snapshot(plain.db));
  }, SLOW);
});

describe('a damaged or foreign file', () => {
  let json: string;
  beforeAll(async () => {
    json = (await (await populated()).backups.exportBackup({ appVersion: '0.1.0' })).json;
  });

  const cases: [string, (json: string) => string | Promise<string>, string | RegExp][] = [
    ['cut short', (text) => text.slice(0, Math.floor(text.length / 2)), 'The file is not valid JSON: it may be cut short or damaged. Ask for it to be exported again. Nothing was restored.'],
    [
      'a changed field under the old checksum',
      (text) => {
        const file = JSON.parse(text) as PlainBackup;
        const [first] = file.content.tables.candidates;
        if (first) first.notes = 'Edited by hand.';
        return JSON.stringify(file);
      },
      BACKUP_CHECKSUM_MESSAGE,
    ],
    ['an unknown key in the envelope', (text) => JSON.stringify({ ...(JSON.parse(text) as object), comment: 'hi' }), /^The file does not match the backup format \(.*comment.*\)\. It may have been edited by hand or damaged\. Nothing was restored\.$/],
    [
      'an unknown key in a row',
      (text) =>
        rehashed(text, (file) => {
          Object.assign(file.content.tables.candidates[0] ?? {}, { salary: 250_000 });
        }),
      /^Candidate 1 in the backup \(“Priya Raman”\) is not valid: .*salary.* Nothing was restored\.$/,
    ],
    ['a __proto__ key', (text) => text.replace('"format":', '"__proto__": { "polluted": true }, "format":'), 'The file contains a key named “__proto__”, which Loopcard never writes. It was not imported. Nothing was restored.'],
    ['a newer format version', (text) => JSON.stringify({ ...(JSON.parse(text) as object), version: 2 }), /made by a newer version of Loopcard .*Update Loopcard on this device/],
    [
      'rows from a newer database',
      (text) =>
        rehashed(text, (file) => {
          file.content.databaseVersion = 99;
        }),
      'This backup was made by a newer version of Loopcard, whose records this version cannot hold. Update Loopcard on this device, then restore it again. Nothing was restored.',
    ],
    ['another app’s file', () => JSON.stringify({ type: 'excalidraw', version: 2, elements: [] }), 'This is not a Loopcard backup: it has no format and version. Nothing was restored.'],
    ['another format', () => JSON.stringify({ format: 'tldraw', version: 1 }), 'This is not a Loopcard backup (its format is “tldraw”). Nothing was restored.'],
    ['a Loopcard scorecard file', () => JSON.stringify({ format: 'loopcard.scorecard', version: 1 }), 'This is a Loopcard scorecard file, not a backup. Nothing was restored.'],
    [
      'the same row twice',
      (text) =>
        rehashed(text, (file) => {
          const [first] = file.content.tables.candidates;
          if (first) file.content.tables.candidates.push(first);
        }),
      'The backup lists the same candidate twice (“id-2”). It may have been edited by hand. Nothing was restored.',
    ],
    [
      'a device-only setting',
      (text) =>
        rehashed(text, (file) => {
          file.content.tables.settings.push({ key: 'lastBackupAt', value: '2020-01-01T00:00:00.000Z' });
        }),
      /^Setting 2 in the backup \(“lastBackupAt”\) is not valid: key: This setting belongs to one device and is never part of a backup\. Nothing was restored\.$/,
    ],
  ];

  it.each(cases)('(%s) is refused in plain words and nothing is written', async (_name, damage, reason) => {
    const target = await otherDevice();
    const before = await snapshot(target.db);
    const preview = refusalOf(await target.backups.previewRestore(await damage(json)));
    expect(preview.problem).toBe('refused');
    if (typeof reason === 'string') expect(preview.reason).toBe(reason);
    else expect(preview.reason).toMatch(reason);
    expect(await snapshot(target.db)).toEqual(before);
  });

  it('refuses a row that fails its schema, naming the table and the row, and writes nothing', async () => {
    const target = await otherDevice();
    const before = await snapshot(target.db);
    const badBand = await rehashed(json, (file) => {
      const [role] = file.content.tables.roles;
      if (role) role.compBand.min = 400_000;
    });
    expect(refusalOf(await target.backups.previewRestore(badBand)).reason).toBe(
      'Role 1 in the backup (“Senior MLOps Engineer, Serving”) is not valid: compBand.max: The maximum must be at least the minimum. Nothing was restored.',
    );
    const blankName = await rehashed(json, (file) => {
      const second = file.content.tables.candidates[1];
      if (second) second.name = '   ';
    });
    expect(refusalOf(await target.backups.previewRestore(blankName)).reason).toBe('Candidate 2 in the backup (“id-8”) is not valid: name: Name is required. Nothing was restored.');
    expect(await snapshot(target.db)).toEqual(before);
  });

  it('refuses a backup whose rows point at a role that is neither in it nor on this device, and accepts it where the role is', async () => {
    const source = await populated();
    const withoutRoles = await rehashed((await source.backups.exportBackup({ appVersion: '0.1.0' })).json, (file) => {
      file.content.tables.roles = [];
    });
    const target = await otherDevice();
    const before = await snapshot(target.db);
    expect(refusalOf(await target.backups.previewRestore(withoutRoles)).reason).toBe(
      'The backup is incomplete: the candidate “Priya Raman” belongs to a role that is neither in the backup nor on this device. Nothing was restored.',
    );
    expect(await snapshot(target.db)).toEqual(before);
    const verified = verifiedOf(await source.backups.previewRestore(withoutRoles));
    expect(planOf(verified.plan, 'roles')).toEqual({ inBackup: 0, added: 0, replacedChanged: 0, replacedSame: 0, kept: 1 });
  });

  it('refuses a scorecard for an interview that already has a different scorecard here, before the database would', async () => {
    const source = await populated();
    const { json: backup } = await source.backups.exportBackup({ appVersion: '0.1.0' });
    const target = freshDb();
    const backups = backupsOf(target.db);
    await backups.restore(verifiedOf(await backups.previewRestore(backup)));
    // Karel's draft, recreated on this device under another id (as a second device would).
    const draft = (await target.db.scorecards.toArray()).find((s) => s.interviewerName === 'Karel Dvořák');
    if (!draft) throw new Error('no draft');
    await target.db.scorecards.delete(draft.id);
    await target.db.scorecards.add({ ...draft, id: 'card-from-elsewhere' });
    const before = await snapshot(target.db);
    expect(refusalOf(await backups.previewRestore(backup)).reason).toBe(
      'Karel Dvořák’s scorecard in the backup is for an interview that already has a different scorecard on this device: one scorecard per interview. Nothing was restored.',
    );
    expect(await snapshot(target.db)).toEqual(before);
  });
});

describe('restoring onto a device that already has some of the rows', () => {
  it('counts what is added, replaced and kept, and leaves the backup’s rows and the device’s own', async () => {
    const device = await populated();
    const { json } = await device.backups.exportBackup({ appVersion: '0.1.0' });
    const inBackup = await snapshot(device.db);
    await device.backups.recordBackupSaved('2026-11-02T09:00:00.000Z');
    const edited = await device.repos.candidates.update(device.priya.id, { name: 'Priya Raman', roleId: device.role.id, notes: 'Edited after the backup.' });
    const mo = await device.repos.candidates.create({ name: 'Mo Farah', roleId: device.role.id, notes: '' });
    expect(edited.notes).toBe('Edited after the backup.');

    const preview = await device.backups.previewRestore(json);
    const verified = verifiedOf(preview);
    expect(planOf(verified.plan, 'candidates')).toEqual({ inBackup: 2, added: 0, replacedChanged: 1, replacedSame: 1, kept: 1 });
    expect(planOf(verified.plan, 'roles')).toEqual({ inBackup: 1, added: 0, replacedChanged: 0, replacedSame: 1, kept: 0 });
    // The device-only lastBackupAt is neither in the backup nor counted as kept.
    expect(planOf(verified.plan, 'settings')).toEqual({ inBackup: 1, added: 0, replacedChanged: 0, replacedSame: 1, kept: 0 });
    expect(preview.ok && preview.summary).toEqual([
      '1 role: 1 already here unchanged.',
      '2 candidates: 1 replaces a different version on this device, 1 already here unchanged.',
      '1 rubric: 1 already here unchanged.',
      '3 interviews: 3 already here unchanged.',
      '3 scorecards: 3 already here unchanged.',
      '2 submitted scorecard revisions: 2 already here unchanged.',
      '1 debrief: 1 already here unchanged.',
      '1 setting: 1 already here unchanged.',
      '1 record on this device is not in the backup and will be kept.',
    ]);

    const applied = await device.backups.restore(verified);
    expect(applied).toEqual(verified.plan);
    const after = await snapshot(device.db);
    const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : 1);
    expect(after.candidates).toEqual([...(inBackup.candidates as { id: string }[]), mo].sort(byId));
    for (const table of BACKUP_TABLES.filter((t) => t !== 'candidates' && t !== 'settings')) expect(after[table]).toEqual(inBackup[table]);
    expect(after.settings).toEqual([...inBackup.settings, { key: 'lastBackupAt', value: '2026-11-02T09:00:00.000Z' }]);
  });

  it('writes nothing if the device changed between the preview and the restore', async () => {
    const source = await populated();
    const { json } = await source.backups.exportBackup({ appVersion: '0.1.0' });
    const target = await otherDevice();
    const verified = verifiedOf(await target.backups.previewRestore(json));
    await target.repos.candidates.create({ name: 'Added meanwhile', roleId: (await target.repos.roles.list())[0]?.id ?? '', notes: '' });
    const before = await snapshot(target.db);
    const error = await rejectionOf(target.backups.restore(verified));
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as Error).message).toBe('Records on this device changed since the backup was checked. Check the backup again to see what it would change. Nothing was restored.');
    expect(await snapshot(target.db)).toEqual(before);
  });

  it('restores only what previewRestore checked', async () => {
    const { backups, db } = await populated();
    const verified = verifiedOf(await backups.previewRestore((await backups.exportBackup({ appVersion: '0.1.0' })).json));
    await expect(backups.restore({ ...verified })).rejects.toThrow('Only a backup checked by previewRestore can be restored.');
    expect(Object.isFrozen(verified)).toBe(true);
    // The receipt carries no rows to tamper with; the checked ones stay inside the repository.
    expect(Object.keys(verified)).toEqual(['header', 'plan']);
    expect((await snapshot(db)).roles).toHaveLength(1);
  });

  it('describes an empty backup and a fresh device in sentences', () => {
    const empty: RestorePlan = {
      tables: BACKUP_TABLES.map((table) => ({ table, inBackup: 0, added: 0, replacedChanged: 0, replacedSame: 0, kept: 0 })),
      totals: { inBackup: 0, added: 0, replacedChanged: 0, replacedSame: 0, kept: 0 },
    };
    expect(describeRestorePlan(empty)).toEqual(['The backup is empty: nothing would change.']);
  });
});

describe('the last backup date', () => {
  it('is recorded when a backup was saved, never moves backwards, stays out of backups and survives a restore', async () => {
    const source = await populated();
    expect(await source.backups.lastBackupAt()).toBeNull();
    const { json, exportedAt } = await source.backups.exportBackup({ appVersion: '0.1.0' });
    // Exporting alone does not count: the person may still cancel the save.
    expect(await source.backups.lastBackupAt()).toBeNull();
    await expect(source.backups.recordBackupSaved(exportedAt)).resolves.toBe('2026-11-02T09:00:00.000Z');
    expect(await source.backups.lastBackupAt()).toBe('2026-11-02T09:00:00.000Z');
    await expect(source.backups.recordBackupSaved('2026-10-01T09:00:00.000Z')).resolves.toBe('2026-11-02T09:00:00.000Z');
    expect(await source.backups.lastBackupAt()).toBe('2026-11-02T09:00:00.000Z');
    await expect(source.backups.recordBackupSaved('yesterday')).rejects.toBeInstanceOf(ValidationError);

    const later = await backupsOf(source.db, new Date('2026-11-09T09:00:00Z')).exportBackup({ appVersion: '0.1.0' });
    expect(later.json).not.toContain('lastBackupAt');

    const target = await otherDevice();
    await target.backups.recordBackupSaved('2026-11-05T12:00:00.000Z');
    await target.backups.restore(verifiedOf(await target.backups.previewRestore(json)));
    expect(await target.backups.lastBackupAt()).toBe('2026-11-05T12:00:00.000Z');
  });
});

describe('sizes and names', () => {
  it('counts a file’s size in UTF-8 bytes, as it is on disk', () => {
    for (const text of ['', 'plain', 'Nguyễn Ødegaard', '東京 🚨 paged', 'lone \ud800 surrogate', '\udc00 reversed \ud83d']) {
      expect(utf8ByteLength(text)).toBe(new TextEncoder().encode(text).length);
    }
    expect(exceedsBackupSize('x'.repeat(1_000))).toBe(false);
  });

  it('refuses an app version too long for the file’s header, before reading anything', async () => {
    const { backups } = await populated();
    await expect(backups.exportBackup({ appVersion: 'x'.repeat(41) })).rejects.toBeInstanceOf(ValidationError);
  });
});

describe('the passphrase for a new backup', () => {
  it('is refused when empty or shorter than 8 characters, before anything is read', async () => {
    const { backups } = await populated();
    for (const [passphrase, message] of [
      ['', 'Enter a passphrase.'],
      ['hunter2', 'Use a passphrase of at least 8 characters.'],
    ] as const) {
      const error = await rejectionOf(backups.exportBackup({ appVersion: '0.1.0', passphrase }));
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).issues).toEqual([{ path: 'passphrase', message }]);
    }
  });
});
