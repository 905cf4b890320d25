import {
  BACKUP_CHUNK_MAX_BYTES,
  BACKUP_CHUNK_TOO_LARGE_MESSAGE,
  BACKUP_CUT_SHORT_MESSAGE,
  BACKUP_HEADER_MAX_BYTES,
  BACKUP_HEADER_TOO_LARGE_MESSAGE,
  CHUNKED_CLOSING_LINE,
  EMPTY_CHUNK_BODY,
  SEALED_CLOSE,
  chunkBinding,
  chunkHashOfBytes,
  chunkLineEnds,
  chunkedHeaderDigest,
  chunkedHeaderLine,
  createChunker,
  isChunkedHeaderLine,
  isClosingLine,
  openChunkBody,
  readChunkLine,
  readChunkedHeaderLine,
  readSealedPlaintext,
  sealedOpen,
  type ChunkBody,
  type ChunkedHeader,
  type RowsSeen,
} from '../domain/backup-chunks';
import { BACKUP_MAX_BYTES, BACKUP_NEWER_DATABASE_MESSAGE, BACKUP_PASSPHRASE_NEEDED_MESSAGE, BACKUP_TABLES, type BackupContent, type BackupHeader, type BackupTable, type BackupTables } from '../domain/backup-format';
import { WrongPassphraseError, deriveBackupKey, openChunk, sealChunk } from './backup-crypto';
import { ConflictError } from './validation';
import { CURRENT_DB_VERSION } from './db';

/**
 * A chunked backup file (src/domain/backup-chunks.ts) as bytes: written into a Blob from parts,
 * one chunk at a time, and read back by slicing the Blob, one line at a time. Neither side ever
 * holds the whole file as one string.
 */

/** How a write waits for Web Crypto: inside a database transaction, through `Dexie.waitFor`. */
export type Wait = <T>(promise: Promise<T>) => Promise<T>;

export type BackupWriter = {
  /** Adds rows of one table, in the order of BACKUP_TABLES. */
  add(table: BackupTable, rows: readonly unknown[]): Promise<void>;
  /** The file, once every row was added. */
  finish(): Promise<{ blob: Blob; bytes: number }>;
};

/**
 * Starts a backup file. With a passphrase, the key is derived here once (slow on purpose), before
 * any rows are read; each chunk is then sealed with a fresh IV.
 */
export async function startBackupFile(header: Omit<ChunkedHeader, 'encryption'>, passphrase: string | undefined): Promise<(wait: Wait) => BackupWriter> {
  const sealing = passphrase === undefined ? null : await deriveBackupKey(passphrase, 'encrypt');
  const full: ChunkedHeader = {
    ...header,
    encryption: sealing === null ? null : { algorithm: 'AES-256-GCM', kdf: 'PBKDF2-SHA256', iterations: sealing.iterations, salt: sealing.salt },
  };
  const digest = chunkedHeaderDigest(full);
  return (wait) => {
    const first = utf8.encode(chunkedHeaderLine(full));
    const parts: Blob[] = [new Blob([first])];
    let bytes = first.length;
    let index = 0;
    let pending: Uint8Array<ArrayBuffer> | null = null;
    const chunker = createChunker();

    const emit = async (body: Uint8Array<ArrayBuffer>, last: boolean) => {
      const sha256 = chunkHashOfBytes(digest, index, last, body);
      let line: Uint8Array<ArrayBuffer>[];
      if (sealing === null) {
        const { open, close } = chunkLineEnds(index, last, { sha256 });
        line = [utf8.encode(open), body, utf8.encode(close)];
      } else {
        const plaintext = joined([utf8.encode(sealedOpen(sha256)), body, utf8.encode(SEALED_CLOSE)]);
        const sealed = await wait(sealChunk(sealing.key, plaintext, chunkBinding(digest, index, last)));
        const { open, close } = chunkLineEnds(index, last, { iv: sealed.iv });
        line = [utf8.encode(open), sealed.base64, utf8.encode(close)];
      }
      const size = line.reduce((sum, part) => sum + part.length, 0);
      if (size > BACKUP_CHUNK_MAX_BYTES) throw new ConflictError('The backup was not made: one record on this device is larger than a backup can hold.');
      bytes += size;
      // A part a chunk, as bytes: the browser keeps a Blob's bytes outside the page's memory, and
      // no chunk is ever one large string.
      parts.push(new Blob(line));
      index += 1;
      // A file too large to restore is worse than no file: it looks like a backup and is not one.
      if (bytes > BACKUP_MAX_BYTES) {
        throw new ConflictError(`The backup was not made: it would be larger than ${BACKUP_MAX_BYTES / 1024 / 1024} MB, more than Loopcard can restore.`);
      }
    };
    const next = async (body: ChunkBody | null) => {
      if (body === null) return;
      if (pending !== null) await emit(pending, false);
      pending = bytesOf(body);
    };

    return {
      async add(table, rows) {
        for (const row of rows) await next(chunker.add(table, row));
      },
      async finish() {
        await next(chunker.finish());
        await emit(pending ?? bytesOf(EMPTY_CHUNK_BODY), true);
        parts.push(new Blob([CHUNKED_CLOSING_LINE]));
        bytes += CHUNKED_CLOSING_LINE.length;
        return { blob: new Blob(parts, { type: 'application/json' }), bytes };
      },
    };
  };
}

