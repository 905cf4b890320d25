import { memo, useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { useInterviewerName } from '../../lib/identity';
import { SaveStatusText } from '../../components/save-status';
import { Link } from 'wouter';
import { Page } from '../../components/page';
import { Field } from '../../components/field';
import { Notice } from '../../components/notice';
import { LEVEL_NAMES, LEVEL_VALUES, RECOMMENDATIONS, RUBRIC_MAX_DIMENSIONS, RUBRIC_MAX_LIST, AGENDA_MAX_ITEMS } from '../../domain/rubric';
import { LANE_INFO, LANES } from '../../domain/role';
import {
  blankDimension,
  checkRubricDraft,
  draftAgendaMinutes,
  draftField,
  newItemId,
  rubricDraftWarnings,
  type DraftAgendaItem,
  type DraftDimension,
  type DraftProblem,
  type RubricDraft,
} from '../../domain/rubric-editing';
import { useRepositories } from '../../lib/repositories-context';
import { useNavigate } from '../../lib/navigation';
import { describeError } from '../../lib/errors';
import { useDraftEditor } from './use-draft-editor';
import { versionPath, versionTitle } from './use-rubrics';

const RECOMMENDATION_NAMES: Record<(typeof RECOMMENDATIONS)[number], string> = { 'strong-no': 'Strong no', no: 'No', yes: 'Yes', 'strong-yes': 'Strong yes' };

function byField(problems: readonly DraftProblem[]): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const p of problems) map.set(p.field, [...(map.get(p.field) ?? []), p.message]);
  return map;
}

function focusField(field: string) {
  const element = document.getElementById(field);
  if (!element) return;
  element.focus();
  if (typeof element.scrollIntoView === 'function') element.scrollIntoView({ block: 'center' });
}

/** Moves an item one place up (-1) or down (+1) in a list; the list as it was when it cannot move. */
function moved<T extends { id: string }>(items: readonly T[], id: string, delta: -1 | 1): T[] {
  const from = items.findIndex((item) => item.id === id);
  const to = from + delta;
  const item = items[from];
  if (from === -1 || to < 0 || to >= items.length || !item) return [...items];
  const next = items.filter((_, i) => i !== from);
  next.splice(to, 0, item);
  return next;
}

/** Where a new dimension's time box goes: after the last dimension's box, before the closing ones. */
function insertBox(agenda: readonly DraftAgendaItem[], box: DraftAgendaItem): DraftAgendaItem[] {
  let at = agenda.length;
  const lastDimensionBox = agenda.map((b) => b.dimension !== null).lastIndexOf(true);
  if (lastDimensionBox !== -1) at = lastDimensionBox + 1;
  else if (agenda.length > 1) at = agenda.length - 1;
  return [...agenda.slice(0, at), box, ...agenda.slice(at)];
}

