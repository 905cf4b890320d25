import { deriveBackupKey, openChunk, sealChunk } from '../../src/data/backup-crypto';
import { aggregatePanel, latestSubmitted } from '../../src/domain/aggregate';
import { BACKUP_TABLES, type BackupContent, type BackupTable, type PlainBackup } from '../../src/domain/backup-format';
import {
  CHUNKED_CLOSING_LINE,
  chunkBinding,
  chunkHash,
  chunkedHeaderDigest,
  chunkedHeaderLine,
  readChunkedHeaderLine,
  chunkLineEnds,
  type ChunkedHeader,
} from '../../src/domain/backup-chunks';
import { canonicalJson } from '../../src/domain/canonical-json';
import type { Candidate } from '../../src/domain/candidate';
import type { Debrief } from '../../src/domain/debrief';
import { sha256OfCanonical } from '../../src/domain/hash';
import type { Interview } from '../../src/domain/interview';
import type { LoopFile } from '../../src/domain/loop-file';
import type { Packet } from '../../src/domain/packet';
import { reviseRecord, type RevisionFields } from '../../src/domain/revision';
import type { Role } from '../../src/domain/role';
import type { Rubric } from '../../src/domain/rubric';
import { RUBRIC_FILE_FORMAT, RUBRIC_FILE_VERSION, type RubricFile } from '../../src/domain/rubric-file';
import { sealEnvelope } from '../../src/domain/file-envelope';
import type { Scorecard } from '../../src/domain/scorecard';
import type { ScorecardFile } from '../../src/domain/scorecard-file';
import { hashedContent } from '../../src/domain/scorecard-rules';

/**
 * Forging Loopcard files the way a careful person editing one by hand would: the same change made
 * in whichever format carries the record, then (as far as asked) every hash made to match again.
 * One forge, five formats, so a rule checked for one format and forgotten for another shows up.
 */

export const FORMATS = ['scorecard', 'loop', 'packet', 'backup', 'encrypted-backup'] as const;
export type Format = (typeof FORMATS)[number];

export const FORMAT_NAMES: Record<Format, string> = {
  scorecard: 'scorecard file',
  loop: 'loop file',
  packet: 'decision packet',
  backup: 'plain backup',
  'encrypted-backup': 'encrypted backup',
};

/**
 * How far the forger goes after the change:
 * - `none`: nothing recomputed (an encrypted backup is still sealed again, with its old inner checksum);
 * - `outer`: only the file's checksum (of `payload` or `content`);
 * - `all`: every submitted revision's hash, every edited record's revision, a packet's aggregate,
 *   then the file's checksum.
 */
export type Seal = 'none' | 'outer' | 'all';

/** The records of a file, whatever its format, as live objects inside it: change them in place. */
export type ForgeView = {
  readonly format: Format;
  /** Every copy of submitted revision `n`: the revision itself, and the working copy when it is that revision. */
  revision(n: number): Scorecard[];
  /** Every scorecard in the file: submitted revisions and working copies. */
  readonly scorecards: readonly Scorecard[];
  readonly roles: readonly Role[];
  readonly candidates: readonly Candidate[];
  readonly interviews: readonly Interview[];
  readonly rubrics: readonly Rubric[];
  readonly debriefs: readonly Debrief[];
  /** A change to the serialized text (the plaintext, for an encrypted backup), made after any resealing. */
  editText(edit: (json: string) => string): void;
  /** A change to the envelope's header (format, version, exportedAt, app), outside what the checksum covers. */
  editEnvelope(edit: (envelope: Record<string, unknown>) => void): void;
};

export type Forge = (file: ForgeView) => void;

type Edits = { text: ((json: string) => string)[]; envelope: ((envelope: Record<string, unknown>) => void)[] };

function viewOf(format: Format, body: ScorecardFile | LoopFile | Packet | BackupContent, edits: Edits): ForgeView & { revisions: Scorecard[]; working: Scorecard[] } {
  const base = { format, editText: (edit: (json: string) => string) => void edits.text.push(edit), editEnvelope: (edit: (envelope: Record<string, unknown>) => void) => void edits.envelope.push(edit) };
  const parts = (() => {
    switch (format) {
      case 'scorecard': {
        const p = (body as ScorecardFile).payload;
        return { revisions: p.revisions, working: [p.scorecard], roles: [p.role], candidates: [p.candidate], interviews: [p.interview], rubrics: [p.rubric], debriefs: [] };
      }
      case 'loop': {
        const p = (body as LoopFile).payload;
        return { revisions: [], working: [], roles: [p.role], candidates: [p.candidate], interviews: p.interviews, rubrics: p.rubrics, debriefs: [] };
      }
      case 'packet': {
        const c = (body as Packet).content;
        return { revisions: c.scorecards.flatMap((s) => s.revisions), working: [], roles: [c.role], candidates: [c.candidate], interviews: c.interviews, rubrics: c.rubrics, debriefs: [c.debrief] };
      }
      case 'backup':
      case 'encrypted-backup': {
        const t = (body as BackupContent).tables;
        return { revisions: t.scorecardRevisions, working: t.scorecards, roles: t.roles, candidates: t.candidates, interviews: t.interviews, rubrics: t.rubrics, debriefs: t.debriefs };
      }
    }
  })();
  return {
    ...base,
    ...parts,
    scorecards: [...parts.revisions, ...parts.working],
    revision: (n) => [...parts.revisions.filter((r) => r.revision === n), ...parts.working.filter((w) => w.revision === n && w.status === 'submitted')],
  };
}

