import type { Rubric } from '../../domain/rubric';
import type { ScorecardContent } from '../../domain/scorecard';
import { evidenceFor } from '../../domain/running-notes';
import { ratingFor } from '../../domain/scorecard-rules';

type State = 'done' | 'partial' | 'empty';
const MARK: Record<State, string> = { done: '●', partial: '◐', empty: '○' };

/**
 * Every part of the scorecard in one row, each with its state, one tap away: the dimensions, the
 * red flags and the recommendation.
 */
export function JumpBar({ rubric, content, onJump }: { rubric: Rubric; content: ScorecardContent; onJump: (id: string) => void }) {
  const parts = [
    ...rubric.dimensions.map((d) => {
      const level = ratingFor(content, d.key).level;
      const hasEvidence = evidenceFor(content, d.key).trim() !== '';
      const state: State = level !== null && (hasEvidence || level === 'not-covered') ? 'done' : level !== null || hasEvidence ? 'partial' : 'empty';
      const words = [level === null ? 'no level' : level === 'not-covered' ? 'not covered' : `level ${level}`, hasEvidence ? 'evidence written' : 'no evidence'].join(', ');
      return { id: `dimension-${d.key}`, title: d.title, state, words };
    }),
    { id: 'red-flags', title: 'Red flags', state: (content.redFlags.length > 0 ? 'done' : 'empty') as State, words: `${content.redFlags.length} raised` },
    { id: 'recommendation-section', title: 'Recommendation', state: (content.recommendation ? 'done' : 'empty') as State, words: content.recommendation ? 'chosen' : 'not chosen' },
  ];
  return (
    <nav className="jump-bar" aria-label="Jump to">
      {parts.map((p) => (
        <button key={p.id} type="button" className={`jump jump-${p.state}`} aria-label={`${p.title}: ${p.words}`} onClick={() => onJump(p.id)}>
          <span aria-hidden="true">{MARK[p.state]}</span> {p.title}
        </button>
      ))}
    </nav>
  );
}
