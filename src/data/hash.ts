import { canonicalJson } from '../domain/canonical-json';

/** SHA-256 of the canonical JSON of a value, as 64 lower-case hex digits (Web Crypto). */
export async function sha256OfCanonical(value: unknown): Promise<string> {
  const bytes = new TextEncoder().encode(canonicalJson(value));
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