/** The record's revision recomputed over its current content, on the history it already had. */
function recomputeRevision(row: RevisionFields & object): void {
  const [parent, ...older] = row.revHistory;
  const next = reviseRecord(row, parent === undefined ? null : { rev: parent, revHistory: older });
  row.rev = next.rev;
  row.revHistory = next.revHistory;
}

function resealRecords(view: ReturnType<typeof viewOf>, body: unknown): void {
  for (const card of view.scorecards) if (card.status === 'submitted') card.contentHash = sha256OfCanonical(hashedContent(card));
  for (const row of [...view.roles, ...view.candidates, ...view.interviews, ...view.debriefs]) recomputeRevision(row);
  if (view.format === 'packet') {
    const content = (body as Packet).content;
    for (const group of content.scorecards) group.interviewerName = group.revisions[0]?.interviewerName ?? group.interviewerName;
    content.aggregate = aggregatePanel(content.rubrics, latestSubmitted(content.scorecards.flatMap((s) => s.revisions)), content.interviews);
  }
}

type Chunk = { index: number; last: boolean; sha256: string; body: { table: BackupTable; rows: unknown[] } };
type OpenedBackup = { header: ChunkedHeader; chunks: Chunk[]; key: CryptoKey | null };

const opened = new Map<string, OpenedBackup>();

/**
 * A chunked backup's header and chunks, opened with the passphrase when sealed (once per file: each
 * opening costs 600,000 PBKDF2 rounds). The key opens and seals, as one who knows the passphrase has.
 */
async function openBackup(text: string, passphrase: string): Promise<OpenedBackup> {
  const known = opened.get(text);
  if (known) return { ...known, chunks: structuredClone(known.chunks) };
  const [first = '', ...lines] = text.split('\n');
  const read = readChunkedHeaderLine(first);
  if (!read.ok) throw new Error(read.reason);
  const header = read.value;
  const digest = chunkedHeaderDigest(header);
  const key = header.encryption === null ? null : (await deriveBackupKey(passphrase, 'encrypt', header.encryption)).key;
  const decryptKey = header.encryption === null ? null : (await deriveBackupKey(passphrase, 'decrypt', header.encryption)).key;
  const chunks: Chunk[] = [];
  for (const line of lines) {
    if (!line.startsWith('{"index"')) continue;
    const chunk = JSON.parse(line.replace(/,$/, '')) as Chunk & { iv?: string; ciphertext?: string };
    if (decryptKey && chunk.iv !== undefined && chunk.ciphertext !== undefined) {
      const inner = JSON.parse(await openChunk(decryptKey, { iv: chunk.iv, ciphertext: chunk.ciphertext }, chunkBinding(digest, chunk.index, chunk.last))) as Pick<Chunk, 'sha256' | 'body'>;
      chunks.push({ index: chunk.index, last: chunk.last, sha256: inner.sha256, body: inner.body });
    } else chunks.push({ index: chunk.index, last: chunk.last, sha256: chunk.sha256, body: chunk.body });
  }
  const file = { header, chunks, key };
  opened.set(text, file);
  return { ...file, chunks: structuredClone(chunks) };
}

/** The rows of a backup's chunks as one content, each table the live array of its chunk (a test's backups fit one chunk a table). */
function contentOfChunks(header: ChunkedHeader, chunks: Chunk[]): BackupContent {
  const tables = Object.fromEntries(BACKUP_TABLES.map((t) => [t, [] as unknown[]])) as Record<BackupTable, unknown[]>;
  for (const chunk of chunks) {
    if (tables[chunk.body.table].length > 0) throw new Error('The forge expects one chunk a table.');
    tables[chunk.body.table] = chunk.body.rows;
  }
  return { databaseVersion: header.databaseVersion, tables } as unknown as BackupContent;
}

/** Between chunks' texts while the text edits run over all of them at once. */
const BETWEEN_CHUNKS = '\n\u0000\n';

/**
 * A forged chunked backup: each chunk's rows taken back from the content, its checksum recomputed
 * unless `seal` is `none`, the text edits run over every chunk's text (pretty-printed, as a person
 * editing it would see it), and each chunk written again on one line (sealed again when encrypted).
 */
