import type { Role } from './role';
import type { Candidate } from './candidate';
import type { Rubric } from './rubric';
import type { Interview } from './interview';
import type { Scorecard } from './scorecard';
import type { Debrief } from './debrief';
import type { Screen } from './screen';

/** Records by table, as a file brings them or this device holds them (see incoming-records.ts). */
export type Setting = { key: string; value: unknown };

export type Records = {
  roles: readonly Role[];
  candidates: readonly Candidate[];
  rubrics: readonly Rubric[];
  interviews: readonly Interview[];
  /** Working copies (one per interview): the draft being typed, or the latest submitted revision. */
  scorecards: readonly Scorecard[];
  /** Every submitted revision, kept whole. */
  scorecardRevisions: readonly Scorecard[];
  debriefs: readonly Debrief[];
  /** Candidates' screens: in backups only, never in a loop, scorecard or packet file. */
  screens: readonly Screen[];
  settings: readonly Setting[];
};

export function emptyRecords(): Records {
  return { roles: [], candidates: [], rubrics: [], interviews: [], scorecards: [], scorecardRevisions: [], debriefs: [], screens: [], settings: [] };
}

