import { beforeAll, describe, expect, it } from 'vitest';
import plainFixture from '../fixtures/backup-v1.loopcard.json?raw';
import encryptedFixture from '../fixtures/backup-v1-encrypted.loopcard.json?raw';
import { createBackupRepository, describeRestorePlan, type RestorePlan, type RestorePreview, type VerifiedBackup } from '../../src/data/backup-repository';
import { base64ToBytes, bytesToBase64 } from '../../src/data/backup-crypto';
import { readChunkedBackup, startBackupFile } from '../../src/data/backup-file';
import { ConflictError, ValidationError } from '../../src/data/validation';
import type { LoopcardDb } from '../../src/data/db';
import {
  BACKUP_CHECKSUM_MESSAGE,
  BACKUP_MAX_BYTES,
  BACKUP_PASSPHRASE_NEEDED_MESSAGE,
  BACKUP_TABLES,
  BACKUP_TOO_LARGE_MESSAGE,
  BACKUP_VERSION,
  BACKUP_WRONG_PASSPHRASE_MESSAGE,
  NOTHING_RESTORED,
  type BackupContent,
} from '../../src/domain/backup-format';
import {
  BACKUP_CUT_SHORT_MESSAGE,
  BACKUP_HEADER_TOO_LARGE_MESSAGE,
  BACKUP_OUT_OF_ORDER_MESSAGE,
  BACKUP_RELAID_MESSAGE,
  readChunkedHeaderLine,
  type ChunkedHeader,
} from '../../src/domain/backup-chunks';
import { BACKUP_PBKDF2_ITERATIONS } from '../../src/domain/backup-encryption';
import { readLoopcardFile } from '../../src/domain/file-reading';
import { utf8ByteLength } from '../../src/domain/file-envelope';
import { sha256OfCanonical } from '../../src/domain/hash';
import { INCOMING_TABLES, type RecordAction } from '../../src/domain/incoming-records';
import { REV_PATTERN, reviseRecord } from '../../src/domain/revision';
import { hashedContent } from '../../src/domain/scorecard-rules';
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
/** The tables a restore may write: every backup table and the diverged copies waiting for a choice. */
const DEVICE_TABLES = [...BACKUP_TABLES, 'conflicts'] as const;

function backupsOf(db: LoopcardDb, now = NOW) {
  return createBackupRepository({ db, now: () => now, newId: () => crypto.randomUUID() });
}

/** A backup made, with the text of the file it saves. */
async function exportText(backups: ReturnType<typeof backupsOf>, options: Parameters<ReturnType<typeof backupsOf>['exportBackup']>[0]) {
  const file = await backups.exportBackup(options);
  return { ...file, json: await file.blob.text() };
}

/** Every row of every table, in primary-key order (what Dexie's toArray gives). */
async function snapshot(db: LoopcardDb) {
  const entries = await Promise.all(DEVICE_TABLES.map(async (table) => [table, await db.table(table).toArray()] as const));
  return Object.fromEntries(entries) as Record<(typeof DEVICE_TABLES)[number], unknown[]>;
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
  await repos.debriefs.recordDecision(priya.id, { decision: 'hire', decisionRationale: 'Weighed every scorecard and the consensus together; the reasons were talked through in the debrief.', decidedBy: 'Dana Whitfield', nextStep: 'Offer call' });
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
  await device.db.roles.add(
    reviseRecord({ ...servingRole, id: 'role-elsewhere', title: 'MLOps Engineer, Pipelines', lane: 'pipeline-owner' as const, mandate: 'Own model promotion pipelines and feature reuse.', createdAt: stamp, updatedAt: stamp }),
  );
  return { ...device, backups: backupsOf(device.db) };
}

type Refusal = Extract<RestorePreview, { ok: false }>;
type Accepted = Extract<RestorePreview, { ok: true }>;

function refusalOf(preview: RestorePreview): Refusal {
  if (preview.ok) throw new Error('expected the backup to be refused, but it was accepted');
  return preview;
}

function acceptedOf(preview: RestorePreview): Accepted {
  if (!preview.ok) throw new Error(`expected the backup to be accepted, but: ${preview.reason}`);
  return preview;
}

function verifiedOf(preview: RestorePreview): VerifiedBackup {
  return acceptedOf(preview).backup;
}

async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject, but it resolved');
}

/** A backup's rows as its chunks hold them, read without any check (a test edits them). */
function rowsOf(json: string): { header: ChunkedHeader; content: BackupContent } {
  const [first = '', ...rest] = json.split('\n');
  const header = JSON.parse(`${first.slice(0, -',"chunks":['.length)}}`) as ChunkedHeader;
  const tables = Object.fromEntries(BACKUP_TABLES.map((t) => [t, [] as unknown[]])) as Record<string, unknown[]>;
  for (const line of rest) {
    if (!line.startsWith('{"index"')) continue;
    const chunk = JSON.parse(line.replace(/,$/, '')) as { body?: { table: string; rows: unknown[] } };
    if (chunk.body) tables[chunk.body.table]?.push(...chunk.body.rows);
  }
  return { header, content: { databaseVersion: header.databaseVersion, tables } as unknown as BackupContent };
}

/** Rows written into a backup file by the app's own writer, under the header given. */
async function written(header: ChunkedHeader, content: BackupContent, passphrase?: string): Promise<string> {
  const { format, version, exportedAt, app } = header;
  const start = await startBackupFile({ format, version, exportedAt, app, databaseVersion: content.databaseVersion }, passphrase);
  const file = start((promise) => promise);
  for (const table of BACKUP_TABLES) await file.add(table, content.tables[table]);
  return (await file.finish()).blob.text();
}

/** A plain backup edited and given fresh checksums, as someone editing the file by hand would. */
async function rehashed(json: string, edit: (file: { content: BackupContent }) => void): Promise<string> {
  const { header, content } = rowsOf(json);
  const file = { content };
  edit(file);
  return written(header, file.content);
}

/**
 * An encrypted backup opened with its passphrase, edited, given fresh checksums and sealed again:
 * what someone who knows the passphrase could make.
 */
async function resealed(json: string, edit: (content: BackupContent) => void): Promise<string> {
  const read = await readChunkedBackup(new Blob([json]), PASSPHRASE);
  if (!read.chunked || !read.ok) throw new Error('The sealed backup did not open.');
  edit(read.content);
  const header = rowsOf(json).header;
  return written(header, read.content, PASSPHRASE);
}

/** The file's lines: the header, each chunk, the closing line (and the empty text after the last newline). */
const linesOf = (json: string) => json.split('\n');

