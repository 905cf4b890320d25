import { describe, expect, it } from 'vitest';
import scorecardV1 from '../fixtures/scorecard-v1.loopcard.json?raw';
import loopV1 from '../fixtures/loop-v1.loopcard.json?raw';
import packetV1 from '../fixtures/packet-v1.loopcard.json?raw';
import backupV1 from '../fixtures/backup-v1.loopcard.json?raw';
import backupV1Encrypted from '../fixtures/backup-v1-encrypted.loopcard.json?raw';
import scorecardV2 from '../fixtures/scorecard-v2.loopcard.json?raw';
import loopV2 from '../fixtures/loop-v2.loopcard.json?raw';
import packetV2 from '../fixtures/packet-v2.loopcard.json?raw';
import backupV2 from '../fixtures/backup-v2.loopcard.json?raw';
import backupV2Encrypted from '../fixtures/backup-v2-encrypted.loopcard.json?raw';
import scorecardV3 from '../fixtures/scorecard-v3.loopcard.json?raw';
import loopV3 from '../fixtures/loop-v3.loopcard.json?raw';
import packetV3 from '../fixtures/packet-v3.loopcard.json?raw';
import backupV3 from '../fixtures/backup-v3.loopcard.json?raw';
import backupV3Encrypted from '../fixtures/backup-v3-encrypted.loopcard.json?raw';
import scorecardV4 from '../fixtures/scorecard-v4.loopcard.json?raw';
import loopV4 from '../fixtures/loop-v4.loopcard.json?raw';
import packetV4 from '../fixtures/packet-v4.loopcard.json?raw';
import backupV4 from '../fixtures/backup-v4.loopcard.json?raw';
import backupV4Encrypted from '../fixtures/backup-v4-encrypted.loopcard.json?raw';
import packetV5 from '../fixtures/packet-v5.loopcard.json?raw';
import packetV6 from '../fixtures/packet-v6.loopcard.json?raw';
import scorecardV5 from '../fixtures/scorecard-v5.loopcard.json?raw';
import loopV5 from '../fixtures/loop-v5.loopcard.json?raw';
import packetV7 from '../fixtures/packet-v7.loopcard.json?raw';
import backupV5 from '../fixtures/backup-v5.loopcard.json?raw';
import backupV5Encrypted from '../fixtures/backup-v5-encrypted.loopcard.json?raw';
import backupV6 from '../fixtures/backup-v6.loopcard.json?raw';
import backupV6Encrypted from '../fixtures/backup-v6-encrypted.loopcard.json?raw';
import rubricV1 from '../fixtures/rubric-v1.loopcard-rubric.json?raw';
import type { Repositories } from '../../src/data/repositories';
import { readLoopcardFile, type FileKind } from '../../src/domain/file-reading';
import { SCORECARD_FILE_VERSION } from '../../src/domain/scorecard-file';
import { LOOP_FILE_VERSION } from '../../src/domain/loop-file';
import { PACKET_VERSION } from '../../src/domain/packet';
import { RUBRIC_FILE_VERSION } from '../../src/domain/rubric-file';

const CURRENT_VERSION = { scorecard: SCORECARD_FILE_VERSION, loop: LOOP_FILE_VERSION, packet: PACKET_VERSION, rubric: RUBRIC_FILE_VERSION } as const;
import { REV_PATTERN, hasConsistentRevision } from '../../src/domain/revision';
import { DebriefSchema, checkPanelConsensus } from '../../src/domain/debrief';
import { dissentLine, summariseDecision } from '../../src/domain/decision-summary';
import { freshDb } from '../helpers/db';

/**
 * Every file format version the app has shipped, as a file it really wrote, read by today's code.
 * The fixtures are frozen: never regenerate or edit them. A new format version gets its own file
 * and its own case here. The assertions stay on what the person sees (names, revisions, decision),
 * so a refactor of the import functions needs small edits here, never new fixtures.
 */

/** The one loop the scorecard, loop and packet fixtures share. */
const CANDIDATE_ID = 'fx-candidate-1';
const INTERVIEWERS = ['Zofia Łukasiewicz', 'Ben Okafor', 'Linh Nguyễn'];
/** The passphrase the frozen encrypted backup was made with (also in test/data/backup.test.ts). */
const BACKUP_FIXTURE_PASSPHRASE = 'frozen fixture passphrase';
/** PBKDF2 at 600,000 rounds takes a fraction of a second. */
const SLOW = 20_000;

