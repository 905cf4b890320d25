import { sha256 } from '@noble/hashes/sha2.js';
import { canonicalJson } from './canonical-json';

/**
 * SHA-256, synchronous and pure, so the domain can check hashes and derive revisions without Web
 * Crypto: inside a database transaction (where awaiting anything but the database would commit it)
 * and in the file readers. Gives the same digests as `crypto.subtle.digest('SHA-256', …)`.
 */
const encoder = new TextEncoder();

export function sha256Hex(text: string): string {
  return hexOf(sha256(encoder.encode(text)));
}

/** SHA-256 of bytes given in parts, as if joined (without joining them). */
export function sha256HexOfParts(parts: readonly Uint8Array[]): string {
  const hash = sha256.create();
  for (const part of parts) hash.update(part);
  return hexOf(hash.digest());
}

function hexOf(digest: Uint8Array): string {
  let hex = '';
  for (const byte of digest) hex += byte.toString(16).padStart(2, '0');
  return hex;
}

/** SHA-256 of a value's canonical JSON: the hash every Loopcard file and revision carries. */
export function sha256OfCanonical(value: unknown): string {
  return sha256Hex(canonicalJson(value));
}
