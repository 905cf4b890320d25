import { reviseRecord } from '../../src/domain/revision';
import { BUILTIN_RUBRIC } from '../../src/domain/builtin-rubric';
import type { Candidate } from '../../src/domain/candidate';
import type { Debrief } from '../../src/domain/debrief';
import type { Interview } from '../../src/domain/interview';
import type { Role } from '../../src/domain/role';
import { NOT_COVERED, type Recommendation, type RatingLevel } from '../../src/domain/rubric';
import type { Scorecard } from '../../src/domain/scorecard';
import { createDraftScorecard } from '../../src/domain/scorecard-rules';
import { servingRole } from '../fixtures/roles';

/** In-memory panels for the pure debrief code: no database, no hashing. */

export const NOW = '2026-11-02T09:00:00.000Z';
export const DIMENSION_KEYS = BUILTIN_RUBRIC.dimensions.map((d) => d.key);

export type Answer = RatingLevel | typeof NOT_COVERED;

export const role: Role = reviseRecord({ ...servingRole, id: 'role-1', createdAt: NOW, updatedAt: NOW });
export const candidate: Candidate = reviseRecord({ id: 'cand-1', roleId: 'role-1', name: 'Priya Raman', notes: '', createdAt: NOW, updatedAt: NOW });

export function interviewOf(id: string, interviewerName: string, createdAt = NOW): Interview {
  return reviseRecord({ id, candidateId: 'cand-1', roleId: 'role-1', rubric: { id: BUILTIN_RUBRIC.id, version: BUILTIN_RUBRIC.version }, interviewerName, plannedAt: '', createdAt });
}

/**
 * A submitted revision for an interview: `answers` in rubric order (trigger, diagnosis,
 * mitigation, rollback, prevention); missing ones are 3.
 */
export function cardFor(interview: Interview, answers: readonly Answer[], overrides: Partial<Scorecard> = {}): Scorecard {
  const draft = createDraftScorecard(interview, BUILTIN_RUBRIC, `sc-${interview.id}`, NOW);
  return {
    ...draft,
    ratings: DIMENSION_KEYS.map((key, i) => {
      const level = answers[i] ?? 3;
      return { dimensionKey: key, level, evidence: level === NOT_COVERED ? '' : `${interview.interviewerName} on ${key}: level ${level}.`, probesCovered: [] };
    }),
    recommendation: 'yes' satisfies Recommendation,
    status: 'submitted',
    submittedAt: NOW,
    contentHash: 'a'.repeat(64),
    ...overrides,
  };
}

/** The same answer on every dimension. */
export function all(answer: Answer): Answer[] {
  return DIMENSION_KEYS.map(() => answer);
}

export function debriefOf(overrides: Partial<Debrief> = {}): Debrief {
  return reviseRecord({
    id: 'deb-1',
    candidateId: 'cand-1',
    roleId: 'role-1',
    consensus: [],
    decision: null,
    decidedBy: '',
    nextStep: '',
    decidedAt: null,
    createdAt: NOW,
    updatedAt: NOW,
    ...overrides,
  });
}
