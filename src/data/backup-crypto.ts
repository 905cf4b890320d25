import { z } from 'zod';
import {
  BACKUP_GCM_TAG_BYTES,
  BACKUP_IV_BYTES,
  BACKUP_PBKDF2_ITERATIONS,
  BACKUP_PBKDF2_MAX_ITERATIONS,
  BACKUP_SALT_BYTES,
  BackupPassphraseSchema,
  isBase64,
} from '../domain/backup-encryption';
import { BACKUP_WRONG_PASSPHRASE_MESSAGE } from '../domain/backup-format';
import { ValidationError, validate } from './validation';

/**
 * Passphrase encryption for backups, on Web Crypto only: PBKDF2-HMAC-SHA256 stretches the
 * passphrase into an AES-256-GCM key. Lives in src/data (not src/lib) because the backup
 * repository needs it and data never imports lib.
 */

/** The passphrase did not open the file, or the file was changed: GCM cannot tell the two apart. */
export class WrongPassphraseError extends Error {
  constructor() {
    super(BACKUP_WRONG_PASSPHRASE_MESSAGE);
    this.name = 'WrongPassphraseError';
  }
}

const ofPassphrase = z.object({ passphrase: BackupPassphraseSchema });

/** Everything needed to decrypt, all of it stored in the backup's header except the passphrase. */
export type EncryptedParts = {
  /** base64 of 16 random bytes. */
  salt: string;
  /** base64 of 12 random bytes: the AES-GCM nonce, never reused because every backup gets a fresh one. */
  iv: string;
  iterations: number;
  /** base64 of the AES-GCM output (ciphertext with the 16-byte tag appended). */
  ciphertext: string;
};

/**
 * Encrypts UTF-8 text under a key derived from the passphrase, with a fresh salt and IV each time.
 * `associatedData` is authenticated but not encrypted (the backup binds its header with it).
 * Throws a ValidationError on the `passphrase` field when the passphrase is empty or too short.
 */
export async function encryptJson(plaintext: string, passphrase: string, associatedData = ''): Promise<EncryptedParts> {
  validate('Backup', ofPassphrase, { passphrase });
  const salt = crypto.getRandomValues(new Uint8Array(BACKUP_SALT_BYTES));
  const iv = crypto.getRandomValues(new Uint8Array(BACKUP_IV_BYTES));
  const key = await deriveKey(passphrase, salt, BACKUP_PBKDF2_ITERATIONS, 'encrypt');
  const sealed = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: new TextEncoder().encode(associatedData), tagLength: BACKUP_GCM_TAG_BYTES * 8 },
    key,
    new TextEncoder().encode(plaintext),
  );
  return { salt: bytesToBase64(salt), iv: bytesToBase64(iv), iterations: BACKUP_PBKDF2_ITERATIONS, ciphertext: bytesToBase64(new Uint8Array(sealed)) };
}

/**
 * Decrypts what `encryptJson` made. A wrong passphrase, a changed byte anywhere in the ciphertext
 * or a changed associated data all fail the GCM tag: a WrongPassphraseError. Parameters outside what
 * Loopcard writes are refused before any work is done.
 */
export async function decryptJson(params: EncryptedParts, passphrase: string, associatedData = ''): Promise<string> {
  const iv = base64ToBytes(params.iv);
  const sealed = base64ToBytes(params.ciphertext);
  if (iv.length !== BACKUP_IV_BYTES || sealed.length < BACKUP_GCM_TAG_BYTES) {
    throw new Error('The backup’s encryption header is damaged: its salt, IV or data has the wrong length.');
  }
  const { key } = await deriveBackupKey(passphrase, 'decrypt', params);
  // fatal: bytes that passed the tag but are not UTF-8 were not written by encryptJson.
  return new TextDecoder('utf-8', { fatal: true }).decode(await openSealed(key, iv, sealed, associatedData));
}

/** The key a chunked backup is sealed with: derived once, from a fresh salt or the file's. */
export async function deriveBackupKey(
  passphrase: string,
  use: 'encrypt' | 'decrypt',
  from?: { salt: string; iterations: number },
): Promise<{ key: CryptoKey; salt: string; iterations: number }> {
  if (use === 'encrypt') validate('Backup', ofPassphrase, { passphrase });
  if (passphrase === '') throw new ValidationError('Backup', [{ path: 'passphrase', message: 'Enter the passphrase.' }]);
  const iterations = from?.iterations ?? BACKUP_PBKDF2_ITERATIONS;
  if (!Number.isInteger(iterations) || iterations < BACKUP_PBKDF2_ITERATIONS || iterations > BACKUP_PBKDF2_MAX_ITERATIONS) {
    throw new Error('The backup’s encryption settings are not ones Loopcard uses: the file is damaged or was not made by Loopcard.');
  }
  const salt = from ? base64ToBytes(from.salt) : crypto.getRandomValues(new Uint8Array(BACKUP_SALT_BYTES));
  if (salt.length !== BACKUP_SALT_BYTES) throw new Error('The backup’s encryption header is damaged: its salt has the wrong length.');
  return { key: await deriveKey(passphrase, salt, iterations, use), salt: bytesToBase64(salt), iterations };
}

/**
 * Seals one chunk (its UTF-8 bytes) with a fresh IV; `associatedData` binds it to its file and
 * place. The ciphertext comes back as the bytes of its base64, ready to be a part of the file.
 */