const utf8 = new TextEncoder();

/** A chunk body's UTF-8 bytes: its rows encoded one by one into one buffer, never one string. */
function bytesOf(body: ChunkBody): Uint8Array<ArrayBuffer> {
  const pieces: Uint8Array<ArrayBuffer>[] = [utf8.encode(body.open)];
  const comma = utf8.encode(',');
  body.rows.forEach((row, i) => {
    if (i > 0) pieces.push(comma);
    pieces.push(utf8.encode(row));
  });
  pieces.push(utf8.encode(body.close));
  return joined(pieces);
}

function joined(pieces: readonly Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(pieces.reduce((sum, piece) => sum + piece.length, 0));
  let offset = 0;
  for (const piece of pieces) {
    out.set(piece, offset);
    offset += piece.length;
  }
  return out;
}

// ——— Reading ————————————————————————————————————————————————————————————————————————————

/** Bytes read from the file at a time. */
const SLICE_BYTES = 1024 * 1024;

/** The lines of a Blob, one at a time, each no longer than `maxBytes` (the first, `firstMaxBytes`). */
async function* linesOf(blob: Blob, firstMaxBytes: number, maxBytes: number, onRead?: (bytes: number) => void): AsyncGenerator<string | { tooLong: true } | { cutShort: true }> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let buffer = '';
  let first = true;
  for (let start = 0; start < blob.size; start += SLICE_BYTES) {
    buffer += decoder.decode(new Uint8Array(await blob.slice(start, start + SLICE_BYTES).arrayBuffer()), { stream: true });
    onRead?.(Math.min(blob.size, start + SLICE_BYTES));
    let newline = buffer.indexOf('\n');
    while (newline >= 0) {
      yield buffer.slice(0, newline);
      first = false;
      buffer = buffer.slice(newline + 1);
      newline = buffer.indexOf('\n');
    }
    // Characters are at most three bytes each, so the length bounds the bytes from below.
    if (buffer.length > (first ? firstMaxBytes : maxBytes)) {
      yield { tooLong: true };
      return;
    }
  }
  buffer += decoder.decode();
  // Every line Loopcard writes ends in a newline: text after the last one is a file cut short.
  if (buffer !== '') yield { cutShort: true };
}

