import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { Rubric, RatingLevel } from '../../domain/rubric';
import { NOT_COVERED, RECOMMENDATIONS, recommendationLabel } from '../../domain/rubric';
import type { Role } from '../../domain/role';
import { LANE_INFO } from '../../domain/role';
import type { Candidate } from '../../domain/candidate';
import type { Interview } from '../../domain/interview';
import type { Scorecard } from '../../domain/scorecard';
import { EVIDENCE_MAX_LENGTH, RED_FLAG_NOTE_MAX_LENGTH, TAKEAWAYS_MAX_LENGTH } from '../../domain/scorecard';
import { checkSubmission, coverageLabel, ratingFor, type SubmissionIssue } from '../../domain/scorecard-rules';
import { setEvidence, setLevel, setRecommendation, setRedFlag, setRedFlagNote, setTakeaways, setTopic, startTimer } from '../../domain/scorecard-edits';
import { addPadLine, coverageGaps, coverageNudgeText, padOf, pauseTimer, removePadLine, resumeTimer, tagPadLine, unsortedLines, unsortedMessage } from '../../domain/running-notes';
import { suggestRedFlags } from '../../domain/red-flag-suggestions';
import { StaleWriteError } from '../../data/validation';
import { writeScorecardFile } from '../../data/scorecard-file-writer';
import { Notice } from '../../components/notice';
import { FieldError } from '../../components/field';
import { describeError } from '../../lib/errors';
import { saveFile } from '../../lib/save-file';
import { DimensionCard } from './dimension-card';
import { InterviewClock } from './interview-clock';
import { RunningNotesPad } from './running-notes-pad';
import { JumpBar } from './jump-bar';
import { isSmallScreen, isWideScreen, useDevicePreference } from '../../lib/preferences';
import { SaveStatusText } from '../../components/save-status';
import { ShortcutsDialog } from './shortcuts-dialog';
import { useScorecardEditor } from './use-scorecard-editor';

type ScoringFormProps = {
  stored: Scorecard;
  latest: Scorecard | undefined;
  rubric: Rubric;
  role: Role;
  candidate: Candidate;
  interview: Interview;
  revisions: readonly Scorecard[];
};

const isTextEntry = (el: EventTarget | null) =>
  el instanceof HTMLTextAreaElement || (el instanceof HTMLInputElement && ['text', 'search', ''].includes(el.type));

/** Brings a part of the scorecard into view, below the sticky status bar, and gives it focus. */
function jumpTo(id: string) {
  const target = document.getElementById(id);
  target?.scrollIntoView({ block: 'start' });
  target?.focus({ preventScroll: true });
}

/** Text longer than a field allows is cut at the limit, and the interviewer is told, never silently. */
function clip(text: string, max: number): { text: string; clipped: boolean } {
  return text.length > max ? { text: text.slice(0, max), clipped: true } : { text, clipped: false };
}