const FROZEN: readonly { file: string; text: string; format: string; kind: FileKind }[] = [
  { file: 'scorecard-v1.loopcard.json', text: scorecardV1, format: 'loopcard.scorecard', kind: 'scorecard' },
  { file: 'loop-v1.loopcard.json', text: loopV1, format: 'loopcard.loop', kind: 'loop' },
  { file: 'packet-v1.loopcard.json', text: packetV1, format: 'loopcard.packet', kind: 'packet' },
  { file: 'backup-v1.loopcard.json', text: backupV1, format: 'loopcard.backup', kind: 'backup' },
  { file: 'backup-v1-encrypted.loopcard.json', text: backupV1Encrypted, format: 'loopcard.backup', kind: 'backup' },
];

/** Every record with a revision (roles, candidates, interviews, debriefs) has one and a history. */
function expectRevised(rows: readonly object[]) {
  expect(rows.length).toBeGreaterThan(0);
  for (const row of rows) expect(row).toMatchObject({ rev: expect.stringMatching(REV_PATTERN), revHistory: [] });
}

async function interviewerNames(repos: Repositories, candidateId: string): Promise<string[]> {
  return (await repos.interviews.listByCandidate(candidateId)).map((i) => i.interviewerName).sort();
}

async function restoreBackup(repos: Repositories, text: string, passphrase?: string) {
  const preview = await repos.backup.previewRestore(text, passphrase === undefined ? {} : { passphrase });
  if (!preview.ok) throw new Error(`The frozen backup was refused: ${preview.reason}`);
  await repos.backup.restore(preview.backup);
}

