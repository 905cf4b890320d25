import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { IMPORT_MAX_BYTES, MAX_JSON_DEPTH, parseJsonSafely, readEnvelopeHeader, sealEnvelope } from '../../src/domain/file-envelope';
import { describeIssue, readLoopcardFile, type FileKind } from '../../src/domain/file-reading';
import { sha256Hex, sha256OfCanonical } from '../../src/domain/hash';
import { REV_PATTERN } from '../../src/domain/fields';

/** The frozen files every shipped format version wrote: today's reader must take each. */
const fixture = (name: string) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');

type Case = { kind: Exclude<FileKind, 'backup'> | 'backup'; file: string; bodyKey: 'payload' | 'content'; what: string; maxBytes: number };
const CASES: Case[] = [
  { kind: 'scorecard', file: 'scorecard-v1.loopcard.json', bodyKey: 'payload', what: 'scorecard file', maxBytes: IMPORT_MAX_BYTES },
  { kind: 'loop', file: 'loop-v1.loopcard.json', bodyKey: 'payload', what: 'loop file', maxBytes: IMPORT_MAX_BYTES },
  { kind: 'packet', file: 'packet-v1.loopcard.json', bodyKey: 'content', what: 'decision packet', maxBytes: IMPORT_MAX_BYTES * 4 },
  { kind: 'backup', file: 'backup-v1.loopcard.json', bodyKey: 'content', what: 'backup', maxBytes: 200 * 1024 * 1024 },
  // The versions with the role's stack and mission (and a screen in the backup).
  { kind: 'scorecard', file: 'scorecard-v5.loopcard.json', bodyKey: 'payload', what: 'scorecard file', maxBytes: IMPORT_MAX_BYTES },
  { kind: 'loop', file: 'loop-v5.loopcard.json', bodyKey: 'payload', what: 'loop file', maxBytes: IMPORT_MAX_BYTES },
  { kind: 'packet', file: 'packet-v7.loopcard.json', bodyKey: 'content', what: 'decision packet', maxBytes: IMPORT_MAX_BYTES * 4 },
  { kind: 'backup', file: 'backup-v5.loopcard.json', bodyKey: 'content', what: 'backup', maxBytes: 200 * 1024 * 1024 },
];

type Json = Record<string, unknown>;
const parse = (text: string) => JSON.parse(text) as Json;
/** A copy with the body changed and, when asked, its checksum made to match again, as a careful forger would. */
function forged(c: Case, change: (body: Json) => void, rehash = true): string {
  const file = parse(fixture(c.file));
  const body = file[c.bodyKey] as Json;
  change(body);
  if (rehash) file.sha256 = sha256OfCanonical(body);
  return JSON.stringify(file);
}
const refusal = (text: string, options: Parameters<typeof readLoopcardFile>[1] = {}) => {
  const read = readLoopcardFile(text, options);
  if (read.ok) throw new Error('expected a refusal');
  return read.reason;
};
/** Every refusal reads as a sentence, never as a library's wording or a bare path. */
function expectSentence(reason: string) {
  expect(reason).toMatch(/^[A-Z“].*[.)]$/s);
  expect(reason).not.toMatch(/Invalid input|expected \w+, received|Maximum call stack|TypeError|undefined/);
  expect(reason).not.toMatch(/\b(payload|content)\.\w/);
}

describe.each(CASES)('the one reader, given a $what ($file)', (c) => {
  it('reads the frozen file, migrating its records to today’s shape', () => {
    const read = readLoopcardFile(fixture(c.file));
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.value.kind).toBe(c.kind);
    const records = 'records' in read.value ? read.value.records : read.value.encrypted ? null : { ...read.value.content.tables };
    if (!records) throw new Error('no records');
    expect(records.roles.length).toBeGreaterThan(0);
    for (const row of [...records.roles, ...records.candidates, ...records.interviews, ...records.debriefs]) {
      expect(row.rev).toMatch(REV_PATTERN);
      // Version 1 predates revisions: each record gets its first. Later files keep their history.
      if (c.file.includes('-v1.')) expect(row.revHistory).toEqual([]);
      else for (const earlier of row.revHistory) expect(earlier).toMatch(REV_PATTERN);
    }
  });

  it('gives the same revisions to the same v1 record on every device', () => {
    const first = readLoopcardFile(fixture(c.file));
    const second = readLoopcardFile(fixture(c.file));
    expect(first).toEqual(second);
  });

  it('refuses content altered after export under the old checksum', () => {
    const reason = refusal(forged(c, (body) => (body.altered = true), false));
    expect(reason).toMatch(/checksum does not match its contents/);
    expectSentence(reason);
  });

  it('refuses a field Loopcard never writes even when the checksum was made to match, in words', () => {
    const reason = refusal(forged(c, (body) => (body.signedBy = 'ceo')));
    expect(reason).toContain('“signedBy”');
    expectSentence(reason);
  });

  it('refuses a key that could reach a prototype, at any depth', () => {
    const text = fixture(c.file).replace(/"createdAt": /, '"nested": { "deeper": { "__proto__": { "admin": true } } }, "createdAt": ');
    expect(refusal(text)).toBe('The file contains a key named “__proto__”, which Loopcard never writes. It was not imported.');
  });

  it('refuses the file on a screen that takes another kind, saying what it is and where it goes', () => {
    const other: FileKind = c.kind === 'loop' ? 'scorecard' : 'loop';
    const reason = refusal(fixture(c.file), { expect: [other] });
    expect(reason).toMatch(new RegExp(`^This is a Loopcard ${c.what}, not a`));
    expectSentence(reason);
  });

  it('refuses a version from a newer Loopcard, saying to update', () => {
    const file = parse(fixture(c.file));
    const reason = refusal(JSON.stringify({ ...file, version: 99 }));
    expect(reason).toContain('newer version of Loopcard (format version 99');
    expect(reason).toContain('Update Loopcard on this device');
  });

  it('refuses a file without its checksum, in words', () => {
    const file = parse(fixture(c.file));
    delete file.sha256;
    const reason = refusal(JSON.stringify(file));
    expect(reason).toMatch(/no valid checksum/);
    expectSentence(reason);
  });

  it('refuses a file larger than its kind ever is, by its size on disk, before parsing it', () => {
    expect(refusal('not even json', { byteLength: c.maxBytes + 1, expect: [c.kind] })).toMatch(/larger than/);
  });
});

