import { readFileSync } from 'node:fs';
import { readLoopcardFile } from '../../src/domain/file-reading';
import type { Records } from '../../src/domain/records';

/** Real records from the frozen files: the loop (role, candidate, rubric, three interviews) and Zofia's two submitted revisions. */
function recordsOf(file: string): Records {
  const read = readLoopcardFile(readFileSync(new URL(`../fixtures/${file}`, import.meta.url), 'utf8'));
  if (!read.ok || read.value.kind === 'backup') throw new Error(`The fixture ${file} does not read.`);
  return read.value.records;
}

export const loopRecords = (): Records => recordsOf('loop-v4.loopcard.json');
export const scorecardRecords = (): Records => recordsOf('scorecard-v4.loopcard.json');

/** The fixture loop's candidate; its interviews are fx-interview-1 (Zofia), -2 (Ben), -3 (Linh). */
export const FIXTURE_CANDIDATE = 'fx-candidate-1';

/** The value, or a failed test when it is missing. */
export function present<T>(value: T | null | undefined): T {
  if (value === null || value === undefined) throw new Error('Expected a value.');
  return value;
}