export function RubricEditor({ initial, latest }: { initial: RubricDraft; latest: RubricDraft | null | undefined }) {
  const repos = useRepositories();
  const navigate = useNavigate();
  const { draft, status, update, keepMine, takeTheirs, saveNow, release, draftRef } = useDraftEditor(initial, latest);
  const [attempted, setAttempted] = useState(false);
  const [tries, setTries] = useState(0);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [finished, setFinished] = useState(false);
  const [confirmDiscard, setConfirmDiscard] = useState(false);
  const deviceName = useInterviewerName();
  const [author, setAuthor] = useState<string | null>(null);
  const authorValue = author ?? deviceName ?? '';

  // Focus after a move, an addition or a failed save: applied once the screen shows the change.
  const pendingFocus = useRef<string | null>(null);
  useEffect(() => {
    if (pendingFocus.current === null) return;
    const target = pendingFocus.current;
    pendingFocus.current = null;
    focusField(target);
  }, [draft, tries, confirmDiscard]);

  const problems = attempted ? checkRubricDraft(draft) : [];
  const errors = byField(problems);
  const warnings = byField(rubricDraftWarnings(draft));
  const errorOf = (field: string) => errors.get(field)?.join(' ');
  const warningsOf = (field: string) => warnings.get(field) ?? [];

  // --- edits -------------------------------------------------------------------------------
  const setField = (patch: Partial<Pick<RubricDraft, 'title' | 'prompt'>>) => update((d) => ({ ...d, ...patch }));

  const setDimension = useCallback(
    (id: string, patch: Partial<DraftDimension>) =>
      update((d) => {
        const before = d.dimensions.find((x) => x.id === id);
        // A time box that carried the dimension's title keeps carrying it.
        const agenda =
          patch.title !== undefined && before
            ? d.agenda.map((box) => (box.dimension === id && box.title === before.title ? { ...box, title: patch.title ?? box.title } : box))
            : d.agenda;
        return { ...d, agenda, dimensions: d.dimensions.map((x) => (x.id === id ? { ...x, ...patch } : x)) };
      }),
    [update],
  );

  const setAnchor = useCallback(
    (id: string, level: 1 | 2 | 3 | 4, value: string) =>
      update((d) => ({ ...d, dimensions: d.dimensions.map((x) => (x.id === id ? { ...x, anchors: { ...x.anchors, [level]: value } } : x)) })),
    [update],
  );

  /** Moves an item and keeps focus on the button that moved it, or its twin when it reached an end. */
  const move = useCallback(
    (list: 'dimensions' | 'agenda', id: string, delta: -1 | 1) => {
      const items = draftRef.current[list];
      const to = items.findIndex((item) => item.id === id) + delta;
      const atEnd = to <= 0 ? 'up' : to >= items.length - 1 ? 'down' : null;
      const direction = delta === -1 ? 'up' : 'down';
      pendingFocus.current = `move-${atEnd === direction ? (direction === 'up' ? 'down' : 'up') : direction}-${id}`;
      update((d) => (list === 'dimensions' ? { ...d, dimensions: moved(d.dimensions, id, delta) } : { ...d, agenda: moved(d.agenda, id, delta) }));
    },
    [update, draftRef],
  );
  const moveDimension = useCallback((id: string, delta: -1 | 1) => move('dimensions', id, delta), [move]);

  const removeDimension = useCallback(
    (id: string) => {
      pendingFocus.current = 'add-dimension';
      update((d) => ({ ...d, dimensions: d.dimensions.filter((x) => x.id !== id), agenda: d.agenda.filter((box) => box.dimension !== id) }));
    },
    [update],
  );

  const addDimension = () =>
    update((d) => {
      const id = newItemId(d);
      const withDimension = { ...d, dimensions: [...d.dimensions, blankDimension(id)] };
      const boxId = newItemId(withDimension);
      pendingFocus.current = draftField.dimension(id, 'title');
      return { ...withDimension, agenda: insertBox(d.agenda, { id: boxId, key: null, title: '', minutes: 8, dimension: id }) };
    });

  // --- save and discard --------------------------------------------------------------------
  const saveVersion = async () => {
    setSaveError(null);
    setAttempted(true);
    setTries((n) => n + 1);
    if (checkRubricDraft(draftRef.current).length > 0) {
      pendingFocus.current = 'rubric-problems';
      return;
    }
    setBusy(true);
    const saved = await saveNow();
    if (saved !== 'saved') {
      setBusy(false);
      setSaveError(
        saved === 'conflict'
          ? 'This draft was changed in another tab. Choose which version to keep (above), then save the version again.'
          : 'The draft could not be kept on this device, so no version was saved. Nothing on this screen has been cleared; try again.',
      );
      return;
    }
    try {
      const version = await repos.rubricLibrary.saveVersion(draftRef.current.id, authorValue);
      release();
      setFinished(true);
      navigate(versionPath(version), `${versionTitle(version)} saved. Roles and loops choose it when they are edited; scorecards already made keep their version.`);
    } catch (error) {
      setBusy(false);
      setSaveError(describeError(error, 'saving'));
    }
  };

  const discard = async () => {
    try {
      release();
      setFinished(true);
      await repos.rubricLibrary.discardDraft(draft.id);
      navigate('/rubrics', 'Draft discarded. Saved versions are unchanged.');
    } catch (error) {
      setFinished(false);
      setSaveError(describeError(error, 'deleting'));
    }
  };

  const heading = initial.lineage ? `New version of ${initial.title.trim() || 'a rubric'}` : 'New rubric';
  const totalMinutes = draftAgendaMinutes(draft);
  const gone = latest === null && !finished;

  return (
    <Page title={heading} eyebrow={<Link href="/rubrics">Rubrics</Link>}>
      <div className="editor-status" aria-live="polite">
        <SaveStatusText status={status} />
        {initial.basedOn && <span className="card-meta"> · based on version {initial.basedOn.version}</span>}
      </div>
      {status.kind === 'conflict' && (
        <Notice tone="warning" title="This draft was changed in another tab">
          <p>Another tab saved this draft after this screen loaded it. Choose which to keep; the other is replaced.</p>
          <div className="notice-actions">
            <button type="button" className="button button-primary" onClick={keepMine}>
              Keep this screen’s version
            </button>
            <button type="button" className="button button-secondary" onClick={takeTheirs}>
              Use the other tab’s version
            </button>
          </div>
        </Notice>
      )}
      {gone && (
        <Notice tone="warning" title="This draft is no longer on this device">
          <p>It was saved as a version or discarded in another tab. What is on this screen is not kept; copy anything you need before leaving.</p>
        </Notice>
      )}
      {attempted && problems.length > 0 && (
        <div className="error-summary" role="alert" id="rubric-problems" tabIndex={-1}>
          <h2>Before you save this version, fix {problems.length === 1 ? 'this' : `these ${problems.length} things`}:</h2>
          <ul>
            {problems.map((p) => (
              <li key={`${p.field}-${p.message}`}>
                <a
                  href={`#${p.field}`}
                  onClick={(e) => {
                    e.preventDefault();
                    focusField(p.field);
                  }}
                >
                  {p.message}
                </a>
              </li>
            ))}
          </ul>
        </div>
      )}

      <form
        className="form rubric-editor"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void saveVersion();
        }}
      >
        <Field id={draftField.title} label="Rubric title" error={errorOf(draftField.title)}>
          {(a11y) => <input type="text" {...a11y} value={draft.title} onChange={(e) => setField({ title: e.target.value })} />}
        </Field>
        <Field id={draftField.prompt} label="Prompt" hint="What the interviewer asks, the same for every candidate." error={errorOf(draftField.prompt)}>
          {(a11y) => <textarea {...a11y} rows={4} value={draft.prompt} onChange={(e) => setField({ prompt: e.target.value })} />}
        </Field>

        <section aria-labelledby="dimensions-heading" className="editor-section">
          <h2 id="dimensions-heading">
            Dimensions ({draft.dimensions.length} of at most {RUBRIC_MAX_DIMENSIONS})
          </h2>
          <p className="field-hint">Scored in this order. Each needs four anchored levels.</p>
          <Problems id={draftField.dimensions} messages={errors.get(draftField.dimensions)} />
          {draft.dimensions.map((d, index) => (
            <DimensionEditor
              key={d.id}
              d={d}
              index={index}
              count={draft.dimensions.length}
              messages={messagesFor(d.id, errors, warnings)}
              onChange={setDimension}
              onAnchor={setAnchor}
              onMove={moveDimension}
              onRemove={removeDimension}
            />
          ))}
          <button type="button" id="add-dimension" className="button button-secondary" disabled={draft.dimensions.length >= RUBRIC_MAX_DIMENSIONS} onClick={addDimension}>
            Add dimension
          </button>
          {draft.dimensions.length >= RUBRIC_MAX_DIMENSIONS && <p className="field-hint">A rubric has at most {RUBRIC_MAX_DIMENSIONS} dimensions.</p>}
        </section>

        <section aria-labelledby="flags-heading" className="editor-section">
          <h2 id="flags-heading">Red flags</h2>
          <Problems id={draftField.redFlags} messages={errors.get(draftField.redFlags)} />
          {draft.redFlags.map((f, i) => (
            <fieldset key={f.id} className="editor-item">
              <legend>Red flag {i + 1}</legend>
              <Field id={draftField.redFlag(f.id, 'label')} label="Red flag" error={errorOf(draftField.redFlag(f.id, 'label'))}>
                {(a11y) => (
                  <input type="text" {...a11y} value={f.label} onChange={(e) => update((d) => ({ ...d, redFlags: d.redFlags.map((x) => (x.id === f.id ? { ...x, label: e.target.value } : x)) }))} />
                )}
              </Field>
              <Field id={draftField.redFlag(f.id, 'description')} label="What it sounds like" error={errorOf(draftField.redFlag(f.id, 'description'))}>
                {(a11y) => (
                  <textarea
                    {...a11y}
                    rows={2}
                    value={f.description}
                    onChange={(e) => update((d) => ({ ...d, redFlags: d.redFlags.map((x) => (x.id === f.id ? { ...x, description: e.target.value } : x)) }))}
                  />
                )}
              </Field>
              <div className="item-actions">
                <button
                  type="button"
                  className="button button-secondary"
                  aria-label={`Remove red flag ${i + 1}${f.label.trim() ? `, ${f.label.trim()}` : ''}`}
                  onClick={() => {
                    pendingFocus.current = 'add-red-flag';
                    update((d) => ({ ...d, redFlags: d.redFlags.filter((x) => x.id !== f.id) }));
                  }}
                >
                  Remove
                </button>
              </div>
            </fieldset>
          ))}
          <button
            type="button"
            id="add-red-flag"
            className="button button-secondary"
            disabled={draft.redFlags.length >= RUBRIC_MAX_LIST}
            onClick={() =>
              update((d) => {
                const id = newItemId(d);
                pendingFocus.current = draftField.redFlag(id, 'label');
                return { ...d, redFlags: [...d.redFlags, { id, key: null, label: '', description: '' }] };
              })
            }
          >
            Add red flag
          </button>
        </section>

        <section aria-labelledby="topics-heading" className="editor-section">
          <h2 id="topics-heading">Probe topics</h2>
          <p className="field-hint">Topics the interviewer ticks when the conversation covered them.</p>
          <Problems id={draftField.probeTopics} messages={errors.get(draftField.probeTopics)} />
          {draft.probeTopics.map((t, i) => (
            <div key={t.id} className="editor-row">
              <Field id={draftField.probeTopic(t.id)} label={`Probe topic ${i + 1}`} error={errorOf(draftField.probeTopic(t.id))}>
                {(a11y) => (
                  <input type="text" {...a11y} value={t.label} onChange={(e) => update((d) => ({ ...d, probeTopics: d.probeTopics.map((x) => (x.id === t.id ? { ...x, label: e.target.value } : x)) }))} />
                )}
              </Field>
              <button
                type="button"
                className="button button-secondary"
                aria-label={`Remove probe topic ${i + 1}${t.label.trim() ? `, ${t.label.trim()}` : ''}`}
                onClick={() => {
                  pendingFocus.current = 'add-probe-topic';
                  update((d) => ({ ...d, probeTopics: d.probeTopics.filter((x) => x.id !== t.id) }));
                }}
              >
                Remove
              </button>
            </div>
          ))}
          <button
            type="button"
            id="add-probe-topic"
            className="button button-secondary"
            disabled={draft.probeTopics.length >= RUBRIC_MAX_LIST}
            onClick={() =>
              update((d) => {
                const id = newItemId(d);
                pendingFocus.current = draftField.probeTopic(id);
                return { ...d, probeTopics: [...d.probeTopics, { id, key: null, label: '' }] };
              })
            }
          >
            Add probe topic
          </button>
        </section>

        <section aria-labelledby="recommendation-heading" className="editor-section">
          <h2 id="recommendation-heading">Recommendation labels</h2>
          <p className="field-hint">Four points, no neutral: the words change, the scale does not.</p>
          <div className="form-row">
            {RECOMMENDATIONS.map((value) => (
              <Field key={value} id={draftField.recommendation(value)} label={RECOMMENDATION_NAMES[value]} error={errorOf(draftField.recommendation(value))}>
                {(a11y) => (
                  <input
                    type="text"
                    {...a11y}
                    value={draft.recommendationLabels[value]}
                    onChange={(e) => update((d) => ({ ...d, recommendationLabels: { ...d.recommendationLabels, [value]: e.target.value } }))}
                  />
                )}
              </Field>
            ))}
          </div>
        </section>

        <section aria-labelledby="lanes-heading" className="editor-section">
          <h2 id="lanes-heading">Extra probes by lane</h2>
          <p className="field-hint">One probe a line, shown when the role is in that lane.</p>
          {LANES.map((lane) => (
            <Field key={lane} id={draftField.lane(lane)} label={LANE_INFO[lane].label} error={errorOf(draftField.lane(lane))}>
              {(a11y) => (
                <textarea {...a11y} rows={3} value={draft.laneEmphasis[lane]} onChange={(e) => update((d) => ({ ...d, laneEmphasis: { ...d.laneEmphasis, [lane]: e.target.value } }))} />
              )}
            </Field>
          ))}
        </section>

        <section aria-labelledby="agenda-heading" className="editor-section">
          <h2 id="agenda-heading">Agenda</h2>
          <p className="field-hint">Time boxes the interview clock shows, in order.</p>
          <Problems id={draftField.agenda} messages={errors.get(draftField.agenda)} />
          {draft.agenda.map((box, i) => (
            <fieldset key={box.id} className="editor-item">
              <legend>
                Time box {i + 1}
                {box.title.trim() ? `: ${box.title.trim()}` : ''}
              </legend>
              <div className="agenda-fields">
                <Field id={draftField.agendaItem(box.id, 'title')} label="Title" error={errorOf(draftField.agendaItem(box.id, 'title'))}>
                  {(a11y) => (
                    <input type="text" {...a11y} value={box.title} onChange={(e) => update((d) => ({ ...d, agenda: d.agenda.map((x) => (x.id === box.id ? { ...x, title: e.target.value } : x)) }))} />
                  )}
                </Field>
                <Field id={draftField.agendaItem(box.id, 'minutes')} label="Minutes" error={errorOf(draftField.agendaItem(box.id, 'minutes'))}>
                  {(a11y) => (
                    <input
                      type="number"
                      inputMode="numeric"
                      min={1}
                      max={60}
                      {...a11y}
                      value={box.minutes ?? ''}
                      onChange={(e) => {
                        const raw = e.target.value.trim();
                        const minutes = raw === '' || Number.isNaN(Number(raw)) ? null : Math.min(10_000, Math.max(0, Math.round(Number(raw))));
                        update((d) => ({ ...d, agenda: d.agenda.map((x) => (x.id === box.id ? { ...x, minutes } : x)) }));
                      }}
                    />
                  )}
                </Field>
                <Field id={draftField.agendaItem(box.id, 'dimension')} label="Covers" error={errorOf(draftField.agendaItem(box.id, 'dimension'))}>
                  {(a11y) => (
                    <select
                      {...a11y}
                      value={box.dimension ?? ''}
                      onChange={(e) => update((d) => ({ ...d, agenda: d.agenda.map((x) => (x.id === box.id ? { ...x, dimension: e.target.value || null } : x)) }))}
                    >
                      <option value="">No dimension (opening, questions…)</option>
                      {box.dimension !== null && !draft.dimensions.some((d) => d.id === box.dimension) && <option value={box.dimension}>A removed dimension</option>}
                      {draft.dimensions.map((d, n) => (
                        <option key={d.id} value={d.id}>
                          {d.title.trim() || `Dimension ${n + 1}`}
                        </option>
                      ))}
                    </select>
                  )}
                </Field>
              </div>
              <ItemActions
                id={box.id}
                name={`time box ${i + 1}`}
                index={i}
                count={draft.agenda.length}
                onMove={(delta) => move('agenda', box.id, delta)}
                onRemove={() => {
                  pendingFocus.current = 'add-time-box';
                  update((d) => ({ ...d, agenda: d.agenda.filter((x) => x.id !== box.id) }));
                }}
              />
            </fieldset>
          ))}
          <p className="agenda-total" aria-live="polite">
            Total: {totalMinutes} {totalMinutes === 1 ? 'minute' : 'minutes'}
          </p>
          {warningsOf(draftField.agenda).map((w) => (
            <p key={w} className="field-warning">
              <span aria-hidden="true">▲ </span>
              {w}
            </p>
          ))}
          <button
            type="button"
            id="add-time-box"
            className="button button-secondary"
            disabled={draft.agenda.length >= AGENDA_MAX_ITEMS}
            onClick={() =>
              update((d) => {
                const id = newItemId(d);
                pendingFocus.current = draftField.agendaItem(id, 'title');
                return { ...d, agenda: [...d.agenda, { id, key: null, title: '', minutes: 5, dimension: null }] };
              })
            }
          >
            Add time box
          </button>
        </section>

        <section aria-labelledby="save-heading" className="editor-section">
          <h2 id="save-heading">Save</h2>
          <Field id="author" label="Your name, shown with this version" hint="So the team can tell two edits apart.">
            {(a11y) => <input type="text" {...a11y} maxLength={80} value={authorValue} onChange={(e) => setAuthor(e.target.value)} />}
          </Field>
          {saveError && <Notice tone="error">{saveError}</Notice>}
          <div className="form-actions">
            <button type="submit" className="button button-primary" disabled={busy}>
              Save version
            </button>
            {!confirmDiscard && (
              <button
                type="button"
                id="discard-draft"
                className="button button-secondary"
                onClick={() => {
                  pendingFocus.current = 'keep-draft';
                  setConfirmDiscard(true);
                }}
              >
                Discard draft
              </button>
            )}
          </div>
          {confirmDiscard && (
            <div className="confirm" role="group" aria-label="Confirm discarding the draft">
              <p>Discard this draft? What you typed in it is lost. Saved versions are not affected.</p>
              <div className="form-actions">
                <button type="button" className="button button-danger" onClick={() => void discard()}>
                  Discard draft
                </button>
                <button
                  type="button"
                  id="keep-draft"
                  className="button button-secondary"
                  onClick={() => {
                    pendingFocus.current = 'discard-draft';
                    setConfirmDiscard(false);
                  }}
                >
                  Keep editing
                </button>
              </div>
            </div>
          )}
        </section>
      </form>
    </Page>
  );
}

