import { useId, useState } from 'react';
import { Link, useParams } from 'wouter';
import { Page } from '../../components/page';
import { Loading } from '../../components/loading';
import { EmptyState } from '../../components/empty-state';
import { Notice } from '../../components/notice';
import { LEVEL_NAMES, LEVEL_VALUES, agendaMinutes, type Rubric } from '../../domain/rubric';
import { LANE_INFO, LANES } from '../../domain/role';
import type { DraftMode } from '../../domain/rubric-editing';
import { useRepositories } from '../../lib/repositories-context';
import { useFlash, useNavigate } from '../../lib/navigation';
import { describeError } from '../../lib/errors';
import { saveFile } from '../../lib/save-file';
import { formatDate, refParam, versionTitle, useAllRubrics, useRubricVersion, useUsage, useVersions, usageText, versionPath } from './use-rubrics';

/** One saved version: everything it asks and scores, its history, and what can be done from it. */
export function RubricPage() {
  const params = useParams<{ id: string; version: string }>();
  const version = Number(params.version);
  const ref = params.id && Number.isInteger(version) && version >= 1 ? { id: params.id, version } : null;
  const rubric = useRubricVersion(ref);
  if (rubric === undefined) return <Loading />;
  if (rubric === null) {
    return (
      <Page title="Rubric not found">
        <EmptyState title="This rubric version is not on this device" action={<Link className="button button-primary" href="/rubrics">Back to rubrics</Link>}>
          <p>The link may come from another device. Import the rubric file there was, or the loop file that uses it.</p>
        </EmptyState>
      </Page>
    );
  }
  return <RubricVersion key={refParam(rubric)} rubric={rubric} />;
}

