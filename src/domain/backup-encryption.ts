import { z } from 'zod';

/** How a backup is sealed with a passphrase: key derivation, cipher, and the limits of each. */

/** OWASP's 2023 figure for PBKDF2-HMAC-SHA256. Files may ask for more, never for less. */
export const BACKUP_PBKDF2_ITERATIONS = 600_000;
/** A file asking for more rounds than this would hold the tab for minutes: it is not ours. */
export const BACKUP_PBKDF2_MAX_ITERATIONS = 10_000_000;
export const BACKUP_SALT_BYTES = 16;
export const BACKUP_IV_BYTES = 12;
/** AES-GCM appends a 16-byte tag, so a ciphertext is never shorter than this. */
export const BACKUP_GCM_TAG_BYTES = 16;

export const PASSPHRASE_MIN_LENGTH = 8;
export const PASSPHRASE_MAX_LENGTH = 1_024;
/**
 * The passphrase that seals a new backup. Not trimmed: a space may be part of it. Empty gets its own
 * message, because "at least 8 characters" reads oddly when nothing was typed.
 */
export const BackupPassphraseSchema = z
  .string({ error: 'Enter a passphrase.' })
  // abort: nothing typed gets one message, not a second about the length.
  .min(1, { message: 'Enter a passphrase.', abort: true })
  .min(PASSPHRASE_MIN_LENGTH, `Use a passphrase of at least ${PASSPHRASE_MIN_LENGTH} characters.`)
  .max(PASSPHRASE_MAX_LENGTH, `A passphrase can be at most ${PASSPHRASE_MAX_LENGTH.toLocaleString('en-US')} characters.`);

/**
 * What a person types to make a backup: whether to encrypt it, and then the passphrase twice, so a
 * typo cannot seal a file nobody can open. Unticked, the passphrase fields are ignored.
 */
export const BackupExportInputSchema = z
  .object({ encrypt: z.boolean(), passphrase: z.string(), confirm: z.string() })
  .superRefine(({ encrypt, passphrase, confirm }, ctx) => {
    if (!encrypt) return;
    const checked = BackupPassphraseSchema.safeParse(passphrase);
    if (!checked.success) for (const issue of checked.error.issues) ctx.addIssue({ code: 'custom', path: ['passphrase'], message: issue.message });
    if (passphrase !== confirm) ctx.addIssue({ code: 'custom', path: ['confirm'], message: 'The two passphrases are different.' });
  });
export type BackupExportInput = z.infer<typeof BackupExportInputSchema>;

/**
 * The passphrase typed to open an encrypted backup. Only "something typed" is checked here: whether
 * it is the right one, only decrypting the file can tell.
 */
export const BackupUnlockInputSchema = z
  .object({
    passphrase: z
      .string({ error: 'Enter the passphrase.' })
      .min(1, { message: 'Enter the passphrase.', abort: true })
      .max(PASSPHRASE_MAX_LENGTH, `A passphrase can be at most ${PASSPHRASE_MAX_LENGTH.toLocaleString('en-US')} characters.`),
  })
  .strict();
export type BackupUnlockInput = z.infer<typeof BackupUnlockInputSchema>;

/** Standard base64 (RFC 4648, with padding) of exactly `bytes` bytes. */
function base64OfLength(bytes: number, label: string) {
  const chars = Math.ceil(bytes / 3) * 4;
  const padding = (3 - (bytes % 3)) % 3;
  return z.string().regex(new RegExp(`^[A-Za-z0-9+/]{${chars - padding}}={${padding}}$`), `${label} must be ${bytes} bytes in base64.`);
}

/** Standard base64 with padding, of any length; checked without backtracking, so large input is fine. */
export function isBase64(text: string): boolean {
  return text.length % 4 === 0 && /^[A-Za-z0-9+/]*={0,2}$/.test(text);
}

export const BackupEncryptionSchema = z
  .object({
    algorithm: z.literal('AES-256-GCM'),
    kdf: z.literal('PBKDF2-SHA256'),
    iterations: z
      .number()
      .int()
      .min(BACKUP_PBKDF2_ITERATIONS, `A backup key needs at least ${BACKUP_PBKDF2_ITERATIONS.toLocaleString('en-US')} PBKDF2 iterations.`)
      .max(BACKUP_PBKDF2_MAX_ITERATIONS, 'The backup asks for more PBKDF2 iterations than Loopcard ever uses.'),
    salt: base64OfLength(BACKUP_SALT_BYTES, 'The salt'),
    iv: base64OfLength(BACKUP_IV_BYTES, 'The IV'),
  })
  .strict();
export type BackupEncryption = z.infer<typeof BackupEncryptionSchema>;

