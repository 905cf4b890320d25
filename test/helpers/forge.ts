import { decryptJson, encryptJson } from '../../src/data/backup-crypto';
import { aggregatePanel, latestSubmitted } from '../../src/domain/aggregate';
import { backupAssociatedData, type BackupContent, type BackupPlaintext, type EncryptedBackup, type PlainBackup } from '../../src/domain/backup-format';
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

const plaintexts = new Map<string, BackupPlaintext>();

/** The sealed plaintext of an encrypted backup (decrypted once per file: each opening costs 600,000 PBKDF2 rounds). */
async function openSealed(text: string, passphrase: string): Promise<BackupPlaintext> {
  const known = plaintexts.get(text);
  if (known) return structuredClone(known);
  const file = JSON.parse(text) as EncryptedBackup;
  const { salt, iv, iterations } = file.encryption;
  const plaintext = JSON.parse(await decryptJson({ salt, iv, iterations, ciphertext: file.ciphertext }, passphrase, backupAssociatedData(file))) as BackupPlaintext;
  plaintexts.set(text, plaintext);
  return structuredClone(plaintext);
}

/**
 * `text`, a file of `format`, changed by `forge` and resealed as far as `seal` says. An encrypted
 * backup is opened with `passphrase` and sealed again under the same header, as someone who knows
 * the passphrase could.
 */
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
  if (format === 'encrypted-backup') {
    const plaintext = await openSealed(text, passphrase);
    change(plaintext.content);
    if (seal !== 'none') plaintext.sha256 = sha256OfCanonical(plaintext.content);
    const file = JSON.parse(text) as EncryptedBackup;
    const sealed = await encryptJson(applyEdits(JSON.stringify(plaintext, null, 2)), passphrase, backupAssociatedData(file));
    return JSON.stringify(withEnvelope({ ...file, encryption: { ...file.encryption, salt: sealed.salt, iv: sealed.iv, iterations: sealed.iterations }, ciphertext: sealed.ciphertext }), null, 2);
  }
  if (format === 'backup') {
    const file = JSON.parse(text) as PlainBackup;
    change(file.content);
    if (seal !== 'none') file.sha256 = sha256OfCanonical(file.content);
    return applyEdits(JSON.stringify(withEnvelope(file), null, 2));
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