describe('files written at today’s version', () => {
  it.each(CASES.filter((c) => c.kind !== 'backup'))('read a $what sealed by the one writer', (c) => {
    const migrated = readLoopcardFile(fixture(c.file));
    if (!migrated.ok || migrated.value.kind === 'backup') throw new Error('fixture unreadable');
    const v = migrated.value.file as unknown as Json;
    const sealed = sealEnvelope({ format: String(v.format), version: Number(v.version), appVersion: '0.2.0', exportedAt: new Date('2026-11-02T09:00:00Z') }, c.bodyKey, v[c.bodyKey]);
    const read = readLoopcardFile(JSON.stringify(sealed));
    expect(read.ok).toBe(true);
    if (read.ok && 'records' in read.value && 'records' in migrated.value) expect(read.value.records).toEqual(migrated.value.records);
  });
});

describe('parsing JSON safely', () => {
  it('gives back the value of valid JSON', () => {
    expect(parseJsonSafely('{"a":[1,{"b":null}]}')).toEqual({ ok: true, value: { a: [1, { b: null }] } });
  });

  it('refuses JSON cut short, an empty file and plain text, saying to export again', () => {
    for (const text of ['{"a":', '', 'hello']) {
      expect(parseJsonSafely(text)).toEqual({ ok: false, reason: 'The file is not valid JSON: it may be cut short or damaged. Ask for it to be exported again.' });
    }
  });

  it('refuses nesting deeper than any Loopcard file, without overflowing the stack', () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    expect(parseJsonSafely(deep)).toEqual({ ok: false, reason: 'The file is nested far deeper than any Loopcard file. It was not made by Loopcard, or it was damaged.' });
    const justDeepEnough = `${'['.repeat(MAX_JSON_DEPTH)}${']'.repeat(MAX_JSON_DEPTH)}`;
    expect(parseJsonSafely(justDeepEnough).ok).toBe(true);
  });

  it('walks a million-element array without overflowing the stack', () => {
    const wide = `[${Array.from({ length: 1_000_000 }, () => '0').join(',')}]`;
    expect(parseJsonSafely(wide).ok).toBe(true);
    const reason = refusal(`{"format":"loopcard.scorecard","version":1,"sha256":"${'0'.repeat(64)}","payload":${wide}}`);
    expectSentence(reason);
  });

  it('leaves Object.prototype untouched when refusing __proto__', () => {
    parseJsonSafely('{"__proto__":{"polluted":true}}');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('reading an envelope’s header', () => {
  it('reads a format string and a whole version number, and nothing else', () => {
    expect(readEnvelopeHeader({ format: 'loopcard.scorecard', version: 1 })).toEqual({ format: 'loopcard.scorecard', version: 1 });
    for (const value of [null, [], 'x', { format: 'a' }, { format: 'a', version: '1' }, { format: 'a', version: 1.5 }, { format: 1, version: 1 }]) {
      expect(readEnvelopeHeader(value)).toBeNull();
    }
  });

  it('refuses what is not a Loopcard file, saying so', () => {
    expect(refusal(JSON.stringify({ name: 'loopcard', version: '0.1.0' }))).toBe('This is not a Loopcard file: it has no format and version.');
    expect(refusal('[1,2,3]')).toBe('This is not a Loopcard file: it has no format and version.');
    expect(refusal(JSON.stringify({ format: 'x'.repeat(500), version: 1 }))).toBe(`This is not a Loopcard file Loopcard knows (its format is “${'x'.repeat(60)}”).`);
    expect(refusal(JSON.stringify({ format: 'loopcard.scorecard', version: 0 }))).toBe('This scorecard file has an unknown format version (0).');
  });
});

describe('describing a schema issue', () => {
  it('says where in words and what, never a bare path', () => {
    expect(describeIssue({ code: 'invalid_type', expected: 'string', input: undefined, path: ['payload', 'revisions', 1, 'submittedAt'], message: 'Invalid input' })).toBe('in revision 2, the field “submittedAt” is missing');
    expect(describeIssue({ code: 'unrecognized_keys', keys: ['salary'], input: {}, path: ['content', 'scorecards', 0, 'revisions', 0], message: 'x' })).toBe('in scorecard 1, revision 1, there is a field Loopcard never writes (“salary”)');
    expect(describeIssue({ code: 'custom', input: '', path: ['payload', 'candidate', 'name'], message: 'Name is required.' })).toBe('in the candidate, the field “name”: name is required');
  });
});

describe('the one SHA-256', () => {
  it('gives the digests Web Crypto gives, on text beyond the Basic Multilingual Plane too', async () => {
    for (const text of ['', 'abc', 'Zofia Łukasiewicz 🚀', 'x'.repeat(100_000)]) {
      const web = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
      expect(sha256Hex(text)).toBe([...web].map((b) => b.toString(16).padStart(2, '0')).join(''));
    }
  });
});
