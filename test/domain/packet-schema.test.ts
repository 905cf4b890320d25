// @vitest-environment node
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { PACKET_VERSION, PacketSchema } from '../../src/domain/packet';

// One published schema per packet format version; an older one stays published, unchanged, for
// the archives that hold packets of that version.
const file = new URL(`../../public/schemas/decision-packet.v${PACKET_VERSION}.schema.json`, import.meta.url);

function generate(): string {
  const schema = z.toJSONSchema(PacketSchema, { target: 'draft-2020-12', io: 'output' });
  return `${JSON.stringify({ ...schema, $id: `https://loopcard.app/schemas/decision-packet.v${PACKET_VERSION}.schema.json`, title: `Loopcard decision packet, format version ${PACKET_VERSION}` }, null, 2)}\n`;
}

describe('the published JSON Schema of the decision packet', () => {
  it('is generated from the zod schema and committed (run `npm run schema` after changing the packet)', () => {
    if (process.env.UPDATE_SCHEMA) writeFileSync(file, generate());
    expect(readFileSync(file, 'utf8')).toBe(generate());
  });

  it('keeps the schema of every earlier packet version published', () => {
    for (let version = 1; version < PACKET_VERSION; version += 1) {
      const older = JSON.parse(readFileSync(new URL(`../../public/schemas/decision-packet.v${version}.schema.json`, import.meta.url), 'utf8')) as { properties: { version: { const: number } } };
      expect(older.properties.version.const).toBe(version);
    }
  });

  it('describes the envelope and its three layers', () => {
    const schema = JSON.parse(readFileSync(file, 'utf8')) as { properties: Record<string, { properties?: Record<string, unknown> }>; required: string[]; additionalProperties: boolean };
    expect(schema.required).toEqual(expect.arrayContaining(['format', 'version', 'exportedAt', 'app', 'sha256', 'content']));
    expect(schema.additionalProperties).toBe(false);
    expect(Object.keys(schema.properties.content?.properties ?? {})).toEqual(expect.arrayContaining(['scorecards', 'aggregate', 'debrief', 'role', 'rubrics']));
  });

  it('publishes a role’s opened date as a calendar date, so a reader of the schema alone refuses 31 February', () => {
    const schema = JSON.parse(readFileSync(file, 'utf8')) as { properties: { content: { properties: { role: { properties: { openedOn: { format?: string; pattern?: string } } } } } } };
    const openedOn = schema.properties.content.properties.role.properties.openedOn;
    expect(openedOn.format).toBe('date');
    const pattern = new RegExp(openedOn.pattern ?? '');
    expect(['2026-02-31', '2026-02-29', '2100-02-29', '2026-04-31', '2026-13-01'].filter((value) => pattern.test(value))).toEqual([]);
    expect(['2026-02-28', '2028-02-29', '2000-02-29', '2026-12-31'].every((value) => pattern.test(value))).toBe(true);
  });
});