describe('frozen files of every shipped format version', () => {
  it.each(FROZEN)('$file says what it is: format $format, version 1', ({ text, format }) => {
    expect(text.startsWith(`{\n  "format": "${format}",\n  "version": 1,\n`)).toBe(true);
  });

  it.each(FROZEN)('$file is read by today’s one reader as a $kind file, migrated to the current version', ({ text, kind }) => {
    const read = readLoopcardFile(text);
    if (!read.ok) throw new Error(`The frozen file was refused: ${read.reason}`);
    const file = read.value;
    expect(file.kind).toBe(kind);
    if (file.kind === 'backup') {
      // The header keeps the version the file says (an encrypted backup binds it to its ciphertext).
      expect(file.header.version).toBe(1);
      if (file.encrypted) return;
      expect(file.content.databaseVersion).toBeGreaterThanOrEqual(3);
      for (const table of ['roles', 'candidates', 'interviews', 'debriefs'] as const) expectRevised(file.content.tables[table]);
      return;
    }
    expect(file.file.version).toBe(CURRENT_VERSION[file.kind]);
    expect(file.records.candidates.map((c) => c.id)).toEqual([CANDIDATE_ID]);
    expectRevised([...file.records.roles, ...file.records.candidates, ...file.records.interviews, ...file.records.debriefs]);
  });

  it('scorecard v1: gathered as a new scorecard with both revisions and the amendment reason', async () => {
    const { repos } = freshDb();
    const result = await repos.imports.importFile('scorecard-v1.loopcard.json', scorecardV1);
    expect(result).toMatchObject({ fileName: 'scorecard-v1.loopcard.json', kind: 'scorecard', outcome: 'added', candidateId: CANDIDATE_ID });
    expect(result.detail).toContain('Zofia Łukasiewicz’s scorecard for Priya Raman, revision 2.');
    expect((await repos.candidates.get(CANDIDATE_ID))?.name).toBe('Priya Raman');
    expect(await interviewerNames(repos, CANDIDATE_ID)).toEqual(['Zofia Łukasiewicz']);
    const { current, revisions } = await repos.scorecards.listForCandidate(CANDIDATE_ID);
    expect(current).toHaveLength(1);
    expect(current[0]).toMatchObject({ interviewerName: 'Zofia Łukasiewicz', status: 'submitted', revision: 2 });
    expect(revisions.map((r) => [r.revision, r.amendReason]).sort()).toEqual([
      [1, ''],
      [2, 'Rollback was level 3 on a second read of my notes.'],
    ]);
    expect((await repos.imports.importFile('scorecard-v1.loopcard.json', scorecardV1)).outcome).toBe('unchanged');
    expect(await repos.imports.listConflicts()).toEqual([]);
  });

  it('loop v1: adds the candidate and the three interviews', async () => {
    const { repos } = freshDb();
    const result = await repos.imports.importFile('loop-v1.loopcard.json', loopV1);
    expect(result).toMatchObject({ kind: 'loop', outcome: 'added', candidateId: CANDIDATE_ID });
    expect((await repos.candidates.get(CANDIDATE_ID))?.name).toBe('Priya Raman');
    expect(await interviewerNames(repos, CANDIDATE_ID)).toEqual([...INTERVIEWERS].sort());
    expect((await repos.scorecards.listForCandidate(CANDIDATE_ID)).current).toEqual([]);
    expect((await repos.imports.importFile('loop-v1.loopcard.json', loopV1)).outcome).toBe('unchanged');
  });

  it('packet v1: reproduces the debrief, its three scorecards and the decision', async () => {
    const { repos } = freshDb();
    const result = await repos.imports.importFile('packet-v1.loopcard.json', packetV1);
    expect(result).toMatchObject({ kind: 'packet', outcome: 'added', candidateId: CANDIDATE_ID });
    expect((await repos.candidates.get(CANDIDATE_ID))?.name).toBe('Priya Raman');
    expect(await interviewerNames(repos, CANDIDATE_ID)).toEqual([...INTERVIEWERS].sort());
    const { current, revisions } = await repos.scorecards.listForCandidate(CANDIDATE_ID);
    expect(current.map((s) => s.interviewerName).sort()).toEqual([...INTERVIEWERS].sort());
    expect(revisions).toHaveLength(4);
    const debrief = await repos.debriefs.getByCandidate(CANDIDATE_ID);
    expect(debrief).toMatchObject({ decision: 'hire', decidedBy: 'Dana Whitfield' });
    expect(debrief?.consensus).toHaveLength(5);
    expect((await repos.imports.importFile('packet-v1.loopcard.json', packetV1)).outcome).toBe('unchanged');
  });

  it('loop, scorecard and packet v1 are one loop: each arrives on the device the one before it filled', async () => {
    const { repos } = freshDb();
    expect((await repos.imports.importFile('loop-v1.loopcard.json', loopV1)).outcome).toBe('added');
    expect((await repos.imports.importFile('scorecard-v1.loopcard.json', scorecardV1)).outcome).toBe('added');
    expect((await repos.imports.importFile('packet-v1.loopcard.json', packetV1)).outcome).toBe('added');
    // The three files migrate their shared records to the same revisions: nothing to choose between.
    expect(await repos.imports.listConflicts()).toEqual([]);
    expect(await repos.candidates.list()).toHaveLength(1);
    expect(await interviewerNames(repos, CANDIDATE_ID)).toEqual([...INTERVIEWERS].sort());
    expect((await repos.debriefs.getByCandidate(CANDIDATE_ID))?.decision).toBe('hire');
  });

  it('backup v1: restores the candidate, the interviewers and the decision', async () => {
    const { repos } = freshDb();
    await restoreBackup(repos, backupV1);
    expect(await repos.imports.listConflicts()).toEqual([]);
    const [candidate, ...others] = await repos.candidates.list();
    expect(others).toEqual([]);
    expect(candidate?.name).toBe('Sofía Castaño');
    if (!candidate) return;
    expect(await interviewerNames(repos, candidate.id)).toEqual(['Ana Lopez', 'Ben Okafor']);
    expect((await repos.debriefs.getByCandidate(candidate.id))?.decision).toBe('hire');
    expect(await repos.settings.getInterviewerName()).toBe('Dana Whitfield');
  });

  it(
    'backup v1, encrypted: asks for the passphrase, then restores the same candidate and decision',
    async () => {
      const { repos } = freshDb();
      expect(await repos.backup.previewRestore(backupV1Encrypted)).toMatchObject({ ok: false, problem: 'passphrase-needed' });
      await restoreBackup(repos, backupV1Encrypted, BACKUP_FIXTURE_PASSPHRASE);
      const [candidate, ...others] = await repos.candidates.list();
      expect(others).toEqual([]);
      expect(candidate?.name).toBe('Sofía Castaño');
      if (!candidate) return;
      expect(await interviewerNames(repos, candidate.id)).toEqual(['Ana Lopez', 'Ben Okafor']);
      expect((await repos.debriefs.getByCandidate(candidate.id))?.decision).toBe('hire');
    },
    SLOW,
  );
});

