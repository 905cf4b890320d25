import { CandidateSchema, type Candidate } from '../domain/candidate';
import { RoleSchema, type Role } from '../domain/role';
import { DebriefSchema, checkDecision, checkPanelConsensus, decisionGoesAgainst, type Consensus, type Debrief, type Decision } from '../domain/debrief';
import { aggregatePanel, latestSubmitted, panelRubricRefs } from '../domain/aggregate';
import { ScorecardSchema } from '../domain/scorecard';
import { InterviewSchema, sortLoop } from '../domain/interview';
import { reviseRecord } from '../domain/revision';
import type { RepositoryContext } from './repository-context';
import { ConflictError, ValidationError, validate } from './validation';
import { loadPanelRubrics } from './panel-rubrics';
import { revisionIndexValues, submittedScorecardsOf } from './submitted-keys';
import { checkDecisionAgainstOffer, checkOffer, offerAfterDecision, type AcceptedOffer } from '../domain/pipeline';
import type { OfferOutcome } from '../domain/debrief';

/** A candidate on the debrief list: their role, how many interviewers have submitted, and their debrief. */
export type GatheredCandidate = { candidate: Candidate; role: Role | null; submitted: number; debrief: Debrief | null };

/** What the lead records: the decision, why (longer when it goes against the panel), who decided, and what happens next. */
export type DecisionInput = { decision: Decision | null; decisionRationale: string; decidedBy: string; nextStep: string };

/** Layer 3 of a debrief: the consensus the lead records and the decision. Scorecards are never touched. */
export function createDebriefsRepository({ db, now, newId }: RepositoryContext) {
  async function current(candidateId: string): Promise<Debrief | undefined> {
    const row = await db.debriefs.where('candidateId').equals(candidateId).first();
    return row && DebriefSchema.parse(row);
  }

  /** Every accepted offer among the role's candidates, with the candidate's name for messages. */
  async function acceptedForRole(roleId: string): Promise<AcceptedOffer[]> {
    const rows = await db.debriefs.filter((d) => d.roleId === roleId && d.offer?.outcome === 'accepted').toArray();
    const names = await db.candidates.bulkGet(rows.map((d) => d.candidateId));
    return rows.map((d, i) => ({ candidateId: d.candidateId, candidateName: names[i]?.name ?? 'another candidate', recordedAt: d.offer?.recordedAt ?? d.updatedAt }));
  }

  return {
    getByCandidate: current,

    /**
     * The candidates with at least one submitted scorecard, most recently changed first (as the
     * candidates list orders them): how many there are, and the first `limit` of them, each with
     * how many interviewers have submitted, their role and their debrief. Who is on the list and
     * in what order comes from keys alone (the revisions' candidate index, the candidates' updatedAt
     * index); only the rows shown are read whole.
     */
    async listGathered({ limit }: { limit: number }): Promise<{ total: number; rows: GatheredCandidate[] }> {
      return db.transaction('r', [db.scorecardRevisions, db.candidates, db.roles, db.debriefs], async () => {
        const [gatheredIds, newestFirst] = await Promise.all([revisionIndexValues(db, 'candidateId'), db.candidates.orderBy('updatedAt').reverse().primaryKeys()]);
        const gathered = new Set(gatheredIds);
        const ids = newestFirst.map(String).filter((id) => gathered.has(id));
        const page = ids.slice(0, Math.max(0, limit));
        const [candidates, debriefs, submitted] = await Promise.all([
          db.candidates.bulkGet(page),
          db.debriefs.where('candidateId').anyOf(page).toArray(),
          submittedScorecardsOf(db, page),
        ]);
        const shown = candidates.filter((c): c is Candidate => c !== undefined).map((c) => CandidateSchema.parse(c));
        const roles = await db.roles.bulkGet([...new Set(shown.map((c) => c.roleId))]);
        const roleOf = new Map(roles.filter((r): r is Role => r !== undefined).map((r) => [r.id, RoleSchema.parse(r)]));
        const debriefOf = new Map(debriefs.map((d) => [d.candidateId, DebriefSchema.parse(d)]));
        return {
          total: ids.length,
          rows: shown.map((c) => ({ candidate: c, role: roleOf.get(c.roleId) ?? null, submitted: submitted.get(c.id)?.size ?? 0, debrief: debriefOf.get(c.id) ?? null })),
        };
      });
    },

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
     * Records the decision. Refused until every dimension of every rubric version the panel was
     * scored on has a consensus level, every departure from the panel median has its rationale,
     * and the decision, its rationale, its maker and the next step are given; a decision that goes
     * against the panel's majority or a low consensus needs the longer rationale.
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
        if (latest.length === 0) throw new ValidationError('Debrief', [{ path: 'consensus', message: 'No submitted scorecard has been gathered for this candidate yet.' }]);
        const interviews = sortLoop(loop.map((i) => InterviewSchema.parse(i)));
        const rubrics = await loadPanelRubrics(db, panelRubricRefs(latest, interviews, null), latest);
        const aggregate = aggregatePanel(rubrics, latest, interviews);
        const goesAgainst = decisionGoesAgainst(input.decision, existing.consensus, aggregate, rubrics);
        const issues = [...checkPanelConsensus(existing.consensus, aggregate, rubrics), ...checkDecision(input, goesAgainst)];
        const offerIssue = checkDecisionAgainstOffer(existing.offer, input.decision);
        if (offerIssue) issues.push({ field: 'decision', message: offerIssue });
        if (issues.length > 0) throw new ValidationError('Decision', issues.map((i) => ({ path: i.field, message: i.message })));
        const stamp = now().toISOString();
        const next = validate(
          'Debrief',
          DebriefSchema,
          reviseRecord({ ...existing, ...(existing.offer ? { offer: offerAfterDecision(existing.offer, input.decision) } : {}), decision: input.decision, decisionRationale: input.decisionRationale, decidedBy: input.decidedBy, nextStep: input.nextStep, decidedAt: stamp, updatedAt: stamp }, existing),
        );
        await db.debriefs.put(next);
        return next;
      });
    },

    /**
     * Records the candidate's answer to the offer: only on a Hire decision, and an accepted offer
     * only while no other candidate of the role has accepted one (the first closes the search).
     * Recording the same outcome again keeps the date it was first recorded.
     */
    async recordOffer(candidateId: string, outcome: OfferOutcome): Promise<Debrief> {
      return db.transaction('rw', db.debriefs, db.candidates, async () => {
        const existing = await current(candidateId);
        if (!existing) throw new ConflictError('Record the decision first: an offer follows a Hire decision.');
        if (existing.offer?.outcome === outcome) return existing;
        const problem = checkOffer(existing.decision, outcome, await acceptedForRole(existing.roleId), candidateId);
        if (problem) throw new ConflictError(problem);
        const stamp = now().toISOString();
        const next = validate('Debrief', DebriefSchema, reviseRecord({ ...existing, offer: { outcome, recordedAt: stamp }, updatedAt: stamp }, existing));
        await db.debriefs.put(next);
        return next;
      });
    },

    /** Clears an offer recorded by mistake (an accepted one reopens the role's search). */
    async clearOffer(candidateId: string): Promise<Debrief | undefined> {
      return db.transaction('rw', db.debriefs, async () => {
        const existing = await current(candidateId);
        if (!existing?.offer) return existing;
        const next = validate('Debrief', DebriefSchema, reviseRecord({ ...existing, offer: null, updatedAt: now().toISOString() }, existing));
        await db.debriefs.put(next);
        return next;
      });
    },
  };
}

export type DebriefsRepository = ReturnType<typeof createDebriefsRepository>;