export function ScoringForm({ stored, latest, rubric, role, candidate, interview, revisions }: ScoringFormProps) {
  const editor = useScorecardEditor(stored, latest);
  const { content, status, update } = editor;
  const [attempted, setAttempted] = useState(false);
  const [submitError, setSubmitError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [clipped, setClipped] = useState<string | null>(null);
  const [showShortcuts, setShowShortcuts] = useState(false);
  const [downloadNote, setDownloadNote] = useState<string | null>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  const [showAnchors, setShowAnchors] = useDevicePreference('show-anchors', isWideScreen);
  const [nudgeDismissed, setNudgeDismissed] = useState(false);
  const [smallScreen] = useState(isSmallScreen);
  const [now, setNow] = useState(() => Date.now());
  // The nudge and the clock read the time; once every ten seconds is plenty for a nudge.
  useEffect(() => {
    const tick = setInterval(() => setNow(Date.now()), 10_000);
    return () => clearInterval(tick);
  }, []);
  const amending = stored.revision > 1;
  const pad = padOf(content);
  const gaps = nudgeDismissed ? null : coverageGaps(content, rubric, now);
  const unsorted = unsortedLines(content, rubric);
  // Read again only when the notes or the flags change, not on every render of the form.
  const { ratings, redFlags } = content;
  const suggestions = useMemo(
    () =>
      suggestRedFlags({
        texts: [...rubric.dimensions.map((d) => ratings.find((r) => r.dimensionKey === d.key)?.evidence ?? ''), ...pad.map((line) => line.text)],
        rubric,
        raised: redFlags.map((f) => f.key),
      }),
    [rubric, ratings, pad, redFlags],
  );

  const { contentRef } = editor;
  // Read by the rating callback, which stays stable so the dimension cards are not drawn again.
  const hasSuggestions = useRef(false);
  useEffect(() => {
    hasSuggestions.current = suggestions.length > 0;
  }, [suggestions]);
  /**
   * Rates a dimension; the next one with no answer then comes into view, ready for its level. After
   * the last, the red flags (when the notes suggest one) or else the recommendation.
   */
  const rateAndMoveOn = useCallback(
    (key: string, level: RatingLevel | typeof NOT_COVERED) => {
      const before = contentRef.current;
      const wasAnswered = ratingFor(before, key).level !== null;
      update((c) => setLevel(c, key, level));
      if (wasAnswered) return;
      const from = rubric.dimensions.findIndex((d) => d.key === key);
      const next = rubric.dimensions.find((d, i) => i > from && ratingFor(before, d.key).level === null);
      if (next) jumpTo(`dimension-${next.key}`);
      else if (rubric.dimensions.every((d) => d.key === key || ratingFor(before, d.key).level !== null) && before.recommendation === null)
        jumpTo(hasSuggestions.current ? 'red-flags' : 'recommendation-section');
    },
    [contentRef, rubric, update],
  );
  /** The first dimension with no answer, brought into view without taking focus (the clock keeps it). */
  const showFirstUnrated = () => {
    const first = rubric.dimensions.find((d) => ratingFor(contentRef.current, d.key).level === null);
    if (first) document.getElementById(`dimension-${first.key}`)?.scrollIntoView({ block: 'start' });
  };

  // Stable, so the running notes' list is not drawn again on every re-render of this form.
  const onTagLine = useCallback((lineId: string, tag: string | null) => update((c) => tagPadLine(c, lineId, tag)), [update]);
  const onRemoveLine = useCallback((lineId: string) => update((c) => removePadLine(c, lineId)), [update]);


  // An amendment opens on its first dimension, with focus there, not wherever the page was.
  const firstKey = rubric.dimensions[0]?.key;
  useEffect(() => {
    if (amending && firstKey) jumpTo(`dimension-${firstKey}`);
  }, [amending, firstKey]);

  const issues: SubmissionIssue[] = attempted ? checkSubmission(content, rubric) : [];
  const issueFor = (field: string) => issues.find((i) => i.field === field)?.message;
  const laneProbes = rubric.laneEmphasis[role.lane] ?? [];

  const focusField = (field: string) => {
    const el = document.getElementById(field);
    const target = el instanceof HTMLFieldSetElement ? el.querySelector<HTMLElement>('input:checked, input') : el;
    target?.focus();
  };

  const submit = async () => {
    setSubmitError(null);
    const found = checkSubmission(editor.contentRef.current, rubric);
    setAttempted(true);
    const [first] = found;
    if (first) {
      // Rendered first, then focused: the messages must exist before focus lands beside them.
      requestAnimationFrame(() => focusField(first.field));
      return;
    }
    setSubmitting(true);
    try {
      await editor.submit();
    } catch (error) {
      if (error instanceof StaleWriteError) setSubmitError('This scorecard was changed in another tab. Choose which version to keep (above), then submit again.');
      else setSubmitError(describeError(error, 'saving'));
    } finally {
      setSubmitting(false);
    }
  };

  const downloadCopy = async () => {
    try {
      const scorecard: Scorecard = { ...(latest ?? stored), ...editor.contentRef.current, updatedAt: new Date().toISOString() };
      const { json, fileName } = await writeScorecardFile({ role, candidate, interview, rubric, scorecard, revisions: [...revisions] }, __APP_VERSION__, new Date());
      const how = await saveFile(json, fileName);
      if (how !== 'cancelled') setDownloadNote(`A copy of this scorecard, as it is on screen, was saved as ${fileName}.`);
    } catch (error) {
      setDownloadNote(describeError(error, 'exporting'));
    }
  };

  const moveDimension = (from: HTMLElement | null, step: 1 | -1) => {
    const sections = [...(rootRef.current?.querySelectorAll<HTMLElement>('[data-dimension]') ?? [])];
    const current = from?.closest<HTMLElement>('[data-dimension]');
    const index = current ? sections.indexOf(current) : -1;
    const next = sections[Math.min(sections.length - 1, Math.max(0, index + step))];
    next?.focus();
    next?.scrollIntoView({ block: 'start' });
  };

  const dimensionInView = (): HTMLElement | null => {
    const bar = rootRef.current?.querySelector('.scoring-bar')?.getBoundingClientRect().bottom ?? 0;
    const sections = [...(rootRef.current?.querySelectorAll<HTMLElement>('[data-dimension]') ?? [])];
    return sections.find((s) => s.getBoundingClientRect().bottom > bar + 40) ?? null;
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.altKey && (e.key === 'ArrowDown' || e.key === 'ArrowUp')) {
      e.preventDefault();
      moveDimension(e.target as HTMLElement, e.key === 'ArrowDown' ? 1 : -1);
      return;
    }
    // Esc leaves a note box for its dimension, where the number keys rate it.
    if (e.key === 'Escape' && isTextEntry(e.target)) {
      const section = (e.target as HTMLElement).closest<HTMLElement>('[data-dimension]');
      if (section) {
        e.preventDefault();
        section.focus();
      }
      return;
    }
    if (isTextEntry(e.target) || e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.key === '?') {
      e.preventDefault();
      setShowShortcuts(true);
      return;
    }
    if (e.key === ']' || e.key === '[') {
      e.preventDefault();
      moveDimension(e.target as HTMLElement, e.key === ']' ? 1 : -1);
      return;
    }
    // The dimension with focus, or else the one in view (below the sticky status bar).
    const section = (e.target as HTMLElement).closest<HTMLElement>('[data-dimension]') ?? dimensionInView();
    const key = section?.dataset.dimension;
    if (!key || !/^[0-4]$/.test(e.key)) return;
    e.preventDefault();
    rateAndMoveOn(key, e.key === '0' ? NOT_COVERED : (Number(e.key) as RatingLevel));
  };

  const onEvidence = useCallback(
    (key: string, title: string, value: string) => {
      const { text, clipped: cut } = clip(value, EVIDENCE_MAX_LENGTH);
      if (cut) setClipped(`The evidence for ${title} was cut to ${EVIDENCE_MAX_LENGTH.toLocaleString()} characters, the limit for one dimension. Keep a full transcript elsewhere.`);
      update((c) => setEvidence(c, key, text));
    },
    [update],
  );
  const onUntagLine = useCallback((lineId: string) => update((c) => tagPadLine(c, lineId, null)), [update]);

  return (
    // The shortcuts listen on the whole form; the wrapper itself is not a control.
    // eslint-disable-next-line jsx-a11y/no-static-element-interactions
    <div className="scoring" ref={rootRef} onKeyDown={onKeyDown}>
      <div className="scoring-bar" aria-label="Interview status">
        <InterviewClock
          clock={content}
          agenda={rubric.agenda}
          disabled={amending}
          onStart={() => {
            update((c) => startTimer(c, Date.now()));
            showFirstUnrated();
          }}
          onPause={() => update((c) => pauseTimer(c, Date.now()))}
          onResume={() => update((c) => resumeTimer(c, Date.now()))}
          onJump={(key) => jumpTo(`dimension-${key}`)}
        />
        <span className="coverage">{coverageLabel(content, rubric)}</span>
        <SaveStatusText status={status} />
        <button type="button" className="button button-secondary shortcuts-button" onClick={() => setShowShortcuts(true)} aria-keyshortcuts="?">
          Shortcuts
        </button>
        <JumpBar rubric={rubric} content={content} onJump={jumpTo} />
        {gaps && (
          <p className="nudge" role="status">
            {coverageNudgeText(gaps)}{' '}
            <button type="button" className="button-link" onClick={() => setNudgeDismissed(true)}>
              Dismiss
            </button>
          </p>
        )}
      </div>

      {status.kind === 'failed' && (
        <Notice tone="error" title="Not saved">
          <p>{status.reason} Loopcard keeps trying; your text stays on this screen.</p>
          <button type="button" className="button button-secondary" onClick={() => void downloadCopy()}>
            Download this scorecard
          </button>
        </Notice>
      )}
      {status.kind === 'conflict' && (
        <Notice tone="warning" title="This scorecard was changed in another tab">
          <p>
            Another tab saved this scorecard at {new Date(status.theirs.updatedAt).toLocaleTimeString()}, after the text on this screen was loaded. Nothing
            has been overwritten. Choose which version to keep.
          </p>
          <div className="notice-actions">
            <button type="button" className="button button-primary" onClick={editor.keepMine}>
              Keep this screen’s version
            </button>
            <button type="button" className="button button-secondary" onClick={editor.takeTheirs}>
              Use the other tab’s version
            </button>
            <button type="button" className="button button-secondary" onClick={() => void downloadCopy()}>
              Download this screen’s version
            </button>
          </div>
        </Notice>
      )}
      {downloadNote && <Notice tone="info">{downloadNote}</Notice>}
      {clipped && (
        <Notice tone="warning">
          <p>{clipped}</p>
          <button type="button" className="button button-link" onClick={() => setClipped(null)}>
            Dismiss
          </button>
        </Notice>
      )}

      <section className="prompt" aria-labelledby="prompt-heading">
        <h2 id="prompt-heading">The prompt</h2>
        <p className="prompt-text">{rubric.prompt}</p>
        {laneProbes.length > 0 && (
          <>
            <p className="field-hint">For a {LANE_INFO[role.lane].label.toLowerCase()} role, also ask:</p>
            <ul className="lane-probes">
              {laneProbes.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          </>
        )}
      </section>

      <fieldset className="probes topics">
        <legend className="field-label">Probe topics covered in this interview</legend>
        <div className="probe-options">
          {rubric.probeTopics.map((topic) => (
            <label key={topic.key} className="choice">
              <input type="checkbox" checked={(content.topicsCovered ?? []).includes(topic.key)} onChange={(e) => update((c) => setTopic(c, topic.key, e.target.checked))} />
              <span>{topic.label}</span>
            </label>
          ))}
        </div>
      </fieldset>

      {attempted && issues.length > 0 && (
        <div className="error-summary" role="alert">
          <h2>Before you submit, fix {issues.length === 1 ? 'this' : `these ${issues.length} things`}:</h2>
          <ul>
            {issues.map((issue) => (
              <li key={issue.field}>
                <a
                  href={`#${issue.field}`}
                  onClick={(e) => {
                    e.preventDefault();
                    focusField(issue.field);
                  }}
                >
                  {issue.message}
                </a>
              </li>
            ))}
          </ul>
        </div>
      )}

      {rubric.dimensions.map((dimension, index) => (
        <DimensionCard
          key={dimension.key}
          index={index}
          dimension={dimension}
          rating={ratingFor(content, dimension.key)}
          tagged={pad.filter((line) => line.tag === dimension.key)}
          showAnchors={showAnchors}
          onShowAnchors={setShowAnchors}
          levelError={issueFor(`level-${dimension.key}`)}
          evidenceError={issueFor(`evidence-${dimension.key}`)}
          onLevel={rateAndMoveOn}
          onEvidence={onEvidence}
          onUntag={onUntagLine}
          smallScreen={smallScreen}
        />
      ))}

      <section className="dimension" id="red-flags" tabIndex={-1} aria-labelledby="red-flags-heading">
        <h2 id="red-flags-heading">Red flags</h2>
        {suggestions.length > 0 && (
          <ul className="suggestions" aria-label="Suggested from your notes">
            {suggestions.map((s) => (
              <li key={s.key} className="suggestion">
                <p>
                  <strong>Suggested: {s.label}.</strong> {s.because}
                </p>
                <ul className="suggestion-phrases">
                  {s.phrases.map((phrase) => (
                    <li key={phrase} dir="auto">
                      “{phrase}”
                    </li>
                  ))}
                </ul>
                <button
                  type="button"
                  className="button button-secondary"
                  onClick={() => {
                    update((c) => setRedFlagNote(setRedFlag(c, s.key, true), s.key, clip(s.note, RED_FLAG_NOTE_MAX_LENGTH).text));
                    // Raised at the end: the recommendation, if still open, is what is left to answer.
                    const rated = rubric.dimensions.every((d) => ratingFor(contentRef.current, d.key).level !== null);
                    if (rated && contentRef.current.recommendation === null) jumpTo('recommendation-section');
                  }}
                >
                  Raise “{s.label}”
                </button>
              </li>
            ))}
          </ul>
        )}
        <div className="red-flags">
          {rubric.redFlags.map((flag) => {
            const raised = content.redFlags.find((f) => f.key === flag.key);
            return (
              <div key={flag.key} className="red-flag">
                <label className="choice choice-card">
                  <input type="checkbox" checked={raised !== undefined} onChange={(e) => update((c) => setRedFlag(c, flag.key, e.target.checked))} />
                  <span>
                    <span className="choice-title">{flag.label}</span>
                    <span className="choice-detail">{flag.description}</span>
                  </span>
                </label>
                {raised && (
                  <div className="field red-flag-note">
                    <label className="field-label" htmlFor={`red-flag-${flag.key}-note`}>
                      Note on “{flag.label}” (optional)
                    </label>
                    <input
                      id={`red-flag-${flag.key}-note`}
                      type="text"
                      dir="auto"
                      value={raised.note}
                      onChange={(e) => update((c) => setRedFlagNote(c, flag.key, clip(e.target.value, RED_FLAG_NOTE_MAX_LENGTH).text))}
                    />
                  </div>
                )}
              </div>
            );
          })}
        </div>
      </section>

      <section className="dimension" id="recommendation-section" tabIndex={-1} aria-labelledby="recommendation-heading">
        <h2 id="recommendation-heading">Overall recommendation</h2>
        <fieldset
          className="recommendation"
          id="recommendation"
          aria-invalid={issueFor('recommendation') ? true : undefined}
          aria-describedby={issueFor('recommendation') ? 'recommendation-error' : 'recommendation-hint'}
        >
          <legend className="field-label">Recommendation</legend>
          <p id="recommendation-hint" className="field-hint">
            Four points and no middle: lean one way.
          </p>
          <div className="recommendation-options">
            {RECOMMENDATIONS.map((value) => {
              const label = recommendationLabel(rubric, value);
              return (
                <label key={value} className="choice">
                  <input type="radio" name="recommendation" value={value} checked={content.recommendation === value} onChange={() => update((c) => setRecommendation(c, value))} />
                  <span className="choice-title">{label}</span>
                </label>
              );
            })}
          </div>
          <FieldError id="recommendation-error" message={issueFor('recommendation')} />
        </fieldset>
        <div className="field">
          <label className="field-label" htmlFor="takeaways">
            Key takeaways
          </label>
          <textarea id="takeaways" rows={4} dir="auto" value={content.takeaways} onChange={(e) => update((c) => setTakeaways(c, clip(e.target.value, TAKEAWAYS_MAX_LENGTH).text))} />
        </div>
      </section>

      {unsorted.length > 0 && <Notice tone="info">{unsortedMessage(unsorted.length)}</Notice>}
      {submitError && <Notice tone="error" title="Not submitted">{submitError}</Notice>}
      <div className="form-actions submit-row">
        <button type="button" className="button button-primary" onClick={() => void submit()} disabled={submitting}>
          {submitting ? 'Submitting…' : 'Submit scorecard'}
        </button>
        <p className="field-hint">Submitting locks the scorecard. You can amend it later, with a reason; earlier revisions are kept.</p>
      </div>

      {showShortcuts && <ShortcutsDialog onClose={() => setShowShortcuts(false)} />}

      <RunningNotesPad
        draftKey={stored.id}
        lines={pad}
        dimensions={rubric.dimensions}
        onAdd={(text, tag) => update((c) => addPadLine(c, text, Date.now(), { amending, tag }))}
        onTag={onTagLine}
        onRemove={onRemoveLine}
      />
    </div>
  );
}