async function writeForgedBackup(file: OpenedBackup, content: BackupContent, seal: Seal, applyEdits: (json: string) => string, withEnvelope: <T extends object>(value: T) => T): Promise<string> {
  const digest = chunkedHeaderDigest(file.header);
  const tables = content.tables as unknown as Record<BackupTable, unknown[]>;
  const texts = file.chunks.map((chunk) => {
    const body = { ...chunk.body, rows: tables[chunk.body.table] };
    const sha256 = seal === 'none' ? chunk.sha256 : chunkHash(digest, chunk.index, chunk.last, canonicalJson(body));
    return file.key === null ? JSON.stringify({ index: chunk.index, last: chunk.last, sha256, body }, null, 2) : JSON.stringify({ sha256, body }, null, 2);
  });
  // Pretty-printed JSON has line breaks only between values, never inside a string: collapse them.
  const edited = applyEdits(texts.join(BETWEEN_CHUNKS)).split(BETWEEN_CHUNKS).map((text) => text.replace(/\n\s*/g, ''));
  const lines: string[] = [];
  for (const [i, chunk] of file.chunks.entries()) {
    const text = edited[i] ?? '';
    if (file.key === null) lines.push(text);
    else {
      const sealed = await sealChunk(file.key, new TextEncoder().encode(text), chunkBinding(digest, chunk.index, chunk.last));
      const { open, close } = chunkLineEnds(chunk.index, chunk.last, { iv: sealed.iv });
      lines.push(`${open}${new TextDecoder().decode(sealed.base64)}${close.replace(/,?\n$/, '')}`);
    }
  }
  const header = withEnvelope({ ...file.header }) as ChunkedHeader;
  return `${chunkedHeaderLine(header)}${lines.join(',\n')}\n${CHUNKED_CLOSING_LINE}`;
}

/**
 * `text`, a file of `format`, changed by `forge` and resealed as far as `seal` says. An encrypted
 * backup is opened with `passphrase` and sealed again under the same header, as someone who knows
 * the passphrase could.
 */
/** Whether `text` is a plain backup written before chunks (versions 1 to 5). */
function wholeFileBackup(text: string): boolean {
  try {
    const file = JSON.parse(text) as { version?: unknown; content?: unknown };
    return typeof file.version === 'number' && file.version < 6 && typeof file.content === 'object';
  } catch {
    return false;
  }
}

export async function forgeFile(format: Format, text: string, forge: Forge, seal: Seal, passphrase: string): Promise<string> {
  const edits: Edits = { text: [], envelope: [] };
  const applyEdits = (json: string) => edits.text.reduce((out, edit) => edit(out), json);
  const withEnvelope = <T extends object>(file: T): T => {
    for (const edit of edits.envelope) edit(file as Record<string, unknown>);
    return file;
  };
  const change = (records: ScorecardFile | LoopFile | Packet | BackupContent) => {
    const view = viewOf(format, records, edits);
    forge(view);
    if (seal === 'all') resealRecords(view, records);
  };
  if (format === 'backup' && wholeFileBackup(text)) {
    // A plain backup of versions 1 to 5: one JSON document, one checksum over its content.
    const file = JSON.parse(text) as PlainBackup;
    change(file.content);
    if (seal !== 'none') file.sha256 = sha256OfCanonical(file.content);
    return applyEdits(JSON.stringify(withEnvelope(file), null, 2));
  }
  if (format === 'backup' || format === 'encrypted-backup') {
    const file = await openBackup(text, passphrase);
    const content = contentOfChunks(file.header, file.chunks);
    change(content);
    return writeForgedBackup(file, content, seal, applyEdits, withEnvelope);
  }
  const file = JSON.parse(text) as ScorecardFile | LoopFile | Packet;
  change(file);
  if (seal !== 'none') file.sha256 = sha256OfCanonical('payload' in file ? file.payload : file.content);
  return applyEdits(JSON.stringify(withEnvelope(file), null, 2));
}

// ——— Rubric files ————————————————————————————————————————————————————————————————————

/** A rubric file around `rubric`, sealed by the one envelope writer, as `buildRubricFile` writes it (but unchecked, so a test can start from an illegal rubric). */
export function sealedRubricFile(rubric: Rubric, exportedAt = new Date('2026-11-02T09:00:00.000Z')): string {
  const file = sealEnvelope({ format: RUBRIC_FILE_FORMAT, version: RUBRIC_FILE_VERSION, appVersion: '0.1.0', exportedAt }, 'payload', { rubric });
  return JSON.stringify(file, null, 2);
}

/**
 * `text`, a rubric file, with its rubric changed by `edit` in place; the checksum is made to match
 * again unless `seal` is `none` (a rubric carries no hash or revision of its own, so `outer` and
 * `all` are the same). `editText` changes the written text afterwards.
 */
export function forgeRubricFile(text: string, edit: (rubric: Rubric) => void, seal: Seal = 'all', editText: (json: string) => string = (json) => json): string {
  const file = JSON.parse(text) as RubricFile;
  edit(file.payload.rubric);
  if (seal !== 'none') file.sha256 = sha256OfCanonical(file.payload);
  return editText(JSON.stringify(file, null, 2));
}