/**
 * Version 2 of every format: records with revisions (database version 3); version 3: rubrics with
 * their agenda (database version 4); version 4: rubrics with their lineage, loop files with one
 * rubric per interview (database version 5). Made once from packet v1, then each from the last.
 */
const FROZEN_V2: readonly { file: string; text: string; format: string; kind: FileKind; passphrase?: string; version?: number; now?: string }[] = [
  // Made on 2 December 2026 from packet v6: the role given a stack and a mission, the candidate a screen.
  { file: 'scorecard-v5.loopcard.json', text: scorecardV5, format: 'loopcard.scorecard', kind: 'scorecard', version: 5, now: '2026-12-03T09:00:00.000Z' },
  { file: 'loop-v5.loopcard.json', text: loopV5, format: 'loopcard.loop', kind: 'loop', version: 5, now: '2026-12-03T09:00:00.000Z' },
  { file: 'packet-v7.loopcard.json', text: packetV7, format: 'loopcard.packet', kind: 'packet', version: 7, now: '2026-12-03T09:00:00.000Z' },
  { file: 'backup-v5.loopcard.json', text: backupV5, format: 'loopcard.backup', kind: 'backup', version: 5, now: '2026-12-03T09:00:00.000Z' },
  {
    file: 'backup-v5-encrypted.loopcard.json',
    text: backupV5Encrypted,
    format: 'loopcard.backup',
    kind: 'backup',
    passphrase: BACKUP_FIXTURE_PASSPHRASE,
    version: 5,
    now: '2026-12-03T09:00:00.000Z',
  },
  // Made on 1 December 2026 from packet v5: the decision taken again, with its rationale.
  { file: 'packet-v6.loopcard.json', text: packetV6, format: 'loopcard.packet', kind: 'packet', version: 6, now: '2026-12-02T09:00:00.000Z' },
  // Made on 30 November 2026: read on a device whose clock is past that day.
  { file: 'packet-v5.loopcard.json', text: packetV5, format: 'loopcard.packet', kind: 'packet', version: 5, now: '2026-12-01T09:00:00.000Z' },
  { file: 'scorecard-v4.loopcard.json', text: scorecardV4, format: 'loopcard.scorecard', kind: 'scorecard', version: 4 },
  { file: 'loop-v4.loopcard.json', text: loopV4, format: 'loopcard.loop', kind: 'loop', version: 4 },
  { file: 'packet-v4.loopcard.json', text: packetV4, format: 'loopcard.packet', kind: 'packet', version: 4 },
  { file: 'backup-v4.loopcard.json', text: backupV4, format: 'loopcard.backup', kind: 'backup', version: 4 },
  { file: 'backup-v4-encrypted.loopcard.json', text: backupV4Encrypted, format: 'loopcard.backup', kind: 'backup', passphrase: BACKUP_FIXTURE_PASSPHRASE, version: 4 },
  { file: 'scorecard-v3.loopcard.json', text: scorecardV3, format: 'loopcard.scorecard', kind: 'scorecard', version: 3 },
  { file: 'loop-v3.loopcard.json', text: loopV3, format: 'loopcard.loop', kind: 'loop', version: 3 },
  { file: 'packet-v3.loopcard.json', text: packetV3, format: 'loopcard.packet', kind: 'packet', version: 3 },
  { file: 'backup-v3.loopcard.json', text: backupV3, format: 'loopcard.backup', kind: 'backup', version: 3 },
  { file: 'backup-v3-encrypted.loopcard.json', text: backupV3Encrypted, format: 'loopcard.backup', kind: 'backup', passphrase: BACKUP_FIXTURE_PASSPHRASE, version: 3 },
  { file: 'scorecard-v2.loopcard.json', text: scorecardV2, format: 'loopcard.scorecard', kind: 'scorecard' },
  { file: 'loop-v2.loopcard.json', text: loopV2, format: 'loopcard.loop', kind: 'loop' },
  { file: 'packet-v2.loopcard.json', text: packetV2, format: 'loopcard.packet', kind: 'packet' },
  { file: 'backup-v2.loopcard.json', text: backupV2, format: 'loopcard.backup', kind: 'backup' },
  { file: 'backup-v2-encrypted.loopcard.json', text: backupV2Encrypted, format: 'loopcard.backup', kind: 'backup', passphrase: BACKUP_FIXTURE_PASSPHRASE },
];

