import { useRef, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { Link, useParams } from 'wouter';
import { Page } from '../../components/page';
import { Loading } from '../../components/loading';
import { EmptyState } from '../../components/empty-state';
import { Notice } from '../../components/notice';
import { Field, FieldError } from '../../components/field';
import { aggregatePanel, formatMedian, groupByRubric, rubricVersionLabels, type PanelAggregate } from '../../domain/aggregate';
import {
  DECISIONS,
  DECISION_LABELS,
  DECISION_RATIONALE_MAX_LENGTH,
  RATIONALE_AGAINST_PANEL_MIN_LENGTH,
  checkPanelConsensus,
  consensusFor,
  consensusScopes,
  decisionGoesAgainst,
  decisionInputSchema,
  departsFromMedian,
  type Consensus,
  type ConsensusScope,
  type Debrief,
  type Decision,
  type DecisionInput,
} from '../../domain/debrief';
import { panelFor } from '../../domain/scorecard-rules';
import { sameInterviewer } from '../../domain/interview';
import type { Rubric, RubricVersionRef } from '../../domain/rubric';
import { LEVEL_NAMES, LEVEL_VALUES, NOT_COVERED, sameRubricVersion } from '../../domain/rubric';
import { packetFileName } from '../../domain/packet';
import { panelMatrixCsv } from '../../domain/csv';
import { ValidationError } from '../../data/validation';
import { useRepositories } from '../../lib/repositories-context';
import { describeError } from '../../lib/errors';
import { applyServerIssues, useFieldText, useZodForm, type Control } from '../../lib/form';
import { saveFile } from '../../lib/save-file';
import { useNavigate } from '../../lib/navigation';
import { findUndrawable } from '../../lib/pdf/font-coverage';
import { packetTexts } from '../../lib/pdf/packet-texts';
import { PanelMatrix } from './panel-matrix';
import { useDebriefData } from './use-debrief';

export function DebriefPage() {
  const { candidateId } = useParams<{ candidateId: string }>();
  const data = useDebriefData(candidateId);
  if (data === undefined) return <Loading />;
  if (data?.rubricProblem) {
    return (
      <Page title={`Debrief: ${data.candidate.name}`}>
        <Notice tone="error" title="A rubric of this panel is missing">
          <p>{data.rubricProblem}</p>
        </Notice>
      </Page>
    );
  }
  if (data === null || data.rubrics.length === 0) {
    return (
      <Page title="Debrief not found">
        <EmptyState title="This candidate is not on this device" action={<Link className="button button-primary" href="/debrief">Go to debrief</Link>}>
          <p>Gather their scorecard files first.</p>
        </EmptyState>
      </Page>
    );
  }
  const { candidate, role, loop, latest, revisions, current, me, rubrics, debrief } = data;
  const eyebrow = role ? <>Debrief for {role.title}</> : 'Debrief';

  // Independence: an interviewer on this loop who has not submitted sees no one else's scores here either.
  const mine = me ? loop.find((i) => sameInterviewer(i.interviewerName, me)) : undefined;
  if (me && mine && !panelFor(loop, current, revisions, me).viewerHasSubmitted) {
    return (
      <Page title={candidate.name} eyebrow={eyebrow}>
        <EmptyState title="Submit your own scorecard first" action={<Link className="button button-primary" href={`/interviews/${mine.id}`}>Open my interview</Link>}>
          <p>You ({me}) are on this loop. The panel’s scores stay hidden until you have submitted yours.</p>
        </EmptyState>
      </Page>
    );
  }
  if (latest.length === 0) {
    return (
      <Page title={candidate.name} eyebrow={eyebrow}>
        <EmptyState title="No scorecards gathered yet" action={<Link className="button button-primary" href="/debrief">Gather scorecards</Link>}>
          <p>Import the panel’s scorecard files on the Debrief screen.</p>
        </EmptyState>
      </Page>
    );
  }
  const aggregate = aggregatePanel(rubrics, latest, loop);
  const groups = groupByRubric(rubrics, latest, loop);
  const labels = rubricVersionLabels(groups.map((g) => g.rubric));
  const onlyRubric = groups.length === 1;
  const flagged = aggregate.byRubric.flatMap((g, i) => g.redFlags.map((f) => ({ ...f, rubricLabel: labels[i] ?? g.title, group: i })));
  return (
    <Page title={candidate.name} eyebrow={eyebrow}>
      <ExampleBanner candidateId={candidate.id} />
      <section className="section" aria-labelledby="panel-heading">
        <h2 id="panel-heading">The panel</h2>
        <p className="field-hint">
          {aggregate.submitted} of {Math.max(loop.length, aggregate.submitted)} scorecards submitted
          {aggregate.due.length > 0 && <> · still due: {aggregate.due.join(', ')}</>}. Select a dimension (or a level) to compare every interviewer’s evidence on it side by side.
          {!onlyRubric && <> Scored on {groups.length} rubrics: each has its own matrix and consensus, and a dimension two rubrics share is shown in each, never averaged.</>}
        </p>
        {groups.map((group, i) => {
          const label = labels[i] ?? group.rubric.title;
          const byRubric = aggregate.byRubric[i];
          if (!byRubric) return null;
          return (
            <section key={`${group.rubric.id}#${group.rubric.version}`} className="rubric-matrix" aria-labelledby={`matrix-${i + 1}-heading`}>
              <h3 id={`matrix-${i + 1}-heading`}>
                {label} — scored by {group.scorecards.map((s) => s.interviewerName).join(', ')}
              </h3>
              <PanelMatrix
                rubric={group.rubric}
                scorecards={group.scorecards}
                aggregate={byRubric}
                tally={onlyRubric ? aggregate : null}
                caption={onlyRubric ? 'Levels by interviewer and dimension' : `Levels by interviewer and dimension: ${label}`}
                idPrefix={`matrix-${i + 1}`}
                revisions={revisions}
                rubricLabel={onlyRubric ? null : label}
              />
            </section>
          );
        })}
        {!onlyRubric && (
          <>
            <h3>Recommendations</h3>
            <p>
              {(rubrics[0]?.recommendationScale ?? []).map((o) => `${o.label} ${aggregate.recommendations[o.value]}`).join(' · ')}
              {aggregate.split && <span className="flag">⚠ Split between yes and no</span>}
            </p>
          </>
        )}
        <h3>Red flags</h3>
        {flagged.length === 0 ? (
          <p>None raised.</p>
        ) : (
          <ul>
            {flagged.map((f) => (
              <li key={`${f.group}-${f.key}`}>
                <strong>{f.label}</strong>
                {!onlyRubric && <> ({f.rubricLabel})</>} — raised by {f.raisedBy.map((r) => r.interviewerName + (r.note ? ` (“${r.note}”)` : '')).join(', ')}
              </li>
            ))}
          </ul>
        )}
      </section>
      <ConsensusAndDecision key={candidate.id} candidateId={candidate.id} candidateName={candidate.name} rubrics={rubrics} aggregate={aggregate} debrief={debrief} />
    </Page>
  );
}

function ExampleBanner({ candidateId }: { candidateId: string }) {
  const repos = useRepositories();
  const navigate = useNavigate();
  const example = useLiveQuery(() => repos.exampleData.current(), [repos]);
  const [error, setError] = useState<string | null>(null);
  if (!example || example.candidateId !== candidateId) return null;
  const remove = async () => {
    try {
      await repos.exampleData.remove();
      navigate('/debrief', 'The example data was removed.');
    } catch (e) {
      setError(describeError(e, 'deleting'));
    }
  };
  return (
    <Notice tone="info" title="Example data">
      <p>This candidate, their role and the three scorecards are examples for exploring the debrief.</p>
      {error && <p className="field-error">{error}</p>}
      <button type="button" className="button button-secondary" onClick={() => void remove()}>
        Remove example data
      </button>
    </Notice>
  );
}

/**
 * The rationale's character count, as its hint. It watches the field itself, so a keystroke
 * re-renders this line, not the whole consensus and decision form.
 */
function RationaleCounter({ control, atLeast }: { control: Control<DecisionInput>; atLeast: number | null }) {
  const length = useFieldText(control, 'decisionRationale').trim().length;
  return (
    <span className={`counter${length > DECISION_RATIONALE_MAX_LENGTH ? ' over' : ''}`}>
      Why, in a few sentences. {length.toLocaleString('en-US')} of {DECISION_RATIONALE_MAX_LENGTH.toLocaleString('en-US')} characters{atLeast === null ? '' : ` (at least ${atLeast})`}.
    </span>
  );
}

/** The decision form's fields, in reading order; a repository issue on any other path is the consensus's. */
const DECISION_FIELDS = ['decision', 'decisionRationale', 'decidedBy', 'nextStep'] as const;

type FormProps = { candidateId: string; candidateName: string; rubrics: readonly Rubric[]; aggregate: PanelAggregate; debrief: Debrief | null };

/** The entry of one dimension of one rubric version, as recorded, or a blank one; always naming its rubric. */
function entryOf(list: readonly Consensus[], scope: Pick<ConsensusScope, 'rubric' | 'onlyRubric'>, dimensionKey: string): Consensus {
  const rubric: RubricVersionRef = { id: scope.rubric.id, version: scope.rubric.version };
  const found = consensusFor(list, rubric, dimensionKey, scope.onlyRubric);
  return found ? { ...found, rubric } : { dimensionKey, level: null, rationale: '', rubric };
}

function ConsensusAndDecision({ candidateId, candidateName, rubrics, aggregate, debrief }: FormProps) {
  const repos = useRepositories();
  const scopes = consensusScopes(aggregate, rubrics);
  // Every entry names its rubric version, so a dimension key two rubrics share stays two entries.
  const [consensus, setConsensus] = useState<Consensus[]>(() => scopes.flatMap((scope) => scope.dimensions.map((d) => entryOf(debrief?.consensus ?? [], scope, d.key))));
  /** The whole consensus for the panel as it stands (a rubric gathered since the page opened included). */
  const currentConsensus = () => scopes.flatMap((scope) => scope.dimensions.map((d) => entryOf(consensus, { rubric: scope.rubric, onlyRubric: false }, d.key)));
  // The consensus issues come from the same rules the repository applies; the decision's own fields
  // are a form on the decision's schema. One focus rule covers both: the first invalid field in the
  // page, consensus above decision.
  const [consensusIssues, setConsensusIssues] = useState<{ path: string; message: string }[]>([]);
  const recordRef = useRef<HTMLDivElement>(null);
  // What the chosen decision goes against follows the decision and the consensus on screen; the
  // schema the form checks with is made for it on every render, so the rationale's length rule is
  // the repository's own (react-hook-form uses the latest resolver).
  const [chosen, setChosen] = useState<Decision | null>(debrief?.decision ?? null);
  const goesAgainst = decisionGoesAgainst(chosen, consensus, aggregate, rubrics);
  const { formRef, register, handleSubmit, setError, reset, formState, control } = useZodForm(
    decisionInputSchema({ goesAgainst: () => goesAgainst }),
    {
      ...(debrief?.decision ? { decision: debrief.decision } : {}),
      decisionRationale: debrief?.decisionRationale ?? '',
      decidedBy: debrief?.decidedBy ?? '',
      nextStep: debrief?.nextStep ?? '',
    },
    { focusWithin: recordRef },
  );
  const { errors } = formState;
  const [message, setMessage] = useState<{ tone: 'success' | 'error' | 'warning' | 'info'; text: string } | null>(null);
  const [working, setWorking] = useState<string | null>(null);
  const issueFor = (path: string) => consensusIssues.find((i) => i.path === path)?.message;
  const decisionIssues = DECISION_FIELDS.flatMap((field) => {
    const text = errors[field]?.message;
    return text ? [{ path: field, message: text }] : [];
  });
  const summary = [...consensusIssues, ...decisionIssues];
  const edit = (rubric: RubricVersionRef, key: string, change: Pick<Consensus, 'level'> | Pick<Consensus, 'rationale'>) =>
    setConsensus((list) => {
      const at = list.findIndex((c) => c.dimensionKey === key && c.rubric !== undefined && sameRubricVersion(c.rubric, rubric));
      if (at === -1) return [...list, { dimensionKey: key, level: null, rationale: '', rubric: { id: rubric.id, version: rubric.version }, ...change }];
      return list.map((c, i) => (i === at ? { ...c, ...change } : c));
    });

  const saveConsensus = async () => {
    setMessage(null);
    try {
      await repos.debriefs.saveConsensus(candidateId, currentConsensus());
      setMessage({ tone: 'success', text: 'Consensus saved.' });
    } catch (error) {
      setMessage({ tone: 'error', text: describeError(error, 'saving') });
    }
  };

  const record = handleSubmit(
    async (values: DecisionInput) => {
      setMessage(null);
      setConsensusIssues([]);
      try {
        await repos.debriefs.saveConsensus(candidateId, currentConsensus());
        await repos.debriefs.recordDecision(candidateId, values);
        reset(values);
      } catch (error) {
        if (error instanceof ValidationError) {
          setConsensusIssues(applyServerIssues(setError, error.issues, DECISION_FIELDS));
          return;
        }
        setMessage({ tone: 'error', text: describeError(error, 'saving') });
      }
    },
    () => {
      // The decision is incomplete: say at once what the consensus still needs too, by the rules the
      // repository would apply, so the lead sees the whole list in one go.
      setMessage(null);
      setConsensusIssues(checkPanelConsensus(currentConsensus(), aggregate, rubrics).map((i) => ({ path: i.field, message: i.message })));
    },
  );

  const download = async (kind: 'json' | 'pdf' | 'csv') => {
    setMessage(null);
    setWorking(kind);
    const today = new Date().toISOString().slice(0, 10);
    try {
      if (kind === 'csv') {
        const content = await repos.packets.buildPanelContent(candidateId);
        await saveFile(panelMatrixCsv(content), packetFileName(candidateName, today, 'csv'), 'text/csv');
      } else {
        const packet = await repos.packets.buildPacket(candidateId, __APP_VERSION__);
        if (kind === 'json') {
          await saveFile(JSON.stringify(packet, null, 2), packetFileName(candidateName, today, 'json'));
        } else {
          const undrawable = findUndrawable(packetTexts(packet.content));
          const { makePacketPdf } = await import('../../lib/pdf/make-packet-pdf');
          // Times in the PDF read in this device's language and time zone, whatever the worker assumes.
          const { timeZone } = Intl.DateTimeFormat().resolvedOptions();
          const blob = await makePacketPdf(packet.content, { exportedAt: packet.exportedAt, sha256: packet.sha256, paper: navigator.language === 'en-US' ? 'letter' : 'a4', locale: navigator.language, timeZone });
          await saveFile(blob, packetFileName(candidateName, today, 'pdf'), 'application/pdf');
          if (undrawable.characters.length > 0) {
            setMessage({
              tone: 'warning',
              text: `The PDF font cannot draw ${undrawable.characters.join(' ')} (in: ${undrawable.where.join(', ')}). They appear as □ in the PDF; the JSON packet keeps them exactly.`,
            });
            return;
          }
        }
      }
      setMessage({ tone: 'success', text: `Saved the ${kind.toUpperCase()} file.` });
    } catch (error) {
      setMessage({ tone: 'error', text: describeError(error, 'exporting') });
    } finally {
      setWorking(null);
    }
  };

  return (
    <>
      <div ref={recordRef}>
        <section className="section" aria-labelledby="consensus-heading">
          <h2 id="consensus-heading">Consensus</h2>
          <p className="field-hint">The panel’s agreed level per dimension. Where it departs from the median, say why. The scorecards above are never changed.</p>
          {scopes.map((scope, i) => (
            <div key={`${scope.rubric.id}#${scope.rubric.version}`} className="consensus-rubric">
              {scope.label && <h3 id={`${scope.fieldPrefix}-heading`}>{scope.label}</h3>}
              {scope.dimensions.map((d) => {
                const entry = entryOf(consensus, { rubric: scope.rubric, onlyRubric: false }, d.key);
                const departs = departsFromMedian(entry.level, d.median);
                const field = `${scope.fieldPrefix}-${d.key}`;
                const levelIssue = issueFor(field);
                const rationaleIssue = issueFor(`${field}-rationale`);
                // With several rubrics, a shared title ("Rollback") is named with its rubric for screen readers.
                const inRubric = scope.label ? (
                  <>
                    {' '}
                    <span className="visually-hidden">({scope.label})</span>
                  </>
                ) : null;
                return (
                  <div key={d.key} className="consensus-row" data-rubric={i + 1}>
                    <fieldset id={field} className="consensus-levels" aria-invalid={levelIssue ? true : undefined} aria-describedby={levelIssue ? `${field}-error` : `${field}-median`}>
                      <legend className="field-label">
                        {d.title}
                        {inRubric}
                      </legend>
                      <p id={`${field}-median`} className="field-hint">
                        Panel median {formatMedian(d.median)}
                      </p>
                      <div className="consensus-options">
                        {[...LEVEL_VALUES, NOT_COVERED].map((level) => {
                          const text = level === NOT_COVERED ? 'Not covered' : `${level} · ${LEVEL_NAMES[level]}`;
                          return (
                            <label key={String(level)} className="choice">
                              <input type="radio" name={field} checked={entry.level === level} onChange={() => edit(scope.rubric, d.key, { level })} />
                              <span>{text}</span>
                            </label>
                          );
                        })}
                      </div>
                      <FieldError id={`${field}-error`} message={levelIssue} />
                    </fieldset>
                    <div className="field">
                      <label className="field-label" htmlFor={`${field}-rationale`}>
                        Rationale for {d.title}
                        {inRubric}
                        {departs ? ' (required: departs from the median)' : ' (optional)'}
                      </label>
                      <textarea
                        id={`${field}-rationale`}
                        rows={2}
                        dir="auto"
                        value={entry.rationale}
                        onChange={(e) => edit(scope.rubric, d.key, { rationale: e.target.value })}
                        aria-invalid={rationaleIssue ? true : undefined}
                        aria-describedby={rationaleIssue ? `${field}-rationale-error` : undefined}
                      />
                      <FieldError id={`${field}-rationale-error`} message={rationaleIssue} />
                    </div>
                  </div>
                );
              })}
            </div>
          ))}
          <button type="button" className="button button-secondary" onClick={() => void saveConsensus()}>
            Save consensus
          </button>
        </section>

        <section className="section" aria-labelledby="decision-heading">
          <h2 id="decision-heading">Decision</h2>
          {summary.length > 0 && (
            <div className="error-summary" role="alert">
              <h3>Before the decision is recorded:</h3>
              <ul>
                {summary.map((i) => (
                  <li key={i.path}>{i.message}</li>
                ))}
              </ul>
            </div>
          )}
          <form ref={formRef} noValidate aria-labelledby="decision-heading" onSubmit={(e) => void record(e)}>
            <fieldset id="decision" className="consensus-levels" aria-invalid={errors.decision ? true : undefined} aria-describedby={errors.decision ? 'decision-error' : undefined}>
              <legend className="field-label">Decision</legend>
              <div className="consensus-options">
                {DECISIONS.map((value) => (
                  <label key={value} className="choice">
                    <input type="radio" value={value} {...register('decision', { onChange: (e: React.ChangeEvent<HTMLInputElement>) => setChosen(e.target.value as Decision) })} />
                    <span>{DECISION_LABELS[value]}</span>
                  </label>
                ))}
              </div>
              <FieldError id="decision-error" message={errors.decision?.message} />
            </fieldset>
            {goesAgainst.length > 0 && (
              <div id="decision-against">
                <Notice tone="warning" title="This decision goes against the panel">
                  <ul>
                    {goesAgainst.map((reason) => (
                      <li key={reason}>{reason}.</li>
                    ))}
                  </ul>
                  <p>The rationale must say why, in at least {RATIONALE_AGAINST_PANEL_MIN_LENGTH} characters.</p>
                </Notice>
              </div>
            )}
            <Field
              id="decisionRationale"
              label="Rationale for the decision"
              hint={<RationaleCounter control={control} atLeast={goesAgainst.length > 0 ? RATIONALE_AGAINST_PANEL_MIN_LENGTH : null} />}
              error={errors.decisionRationale?.message}
            >
              {(a11y) => (
                <textarea
                  rows={4}
                  dir="auto"
                  {...a11y}
                  aria-describedby={[goesAgainst.length > 0 ? 'decision-against' : '', a11y['aria-describedby'] ?? ''].filter(Boolean).join(' ') || undefined}
                  {...register('decisionRationale')}
                />
              )}
            </Field>
            <div className="form-row">
              <Field id="decidedBy" label="Decision-maker" error={errors.decidedBy?.message}>
                {(a11y) => <input type="text" {...a11y} {...register('decidedBy')} />}
              </Field>
              <Field id="nextStep" label="Next step" error={errors.nextStep?.message}>
                {(a11y) => <input type="text" {...a11y} {...register('nextStep')} />}
              </Field>
            </div>
            <button type="submit" className="button button-primary">
              Record decision
            </button>
          </form>
          {debrief?.decision && (
            <Notice tone="success" title={`Decision recorded: ${DECISION_LABELS[debrief.decision]}`}>
              <p>
                By {debrief.decidedBy} · next step: {debrief.nextStep}
              </p>
              {debrief.decisionRationale && <p className="decision-rationale">Why: {debrief.decisionRationale}</p>}
            </Notice>
          )}
        </section>
      </div>

      <section className="section" aria-labelledby="export-heading">
        <h2 id="export-heading">Decision packet</h2>
        {message && <Notice tone={message.tone}>{message.text}</Notice>}
        <div className="action-row">
          <button type="button" className="button button-primary" disabled={!debrief?.decision || working !== null} onClick={() => void download('pdf')}>
            {working === 'pdf' ? 'Making the PDF…' : 'Download PDF'}
          </button>
          <button type="button" className="button button-secondary" disabled={!debrief?.decision || working !== null} onClick={() => void download('json')}>
            Download JSON
          </button>
          <button type="button" className="button button-secondary" disabled={working !== null} onClick={() => void download('csv')}>
            Download matrix (CSV)
          </button>
        </div>
        {!debrief?.decision && <p className="field-hint">The packet is ready once the decision is recorded. The matrix can be downloaded at any time.</p>}
      </section>
    </>
  );
}
