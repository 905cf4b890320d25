// Test data for the bench pages, built through the real repositories (validation, hashing and
// Dexie transactions included), so what is measured afterwards reads what the app itself writes.
import type { Repositories } from '../../src/data/repositories';
import { contentOf, type Scorecard } from '../../src/domain/scorecard';
import { LEVEL_VALUES, RECOMMENDATIONS, type RatingLevel } from '../../src/domain/rubric';

const FILLER =
  'Walked through the 02:14 page: p99 on the ranking model jumped from 80 ms to 1.9 s after the feature store ' +
  'client upgrade — checked the autoscaler events, saw pods pinned at max replicas, pulled the canary and ' +
  'compared request traces before and after the deploy. Named the rollback criteria up front; café-grade ' +
  'runbook, naïve retry storm, “blast radius” spelled out. ';

/** Exactly `chars` characters of evidence, different per `tag`, never ending in a space (evidence is trimmed). */
export function evidenceText(tag: string, chars: number): string {
  let text = `[${tag}] `;
  while (text.length < chars) text += FILLER;
  return `${text.slice(0, chars - 1)}.`;
}

/** A level 1–4 that varies with the two seeds, so medians and ranges are not all the same. */
export function levelFor(a: number, b: number): RatingLevel {
  return LEVEL_VALUES[(a * 3 + b * 5 + ((a * b) % 3)) % LEVEL_VALUES.length] ?? 3;
}

/**
 * Opens the interview's scorecard and submits it with every dimension rated (a level 1–4 and
 * `evidenceChars` characters of evidence) and a recommendation: exactly what an interviewer does.
 */
export async function submitScorecard(repos: Repositories, interviewId: string, seed: number, evidenceChars: number): Promise<Scorecard> {
  const draft = await repos.scorecards.openForInterview(interviewId);
  const base = contentOf(draft);
  if (base.ratings.length !== 5) throw new Error(`Expected 5 dimensions on the draft, found ${base.ratings.length}.`);
  const submitted = await repos.scorecards.submit(
    draft.id,
    {
      ...base,
      ratings: base.ratings.map((rating, dimension) => ({
        ...rating,
        level: levelFor(seed, dimension),
        evidence: evidenceText(`${draft.interviewerName} · ${rating.dimensionKey}`, evidenceChars),
      })),
      recommendation: RECOMMENDATIONS[seed % RECOMMENDATIONS.length] ?? 'yes',
      takeaways: `Takeaways from ${draft.interviewerName}: clear incident narrative, good instincts on rollback.`,
    },
    draft.editVersion,
  );
  if (submitted.status !== 'submitted' || submitted.contentHash === null) throw new Error('A scorecard did not submit.');
  return submitted;
}