function Problems({ id, messages }: { id: string; messages: string[] | undefined }) {
  return (
    <div id={id} tabIndex={-1} className="editor-anchor-point">
      {messages?.map((m) => (
        <p key={m} className="field-error">
          <span aria-hidden="true">✖ </span>
          {m}
        </p>
      ))}
    </div>
  );
}

function ItemActions({ id, name, index, count, onMove, onRemove, extra }: { id: string; name: string; index: number; count: number; onMove: (delta: -1 | 1) => void; onRemove: () => void; extra?: ReactNode }) {
  return (
    <div className="item-actions">
      {index > 0 && (
        <button type="button" id={`move-up-${id}`} className="button button-secondary" aria-label={`Move ${name} up`} onClick={() => onMove(-1)}>
          Move up
        </button>
      )}
      {index < count - 1 && (
        <button type="button" id={`move-down-${id}`} className="button button-secondary" aria-label={`Move ${name} down`} onClick={() => onMove(1)}>
          Move down
        </button>
      )}
      <button type="button" className="button button-secondary" aria-label={`Remove ${name}`} onClick={onRemove}>
        Remove
      </button>
      {extra}
    </div>
  );
}

const DIMENSION_PARTS = ['title', 'focus', 'good', 'anchor-1', 'anchor-2', 'anchor-3', 'anchor-4', 'probes'] as const;
type DimensionPartField = (typeof DIMENSION_PARTS)[number];
type DimensionMessages = { errors: Partial<Record<DimensionPartField, string>>; titleWarnings: string[]; key: string };

