import type { Rubric } from '../../domain/rubric';
import { levelLabel, recommendationLabel } from '../../domain/rubric';
import { amendedRevision, describeDelta, hasChanges, revisionChanges, type DiffLine, type RevisionChanges, type TextChange } from '../../domain/revision-diff';
import type { Scorecard } from '../../domain/scorecard';
import { formatDateTime } from '../../lib/dates';

/**
 * What each amended scorecard's latest revision changed from the one before, by scorecard id.
 * A scorecard whose earlier revision is not on this device is left out (see `amendedWithoutHistory`).
 */
export function changesByScorecard(scorecards: readonly Scorecard[], revisions: readonly Scorecard[]): Map<string, RevisionChanges> {
  const map = new Map<string, RevisionChanges>();
  for (const s of scorecards) {
    if (s.revision < 2) continue;
    const previous = amendedRevision(revisions, s);
    if (previous) map.set(s.id, revisionChanges(previous, s));
  }
  return map;
}

type Props = { rubric: Rubric; scorecards: readonly Scorecard[]; changes: ReadonlyMap<string, RevisionChanges>; idPrefix: string; rubricLabel?: string | null };

/** Under a rubric's matrix: for every amended scorecard, what the amendment changed and why. */
export function AmendmentChanges({ rubric, scorecards, changes, idPrefix, rubricLabel = null }: Props) {
  const amended = scorecards.filter((s) => s.revision > 1);
  if (amended.length === 0) return null;
  const headingId = `${idPrefix}-amendments-heading`;
  return (
    <section className="amendments" aria-labelledby={headingId}>
      <h4 id={headingId}>
        What the amendments changed
        {rubricLabel && <span className="visually-hidden"> ({rubricLabel})</span>}
      </h4>
      {amended.map((s) => (
        <Amendment key={s.id} scorecard={s} rubric={rubric} changes={changes.get(s.id)} />
      ))}
    </section>
  );
}

function Amendment({ scorecard, rubric, changes }: { scorecard: Scorecard; rubric: Rubric; changes: RevisionChanges | undefined }) {
  const title = (key: string) => rubric.dimensions.find((d) => d.key === key)?.title ?? key;
  const flag = (key: string) => rubric.redFlags.find((f) => f.key === key)?.label ?? key;
  const name = scorecard.interviewerName;
  if (!changes) {
    return (
      <div className="amendment">
        <h5>
          {name}, revision {scorecard.revision}
        </h5>
        <p>The revision it amended is not on this device, so what changed cannot be shown. Gather {name}’s earlier scorecard file to see it.</p>
        {scorecard.amendReason.trim() && <p className="amend-reason">Reason: “{scorecard.amendReason.trim()}”</p>}
      </div>
    );
  }
  const { redFlags } = changes;
  return (
    <div className="amendment">
      <h5>
        {name}, revision {changes.fromRevision} → {changes.toRevision}
        {changes.submittedAt && <span className="field-hint"> · {formatDateTime(changes.submittedAt)}</span>}
      </h5>
      <p className="amend-reason">{changes.reason ? <>Reason: “{changes.reason}”</> : 'No reason was given.'}</p>
      {!hasChanges(changes) ? (
        <p>Nothing scored changed: only the reason was recorded.</p>
      ) : (
        <ul className="amendment-list">
          {changes.levels.map((c) => (
            <li key={`level-${c.dimensionKey}`}>
              {title(c.dimensionKey)}: level {levelLabel(c.before)} → <strong>{levelLabel(c.after)}</strong>
            </li>
          ))}
          {changes.evidence.map((c) => (
            <li key={`evidence-${c.dimensionKey}`}>
              <TextChangeItem label={`${title(c.dimensionKey)}: evidence changed`} change={c} />
            </li>
          ))}
          {redFlags.added.map((f) => (
            <li key={`flag-added-${f.key}`}>
              Red flag raised: <strong>{flag(f.key)}</strong>
              {f.note && <> (“{f.note}”)</>}
            </li>
          ))}
          {redFlags.removed.map((f) => (
            <li key={`flag-removed-${f.key}`}>
              Red flag withdrawn: <strong>{flag(f.key)}</strong>
            </li>
          ))}
          {redFlags.noteChanged.map((f) => (
            <li key={`flag-note-${f.key}`}>
              Red flag <strong>{flag(f.key)}</strong>: note “{f.before}” → “{f.after}”
            </li>
          ))}
          {changes.recommendation && (
            <li>
              Recommendation: {recommendationLabel(rubric, changes.recommendation.before)} → <strong>{recommendationLabel(rubric, changes.recommendation.after)}</strong>
            </li>
          )}
          {changes.takeaways && (
            <li>
              <TextChangeItem label="Key takeaways changed" change={changes.takeaways} />
            </li>
          )}
        </ul>
      )}
    </div>
  );
}

/** "Rollback: evidence changed (+120 characters)", with the line diff and both texts one tap away. */
function TextChangeItem({ label, change }: { label: string; change: TextChange }) {
  return (
    <details className="text-change">
      <summary>
        {label} ({describeDelta(change.delta)})
      </summary>
      <ul className="diff-lines" aria-label="Lines changed">
        {change.lines.map((line, i) => (
          <DiffLineItem key={i} line={line} />
        ))}
      </ul>
      <div className="diff-both">
        <div>
          <p className="field-label">Before</p>
          <p className="prewrap evidence" dir="auto">
            {change.before || '(empty)'}
          </p>
        </div>
        <div>
          <p className="field-label">After</p>
          <p className="prewrap evidence" dir="auto">
            {change.after || '(empty)'}
          </p>
        </div>
      </div>
    </details>
  );
}

function DiffLineItem({ line }: { line: DiffLine }) {
  if (line.kind === 'added') {
    return (
      <li className="diff-added" dir="auto">
        <span aria-hidden="true">+ </span>
        <ins>
          <span className="visually-hidden">Added: </span>
          {line.text}
        </ins>
      </li>
    );
  }
  if (line.kind === 'removed') {
    return (
      <li className="diff-removed" dir="auto">
        <span aria-hidden="true">− </span>
        <del>
          <span className="visually-hidden">Removed: </span>
          {line.text}
        </del>
      </li>
    );
  }
  return (
    <li className="diff-same" dir="auto">
      <span aria-hidden="true">  </span>
      {line.text}
    </li>
  );
}