/**
 * Backup version 6: the same rows as version 5, laid out a chunk a line (each with its own
 * checksum, or sealed with its own IV). Made on 4 December 2026 by restoring backup-v5 on a fresh
 * device and backing it up, plain and with the fixture passphrase.
 */
const FROZEN_CHUNKED: readonly { file: string; text: string; passphrase?: string }[] = [
  { file: 'backup-v6.loopcard.json', text: backupV6 },
  { file: 'backup-v6-encrypted.loopcard.json', text: backupV6Encrypted, passphrase: BACKUP_FIXTURE_PASSPHRASE },
];

describe('frozen backups of version 6, in chunks', () => {
  const NOW = new Date('2026-12-05T09:00:00.000Z');

  it.each(FROZEN_CHUNKED)('$file says what it is on its first line, and ends with its closing line', ({ text, passphrase }) => {
    const [first = ''] = text.split('\n');
    expect(first.startsWith('{"format":"loopcard.backup","version":6,"exportedAt":"2026-12-04T10:00:00.000Z"')).toBe(true);
    expect(first.endsWith(',"chunks":[')).toBe(true);
    expect(first.includes(passphrase === undefined ? '"encryption":null' : '"kdf":"PBKDF2-SHA256"')).toBe(true);
    expect(text.endsWith('\n]}\n')).toBe(true);
  });

  it.each(FROZEN_CHUNKED)('$file arrives whole on an empty device, and a second time changes nothing', async ({ text, passphrase }) => {
    const { repos } = freshDb({ now: NOW });
    if (passphrase !== undefined) expect(await repos.backup.previewRestore(text)).toMatchObject({ ok: false, problem: 'passphrase-needed' });
    await restoreBackup(repos, text, passphrase);
    const again = await repos.backup.previewRestore(new Blob([text]), passphrase === undefined ? {} : { passphrase });
    if (!again.ok) throw new Error(again.reason);
    expect(again.header).toMatchObject({ version: 6, exportedAt: '2026-12-04T10:00:00.000Z', appVersion: '0.1.0' });
    for (const { counts } of again.plan.tables) expect(counts.add + counts.update + counts.conflict + counts['keep-local']).toBe(0);
    expect((await repos.candidates.get(CANDIDATE_ID))?.name).toBe('Priya Raman');
    expect(await interviewerNames(repos, CANDIDATE_ID)).toEqual([...INTERVIEWERS].sort());
    expect((await repos.debriefs.getByCandidate(CANDIDATE_ID))?.decision).toBe('hire');
    expect(await repos.imports.listConflicts()).toEqual([]);
  }, SLOW);

  it('holds the same records as backup v5: restoring one over the other changes nothing', async () => {
    const { repos } = freshDb({ now: NOW });
    await restoreBackup(repos, backupV5);
    const over = await repos.backup.previewRestore(backupV6);
    if (!over.ok) throw new Error(over.reason);
    for (const { counts } of over.plan.tables) expect(counts.add + counts.update + counts.conflict + counts['keep-local']).toBe(0);
  });
});

