import { DebriefSchema, checkConsensus, checkDecision, type Consensus, type Debrief, type Decision } from '../domain/debrief';
import { aggregatePanel, latestSubmitted, panelRubricRef } from '../domain/aggregate';
import { RubricSchema } from '../domain/rubric';
import { ScorecardSchema } from '../domain/scorecard';
import { InterviewSchema } from '../domain/interview';
import { reviseRecord } from '../domain/revision';
import type { RepositoryContext } from './repository-context';
import { ConflictError, ValidationError, validate } from './validation';

export type DecisionInput = { decision: Decision | null; decidedBy: string; nextStep: string };

/** Layer 3 of a debrief: the consensus the lead records and the decision. Scorecards are never touched. */
export function createDebriefsRepository({ db, now, newId }: RepositoryContext) {
  async function current(candidateId: string): Promise<Debrief | undefined> {
    const row = await db.debriefs.where('candidateId').equals(candidateId).first();
    return row && DebriefSchema.parse(row);
  }

  return {
    getByCandidate: current,

    /** Saves the consensus as it stands (partial is fine); the decision, if any, is cleared only by the lead. */
    async saveConsensus(candidateId: string, consensus: readonly Consensus[]): Promise<Debrief> {
      return db.transaction('rw', db.debriefs, db.candidates, async () => {
        const candidate = await db.candidates.get(candidateId);
        if (!candidate) throw new ConflictError('This candidate is no longer on this device.');
        const existing = await current(candidateId);
        const stamp = now().toISOString();
        const base = existing ?? { id: newId(), candidateId, roleId: candidate.roleId, decision: null, decidedBy: '', nextStep: '', decidedAt: null, createdAt: stamp };
        const next = validate('Debrief', DebriefSchema, reviseRecord({ ...base, consensus: [...consensus], updatedAt: stamp }, existing ?? null));
        await db.debriefs.put(next);
        return next;
      });
    },

    /**
     * Records the decision. Refused until every dimension has a consensus level, every departure
     * from the panel median has its rationale, and the decision, its maker and the next step are given.
     */
    async recordDecision(candidateId: string, input: DecisionInput): Promise<Debrief> {
      return db.transaction('rw', [db.debriefs, db.candidates, db.interviews, db.scorecardRevisions, db.rubrics], async () => {
        const existing = await current(candidateId);
        if (!existing) throw new ValidationError('Debrief', [{ path: 'consensus', message: 'Record the consensus before the decision.' }]);
        const [revisions, loop] = await Promise.all([
          db.scorecardRevisions.where('candidateId').equals(candidateId).toArray(),
          db.interviews.where('candidateId').equals(candidateId).toArray(),
        ]);
        const latest = latestSubmitted(revisions.map((r) => ScorecardSchema.parse(r)));
        const panel = panelRubricRef(latest, null);
        if (!panel.ok) throw new ConflictError(panel.reason);
        const first = panel.ref;
        if (!first) throw new ValidationError('Debrief', [{ path: 'consensus', message: 'No submitted scorecard has been gathered for this candidate yet.' }]);
        const rubricRow = await db.rubrics.get([first.id, first.version]);
        if (!rubricRow) throw new ConflictError('The rubric of these scorecards is not on this device.');
        const rubric = RubricSchema.parse(rubricRow);
        const aggregate = aggregatePanel(rubric, latest, loop.map((i) => InterviewSchema.parse(i)));
        const issues = [
          ...checkConsensus(existing.consensus, aggregate.dimensions.map((d) => ({ key: d.dimensionKey, title: d.title, median: d.median }))),
          ...checkDecision(input),
        ];
        if (issues.length > 0) throw new ValidationError('Decision', issues.map((i) => ({ path: i.field, message: i.message })));
        const stamp = now().toISOString();
        const next = validate(
          'Debrief',
          DebriefSchema,
          reviseRecord({ ...existing, decision: input.decision, decidedBy: input.decidedBy, nextStep: input.nextStep, decidedAt: stamp, updatedAt: stamp }, existing),
        );
        await db.debriefs.put(next);
        return next;
      });
    },
  };
}

export type DebriefsRepository = ReturnType<typeof createDebriefsRepository>;
