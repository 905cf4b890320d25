import type { z } from 'zod';
import { sha256OfCanonical } from './hash';
import { validate } from './validation';

type Header = { format: string; version: number; appVersion: string; exportedAt: Date };

/**
 * Wraps a file's body in the envelope every Loopcard file shares (format, version, export time,
 * app stamp, SHA-256 of the canonical body) and checks the result against the file's schema.
 */
export async function sealEnvelope<S extends z.ZodType>(entity: string, schema: S, header: Header, body: { payload: unknown } | { content: unknown }): Promise<z.infer<S>> {
  const hashed = 'payload' in body ? body.payload : body.content;
  return validate(entity, schema, {
    format: header.format,
    version: header.version,
    exportedAt: header.exportedAt.toISOString(),
    app: { name: 'Loopcard', version: header.appVersion },
    sha256: await sha256OfCanonical(hashed),
    ...body,
  });
}
