import type { z } from 'zod';
import { sealEnvelope } from '../domain/file-envelope';
import { validate } from './validation';

type Header = { format: string; version: number; appVersion: string; exportedAt: Date };

/**
 * Every file Loopcard writes goes through here: sealed by the one envelope writer, then checked
 * against the file's own schema, so a file this device cannot read back is never written.
 */
export function sealFile<S extends z.ZodType>(entity: string, schema: S, header: Header, body: { payload: unknown } | { content: unknown }): z.infer<S> {
  const sealed = 'payload' in body ? sealEnvelope(header, 'payload', body.payload) : sealEnvelope(header, 'content', body.content);
  return validate(entity, schema, sealed);
}