describe('frozen files of format versions 2 to 7', () => {
  it.each(FROZEN_V2)('$file says what it is: format $format', ({ text, format, version }) => {
    expect(text.startsWith(`{\n  "format": "${format}",\n  "version": ${version ?? 2},\n`)).toBe(true);
  });

  it.each(FROZEN_V2)('$file arrives whole on an empty device, and a second time changes nothing', async ({ file, text, kind, passphrase, now }) => {
    const { repos } = freshDb({ now: new Date(now ?? '2026-11-04T09:00:00.000Z') });
    if (kind === 'backup') {
      await restoreBackup(repos, text, passphrase);
      const again = await repos.backup.previewRestore(text, passphrase === undefined ? {} : { passphrase });
      if (!again.ok) throw new Error(again.reason);
      for (const { counts } of again.plan.tables) expect(counts.add + counts.update + counts.conflict + counts['keep-local']).toBe(0);
    } else {
      expect((await repos.imports.importFile(file, text)).outcome).toBe('added');
      expect((await repos.imports.importFile(file, text)).outcome).toBe('unchanged');
    }
    expect((await repos.candidates.get(CANDIDATE_ID))?.name).toBe('Priya Raman');
    expect(await repos.imports.listConflicts()).toEqual([]);
  }, SLOW);

  it('version 3 and version 4 of the same loop are the same records: the one rubric becomes the list, with the same lineage', async () => {
    const { repos } = freshDb({ now: new Date('2026-11-30T13:00:00.000Z') });
    expect((await repos.imports.importFile('loop-v3.loopcard.json', loopV3)).outcome).toBe('added');
    expect((await repos.imports.importFile('loop-v4.loopcard.json', loopV4)).outcome).toBe('unchanged');
    expect((await repos.imports.importFile('scorecard-v3.loopcard.json', scorecardV3)).outcome).toBe('added');
    expect((await repos.imports.importFile('scorecard-v4.loopcard.json', scorecardV4)).outcome).toBe('unchanged');
    const read = readLoopcardFile(loopV3);
    if (!read.ok || read.value.kind !== 'loop') throw new Error('The version 3 loop file was refused.');
    expect(read.value.file.payload.rubrics.map((r) => [r.id, r.version, r.lineage, r.basedOn, r.author])).toEqual([['production-incident-review', 1, 'production-incident-review', null, '']]);
  });

  it('packet v5: a panel on three rubrics arrives with each rubric version, its scores and its consensus apart', async () => {
    const { repos } = freshDb({ now: new Date('2026-12-01T09:00:00.000Z') });
    expect((await repos.imports.importFile('packet-v5.loopcard.json', packetV5)).outcome).toBe('added');
    const panel = await repos.packets.buildPanelContent(CANDIDATE_ID);
    expect(panel.rubrics.map((r) => [r.title, r.version])).toEqual([['Production incident review', 1], ['ML system design', 1], ['Rollback scenario', 1]]);
    expect(panel.aggregate.byRubric.map((g) => [g.title, g.dimensions.length])).toEqual([['Production incident review', 5], ['ML system design', 5], ['Rollback scenario', 5]]);
    expect(panel.scorecards.map((s) => [s.interviewerName, s.revisions.map((r) => r.rubric.id)])).toEqual([
      ['Zofia Łukasiewicz', ['production-incident-review']],
      ['Ben Okafor', ['ml-system-design']],
      ['Linh Nguyễn', ['rollback-scenario']],
    ]);
    const debrief = await repos.debriefs.getByCandidate(CANDIDATE_ID);
    expect(debrief?.decision).toBe('hire');
    expect(debrief?.consensus).toHaveLength(15);
    if (!debrief) return;
    expect(checkPanelConsensus(debrief.consensus, panel.aggregate, panel.rubrics)).toEqual([]);
  });

  it('packet v6: the decision arrives with its rationale, and page one’s dissent and what it goes against follow from the file', async () => {
    const read = readLoopcardFile(packetV6);
    if (!read.ok || read.value.kind !== 'packet') throw new Error('The version 6 packet was refused.');
    const summary = summariseDecision(read.value.file.content);
    expect(summary.dissent.map(dissentLine)).toEqual(['Linh Nguyễn: No — no takeaway written']);
    expect(summary.goesAgainst).toEqual(['Rollback mechanics’ consensus (Rollback scenario · version 1) is 2 · Partial']);

    const { repos } = freshDb({ now: new Date('2026-12-02T09:00:00.000Z') });
    expect((await repos.imports.importFile('packet-v6.loopcard.json', packetV6)).outcome).toBe('added');
    const debrief = await repos.debriefs.getByCandidate(CANDIDATE_ID);
    expect(debrief).toMatchObject({ decision: 'hire', decidedBy: 'Dana Whitfield', decidedAt: '2026-12-01T10:00:00.000Z' });
    expect(debrief?.decisionRationale).toBe(
      'Hire: the strongest incident owner of the slate, and the system design held up under load questions. Linh’s No rests on the manual rollback; the first 90 days include building the registry pin, with Linh reviewing it.',
    );
    // The same loop as packet v5, decided again: v5's older decision does not replace it.
    expect((await repos.imports.importFile('packet-v5.loopcard.json', packetV5)).outcome).not.toBe('added');
    expect((await repos.debriefs.getByCandidate(CANDIDATE_ID))?.decisionRationale).toBe(debrief?.decisionRationale);
  });

  it.each([
    ['packet-v4.loopcard.json', packetV4],
    ['backup-v4.loopcard.json', backupV4],
  ])('%s: its debrief, recorded before consensus named its rubric, still verifies and is complete for the panel’s only rubric', async (file, text) => {
    const read = readLoopcardFile(text);
    if (!read.ok) throw new Error(`The frozen file was refused: ${read.reason}`);
    const debriefs = read.value.kind === 'packet' ? [read.value.file.content.debrief] : read.value.kind === 'backup' && !read.value.encrypted ? read.value.content.tables.debriefs : [];
    expect(debriefs.length).toBeGreaterThan(0);
    for (const debrief of debriefs) {
      expect(debrief.consensus.every((c) => c.rubric === undefined)).toBe(true);
      expect(hasConsistentRevision(DebriefSchema.parse(debrief))).toBe(true);
    }
    const { repos } = freshDb({ now: new Date('2026-12-01T09:00:00.000Z') });
    if (read.value.kind === 'backup') await restoreBackup(repos, text);
    else expect((await repos.imports.importFile(file, text)).outcome).toBe('added');
    for (const candidate of await repos.candidates.list()) {
      const panel = await repos.packets.buildPanelContent(candidate.id);
      const debrief = await repos.debriefs.getByCandidate(candidate.id);
      if (!debrief || debrief.decision === null) continue;
      expect(panel.aggregate.byRubric).toHaveLength(1);
      expect(checkPanelConsensus(debrief.consensus, panel.aggregate, panel.rubrics)).toEqual([]);
    }
  });

  it('version 1 and version 2 of the same loop are the same records: no conflict, nothing to update', async () => {
    const { repos } = freshDb({ now: new Date('2026-11-04T09:00:00.000Z') });
    expect((await repos.imports.importFile('packet-v1.loopcard.json', packetV1)).outcome).toBe('added');
    expect((await repos.imports.importFile('packet-v2.loopcard.json', packetV2)).outcome).toBe('unchanged');
    expect((await repos.imports.importFile('loop-v2.loopcard.json', loopV2)).outcome).toBe('unchanged');
  });
});

