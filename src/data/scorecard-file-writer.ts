import { SCORECARD_FILE_FORMAT, SCORECARD_FILE_VERSION, ScorecardFileSchema, type ScorecardFile, type ScorecardFilePayload } from '../domain/scorecard-file';
import { scorecardFileName } from '../domain/scorecard-rules';
import { sealFile } from './envelope';

/**
 * Wraps a scorecard and its context in the versioned, hashed envelope. Works from memory alone, so
 * an interviewer can still download their text when the database refuses to save it.
 */
export async function writeScorecardFile(payload: ScorecardFilePayload, appVersion: string, now: Date): Promise<{ fileName: string; file: ScorecardFile; json: string }> {
  const file = sealFile('Scorecard file', ScorecardFileSchema, { format: SCORECARD_FILE_FORMAT, version: SCORECARD_FILE_VERSION, appVersion, exportedAt: now }, { payload });
  const fileName = scorecardFileName(payload.candidate.name, payload.scorecard.interviewerName, now.toISOString().slice(0, 10));
  return { fileName, file, json: JSON.stringify(file, null, 2) };
}