function RubricVersion({ rubric }: { rubric: Rubric }) {
  const repos = useRepositories();
  const navigate = useNavigate();
  const usage = useUsage(rubric);
  const flash = useFlash();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const startDraft = async (mode: DraftMode) => {
    setError(null);
    setBusy(true);
    try {
      const draft = await repos.rubricLibrary.createDraft({ id: rubric.id, version: rubric.version }, mode);
      navigate(`/rubrics/drafts/${draft.id}`);
    } catch (e) {
      setError(describeError(e, 'saving'));
      setBusy(false);
    }
  };

  const exportFile = async () => {
    setError(null);
    try {
      const { fileName, json } = await repos.imports.buildRubricFile(rubric.id, rubric.version, __APP_VERSION__);
      await saveFile(json, fileName);
    } catch (e) {
      setError(describeError(e, 'exporting'));
    }
  };

  return (
    <Page
      title={versionTitle(rubric)}
      eyebrow={<Link href="/rubrics">Rubrics</Link>}
      actions={
        <>
          <button type="button" className="button button-primary" disabled={busy} onClick={() => void startDraft('new-version')}>
            Edit as a new version
          </button>
          <button type="button" className="button button-secondary" disabled={busy} onClick={() => void startDraft('duplicate')}>
            Duplicate as a new rubric
          </button>
          <button type="button" className="button button-secondary" onClick={() => void exportFile()}>
            Export file
          </button>
        </>
      }
    >
      {flash && <Notice tone="success">{flash}</Notice>}
      {error && <Notice tone="error">{error}</Notice>}
      <p className="card-meta">
        {rubric.builtIn ? <span className="status-badge rubric-badge">Built in</span> : <>Saved {rubric.author ? `by ${rubric.author} ` : ''}on {formatDate(rubric.createdAt)}</>}
        {rubric.basedOn && <> · based on version {rubric.basedOn.version}</>} · used by: {usage ? usageText(usage) : '…'}
      </p>
      <p className="lede">This version never changes. To change it, edit it as a new version; scorecards already made keep this one.</p>

      <CompareWith rubric={rubric} />

      <section className="section" aria-labelledby="prompt-heading">
        <h2 id="prompt-heading">Prompt</h2>
        <p className="prewrap rubric-prompt">{rubric.prompt}</p>
      </section>

      <section className="section" aria-labelledby="dimensions-heading">
        <h2 id="dimensions-heading">Dimensions ({rubric.dimensions.length})</h2>
        <ol className="rubric-dimensions">
          {rubric.dimensions.map((d) => (
            <li key={d.key} className="card">
              <h3 className="card-title">{d.title}</h3>
              <p className="prewrap">{d.focus}</p>
              <p className="prewrap">
                <strong>What good looks like:</strong> {d.good}
              </p>
              <dl className="rubric-anchors">
                {LEVEL_VALUES.map((level) => (
                  <div key={level}>
                    <dt>
                      {level} · {LEVEL_NAMES[level]}
                    </dt>
                    <dd className="prewrap">{d.anchors[level]}</dd>
                  </div>
                ))}
              </dl>
              {d.probes.length > 0 && (
                <>
                  <h4>Probes</h4>
                  <ul>
                    {d.probes.map((p) => (
                      <li key={p} className="prewrap">
                        {p}
                      </li>
                    ))}
                  </ul>
                </>
              )}
            </li>
          ))}
        </ol>
      </section>

      <section className="section" aria-labelledby="flags-heading">
        <h2 id="flags-heading">Red flags</h2>
        {rubric.redFlags.length === 0 ? (
          <p className="empty-inline">None.</p>
        ) : (
          <dl className="rubric-flags">
            {rubric.redFlags.map((f) => (
              <div key={f.key}>
                <dt>{f.label}</dt>
                <dd className="prewrap">{f.description}</dd>
              </div>
            ))}
          </dl>
        )}
        {rubric.probeTopics.length > 0 && <p>Probe topics: {rubric.probeTopics.map((t) => t.label).join(', ')}.</p>}
        <p>Recommendation: {rubric.recommendationScale.map((o) => o.label).join(' · ')}.</p>
        {LANES.filter((lane) => (rubric.laneEmphasis[lane] ?? []).length > 0).map((lane) => (
          <div key={lane}>
            <h3>{LANE_INFO[lane].label}: extra probes</h3>
            <ul>
              {(rubric.laneEmphasis[lane] ?? []).map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          </div>
        ))}
      </section>

      <section className="section" aria-labelledby="agenda-heading">
        <h2 id="agenda-heading">Agenda</h2>
        <table className="rubric-agenda">
          <caption className="visually-hidden">Time boxes of the interview, with minutes</caption>
          <thead>
            <tr>
              <th scope="col">Time box</th>
              <th scope="col">Minutes</th>
            </tr>
          </thead>
          <tbody>
            {rubric.agenda.map((item) => (
              <tr key={item.key}>
                <td>{item.title}</td>
                <td>{item.minutes}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">Total</th>
              <td>{agendaMinutes(rubric.agenda)}</td>
            </tr>
          </tfoot>
        </table>
      </section>

      <History rubric={rubric} />
    </Page>
  );
}

function CompareWith({ rubric }: { rubric: Rubric }) {
  const id = useId();
  const all = useAllRubrics();
  const versions = useVersions(rubric.lineage);
  const navigate = useNavigate();
  const own = (versions ?? []).filter((r) => !(r.id === rubric.id && r.version === rubric.version));
  const others = (all ?? []).filter((r) => r.lineage !== rubric.lineage).sort((a, b) => a.title.localeCompare(b.title) || a.version - b.version);
  const firstChoice = own.at(-1) ?? others[0];
  const [chosen, setChosen] = useState<string>('');
  const value = chosen || (firstChoice ? refParam(firstChoice) : '');
  if (!firstChoice) return null;
  return (
    <form
      className="compare-with"
      onSubmit={(e) => {
        e.preventDefault();
        if (value) navigate(`/rubrics/compare?a=${encodeURIComponent(value)}&b=${encodeURIComponent(refParam(rubric))}`);
      }}
    >
      <label htmlFor={id} className="field-label">
        Compare with…
      </label>
      <div className="compare-row">
        <select id={id} value={value} onChange={(e) => setChosen(e.target.value)}>
          {own.length > 0 && (
            <optgroup label="Versions of this rubric">
              {own.map((r) => (
                <option key={refParam(r)} value={refParam(r)}>
                  Version {r.version}
                  {r.author ? ` by ${r.author}` : ''} ({formatDate(r.createdAt)})
                </option>
              ))}
            </optgroup>
          )}
          {others.length > 0 && (
            <optgroup label="Other rubrics">
              {others.map((r) => (
                <option key={refParam(r)} value={refParam(r)}>
                  {versionTitle(r)}
                </option>
              ))}
            </optgroup>
          )}
        </select>
        <button type="submit" className="button button-secondary">
          Compare
        </button>
      </div>
    </form>
  );
}

function History({ rubric }: { rubric: Rubric }) {
  const versions = useVersions(rubric.lineage);
  if (!versions || versions.length === 0) return null;
  return (
    <section className="section" aria-labelledby="history-heading">
      <h2 id="history-heading">History</h2>
      <ol className="rubric-history" aria-label="Versions of this rubric">
        {versions.map((r) => {
          const siblings = versions.filter((other) => other.version === r.version).length > 1;
          const current = r.id === rubric.id && r.version === rubric.version;
          const label = `Version ${r.version}`;
          return (
            <li key={refParam(r)}>
              {current ? <strong aria-current="page">{label} (this one)</strong> : <Link href={versionPath(r)}>{label}</Link>}
              {' — '}
              {r.builtIn ? 'built in' : `${r.author ? `by ${r.author}, ` : ''}${formatDate(r.createdAt)}`}
              {r.basedOn && `, based on version ${r.basedOn.version}`}
              {siblings && ' (saved on two devices: both kept)'}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