/**
 * Rewrites the evidence of Ana Lopez's submitted scorecard (the revision and its working copy),
 * with `contentHash` recomputed as Loopcard computes it when `rehash` is set.
 */
function alterEvidence(content: BackupContent, evidence: string, rehash: boolean): void {
  const rows = [...content.tables.scorecardRevisions, ...content.tables.scorecards].filter((s) => s.interviewerName === 'Ana Lopez');
  expect(rows).toHaveLength(2);
  for (const row of rows) {
    row.ratings = row.ratings.map((r) => (r.dimensionKey === 'trigger' ? { ...r, evidence } : r));
    if (rehash) row.contentHash = sha256OfCanonical(hashedContent(row));
  }
}

const NO_COUNTS: Record<RecordAction, number> = { add: 0, same: 0, update: 0, 'keep-local': 0, conflict: 0 };

/** What the plan does with one table's rows in the backup. */
function countsOf(plan: RestorePlan, table: (typeof BACKUP_TABLES)[number]): Record<RecordAction, number> {
  return plan.tables.find((t) => t.table === table)?.counts ?? NO_COUNTS;
}

/** `counts` with every action not named at zero. */
function counts(some: Partial<Record<RecordAction, number>>): Record<RecordAction, number> {
  return { ...NO_COUNTS, ...some };
}

function totalsOf(plan: RestorePlan): Record<RecordAction, number> {
  const totals = { ...NO_COUNTS };
  for (const { counts: c } of plan.tables) for (const action of Object.keys(totals) as RecordAction[]) totals[action] += c[action];
  return totals;
}

describe('a plain backup', () => {
  it('restores an identical database on a fresh device', async () => {
    const source = await populated();
    const { json, fileName, encrypted } = await exportText(source.backups, { appVersion: '0.1.0' });
    expect(fileName).toBe('loopcard-backup-2026-11-02.loopcard.json');
    expect(encrypted).toBe(false);
    expect(JSON.parse(json)).toMatchObject({ format: 'loopcard.backup', version: BACKUP_VERSION });

    const target = freshDb();
    const backups = backupsOf(target.db);
    const preview = acceptedOf(await backups.previewRestore(json));
    expect(preview.header).toEqual({ version: BACKUP_VERSION, exportedAt: '2026-11-02T09:00:00.000Z', appVersion: '0.1.0', encryption: null });
    expect(preview.backup.header).toEqual(preview.header);
    expect(countsOf(preview.plan, 'candidates')).toEqual(counts({ add: 2 }));
    // Every database starts with the built-in rubric: the backup's copy is the same row.
    expect(countsOf(preview.plan, 'rubrics')).toEqual(counts({ same: 3 }));
    expect(totalsOf(preview.plan)).toEqual(counts({ add: 13, same: 3 }));
    expect(preview.summary).toEqual([
      '1 role: 1 new.',
      '2 candidates: 2 new.',
      '3 rubrics: 3 already here unchanged.',
      '3 interviews: 3 new.',
      '3 scorecards: 3 new.',
      '2 submitted scorecard revisions: 2 new.',
      '1 debrief: 1 new.',
      '1 setting: 1 new.',
      'Records on this device that are not in the backup are kept.',
    ]);

    expect(await backups.restore(preview.backup)).toEqual(preview.plan);
    expect(await snapshot(target.db)).toEqual(await snapshot(source.db));
    // Restoring the same file again changes nothing: every row is already here.
    const again = acceptedOf(await backups.previewRestore(json));
    expect(totalsOf(again.plan)).toEqual(counts({ same: 16 }));
    await backups.restore(again.backup);
    expect(await snapshot(target.db)).toEqual(await snapshot(source.db));
  });

  it('is one JSON document laid out a chunk a line, each chunk of one table with its own checksum', async () => {
    const source = await populated();
    const { json, bytes } = await exportText(source.backups, { appVersion: '0.1.0' });
    expect(bytes).toBe(utf8ByteLength(json));
    const lines = linesOf(json);
    expect(readChunkedHeaderLine(lines[0] ?? '')).toEqual({
      ok: true,
      value: { format: 'loopcard.backup', version: BACKUP_VERSION, exportedAt: '2026-11-02T09:00:00.000Z', app: { name: 'Loopcard', version: '0.1.0' }, databaseVersion: expect.any(Number), encryption: null },
    });
    const file = JSON.parse(json) as { chunks: { index: number; last: boolean; sha256: string; body: { table: string } }[] };
    expect(file.chunks.map((c) => [c.index, c.body.table, c.last])).toEqual([
      [0, 'roles', false],
      [1, 'candidates', false],
      [2, 'rubrics', false],
      [3, 'interviews', false],
      [4, 'scorecards', false],
      [5, 'scorecardRevisions', false],
      [6, 'debriefs', false],
      [7, 'settings', true],
    ]);
    expect(lines).toHaveLength(file.chunks.length + 3);
    expect(lines.slice(-2)).toEqual([']}', '']);
    // The whole file as one JSON text is not read: a backup of version 6 is read a chunk at a time.
    expect(readLoopcardFile(json, { expect: ['backup'] })).toEqual({ ok: false, reason: BACKUP_RELAID_MESSAGE });
  });

  it('restores the frozen version 1 file, whose records gain their first revision', async () => {
    const target = freshDb();
    const backups = backupsOf(target.db);
    const preview = acceptedOf(await backups.previewRestore(plainFixture));
    // The header says what the file is; its rows were migrated to version 2 on reading.
    expect(preview.header.version).toBe(1);
    expect(totalsOf(preview.plan)).toEqual(counts({ add: 10, same: 1 }));
    await backups.restore(preview.backup);
    expect(await target.repos.candidates.list()).toEqual([expect.objectContaining({ name: 'Sofía Castaño', rev: expect.stringMatching(REV_PATTERN), revHistory: [] })]);
    expect(await target.repos.settings.getInterviewerName()).toBe('Dana Whitfield');
    for (const table of ['roles', 'candidates', 'interviews', 'debriefs'] as const) {
      for (const row of await target.db.table(table).toArray()) expect(row).toMatchObject({ rev: expect.stringMatching(/^1-[0-9a-f]{32}$/), revHistory: [] });
    }
    // The migration is the same on every device: restoring the file again finds every row here.
    expect(totalsOf(acceptedOf(await backups.previewRestore(plainFixture)).plan)).toEqual(counts({ same: 11 }));
  });
});