export async function sealChunk(key: CryptoKey, plaintext: Uint8Array<ArrayBuffer>, associatedData: string): Promise<{ iv: string; base64: Uint8Array<ArrayBuffer> }> {
  const iv = crypto.getRandomValues(new Uint8Array(BACKUP_IV_BYTES));
  const sealed = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: new TextEncoder().encode(associatedData), tagLength: BACKUP_GCM_TAG_BYTES * 8 }, key, plaintext);
  return { iv: bytesToBase64(iv), base64: base64Bytes(new Uint8Array(sealed)) };
}

const BASE64_DIGITS = new TextEncoder().encode('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/');
const PAD = 0x3d;

/** Standard base64 (with padding) as ASCII bytes, with no string in between (a chunk is a megabyte). */
export function base64Bytes(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(Math.ceil(bytes.length / 3) * 4);
  const digit = (n: number) => BASE64_DIGITS[n & 63] ?? PAD;
  let o = 0;
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out[o++] = digit(n >> 18);
    out[o++] = digit(n >> 12);
    out[o++] = digit(n >> 6);
    out[o++] = digit(n);
  }
  const rest = bytes.length - i;
  if (rest > 0) {
    const n = ((bytes[i] ?? 0) << 16) | (rest === 2 ? (bytes[i + 1] ?? 0) << 8 : 0);
    out[o++] = digit(n >> 18);
    out[o++] = digit(n >> 12);
    out[o++] = rest === 2 ? digit(n >> 6) : PAD;
    out[o++] = PAD;
  }
  return out;
}

/**
 * Opens what `sealChunk` made. A wrong key, a changed byte, or a chunk read at another place than
 * it was sealed for all fail the GCM tag: a WrongPassphraseError.
 */
export async function openChunk(key: CryptoKey, sealed: { iv: string; ciphertext: string }, associatedData: string): Promise<string> {
  const iv = base64ToBytes(sealed.iv);
  const data = base64ToBytes(sealed.ciphertext);
  if (iv.length !== BACKUP_IV_BYTES || data.length < BACKUP_GCM_TAG_BYTES) throw new WrongPassphraseError();
  const opened = await openSealed(key, iv, data, associatedData);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(opened);
  } catch {
    // Bytes that passed the tag but are not UTF-8 were not sealed by sealChunk.
    throw new WrongPassphraseError();
  }
}

/** AES-GCM decryption; a failed tag (wrong key, changed byte, other associated data) is a WrongPassphraseError. */
async function openSealed(key: CryptoKey, iv: Uint8Array<ArrayBuffer>, data: Uint8Array<ArrayBuffer>, associatedData: string): Promise<ArrayBuffer> {
  try {
    return await crypto.subtle.decrypt({ name: 'AES-GCM', iv, additionalData: new TextEncoder().encode(associatedData), tagLength: BACKUP_GCM_TAG_BYTES * 8 }, key, data);
  } catch (error) {
    // Web Crypto reports a failed tag check as an OperationError and gives no more detail, by design.
    if (error instanceof Error && error.name === 'OperationError') throw new WrongPassphraseError();
    throw error;
  }
}

async function deriveKey(passphrase: string, salt: Uint8Array<ArrayBuffer>, iterations: number, use: 'encrypt' | 'decrypt'): Promise<CryptoKey> {
  // NFC: the same passphrase typed on two keyboards (é composed or as e + accent) opens the file.
  const material = await crypto.subtle.importKey('raw', new TextEncoder().encode(passphrase.normalize('NFC')), 'PBKDF2', false, ['deriveKey']);
  return crypto.subtle.deriveKey({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, material, { name: 'AES-GCM', length: 256 }, false, [use]);
}

/**
 * 3 × 16 KiB: a multiple of 3, so each chunk encodes without padding and the pieces join into one
 * valid base64 text; small enough for String.fromCharCode's argument limit.
 */
const ENCODE_CHUNK_BYTES = 3 * 16_384;
/** The matching chunk of base64 text (a multiple of 4 characters). */
const DECODE_CHUNK_CHARS = 4 * 16_384;

/** Standard base64 of any size of buffer, chunk by chunk (a 150 MB backup would overflow one call). */
export function bytesToBase64(bytes: Uint8Array): string {
  const parts: string[] = [];
  for (let start = 0; start < bytes.length; start += ENCODE_CHUNK_BYTES) {
    parts.push(btoa(String.fromCharCode(...bytes.subarray(start, start + ENCODE_CHUNK_BYTES))));
  }
  return parts.join('');
}

/** Decodes standard base64 (with padding), chunk by chunk; anything else is refused, never guessed at. */
export function base64ToBytes(text: string): Uint8Array<ArrayBuffer> {
  if (!isBase64(text)) throw new Error('The backup’s encrypted data is damaged: it is not valid base64.');
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  const out = new Uint8Array((text.length / 4) * 3 - padding);
  let offset = 0;
  for (let start = 0; start < text.length; start += DECODE_CHUNK_CHARS) {
    const binary = atob(text.slice(start, start + DECODE_CHUNK_CHARS));
    for (let i = 0; i < binary.length; i += 1) out[offset + i] = binary.charCodeAt(i);
    offset += binary.length;
  }
  return out;
}
