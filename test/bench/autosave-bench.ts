// Autosave bench: the time to persist ONE autosave of a scorecard whose five dimensions each carry
// 5,000 characters of evidence, through the real repository (validation, editVersion check and
// the Dexie transaction) in real IndexedDB. Run by `npm run bench` (test/tools/bench.mjs).
import { createDb } from '../../src/data/db';
import { createRepositories } from '../../src/data/repositories';
import { contentOf, type ScorecardContent } from '../../src/domain/scorecard';
import { LEVEL_VALUES } from '../../src/domain/rubric';
import { servingRole } from '../fixtures/roles';
import { publish } from './bench-result';

const EVIDENCE_CHARS = 5_000;
const WARMUP = 20;
const MEASURED = 300;

const FILLER =
  'Walked through the 02:14 page: p99 on the ranking model jumped from 80 ms to 1.9 s after the feature store ' +
  'client upgrade; checked the autoscaler events, saw pods pinned at max replicas, pulled the canary and ' +
  'compared request traces before and after the deploy. Named the rollback criteria up front. ';

/** Exactly `EVIDENCE_CHARS` characters, different for every iteration and dimension, never ending in a space (evidence is trimmed). */
function evidence(iteration: number, dimension: number): string {
  const head = `[save ${iteration} dim ${dimension}] `;
  let text = head;
  while (text.length < EVIDENCE_CHARS) text += FILLER;
  return `${text.slice(0, EVIDENCE_CHARS - 1)}.`;
}

function contentFor(base: ScorecardContent, iteration: number): ScorecardContent {
  return {
    ...base,
    ratings: base.ratings.map((rating, dimension) => ({
      ...rating,
      level: LEVEL_VALUES[(iteration + dimension) % LEVEL_VALUES.length] ?? 1,
      evidence: evidence(iteration, dimension),
    })),
  };
}

void publish(async () => {
  const db = createDb(`loopcard-bench-autosave-${Date.now()}`);
  try {
    const repos = createRepositories(db);
    const role = await repos.roles.create(servingRole);
    const candidate = await repos.candidates.create({ name: 'Bench Candidate', roleId: role.id, notes: '' });
    const interview = await repos.interviews.addToLoop(candidate.id, { interviewerName: 'Ana Lopez', plannedAt: '' });
    const draft = await repos.scorecards.openForInterview(interview.id);
    const base = contentOf(draft);
    if (base.ratings.length !== 5) throw new Error(`Expected 5 dimensions on the draft, found ${base.ratings.length}.`);

    let editVersion = draft.editVersion;
    let last = draft;
    const samples: number[] = [];
    for (let i = 0; i < WARMUP + MEASURED; i++) {
      const content = contentFor(base, i);
      const started = performance.now();
      last = await repos.scorecards.saveDraft(draft.id, content, editVersion);
      const elapsed = performance.now() - started;
      editVersion = last.editVersion;
      if (i >= WARMUP) samples.push(elapsed);
    }

    const stored = await repos.scorecards.get(draft.id);
    if (!stored || stored.editVersion !== editVersion) throw new Error('The last save is not what is stored.');
    const evidenceChars = stored.ratings.reduce((sum, r) => sum + r.evidence.length, 0);
    if (evidenceChars !== 5 * EVIDENCE_CHARS) throw new Error(`Stored evidence is ${evidenceChars} characters, expected ${5 * EVIDENCE_CHARS}.`);
    const payloadBytes = new TextEncoder().encode(JSON.stringify(stored)).length;

    return {
      samples,
      extra: {
        'payload (one saved scorecard, JSON)': `${(payloadBytes / 1024).toFixed(1)} KiB`,
        'evidence per scorecard': `5 × ${EVIDENCE_CHARS.toLocaleString('en-US')} chars`,
        'warm-up saves': WARMUP,
      },
    };
  } finally {
    // Not deleted: the runner opens each page in a throwaway browser context, and deleting right
    // after the last transaction only gets a "delete was blocked" warning from Dexie.
    db.close();
  }
});
