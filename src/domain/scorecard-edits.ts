import type { RatingLevel } from './rubric';
import type { NOT_COVERED, Recommendation } from './rubric';
import type { DimensionRating, ScorecardContent } from './scorecard';

/** Immutable edits of a scorecard's content, one per thing an interviewer can do. */

function editRating(content: ScorecardContent, key: string, edit: (r: DimensionRating) => DimensionRating): ScorecardContent {
  const exists = content.ratings.some((r) => r.dimensionKey === key);
  const ratings = exists
    ? content.ratings.map((r) => (r.dimensionKey === key ? edit(r) : r))
    : [...content.ratings, edit({ dimensionKey: key, level: null, evidence: '', probesCovered: [] })];
  return { ...content, ratings };
}

export function setLevel(content: ScorecardContent, key: string, level: RatingLevel | typeof NOT_COVERED): ScorecardContent {
  return editRating(content, key, (r) => (r.level === level ? r : { ...r, level }));
}

export function setEvidence(content: ScorecardContent, key: string, evidence: string): ScorecardContent {
  return editRating(content, key, (r) => ({ ...r, evidence }));
}

/** Ticks or unticks a probe topic for the whole interview. */
export function setTopic(content: ScorecardContent, key: string, covered: boolean): ScorecardContent {
  const topics = content.topicsCovered ?? [];
  if (topics.includes(key) === covered) return content;
  return { ...content, topicsCovered: covered ? [...topics, key] : topics.filter((t) => t !== key) };
}

export function setRedFlag(content: ScorecardContent, key: string, raised: boolean): ScorecardContent {
  const has = content.redFlags.some((f) => f.key === key);
  if (has === raised) return content;
  return { ...content, redFlags: raised ? [...content.redFlags, { key, note: '' }] : content.redFlags.filter((f) => f.key !== key) };
}

export function setRedFlagNote(content: ScorecardContent, key: string, note: string): ScorecardContent {
  return { ...content, redFlags: content.redFlags.map((f) => (f.key === key ? { ...f, note } : f)) };
}

export function setRecommendation(content: ScorecardContent, recommendation: Recommendation): ScorecardContent {
  return content.recommendation === recommendation ? content : { ...content, recommendation };
}

export function setTakeaways(content: ScorecardContent, takeaways: string): ScorecardContent {
  return { ...content, takeaways };
}

export function startTimer(content: ScorecardContent, now: number): ScorecardContent {
  return content.timerStartedAt ? content : { ...content, timerStartedAt: new Date(now).toISOString() };
}