/**
 * Version 5 of the scorecard, loop and backup files and version 7 of the packet: the role's stack
 * and 90-day mission, and (in backups only) the candidate's screen. Written once by the app's own
 * writers from packet v6, with the role given a stack and a mission and the candidate a screen.
 */
describe('frozen files with the role’s stack and mission, and a screen', () => {
  const STACK = ['AWS', 'Kubernetes', 'KServe', 'Triton', 'Arize', 'Prométhée'];
  const MISSION = /^In the first 90 days: join the on-call rotation for model endpoints, move the ranking endpoint off Flask onto KServe/;
  /** Every field only a screen has: none of them may travel in a loop or a scorecard file. */
  const SCREEN_FIELDS = ['productionSignals', 'wrongPoolSignals', 'matchedKeywords', 'screenedBy', 'stackTools'];
  const at = { now: new Date('2026-12-03T09:00:00.000Z') };

  it.each([
    ['loop-v5.loopcard.json', loopV5],
    ['scorecard-v5.loopcard.json', scorecardV5],
    ['packet-v7.loopcard.json', packetV7],
  ])('%s brings the role’s stack and mission to the device it is opened on', async (file, text) => {
    const { repos } = freshDb(at);
    expect((await repos.imports.importFile(file, text)).outcome).toBe('added');
    const candidate = await repos.candidates.get(CANDIDATE_ID);
    const role = candidate && (await repos.roles.get(candidate.roleId));
    expect(role?.stack).toEqual(STACK);
    expect(role?.mission).toMatch(MISSION);
  }, SLOW);

  it.each([
    ['loop-v5.loopcard.json', loopV5],
    ['scorecard-v5.loopcard.json', scorecardV5],
  ])('%s carries no screen: none of its fields, not the screener, not the reason', (_file, text) => {
    for (const field of SCREEN_FIELDS) expect(text).not.toContain(`"${field}"`);
    expect(text).not.toContain('Mei Tanaka');
    expect(text).not.toContain('Ran the serving on-call for two years');
  });

  it.each([
    ['backup-v5.loopcard.json', backupV5, undefined],
    ['backup-v5-encrypted.loopcard.json', backupV5Encrypted, BACKUP_FIXTURE_PASSPHRASE],
  ])('%s restores the candidate’s screen with the role’s stack and mission', async (_file, text, passphrase) => {
    const { repos } = freshDb(at);
    await restoreBackup(repos, text, passphrase);
    const role = (await repos.roles.list())[0];
    expect(role?.stack).toEqual(STACK);
    expect(role?.mission).toMatch(MISSION);
    const screen = await repos.sourcing.getScreen(CANDIDATE_ID);
    expect(screen).toMatchObject({ outcome: 'advance', screenedBy: 'Mei Tanaka', stackTools: ['KServe', 'Triton'] });
  }, SLOW);

  it('a loop file made on today’s device from that role brings the stack and mission to the interviewer, and no screen', async () => {
    const lead = freshDb(at);
    await restoreBackup(lead.repos, backupV5);
    const { json, fileName } = await lead.repos.imports.buildLoopFile(CANDIDATE_ID, '0.1.0');
    for (const field of SCREEN_FIELDS) expect(json).not.toContain(`"${field}"`);
    const interviewer = freshDb(at);
    expect((await interviewer.repos.imports.importFile(fileName, json)).outcome).toBe('added');
    const role = (await interviewer.repos.roles.list())[0];
    expect(role).toMatchObject({ stack: STACK, mission: expect.stringMatching(MISSION) });
    expect(await interviewer.repos.sourcing.getScreen(CANDIDATE_ID)).toBeUndefined();
  }, SLOW);
});