const LOOKS_CHUNKED = /^\{"format":"loopcard\.backup","version":([0-9]+)/;

export type ChunkedRead =
  | { chunked: false }
  | { chunked: true; ok: true; header: BackupHeader; databaseVersion: number; content: BackupContent }
  | { chunked: true; ok: false; problem: 'passphrase-needed' | 'wrong-passphrase' | 'refused'; reason: string };

const refusal = (reason: string): ChunkedRead => ({ chunked: true, ok: false, problem: 'refused', reason });

/**
 * Reads a chunked backup part by part: the header, then each chunk in its place (opened with the
 * passphrase when sealed, its hash checked, its rows checked against their schemas), then the
 * closing line. A file that is not laid out as a chunked backup is `chunked: false`, for the one
 * reader of whole files. Only the checked rows are kept.
 */
export async function readChunkedBackup(blob: Blob, passphrase: string | undefined, onProgress?: (fraction: number) => void): Promise<ChunkedRead> {
  const start = await blob.slice(0, BACKUP_HEADER_MAX_BYTES + 2).text();
  const newline = start.indexOf('\n');
  const firstLine = newline >= 0 ? start.slice(0, newline) : start;
  if (newline < 0 || !isChunkedHeaderLine(firstLine)) {
    const claimed = LOOKS_CHUNKED.exec(start);
    if (newline < 0 && claimed && Number(claimed[1]) >= 6 && blob.size > BACKUP_HEADER_MAX_BYTES) return refusal(BACKUP_HEADER_TOO_LARGE_MESSAGE);
    return { chunked: false };
  }
  const read = readChunkedHeaderLine(firstLine);
  if (!read.ok) return refusal(read.reason);
  const header = read.value;
  // Said before any row is read: rows of a newer database would only fail their schemas.
  if (header.databaseVersion > CURRENT_DB_VERSION) return refusal(BACKUP_NEWER_DATABASE_MESSAGE);
  const digest = chunkedHeaderDigest(header);
  const shown: BackupHeader = { version: header.version, exportedAt: header.exportedAt, appVersion: header.app.version, encryption: header.encryption };

  let key: CryptoKey | null = null;
  if (header.encryption !== null) {
    if (passphrase === undefined || passphrase === '') return { chunked: true, ok: false, problem: 'passphrase-needed', reason: BACKUP_PASSPHRASE_NEEDED_MESSAGE };
    key = (await deriveBackupKey(passphrase, 'decrypt', header.encryption)).key;
  }

  const tables = Object.fromEntries(BACKUP_TABLES.map((t) => [t, []])) as unknown as { [T in BackupTable]: BackupTables[T][number][] };
  const seen: RowsSeen = {};
  let index = 0;
  let sawLast = false;
  let closed = false;
  const lines = linesOf(blob, BACKUP_HEADER_MAX_BYTES, BACKUP_CHUNK_MAX_BYTES, onProgress && ((bytes) => onProgress(bytes / Math.max(1, blob.size))));
  let isFirst = true;
  try {
    for await (const line of lines) {
      if (typeof line !== 'string') {
        if ('cutShort' in line) return refusal(BACKUP_CUT_SHORT_MESSAGE);
        return refusal(isFirst ? BACKUP_HEADER_TOO_LARGE_MESSAGE : BACKUP_CHUNK_TOO_LARGE_MESSAGE);
      }
      if (isFirst) {
        isFirst = false;
        continue;
      }
      if (closed) {
        if (line.trim() === '') continue;
        return refusal(`The backup goes on after its last part: it was changed after it was made, or damaged. Nothing was restored.`);
      }
      if (isClosingLine(line)) {
        if (!sawLast) return refusal(BACKUP_CUT_SHORT_MESSAGE);
        closed = true;
        continue;
      }
      if (sawLast) return refusal(`The backup goes on after its last part: it was changed after it was made, or damaged. Nothing was restored.`);
      const chunk = readChunkLine(line, index, header);
      if (!chunk.ok) return refusal(chunk.reason);
      let opened: { sha256: string; body: unknown };
      if (chunk.value.sealed) {
        if (key === null) return refusal(BACKUP_CUT_SHORT_MESSAGE);
        let plaintext: string;
        try {
          plaintext = await openChunk(key, chunk.value, chunkBinding(digest, index, chunk.value.last));
        } catch (error) {
          if (!(error instanceof WrongPassphraseError)) throw error;
          // The first part opens with the right passphrase: a later one that does not was changed.
          if (index === 0) return { chunked: true, ok: false, problem: 'wrong-passphrase', reason: error.message };
          return refusal(`Part ${index + 1} of the backup does not open with the passphrase that opened the others: it was changed after it was made, or damaged. Nothing was restored.`);
        }
        const inner = readSealedPlaintext(plaintext, index);
        if (!inner.ok) return refusal(inner.reason);
        opened = inner.value;
      } else {
        opened = { sha256: chunk.value.sha256, body: chunk.value.body };
      }
      const body = openChunkBody(header, digest, { index, last: chunk.value.last, ...opened }, seen);
      if (!body.ok) return refusal(body.reason);
      const into = tables[body.value.table] as unknown[];
      for (const row of body.value.rows) into.push(row);
      sawLast = chunk.value.last;
      index += 1;
    }
  } catch (error) {
    // Bytes that are not UTF-8 were not written by Loopcard.
    if (error instanceof TypeError && /decode|encoded|utf/i.test(error.message)) return refusal('The backup is damaged: part of it is not text. Nothing was restored.');
    throw error;
  }
  if (!closed) return refusal(BACKUP_CUT_SHORT_MESSAGE);
  return { chunked: true, ok: true, header: shown, databaseVersion: header.databaseVersion, content: { databaseVersion: header.databaseVersion, tables } };
}
