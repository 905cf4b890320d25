import { describe, expect, it } from 'vitest';
import { BUILTIN_RUBRIC } from '../../src/domain/builtin-rubric';
import { IMPORT_MAX_BYTES, describeSchemaIssue, migrateEnvelope, parseJsonSafely, readEnvelopeHeader, type Migration } from '../../src/domain/file-reading';
import { SCORECARD_FILE_FORMAT, SCORECARD_FILE_VERSION, ScorecardFileSchema, readScorecardFile, type ScorecardFile } from '../../src/domain/scorecard-file';
import { all, candidate, cardFor, interviewOf, role } from '../helpers/panel';

const interview = interviewOf('iv-ana', 'Ana Lopez');
const submitted = cardFor(interview, all(3));

function fileOf(overrides: Partial<ScorecardFile['payload']> = {}): ScorecardFile {
  return {
    format: SCORECARD_FILE_FORMAT,
    version: SCORECARD_FILE_VERSION,
    exportedAt: '2026-11-02T09:00:00.000Z',
    app: { name: 'Loopcard', version: '0.1.0' },
    sha256: 'c'.repeat(64),
    payload: { role, candidate, interview, rubric: BUILTIN_RUBRIC, scorecard: submitted, revisions: [submitted], ...overrides },
  };
}

const validText = JSON.stringify(fileOf(), null, 2);

/** The reason a read was refused; fails the test if it was not. */
function reasonOf(result: { ok: true } | { ok: false; reason: string }): string {
  if (result.ok) throw new Error('expected the file to be refused, but it was read');
  return result.reason;
}

