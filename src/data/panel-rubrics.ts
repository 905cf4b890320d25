import { RubricSchema, type Rubric, type RubricVersionRef } from '../domain/rubric';
import type { Scorecard } from '../domain/scorecard';
import type { LoopcardDb } from './db';
import { ConflictError } from './validation';

/**
 * The rubric versions a panel needs, read from the database in the order given (loop order of
 * first use). A version missing on this device is refused with who scored on it, rather than
 * read against another rubric's dimensions. Call inside a transaction that includes `rubrics`.
 */
export async function loadPanelRubrics(db: LoopcardDb, refs: readonly RubricVersionRef[], scorecards: readonly Scorecard[]): Promise<Rubric[]> {
  const rows = await Promise.all(refs.map((ref) => db.rubrics.get([ref.id, ref.version])));
  return refs.map((ref, i) => {
    const row = rows[i];
    if (row) return RubricSchema.parse(row);
    const names = scorecards.filter((s) => s.rubric.id === ref.id && s.rubric.version === ref.version).map((s) => s.interviewerName);
    const whose = names.length > 0 ? ` that ${[...new Set(names)].join(', ')} scored on` : '';
    throw new ConflictError(`The rubric version${whose} (${ref.id}, version ${ref.version}) is not on this device. Import the loop file or their scorecard file, which carry it.`);
  });
}
