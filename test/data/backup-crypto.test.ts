import { beforeAll, describe, expect, it } from 'vitest';
import { WrongPassphraseError, base64Bytes, base64ToBytes, bytesToBase64, decryptJson, encryptJson, type EncryptedParts } from '../../src/data/backup-crypto';
import { ValidationError } from '../../src/data/validation';

/** PBKDF2 at 600,000 rounds takes a noticeable fraction of a second per key. */
const SLOW = 20_000;

const PASSPHRASE = 'correct horse battery staple';
const TEXT = JSON.stringify({ note: 'Paged at 02:10 — rolled back in 4 min; Ødegaard, Nguyễn, 東京 🚨' });

async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject, but it resolved');
}

function flipByteOf(base64: string, index: number): string {
  const bytes = base64ToBytes(base64);
  bytes[index] = (bytes[index] ?? 0) ^ 0x01;
  return bytesToBase64(bytes);
}

describe('base64 for backups', () => {
  it('matches the standard encoding at every padding length and across chunk boundaries', () => {
    for (const size of [0, 1, 2, 3, 4, 5, 16, 12, 49_151, 49_152, 49_153, 200_003]) {
      const bytes = new Uint8Array(size).map((_, i) => (i * 31 + 7) % 256);
      const encoded = bytesToBase64(bytes);
      expect(encoded).toBe(Buffer.from(bytes).toString('base64'));
      expect(base64ToBytes(encoded)).toEqual(bytes);
    }
  });

  it('writes a chunk’s base64 as bytes exactly as the text encoding does', () => {
    for (const length of [0, 1, 2, 3, 4, 5, 49_151, 49_152, 100_001]) {
      const bytes = Uint8Array.from({ length }, (_, i) => (i * 131 + 7) % 256);
      expect(new TextDecoder().decode(base64Bytes(bytes))).toBe(Buffer.from(bytes).toString('base64'));
    }
  });

  it('refuses text that is not strict base64 instead of guessing', () => {
    for (const bad of ['abc', 'ab c', 'ab\ncd==', 'a=bc', '====', 'ab-_']) {
      expect(() => base64ToBytes(bad)).toThrow('The backup’s encrypted data is damaged: it is not valid base64.');
    }
  });
});

describe('encrypting a backup with a passphrase', () => {
  let sealed: EncryptedParts;
  beforeAll(async () => {
    sealed = await encryptJson(TEXT, PASSPHRASE, 'header-v1');
  }, SLOW);

  it('uses PBKDF2 with 600,000 rounds, a 16-byte salt and a 12-byte IV, and decrypts back to the same text', async () => {
    expect(sealed.iterations).toBe(600_000);
    expect(base64ToBytes(sealed.salt)).toHaveLength(16);
    expect(base64ToBytes(sealed.iv)).toHaveLength(12);
    // The UTF-8 plaintext plus the 16-byte GCM tag.
    expect(base64ToBytes(sealed.ciphertext)).toHaveLength(new TextEncoder().encode(TEXT).length + 16);
    expect(atob(sealed.ciphertext)).not.toContain('Paged');
    await expect(decryptJson(sealed, PASSPHRASE, 'header-v1')).resolves.toBe(TEXT);
  }, SLOW);

  it('draws a fresh salt and IV every time, so the same text never encrypts the same way twice', async () => {
    const again = await encryptJson(TEXT, PASSPHRASE, 'header-v1');
    expect(again.salt).not.toBe(sealed.salt);
    expect(again.iv).not.toBe(sealed.iv);
    expect(again.ciphertext).not.toBe(sealed.ciphertext);
  }, SLOW);

  it('says the passphrase is wrong, in plain words, when it is', async () => {
    const error = await rejectionOf(decryptJson(sealed, 'correct horse battery stapler', 'header-v1'));
    expect(error).toBeInstanceOf(WrongPassphraseError);
    expect((error as Error).message).toBe('The passphrase is wrong, or the file was changed after it was made. Nothing was restored.');
  }, SLOW);

  it('gives the same message when one byte of the data, or the header it is bound to, was changed', async () => {
    await expect(decryptJson({ ...sealed, ciphertext: flipByteOf(sealed.ciphertext, 5) }, PASSPHRASE, 'header-v1')).rejects.toBeInstanceOf(WrongPassphraseError);
    await expect(decryptJson(sealed, PASSPHRASE, 'header-v2')).rejects.toBeInstanceOf(WrongPassphraseError);
  }, SLOW);

  it('opens with the passphrase however the keyboard composed its accents', async () => {
    const composed = 'crème brûlée à minuit';
    const decomposed = composed.normalize('NFD');
    expect(decomposed).not.toBe(composed);
    const withAccents = await encryptJson(TEXT, composed);
    await expect(decryptJson(withAccents, decomposed)).resolves.toBe(TEXT);
  }, SLOW);

  it('refuses an empty or short passphrase before doing any work, naming the field', async () => {
    const empty = await rejectionOf(encryptJson(TEXT, ''));
    expect(empty).toBeInstanceOf(ValidationError);
    expect((empty as ValidationError).issues).toEqual([{ path: 'passphrase', message: 'Enter a passphrase.' }]);
    const short = await rejectionOf(encryptJson(TEXT, 'hunter2'));
    expect((short as ValidationError).issues).toEqual([{ path: 'passphrase', message: 'Use a passphrase of at least 8 characters.' }]);
    const blankDecrypt = await rejectionOf(decryptJson(sealed, ''));
    expect((blankDecrypt as ValidationError).issues).toEqual([{ path: 'passphrase', message: 'Enter the passphrase.' }]);
  });

  it('refuses parameters Loopcard never writes instead of running them', async () => {
    await expect(decryptJson({ ...sealed, iterations: 1_000 }, PASSPHRASE)).rejects.toThrow('not ones Loopcard uses');
    await expect(decryptJson({ ...sealed, iterations: 50_000_000 }, PASSPHRASE)).rejects.toThrow('not ones Loopcard uses');
    await expect(decryptJson({ ...sealed, salt: bytesToBase64(new Uint8Array(8)) }, PASSPHRASE)).rejects.toThrow('wrong length');
    await expect(decryptJson({ ...sealed, iv: bytesToBase64(new Uint8Array(16)) }, PASSPHRASE)).rejects.toThrow('wrong length');
  });
});