/**
 * Rubric files, version 1: one rubric version a team saved ("Team incident review", version 2 of
 * the built-in's lineage), written once by buildRubricFile.
 */
describe('frozen rubric files', () => {
  it('rubric-v1.loopcard-rubric.json says what it is: format loopcard.rubric, version 1', () => {
    expect(rubricV1.startsWith('{\n  "format": "loopcard.rubric",\n  "version": 1,\n')).toBe(true);
  });

  it('rubric-v1.loopcard-rubric.json is read by today’s one reader as the team’s version 2', () => {
    const read = readLoopcardFile(rubricV1, { expect: ['rubric'] });
    if (!read.ok) throw new Error(`The frozen file was refused: ${read.reason}`);
    if (read.value.kind !== 'rubric') throw new Error(`Read as a ${read.value.kind}.`);
    expect(read.value.file.version).toBe(CURRENT_VERSION.rubric);
    const { rubric } = read.value.file.payload;
    expect([rubric.title, rubric.version, rubric.lineage, rubric.basedOn, rubric.author, rubric.builtIn]).toEqual(['Team incident review', 2, 'production-incident-review', { id: 'production-incident-review', version: 1 }, 'Zofia Łukasiewicz', false]);
    expect(rubric.dimensions.map((d) => d.key)).toEqual(['trigger', 'diagnosis', 'mitigation', 'rollback', 'prevention']);
  });

  it('rubric-v1.loopcard-rubric.json is added on an empty device, and a second time changes nothing', async () => {
    const { repos } = freshDb({ now: new Date('2026-12-01T09:00:00.000Z') });
    expect(await repos.imports.importFile('rubric-v1.loopcard-rubric.json', rubricV1, { expect: ['rubric'] })).toEqual({
      fileName: 'rubric-v1.loopcard-rubric.json',
      kind: 'rubric',
      outcome: 'added',
      detail: 'Rubric “Team incident review”, version 2, added.',
    });
    expect((await repos.imports.importFile('rubric-v1.loopcard-rubric.json', rubricV1, { expect: ['rubric'] })).outcome).toBe('unchanged');
    expect((await repos.rubrics.listVersions('production-incident-review')).map((r) => r.version).sort()).toEqual([1, 2]);
  });
});