describe('parsing JSON safely', () => {
  it('gives back the value of valid JSON', () => {
    expect(parseJsonSafely('{"a":[1,{"b":null}]}')).toEqual({ ok: true, value: { a: [1, { b: null }] } });
    expect(parseJsonSafely('"just a string"')).toEqual({ ok: true, value: 'just a string' });
  });

  it('refuses JSON cut short, an empty file and plain text, saying to export again', () => {
    for (const text of ['{"format": "loopcard.scorecard", "payl', '', 'Ana Lopez, 3, 3, 3']) {
      expect(parseJsonSafely(text)).toEqual({ ok: false, reason: 'The file is not valid JSON: it may be cut short or damaged. Ask for it to be exported again.' });
    }
  });

  it.each(['__proto__', 'constructor', 'prototype'])('refuses a key named %s at the top level', (key) => {
    expect(reasonOf(parseJsonSafely(`{"format":"x","${key}":{"polluted":true}}`))).toBe(`The file contains a key named “${key}”, which Loopcard never writes. It was not imported.`);
  });

  it.each(['__proto__', 'constructor', 'prototype'])('refuses a key named %s nested in objects and arrays', (key) => {
    expect(reasonOf(parseJsonSafely(`{"payload":{"revisions":[{"ratings":[{}, {"${key}": 1}]}]}}`))).toContain(`“${key}”`);
    expect(reasonOf(parseJsonSafely(`[[[{"${key}": null}]]]`))).toContain(`“${key}”`);
  });

  it('does not mind those words as values, or inside longer keys', () => {
    expect(parseJsonSafely('{"note":"__proto__ constructor prototype","constructorName":"x","my_prototype":1}').ok).toBe(true);
  });

  it('leaves Object.prototype untouched when refusing __proto__', () => {
    parseJsonSafely('{"__proto__":{"polluted":true}}');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('reading an envelope’s header', () => {
  it('reads a format string and a whole version number', () => {
    expect(readEnvelopeHeader({ format: 'loopcard.scorecard', version: 1, payload: {} })).toEqual({ format: 'loopcard.scorecard', version: 1 });
  });

  it('finds no header on anything that is not an object with both', () => {
    for (const value of [null, 'loopcard.scorecard', 42, [], [{ format: 'loopcard.scorecard', version: 1 }], {}, { format: 'loopcard.scorecard' }, { version: 1 }]) {
      expect(readEnvelopeHeader(value)).toBeNull();
    }
  });

  it('finds no header when the version is a string or a fraction, or the format is not a string', () => {
    expect(readEnvelopeHeader({ format: 'loopcard.scorecard', version: '1' })).toBeNull();
    expect(readEnvelopeHeader({ format: 'loopcard.scorecard', version: 1.5 })).toBeNull();
    expect(readEnvelopeHeader({ format: 7, version: 1 })).toBeNull();
  });
});

describe('migrating an envelope', () => {
  const steps: Record<number, Migration> = {
    1: (v) => ({ ...v, trail: [...((v.trail as string[] | undefined) ?? []), 'one-to-two'] }),
    2: (v) => ({ ...v, trail: [...((v.trail as string[] | undefined) ?? []), 'two-to-three'] }),
  };

  it('leaves a current envelope as it is', () => {
    expect(migrateEnvelope({ version: 3, a: 1 }, 3, 3, steps, 'test file')).toEqual({ ok: true, value: { version: 3, a: 1 } });
  });

  it('applies every step from the file’s version up, in order, stamping each new version', () => {
    expect(migrateEnvelope({ version: 1 }, 1, 3, steps, 'test file')).toEqual({ ok: true, value: { version: 3, trail: ['one-to-two', 'two-to-three'] } });
    expect(migrateEnvelope({ version: 2 }, 2, 3, steps, 'test file')).toEqual({ ok: true, value: { version: 3, trail: ['two-to-three'] } });
  });

  it('refuses a newer version, naming both versions and saying to update', () => {
    expect(reasonOf(migrateEnvelope({ version: 4 }, 4, 3, steps, 'test file'))).toBe(
      'This test file was made by a newer version of Loopcard (format version 4; this one reads up to 3). Update Loopcard on this device, then import it again.',
    );
  });

  it('refuses version 0 and negative versions as unknown', () => {
    expect(reasonOf(migrateEnvelope({ version: 0 }, 0, 3, steps, 'test file'))).toBe('This test file has an unknown format version (0).');
    expect(reasonOf(migrateEnvelope({ version: -1 }, -1, 3, steps, 'test file'))).toBe('This test file has an unknown format version (-1).');
  });

  it('refuses an old version it has no step for', () => {
    expect(reasonOf(migrateEnvelope({ version: 1 }, 1, 3, { 2: steps[2] as Migration }, 'test file'))).toBe('Loopcard cannot read test files of format version 1.');
  });
});

describe('describing a schema issue', () => {
  it('names where the problem is, when it is somewhere', () => {
    expect(describeSchemaIssue({ path: ['payload', 'revisions', 0, 'revision'], message: 'Too small' })).toBe('payload.revisions.0.revision: Too small');
    expect(describeSchemaIssue({ path: [], message: 'Unrecognized key: "x"' })).toBe('Unrecognized key: "x"');
  });
});

describe('reading a scorecard file', () => {
  it('reads a valid file into the same envelope', () => {
    expect(readScorecardFile(validText)).toEqual({ ok: true, value: ScorecardFileSchema.parse(fileOf()) });
  });

  it('refuses a file cut short', () => {
    expect(reasonOf(readScorecardFile(validText.slice(0, 200)))).toMatch(/not valid JSON: it may be cut short or damaged/);
  });

  it('refuses another app’s file (a package.json), an array and a bare string as not Loopcard files', () => {
    const notLoopcard = 'This is not a Loopcard file: it has no format and version.';
    expect(reasonOf(readScorecardFile(JSON.stringify({ name: 'loopcard', version: '0.1.0', private: true })))).toBe(notLoopcard);
    expect(reasonOf(readScorecardFile(JSON.stringify([fileOf()])))).toBe(notLoopcard);
    expect(reasonOf(readScorecardFile(JSON.stringify('loopcard.scorecard')))).toBe(notLoopcard);
    expect(reasonOf(readScorecardFile('null'))).toBe(notLoopcard);
  });

  it('refuses a file missing its format or its version', () => {
    const { format: _format, ...noFormat } = fileOf();
    const { version: _version, ...noVersion } = fileOf();
    expect(reasonOf(readScorecardFile(JSON.stringify(noFormat)))).toBe('This is not a Loopcard file: it has no format and version.');
    expect(reasonOf(readScorecardFile(JSON.stringify(noVersion)))).toBe('This is not a Loopcard file: it has no format and version.');
  });

  it('says a decision packet is a packet, not a scorecard', () => {
    expect(reasonOf(readScorecardFile(JSON.stringify({ ...fileOf(), format: 'loopcard.packet' })))).toBe('This is a Loopcard packet file, not a scorecard.');
  });

  it('names the format of a file from something else, cut to a readable length', () => {
    expect(reasonOf(readScorecardFile(JSON.stringify({ format: 'vnd.ats.candidate', version: 1 })))).toBe('This is not a Loopcard scorecard (its format is “vnd.ats.candidate”).');
    const long = reasonOf(readScorecardFile(JSON.stringify({ format: 'x'.repeat(500), version: 1 })));
    expect(long).toBe(`This is not a Loopcard scorecard (its format is “${'x'.repeat(60)}”).`);
  });

  it('refuses version 2 as made by a newer Loopcard, and says to update', () => {
    const reason = reasonOf(readScorecardFile(JSON.stringify({ ...fileOf(), version: 2 })));
    expect(reason).toBe('This scorecard file was made by a newer version of Loopcard (format version 2; this one reads up to 1). Update Loopcard on this device, then import it again.');
  });

  it('refuses version 0 as unknown', () => {
    expect(reasonOf(readScorecardFile(JSON.stringify({ ...fileOf(), version: 0 })))).toBe('This scorecard file has an unknown format version (0).');
  });

  it('refuses an unknown key in the payload, saying where and that it may have been edited', () => {
    const file = fileOf();
    const reason = reasonOf(readScorecardFile(JSON.stringify({ ...file, payload: { ...file.payload, salaryExpectation: 400_000 } })));
    expect(reason).toMatch(/^The file does not match the scorecard format \(payload: .*salaryExpectation.*\)\. It may have been edited by hand\.$/);
  });

  it('refuses an unknown key on a revision and on a rating', () => {
    const onRevision = reasonOf(readScorecardFile(JSON.stringify(fileOf({ revisions: [{ ...submitted, approvedBy: 'me' } as typeof submitted] }))));
    expect(onRevision).toContain('payload.revisions.0');
    const rating = submitted.ratings[0];
    if (!rating) throw new Error('no rating');
    const onRating = reasonOf(readScorecardFile(JSON.stringify(fileOf({ scorecard: { ...submitted, ratings: [{ ...rating, weight: 2 } as typeof rating] } }))));
    expect(onRating).toContain('payload.scorecard.ratings.0');
  });

  it('refuses a level outside the scale, naming the field', () => {
    const rating = submitted.ratings[0];
    if (!rating) throw new Error('no rating');
    const reason = reasonOf(readScorecardFile(JSON.stringify(fileOf({ revisions: [{ ...submitted, ratings: [{ ...rating, level: 5 as 4 }] }] }))));
    expect(reason).toContain('payload.revisions.0.ratings.0.level');
  });

  it.each(['__proto__', 'constructor', 'prototype'])('refuses a key named %s at the top level and deep in the payload', (key) => {
    // An object literal cannot hold an own __proto__ key, so a placeholder key is renamed in the JSON text.
    const file = fileOf();
    const top = JSON.stringify({ ...file, PLACEHOLDER: { isAdmin: true } }).replace('"PLACEHOLDER"', `"${key}"`);
    expect(reasonOf(readScorecardFile(top))).toContain(`“${key}”`);
    const rating = submitted.ratings[2];
    if (!rating) throw new Error('no rating');
    const deep = fileOf({ revisions: [{ ...submitted, ratings: [{ ...rating, PLACEHOLDER: { isAdmin: true } } as typeof rating] }] });
    const nested = JSON.stringify(deep).replace('"PLACEHOLDER"', `"${key}"`);
    expect(nested).toContain(`"${key}":{"isAdmin":true}`);
    expect(reasonOf(readScorecardFile(nested))).toContain(`“${key}”`);
  });

  it('refuses a draft copy that was never submitted, saying to submit and export again', () => {
    const draft = { ...submitted, status: 'draft' as const, submittedAt: null, contentHash: null };
    expect(reasonOf(readScorecardFile(JSON.stringify(fileOf({ scorecard: draft, revisions: [] }))))).toBe(
      'This scorecard was never submitted: it is a draft copy. Ask the interviewer to submit it and export it again.',
    );
  });

  it('reads a file whose scorecard is an amendment in progress, as long as a revision was submitted', () => {
    const amending = { ...submitted, status: 'draft' as const, revision: 2, amendReason: 'Typo.', submittedAt: null, contentHash: null };
    expect(readScorecardFile(JSON.stringify(fileOf({ scorecard: amending, revisions: [submitted] }))).ok).toBe(true);
  });

  it('refuses a file over 5 MB before parsing it', () => {
    const huge = validText.replace('"payload"', `"padding": "${'x'.repeat(IMPORT_MAX_BYTES)}", "payload"`);
    expect(reasonOf(readScorecardFile(huge))).toBe('The file is larger than 5 MB; a scorecard file is never that large.');
    // Exactly 5 MB (the JSON padded with trailing spaces) is still within the limit.
    const exact = `${validText}${' '.repeat(IMPORT_MAX_BYTES - validText.length)}`;
    expect(exact.length).toBe(IMPORT_MAX_BYTES);
    expect(readScorecardFile(exact).ok).toBe(true);
  });
});