describe('an encrypted backup', () => {
  let source: Awaited<ReturnType<typeof populated>>;
  let sealed: string;
  beforeAll(async () => {
    source = await populated();
    sealed = (await exportText(source.backups, { appVersion: '0.1.0', passphrase: PASSPHRASE })).json;
  }, SLOW);

  it('restores an identical database with the passphrase', async () => {
    const target = freshDb();
    const backups = backupsOf(target.db);
    expect(refusalOf(await backups.previewRestore(sealed))).toEqual({ ok: false, problem: 'passphrase-needed', reason: 'This backup is protected by a passphrase. Enter it to restore.' });
    expect(refusalOf(await backups.previewRestore(sealed, { passphrase: '' })).reason).toBe(BACKUP_PASSPHRASE_NEEDED_MESSAGE);
    await backups.restore(verifiedOf(await backups.previewRestore(sealed, { passphrase: PASSPHRASE })));
    expect(await snapshot(target.db)).toEqual(await snapshot(source.db));
  }, SLOW);

  it('says how it was sealed in its header, seals each chunk with its own IV, shows nothing of the content, and is sealed afresh each time', async () => {
    type Sealed = { version: number; encryption: { salt: string }; chunks: { index: number; last: boolean; iv: string; ciphertext: string }[] };
    const file = JSON.parse(sealed) as Sealed;
    expect(Object.keys(file)).toEqual(['format', 'version', 'exportedAt', 'app', 'databaseVersion', 'encryption', 'chunks']);
    expect(file.version).toBe(BACKUP_VERSION);
    expect(file.encryption).toEqual({ algorithm: 'AES-256-GCM', kdf: 'PBKDF2-SHA256', iterations: BACKUP_PBKDF2_ITERATIONS, salt: expect.any(String) });
    expect(BACKUP_PBKDF2_ITERATIONS).toBe(600_000);
    expect(base64ToBytes(file.encryption.salt)).toHaveLength(16);
    expect(file.chunks.length).toBeGreaterThan(1);
    for (const chunk of file.chunks) expect(Object.keys(chunk)).toEqual(['index', 'last', 'iv', 'ciphertext']);
    expect(file.chunks.map((c) => base64ToBytes(c.iv).length)).toEqual(file.chunks.map(() => 12));
    expect(new Set(file.chunks.map((c) => c.iv)).size).toBe(file.chunks.length);
    expect(sealed).not.toMatch(/Priya|Dana|sha256|revHistory|roles|candidates/);

    const again = await exportText(source.backups, { appVersion: '0.1.0', passphrase: PASSPHRASE });
    expect(again.fileName).toBe('loopcard-backup-encrypted-2026-11-02.loopcard.json');
    expect(again.encrypted).toBe(true);
    const second = JSON.parse(again.json) as Sealed;
    expect(second.encryption.salt).not.toBe(file.encryption.salt);
    expect(second.chunks[0]?.iv).not.toBe(file.chunks[0]?.iv);
    expect(second.chunks[0]?.ciphertext).not.toBe(file.chunks[0]?.ciphertext);
    const preview = refusalOf(await source.backups.previewRestore(again.blob));
    expect(preview.problem).toBe('passphrase-needed');
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

  /** The sealed file with one chunk's line changed. */
  function withChunk(json: string, index: number, change: (chunk: { index: number; last: boolean; iv: string; ciphertext: string }) => void): string {
    const lines = linesOf(json);
    const line = lines[index + 1] ?? '';
    const comma = line.endsWith(',');
    const chunk = JSON.parse(comma ? line.slice(0, -1) : line) as { index: number; last: boolean; iv: string; ciphertext: string };
    change(chunk);
    lines[index + 1] = `${JSON.stringify(chunk)}${comma ? ',' : ''}`;
    return lines.join('\n');
  }
  const flipByte = (chunk: { ciphertext: string }) => {
    const bytes = base64ToBytes(chunk.ciphertext);
    bytes[10] = (bytes[10] ?? 0) ^ 0x80;
    chunk.ciphertext = bytesToBase64(bytes);
  };

  it('with one byte of the first chunk flipped, or its date changed on the outside, gives the wrong-passphrase message and writes nothing', async () => {
    const target = await otherDevice();
    const before = await snapshot(target.db);
    const flipped = withChunk(sealed, 0, flipByte);
    const redated = sealed.replace('"exportedAt":"2026-11-02T09:00:00.000Z"', '"exportedAt":"2026-10-24T09:00:00.000Z"');
    expect(redated).not.toBe(sealed);
    for (const tampered of [flipped, redated]) {
      expect(refusalOf(await target.backups.previewRestore(tampered, { passphrase: PASSPHRASE }))).toEqual({ ok: false, problem: 'wrong-passphrase', reason: BACKUP_WRONG_PASSPHRASE_MESSAGE });
    }
    // Claiming to be version 5 would send the content through the whole-file reader: the header says what it is.
    const downgraded = sealed.replace('"version":6,', '"version":5,');
    expect(refusalOf(await target.backups.previewRestore(downgraded, { passphrase: PASSPHRASE })).reason).toMatch(/^The file does not match the backup format: .*version.* Nothing was restored\.$/);
    expect(await snapshot(target.db)).toEqual(before);
  }, SLOW);

  it('with a later chunk flipped, swapped with another, renumbered, dropped or cut off, says the file was changed and writes nothing', async () => {
    const target = await otherDevice();
    const before = await snapshot(target.db);
    const lines = linesOf(sealed);
    const swapped = [lines[0], lines[2], lines[1], ...lines.slice(3)].join('\n');
    // Swapped with their numbers swapped too: each is then read at a place it was not sealed for.
    const renumbered = withChunk(withChunk(swapped, 0, (c) => (c.index = 0)), 1, (c) => (c.index = 1));
    const dropped = [...lines.slice(0, 2), ...lines.slice(3)].join('\n');
    const lastDropped = [...lines.slice(0, -3), ']}', ''].join('\n');
    const cases: [string, string][] = [
      [withChunk(sealed, 2, flipByte), 'Part 3 of the backup does not open with the passphrase that opened the others: it was changed after it was made, or damaged. Nothing was restored.'],
      [swapped, BACKUP_OUT_OF_ORDER_MESSAGE],
      [renumbered, BACKUP_WRONG_PASSPHRASE_MESSAGE],
      [dropped, BACKUP_OUT_OF_ORDER_MESSAGE],
      [lastDropped, BACKUP_CUT_SHORT_MESSAGE],
      [sealed.slice(0, Math.floor(sealed.length / 2)), BACKUP_CUT_SHORT_MESSAGE],
    ];
    for (const [tampered, reason] of cases) {
      expect(refusalOf(await target.backups.previewRestore(tampered, { passphrase: PASSPHRASE })).reason).toBe(reason);
    }
    expect(await snapshot(target.db)).toEqual(before);
  }, SLOW * 2);

  it('restores the frozen version 1 file with its passphrase', async () => {
    const target = freshDb();
    const backups = backupsOf(target.db);
    const preview = acceptedOf(await backups.previewRestore(encryptedFixture, { passphrase: FIXTURE_PASSPHRASE }));
    expect(preview.header.version).toBe(1);
    await backups.restore(preview.backup);
    const plain = freshDb();
    await backupsOf(plain.db).restore(verifiedOf(await backupsOf(plain.db).previewRestore(plainFixture)));
    expect(await snapshot(target.db)).toEqual(await snapshot(plain.db));
  }, SLOW);
});

describe('a damaged or foreign file', () => {
  let json: string;
  beforeAll(async () => {
    json = (await exportText((await populated()).backups, { appVersion: '0.1.0' })).json;
  });

  const cases: [string, (json: string) => string | Promise<string>, string | RegExp][] = [
    ['cut short', (text) => text.slice(0, Math.floor(text.length / 2)), BACKUP_CUT_SHORT_MESSAGE],
    ['cut short at the end of a line', (text) => linesOf(text).slice(0, 4).join('\n') + '\n', BACKUP_CUT_SHORT_MESSAGE],
    ['without its closing line', (text) => linesOf(text).slice(0, -2).join('\n') + '\n', BACKUP_CUT_SHORT_MESSAGE],
    ['with its last chunk dropped', (text) => [...linesOf(text).slice(0, -3), ']}', ''].join('\n'), BACKUP_CUT_SHORT_MESSAGE],
    ['with a chunk dropped', (text) => linesOf(text).filter((_, i) => i !== 2).join('\n'), BACKUP_OUT_OF_ORDER_MESSAGE],
    [
      'with two chunks swapped',
      (text) => {
        const lines = linesOf(text);
        return [lines[0], lines[2], lines[1], ...lines.slice(3)].join('\n');
      },
      BACKUP_OUT_OF_ORDER_MESSAGE,
    ],
    [
      'with two chunks swapped and renumbered',
      (text) => {
        const lines = linesOf(text);
        const renumber = (line: string | undefined, index: number) => (line ?? '').replace(/^\{"index":\d+,/, `{"index":${index},`);
        return [lines[0], renumber(lines[2], 0), renumber(lines[1], 1), ...lines.slice(3)].join('\n');
      },
      BACKUP_CHECKSUM_MESSAGE,
    ],
    [
      'with one byte of a chunk’s checksum flipped',
      (text) => {
        const lines = linesOf(text);
        lines[2] = (lines[2] ?? '').replace(/"sha256":"(.)/, (_, c: string) => `"sha256":"${c === '0' ? '1' : '0'}`);
        return lines.join('\n');
      },
      BACKUP_CHECKSUM_MESSAGE,
    ],
    ['laid out again by another program', (text) => JSON.stringify(JSON.parse(text), null, 2), BACKUP_RELAID_MESSAGE],
    ['with a line after its end', (text) => `${text}{"index":8,"last":true}\n`, 'The backup goes on after its last part: it was changed after it was made, or damaged. Nothing was restored.'],
    [
      'with a header longer than any backup’s',
      (text) => text.replace('"encryption":null', `"encryption":null,"note":"${'x'.repeat(40_000)}"`),
      BACKUP_HEADER_TOO_LARGE_MESSAGE,
    ],
    ['that is a picture, not text', () => String.fromCharCode(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a), 'The file is not valid JSON: it may be cut short or damaged. Ask for it to be exported again. Nothing was restored.'],
    [
      'nested deeper than any Loopcard file',
      () => `${'['.repeat(100)}${']'.repeat(100)}`,
      'The file is nested far deeper than any Loopcard file. It was not made by Loopcard, or it was damaged. Nothing was restored.',
    ],
    [
      'a changed field under the old checksum',
      (text) => text.replace('On-call for a KServe fleet.', 'Edited by hand.'),
      BACKUP_CHECKSUM_MESSAGE,
    ],
    [
      'a changed field under a recomputed checksum, the record’s revision left as it was',
      (text) =>
        rehashed(text, (file) => {
          const [first] = file.content.tables.candidates;
          if (first) first.notes = 'Edited by hand.';
        }),
      'In the file, the candidate Priya Raman does not match its own revision: it was changed after it was saved. Ask for a fresh export. Nothing was restored.',
    ],
    [
      'a submitted working copy whose evidence differs from its revision, checksum recomputed',
      (text) =>
        rehashed(text, (file) => {
          const card = file.content.tables.scorecards.find((c) => c.status === 'submitted');
          const rating = card?.ratings[0];
          if (rating) rating.evidence = 'Forged after submission.';
        }),
      /^In the file, .*’s scorecard for Priya Raman does not match its submitted revision \d: it was changed after it was submitted\. Ask for a fresh export\. Nothing was restored\.$/,
    ],
    [
      'a decision recorded without who made it, revision and checksum recomputed',
      (text) =>
        rehashed(text, (file) => {
          file.content.tables.debriefs = file.content.tables.debriefs.map((d) => reviseRecord({ ...d, decidedBy: '' }, d));
        }),
      'In the file, the debrief and decision for Priya Raman records a decision without who made it, when, why, or what happens next. Ask for a fresh export. Nothing was restored.',
    ],
    [
      'a record dated a year ahead of this device, revision and checksum recomputed',
      (text) =>
        rehashed(text, (file) => {
          file.content.tables.roles = file.content.tables.roles.map((r) => reviseRecord({ ...r, updatedAt: '2027-11-02T09:00:00.000Z' }, r));
        }),
      'In the file, the role “Senior MLOps Engineer, Serving” has a date that is 2027-11-02, more than a day ahead of this device’s clock. Ask for a fresh export. Nothing was restored.',
    ],
    ['an unknown key in the envelope', (text) => text.replace('"encryption":null', '"encryption":null,"comment":"hi"'), /^The file does not match the backup format: .*comment.* It may have been edited by hand or damaged\. Nothing was restored\.$/],
    [
      'an unknown key in a row',
      (text) =>
        rehashed(text, (file) => {
          Object.assign(file.content.tables.candidates[0] ?? {}, { salary: 250_000 });
        }),
      /^Candidate 1 in the backup \(“Priya Raman”\) is not valid: .*salary.* Nothing was restored\.$/,
    ],
    ['a __proto__ key', (text) => text.replace('"format":', '"__proto__": { "polluted": true }, "format":'), 'The file contains a key named “__proto__”, which Loopcard never writes. It was not imported. Nothing was restored.'],
    [
      'a newer format version',
      (text) => text.replace(`"version":${BACKUP_VERSION},`, `"version":${BACKUP_VERSION + 1},`),
      `This backup was made by a newer version of Loopcard (format version ${BACKUP_VERSION + 1}; this one reads up to ${BACKUP_VERSION}). Update Loopcard on this device, then import it again. Nothing was restored.`,
    ],
    [
      'rows from a newer database',
      (text) =>
        rehashed(text, (file) => {
          file.content.databaseVersion = 99;
        }),
      'This backup was made by a newer version of Loopcard, whose records this version cannot hold. Update Loopcard on this device, then restore it again. Nothing was restored.',
    ],
    ['another app’s file', () => JSON.stringify({ type: 'excalidraw', version: 2, elements: [] }), 'This is not a Loopcard file: it has no format and version. Nothing was restored.'],
    ['another format', () => JSON.stringify({ format: 'tldraw', version: 1 }), 'This is not a Loopcard file Loopcard knows (its format is “tldraw”). Nothing was restored.'],
    ['a Loopcard scorecard file', () => JSON.stringify({ format: 'loopcard.scorecard', version: 1 }), 'This is a Loopcard scorecard file, not a backup. Gather it under Debrief. Nothing was restored.'],
    [
      'the same row twice',
      (text) =>
        rehashed(text, (file) => {
          const [first] = file.content.tables.candidates;
          if (first) file.content.tables.candidates.push(first);
        }),
      'The file lists the candidate Priya Raman twice. It may have been edited by hand; ask for a fresh export. Nothing was restored.',
    ],
    [
      'a device-only setting',
      (text) =>
        rehashed(text, (file) => {
          file.content.tables.settings.push({ key: 'lastBackupAt', value: '2020-01-01T00:00:00.000Z' });
        }),
      /^Setting 2 in the backup \(“lastBackupAt”\) is not valid: .*key.*: this setting belongs to one device and is never part of a backup\. Nothing was restored\.$/i,
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

  it('refuses a file larger than any backup before reading it', async () => {
    const { backups } = await otherDevice();
    expect(refusalOf(await backups.previewRestore('x'.repeat(BACKUP_MAX_BYTES + 1))).reason).toBe(`${BACKUP_TOO_LARGE_MESSAGE} ${NOTHING_RESTORED}`);
    expect(readLoopcardFile('{}', { byteLength: BACKUP_MAX_BYTES + 1, expect: ['backup'] })).toEqual({ ok: false, reason: BACKUP_TOO_LARGE_MESSAGE });
  });

  it('refuses a file whose chunk holds bytes that are not text, and writes nothing', async () => {
    const target = await otherDevice();
    const before = await snapshot(target.db);
    const [first = '', ...rest] = linesOf(json);
    const garbled = new Blob([`${first}\n`, new Uint8Array([0xff, 0xfe, 0xfd]), rest.join('\n')]);
    expect(refusalOf(await target.backups.previewRestore(garbled)).reason).toBe('The backup is damaged: part of it is not text. Nothing was restored.');
    expect(await snapshot(target.db)).toEqual(before);
  });

  it('refuses a row that fails its schema, naming the table and the row, and writes nothing', async () => {
    const target = await otherDevice();
    const before = await snapshot(target.db);
    const badBand = await rehashed(json, (file) => {
      const [role] = file.content.tables.roles;
      if (role) role.compBand.min = 400_000;
    });
    expect(refusalOf(await target.backups.previewRestore(badBand)).reason).toMatch(
      /^Role 1 in the backup \(“Senior MLOps Engineer, Serving”\) is not valid: .*max.*: the maximum must be at least the minimum\. Nothing was restored\.$/i,
    );
    const blankName = await rehashed(json, (file) => {
      const second = file.content.tables.candidates[1];
      if (second) second.name = '   ';
    });
    expect(refusalOf(await target.backups.previewRestore(blankName)).reason).toMatch(/^Candidate 2 in the backup \(“id-8”\) is not valid: .*name.*: name is required\. Nothing was restored\.$/i);
    const noRevision = await rehashed(json, (file) => {
      const [role] = file.content.tables.roles;
      if (role) Object.assign(role, { rev: undefined });
    });
    expect(refusalOf(await target.backups.previewRestore(noRevision)).reason).toMatch(/^Role 1 in the backup \(“Senior MLOps Engineer, Serving”\) is not valid: .*rev.* Nothing was restored\.$/);
    expect(await snapshot(target.db)).toEqual(before);
  });

  it('refuses a backup whose rows point at a role that is neither in it nor on this device, and accepts it where the role is', async () => {
    const source = await populated();
    const withoutRoles = await rehashed((await exportText(source.backups, { appVersion: '0.1.0' })).json, (file) => {
      file.content.tables.roles = [];
    });
    const target = await otherDevice();
    const before = await snapshot(target.db);
    expect(refusalOf(await target.backups.previewRestore(withoutRoles)).reason).toBe(
      'The file is incomplete: the candidate Priya Raman belongs to a role that is neither in the file nor on this device. Nothing was restored.',
    );
    expect(await snapshot(target.db)).toEqual(before);
    const preview = acceptedOf(await source.backups.previewRestore(withoutRoles));
    // The device's role is not in the backup: it is not counted, and it stays.
    expect(countsOf(preview.plan, 'roles')).toEqual(NO_COUNTS);
    expect(preview.summary.filter((line) => /\brole/.test(line))).toEqual([]);
    expect(preview.summary.at(-1)).toBe('Records on this device that are not in the backup are kept.');
  });

  it('refuses a scorecard for an interview that already has a different scorecard here, before the database would', async () => {
    const source = await populated();
    const { json: backup } = await exportText(source.backups, { appVersion: '0.1.0' });
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
      'Karel Dvořák’s scorecard for Linh Nguyễn is for an interview that already has a different scorecard on this device: one scorecard per interview. Nothing was restored.',
    );
    expect(await snapshot(target.db)).toEqual(before);
  });
});

describe('a backup whose submitted scorecard was altered', () => {
  const FORGED = 'On trigger: was never paged; read about it afterwards.';
  const SEALED_ELSEWHERE = 'Ana Lopez’s scorecard for Priya Raman, revision 1 was changed after it was submitted: its content no longer matches its hash. Ask for a fresh export. Nothing was restored.';
  const DIFFERS = 'Ana Lopez’s scorecard for Priya Raman, revision 1 differs from the one on this device. A submitted revision never changes; an amendment is a new revision. Nothing was restored.';
  const NO_EVIDENCE = 'Ana Lopez’s scorecard, revision 1, is not a legal submission: Trigger is rated 3 with no evidence. Ask Ana Lopez to export the scorecard again from their device. Nothing was restored.';

  let source: Awaited<ReturnType<typeof populated>>;
  let json: string;
  let sealed: string;
  beforeAll(async () => {
    source = await populated();
    json = (await exportText(source.backups, { appVersion: '0.1.0' })).json;
    sealed = (await exportText(source.backups, { appVersion: '0.1.0', passphrase: PASSPHRASE })).json;
  }, SLOW);

  it('(plain, outer checksum recomputed) is refused whether or not the revision’s hash was recomputed, and nothing is written', async () => {
    const before = await snapshot(source.db);
    const sameHash = await rehashed(json, (file) => alterEvidence(file.content, FORGED, false));
    const newHash = await rehashed(json, (file) => alterEvidence(file.content, FORGED, true));
    const blanked = await rehashed(json, (file) => alterEvidence(file.content, '', true));
    // On the device that made it, which holds the revision as it was submitted.
    expect(refusalOf(await source.backups.previewRestore(sameHash))).toEqual({ ok: false, problem: 'refused', reason: SEALED_ELSEWHERE });
    expect(refusalOf(await source.backups.previewRestore(newHash))).toEqual({ ok: false, problem: 'refused', reason: DIFFERS });
    expect(refusalOf(await source.backups.previewRestore(blanked)).reason).toBe(DIFFERS);
    expect(await snapshot(source.db)).toEqual(before);
    // On another device: the hash, and the rules of a submission, are checked all the same.
    const target = await otherDevice();
    const untouched = await snapshot(target.db);
    expect(refusalOf(await target.backups.previewRestore(sameHash)).reason).toBe(SEALED_ELSEWHERE);
    expect(refusalOf(await target.backups.previewRestore(blanked)).reason).toBe(NO_EVIDENCE);
    expect(await snapshot(target.db)).toEqual(untouched);
  });

  it('(encrypted, inner checksum recomputed and sealed again with the passphrase) is refused the same way, and nothing is written', async () => {
    const before = await snapshot(source.db);
    const newHash = await resealed(sealed, (content) => alterEvidence(content, FORGED, true));
    expect(refusalOf(await source.backups.previewRestore(newHash, { passphrase: PASSPHRASE }))).toEqual({ ok: false, problem: 'refused', reason: DIFFERS });
    const sameHash = await resealed(sealed, (content) => alterEvidence(content, FORGED, false));
    expect(refusalOf(await source.backups.previewRestore(sameHash, { passphrase: PASSPHRASE })).reason).toBe(SEALED_ELSEWHERE);
    expect(await snapshot(source.db)).toEqual(before);
    const target = await otherDevice();
    const untouched = await snapshot(target.db);
    expect(refusalOf(await target.backups.previewRestore(sameHash, { passphrase: PASSPHRASE })).reason).toBe(SEALED_ELSEWHERE);
    const blanked = await resealed(sealed, (content) => alterEvidence(content, '', true));
    expect(refusalOf(await target.backups.previewRestore(blanked, { passphrase: PASSPHRASE })).reason).toBe(NO_EVIDENCE);
    expect(await snapshot(target.db)).toEqual(untouched);
    // The resealing itself is sound: unaltered, the same steps give a backup that restores.
    const honest = await resealed(sealed, () => undefined);
    const restored = freshDb();
    await backupsOf(restored.db).restore(verifiedOf(await backupsOf(restored.db).previewRestore(honest, { passphrase: PASSPHRASE })));
    expect(await snapshot(restored.db)).toEqual(await snapshot(source.db));
  }, SLOW * 3);
});

describe('restoring onto a device that already has some of the rows', () => {
  it('counts what is new, already here and older, keeps this device’s newer work and its own records', async () => {
    const device = await populated();
    const { json } = await exportText(device.backups, { appVersion: '0.1.0' });
    await device.backups.recordBackupSaved('2026-11-02T09:00:00.000Z');
    const edited = await device.repos.candidates.update(device.priya.id, { name: 'Priya Raman', roleId: device.role.id, notes: 'Edited after the backup.' });
    await device.repos.candidates.create({ name: 'Mo Farah', roleId: device.role.id, notes: '' });
    expect(edited.notes).toBe('Edited after the backup.');
    const before = await snapshot(device.db);

    const preview = acceptedOf(await device.backups.previewRestore(json));
    expect(countsOf(preview.plan, 'candidates')).toEqual(counts({ same: 1, 'keep-local': 1 }));
    expect(countsOf(preview.plan, 'roles')).toEqual(counts({ same: 1 }));
    // The device-only lastBackupAt is not in the backup, so it is not counted.
    expect(countsOf(preview.plan, 'settings')).toEqual(counts({ same: 1 }));
    expect(preview.summary).toEqual([
      '1 role: 1 already here unchanged.',
      '2 candidates: 1 already here unchanged, 1 older than this device’s copy, which is kept.',
      '3 rubrics: 3 already here unchanged.',
      '3 interviews: 3 already here unchanged.',
      '3 scorecards: 3 already here unchanged.',
      '2 submitted scorecard revisions: 2 already here unchanged.',
      '1 debrief: 1 already here unchanged.',
      '1 setting: 1 already here unchanged.',
      'Records on this device that are not in the backup are kept.',
    ]);

    expect(await device.backups.restore(preview.backup)).toEqual(preview.plan);
    // Nothing in the backup is newer than this device: the edit, Mo and lastBackupAt all stay.
    expect(await snapshot(device.db)).toEqual(before);
    expect((await device.repos.candidates.get(device.priya.id))?.notes).toBe('Edited after the backup.');
    expect(await device.backups.lastBackupAt()).toBe('2026-11-02T09:00:00.000Z');
  });

  it('keeps this device’s newer role, decision, draft and setting when an older backup is restored over them', async () => {
    const device = await populated();
    const { json: older } = await exportText(device.backups, { appVersion: '0.1.0' });
    await device.repos.roles.update(device.role.id, { ...servingRole, title: 'Staff MLOps Engineer, Serving' });
    await device.repos.debriefs.recordDecision(device.priya.id, { decision: 'no-hire', decisionRationale: 'Weighed every scorecard and the consensus together; the reasons were talked through in the debrief.', decidedBy: 'Dana Whitfield', nextStep: 'Send the decline' });
    const draft = (await device.repos.scorecards.listForCandidate(device.linh.id)).current[0];
    if (!draft) throw new Error('no draft');
    await device.repos.scorecards.saveDraft(draft.id, { ...contentOf(draft), takeaways: 'Strong on the rollback, but the prevention story was thin.' }, draft.editVersion);
    await device.repos.settings.setInterviewerName('Ana Lopez');
    const before = await snapshot(device.db);

    const preview = acceptedOf(await device.backups.previewRestore(older));
    expect(countsOf(preview.plan, 'roles')).toEqual(counts({ 'keep-local': 1 }));
    expect(countsOf(preview.plan, 'debriefs')).toEqual(counts({ 'keep-local': 1 }));
    expect(countsOf(preview.plan, 'scorecards')).toEqual(counts({ same: 2, 'keep-local': 1 }));
    expect(countsOf(preview.plan, 'settings')).toEqual(counts({ 'keep-local': 1 }));
    expect(totalsOf(preview.plan)).toEqual(counts({ same: 12, 'keep-local': 4 }));
    expect(preview.summary).toEqual([
      '1 role: 1 older than this device’s copy, which is kept.',
      '2 candidates: 2 already here unchanged.',
      '3 rubrics: 3 already here unchanged.',
      '3 interviews: 3 already here unchanged.',
      '3 scorecards: 2 already here unchanged, 1 older than this device’s copy, which is kept.',
      '2 submitted scorecard revisions: 2 already here unchanged.',
      '1 debrief: 1 older than this device’s copy, which is kept.',
      '1 setting: 1 older than this device’s copy, which is kept.',
      'Records on this device that are not in the backup are kept.',
    ]);

    await device.backups.restore(preview.backup);
    expect((await device.repos.roles.get(device.role.id))?.title).toBe('Staff MLOps Engineer, Serving');
    expect(await device.repos.debriefs.getByCandidate(device.priya.id)).toMatchObject({ decision: 'no-hire', nextStep: 'Send the decline' });
    expect((await device.repos.scorecards.get(draft.id))?.takeaways).toBe('Strong on the rollback, but the prevention story was thin.');
    expect(await device.repos.settings.getInterviewerName()).toBe('Ana Lopez');
    expect(await snapshot(device.db)).toEqual(before);
  });

  it('takes a newer backup’s role, decision and draft on a device that holds the older ones, and keeps them when the older backup comes again', async () => {
    const source = await populated();
    const { json: older } = await exportText(source.backups, { appVersion: '0.1.0' });
    await source.repos.roles.update(source.role.id, { ...servingRole, title: 'Staff MLOps Engineer, Serving' });
    await source.repos.debriefs.recordDecision(source.priya.id, { decision: 'no-hire', decisionRationale: 'Weighed every scorecard and the consensus together; the reasons were talked through in the debrief.', decidedBy: 'Dana Whitfield', nextStep: 'Send the decline' });
    const draft = (await source.repos.scorecards.listForCandidate(source.linh.id)).current[0];
    if (!draft) throw new Error('no draft');
    await source.repos.scorecards.saveDraft(draft.id, { ...contentOf(draft), takeaways: 'Strong on the rollback, but the prevention story was thin.' }, draft.editVersion);
    const { json: newer } = await exportText(source.backups, { appVersion: '0.1.0' });

    const target = freshDb();
    const backups = backupsOf(target.db);
    await backups.restore(verifiedOf(await backups.previewRestore(older)));
    const preview = acceptedOf(await backups.previewRestore(newer));
    expect(countsOf(preview.plan, 'roles')).toEqual(counts({ update: 1 }));
    expect(countsOf(preview.plan, 'debriefs')).toEqual(counts({ update: 1 }));
    expect(countsOf(preview.plan, 'scorecards')).toEqual(counts({ same: 2, update: 1 }));
    expect(preview.summary).toContain('1 role: 1 newer than this device’s copy.');
    expect(preview.summary).toContain('3 scorecards: 1 newer than this device’s copy, 2 already here unchanged.');
    await backups.restore(preview.backup);
    expect(await snapshot(target.db)).toEqual(await snapshot(source.db));

    const again = acceptedOf(await backups.previewRestore(older));
    expect(totalsOf(again.plan)).toEqual(counts({ same: 13, 'keep-local': 3 }));
    await backups.restore(again.backup);
    expect((await target.repos.roles.get(source.role.id))?.title).toBe('Staff MLOps Engineer, Serving');
    expect((await target.repos.debriefs.getByCandidate(source.priya.id))?.decision).toBe('no-hire');
    expect(await snapshot(target.db)).toEqual(await snapshot(source.db));
  });

  it('keeps both copies of a role edited apart on two devices, changes neither, and lets the person choose', async () => {
    const source = await populated();
    const { json: shared } = await exportText(source.backups, { appVersion: '0.1.0' });
    const target = freshDb();
    const backups = backupsOf(target.db);
    await backups.restore(verifiedOf(await backups.previewRestore(shared)));
    await source.repos.roles.update(source.role.id, { ...servingRole, title: 'Staff MLOps Engineer, Serving' });
    await target.repos.roles.update(source.role.id, { ...servingRole, targetCloseWeeks: 8 });
    const { json: diverged } = await exportText(source.backups, { appVersion: '0.1.0' });
    const before = await snapshot(target.db);

    const preview = acceptedOf(await backups.previewRestore(diverged));
    expect(countsOf(preview.plan, 'roles')).toEqual(counts({ conflict: 1 }));
    expect(totalsOf(preview.plan)).toEqual(counts({ same: 15, conflict: 1 }));
    expect(preview.summary).toEqual([
      '1 role: 1 changed both here and in the backup: both kept for you to choose.',
      '2 candidates: 2 already here unchanged.',
      '3 rubrics: 3 already here unchanged.',
      '3 interviews: 3 already here unchanged.',
      '3 scorecards: 3 already here unchanged.',
      '2 submitted scorecard revisions: 2 already here unchanged.',
      '1 debrief: 1 already here unchanged.',
      '1 setting: 1 already here unchanged.',
      'Records on this device that are not in the backup are kept.',
      'After the restore, choose between the two versions under Changes to review.',
    ]);
    expect(await snapshot(target.db)).toEqual(before);

    await backups.restore(preview.backup);
    const after = await snapshot(target.db);
    // This device's role stays as it was; the backup's copy waits in `conflicts`.
    for (const table of BACKUP_TABLES) expect(after[table]).toEqual(before[table]);
    expect(after.conflicts).toHaveLength(1);
    const [conflict, ...more] = await target.repos.imports.listConflicts();
    expect(more).toEqual([]);
    expect(conflict).toMatchObject({ table: 'roles', label: 'The role “Staff MLOps Engineer, Serving”', source: 'the backup of 2026-11-02', receivedAt: '2026-11-02T09:00:00.000Z' });
    expect(conflict?.differences).toEqual(
      expect.arrayContaining([
        { field: 'Title', mine: 'Senior MLOps Engineer, Serving', theirs: 'Staff MLOps Engineer, Serving' },
        { field: 'Target weeks to close', mine: '8', theirs: '6' },
      ]),
    );

    await target.repos.imports.resolveConflict(conflict?.id ?? '', 'theirs');
    expect(await target.repos.imports.listConflicts()).toEqual([]);
    expect(await target.repos.roles.get(source.role.id)).toMatchObject({ title: 'Staff MLOps Engineer, Serving', targetCloseWeeks: 6 });
    // The choice descends from both copies: the same backup is now older, not a conflict again.
    const again = acceptedOf(await backups.previewRestore(diverged));
    expect(countsOf(again.plan, 'roles')).toEqual(counts({ 'keep-local': 1 }));
  });

  it('writes nothing if a record the backup touches changed between the preview and the restore', async () => {
    const source = await populated();
    const { json } = await exportText(source.backups, { appVersion: '0.1.0' });
    const target = await otherDevice();
    const checked = verifiedOf(await target.backups.previewRestore(json));
    // The backup's interviewer name would have been added; now this device has its own.
    await target.repos.settings.setInterviewerName('Karel Dvořák');
    const before = await snapshot(target.db);
    const error = await rejectionOf(target.backups.restore(checked));
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as Error).message).toBe('Records on this device changed since the backup was checked. Check the backup again to see what it would change. Nothing was restored.');
    expect(await snapshot(target.db)).toEqual(before);

    // A change to nothing the backup holds leaves the plan as shown, and the restore goes ahead.
    const rechecked = acceptedOf(await target.backups.previewRestore(json));
    expect(countsOf(rechecked.plan, 'settings')).toEqual(counts({ 'keep-local': 1 }));
    await target.repos.candidates.create({ name: 'Added meanwhile', roleId: 'role-elsewhere', notes: '' });
    expect(await target.backups.restore(rechecked.backup)).toEqual(rechecked.plan);
    expect((await target.repos.candidates.list()).map((c) => c.name).sort()).toEqual(['Added meanwhile', 'Linh Nguyễn', 'Priya Raman']);
    expect(await target.repos.settings.getInterviewerName()).toBe('Karel Dvořák');
  });

  it('restores only what previewRestore checked', async () => {
    const { backups, db } = await populated();
    const verified = verifiedOf(await backups.previewRestore((await exportText(backups, { appVersion: '0.1.0' })).json));
    await expect(backups.restore({ ...verified })).rejects.toThrow('Only a backup checked by previewRestore can be restored.');
    expect(Object.isFrozen(verified)).toBe(true);
    // The receipt carries no rows to tamper with; the checked ones stay inside the repository.
    expect(Object.keys(verified)).toEqual(['header', 'plan']);
    expect((await snapshot(db)).roles).toHaveLength(1);
  });

  it('describes an empty plan, and every kind of decision, in sentences', () => {
    const empty: RestorePlan = { tables: INCOMING_TABLES.map((table) => ({ table, counts: { ...NO_COUNTS } })) };
    expect(describeRestorePlan(empty)).toEqual(['The backup is empty: nothing would change.', 'Records on this device that are not in the backup are kept.']);
    const everything: RestorePlan = {
      tables: INCOMING_TABLES.map((table) => ({ table, counts: table === 'debriefs' ? { add: 1_200, same: 2, update: 3, 'keep-local': 4, conflict: 5 } : { ...NO_COUNTS } })),
    };
    expect(describeRestorePlan(everything)).toEqual([
      '1,214 debriefs: 1,200 new, 3 newer than this device’s copy, 2 already here unchanged, 4 older than this device’s copy, which is kept, 5 changed both here and in the backup: both kept for you to choose.',
      'Records on this device that are not in the backup are kept.',
      'After the restore, choose between the two versions under Changes to review.',
    ]);
  });
});

describe('the last backup date', () => {
  it('is recorded when a backup was saved, never moves backwards, stays out of backups and survives a restore', async () => {
    const source = await populated();
    expect(await source.backups.lastBackupAt()).toBeNull();
    const { json, exportedAt } = await exportText(source.backups, { appVersion: '0.1.0' });
    // Exporting alone does not count: the person may still cancel the save.
    expect(await source.backups.lastBackupAt()).toBeNull();
    await expect(source.backups.recordBackupSaved(exportedAt)).resolves.toBe('2026-11-02T09:00:00.000Z');
    expect(await source.backups.lastBackupAt()).toBe('2026-11-02T09:00:00.000Z');
    await expect(source.backups.recordBackupSaved('2026-10-01T09:00:00.000Z')).resolves.toBe('2026-11-02T09:00:00.000Z');
    expect(await source.backups.lastBackupAt()).toBe('2026-11-02T09:00:00.000Z');
    await expect(source.backups.recordBackupSaved('yesterday')).rejects.toBeInstanceOf(ValidationError);

    const later = await exportText(backupsOf(source.db, new Date('2026-11-09T09:00:00Z')), { appVersion: '0.1.0' });
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
    expect(readLoopcardFile('x'.repeat(1_000), { expect: ['backup'] })).toMatchObject({ ok: false, reason: expect.stringContaining('not valid JSON') });
    expect(readLoopcardFile('{}', { byteLength: BACKUP_MAX_BYTES, expect: ['backup'] })).toMatchObject({ ok: false, reason: expect.stringContaining('no format and version') });
  });

  it('refuses an app version too long for the file’s header, before reading anything', async () => {
    const { backups } = await populated();
    await expect(exportText(backups, { appVersion: 'x'.repeat(41) })).rejects.toBeInstanceOf(ValidationError);
  });
});

describe('the passphrase for a new backup', () => {
  it('is refused when empty or shorter than 8 characters, before anything is read', async () => {
    const { backups } = await populated();
    for (const [passphrase, message] of [
      ['', 'Enter a passphrase.'],
      ['hunter2', 'Use a passphrase of at least 8 characters.'],
    ] as const) {
      const error = await rejectionOf(exportText(backups, { appVersion: '0.1.0', passphrase }));
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).issues).toEqual([{ path: 'passphrase', message }]);
    }
  });
});