/** One dimension's messages, with a key that changes only when they do (so its editor redraws only then). */
function messagesFor(id: string, errors: Map<string, string[]>, warnings: Map<string, string[]>): DimensionMessages {
  const found: Partial<Record<DimensionPartField, string>> = {};
  for (const part of DIMENSION_PARTS) {
    const list = errors.get(draftField.dimension(id, part));
    if (list) found[part] = list.join(' ');
  }
  const titleWarnings = warnings.get(draftField.dimension(id, 'title')) ?? [];
  return { errors: found, titleWarnings, key: JSON.stringify([found, titleWarnings]) };
}

type DimensionEditorProps = {
  d: DraftDimension;
  index: number;
  count: number;
  messages: DimensionMessages;
  onChange: (id: string, patch: Partial<DraftDimension>) => void;
  onAnchor: (id: string, level: 1 | 2 | 3 | 4, value: string) => void;
  onMove: (id: string, delta: -1 | 1) => void;
  onRemove: (id: string) => void;
};

/** One dimension's fields. Redrawn only when it, its place or its messages change: typing elsewhere leaves it alone. */
const DimensionEditor = memo(
  function DimensionEditor({ d, index, count, messages, onChange, onAnchor, onMove, onRemove }: DimensionEditorProps) {
    const f = (part: DimensionPartField) => draftField.dimension(d.id, part);
    const name = d.title.trim() ? `dimension ${index + 1}, ${d.title.trim()}` : `dimension ${index + 1}`;
    return (
      <fieldset className="editor-item dimension-editor">
        <legend>
          Dimension {index + 1}
          {d.title.trim() ? `: ${d.title.trim()}` : ''}
        </legend>
        <Field id={f('title')} label="Title" error={messages.errors.title} warnings={messages.titleWarnings}>
          {(a11y) => <input type="text" {...a11y} value={d.title} onChange={(e) => onChange(d.id, { title: e.target.value })} />}
        </Field>
        <Field id={f('focus')} label="Focus" hint="What this dimension listens for." error={messages.errors.focus}>
          {(a11y) => <textarea {...a11y} rows={2} value={d.focus} onChange={(e) => onChange(d.id, { focus: e.target.value })} />}
        </Field>
        <Field id={f('good')} label="What good looks like" error={messages.errors.good}>
          {(a11y) => <textarea {...a11y} rows={2} value={d.good} onChange={(e) => onChange(d.id, { good: e.target.value })} />}
        </Field>
        <div className="anchor-fields">
          {LEVEL_VALUES.map((level) => (
            <Field key={level} id={f(`anchor-${level}`)} label={`Level ${level} · ${LEVEL_NAMES[level]}`} error={messages.errors[`anchor-${level}`]}>
              {(a11y) => <textarea {...a11y} rows={3} value={d.anchors[level]} onChange={(e) => onAnchor(d.id, level, e.target.value)} />}
            </Field>
          ))}
        </div>
        <Field id={f('probes')} label="Probes" hint="One question a line." error={messages.errors.probes}>
          {(a11y) => <textarea {...a11y} rows={3} value={d.probes} onChange={(e) => onChange(d.id, { probes: e.target.value })} />}
        </Field>
        <ItemActions id={d.id} name={name} index={index} count={count} onMove={(delta) => onMove(d.id, delta)} onRemove={() => onRemove(d.id)} />
      </fieldset>
    );
  },
  (before, after) =>
    before.d === after.d &&
    before.index === after.index &&
    before.count === after.count &&
    before.messages.key === after.messages.key &&
    before.onChange === after.onChange &&
    before.onAnchor === after.onAnchor &&
    before.onMove === after.onMove &&
    before.onRemove === after.onRemove,
);
