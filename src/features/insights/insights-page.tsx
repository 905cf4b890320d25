import { useState } from 'react';
import { Page } from '../../components/page';
import { Loading } from '../../components/loading';
import { EmptyState } from '../../components/empty-state';
import { Notice } from '../../components/notice';
import { INSIGHTS_NOTE, alphaReading, signedLevels, type RubricGroupInsights } from '../../domain/insights';
import { useRepositories } from '../../lib/repositories-context';
import { useLazyLiveQuery } from '../../lib/lazy-live-query';
import { describeError } from '../../lib/errors';

function versionsText(versions: readonly number[]): string {
  if (versions.length === 1) return `version ${versions[0]}`;
  return `versions ${versions.slice(0, -1).join(', ')} and ${versions[versions.length - 1]}, the same scored content`;
}

export function InsightsPage() {
  const repos = useRepositories();
  const [roleId, setRoleId] = useState<string | null>(null);
  const { value: view, loadError } = useLazyLiveQuery(repos.insights, () => repos.insights.insights(roleId), [repos, roleId]);
  const chosen = view?.chosen ?? null;

  return (
    <Page title="Insights">
      <p className="lede">
        Whether the panel’s levels agree when they score the same candidate, and whether an interviewer scores above or below colleagues on the same answers. Per role and rubric, over submitted
        scorecards only.
      </p>
      {loadError ? (
        <Notice tone="error">{describeError(loadError, 'loading')}</Notice>
      ) : view === undefined ? (
        <Loading />
      ) : chosen === null ? (
        <EmptyState title="No submitted scorecards yet">
          <p>Agreement and calibration are measured on submitted scorecards. Once interviewers submit theirs, or you gather their files on the Debrief screen, the figures appear here.</p>
        </EmptyState>
      ) : (
        <>
          <div className="filter">
            <label htmlFor="insights-role">Role</label>
            <select id="insights-role" value={chosen.roleId} onChange={(e) => setRoleId(e.target.value)}>
              {view.roles.map((r) => (
                <option key={r.roleId} value={r.roleId}>
                  {r.title} ({r.scorecards === 1 ? '1 scorecard' : `${r.scorecards} scorecards`})
                </option>
              ))}
            </select>
          </div>
          <p role="status">
            {chosen.scorecards === 1 ? '1 submitted scorecard' : `${chosen.scorecards} submitted scorecards`} for {chosen.roleTitle}, on{' '}
            {chosen.groups.length === 1 ? '1 rubric' : `${chosen.groups.length} rubrics`}.
          </p>
          {chosen.groups.map((group) => (
            <RubricInsights key={group.group} group={group} />
          ))}
          <section className="section insights-note" aria-labelledby="insights-note">
            <h2 id="insights-note">What the numbers can and cannot say</h2>
            <ul>
              {INSIGHTS_NOTE.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          </section>
        </>
      )}
    </Page>
  );
}

function RubricInsights({ group }: { group: RubricGroupInsights }) {
  const name = `${group.title} · ${versionsText(group.versions)}`;
  const headingId = `insights-${group.group.replace(/[^a-zA-Z0-9-]/g, '-')}`;
  return (
    <section className="section insights-rubric" aria-labelledby={headingId}>
      <h2 id={headingId}>{name}</h2>
      <p className="card-meta">
        {group.candidates === 1 ? '1 candidate' : `${group.candidates} candidates`} scored on this rubric, {group.candidatesWithPanel} with two or more interviewers on it.
      </p>
      {group.singleInterviewerNote !== null ? (
        <p>{group.singleInterviewerNote}</p>
      ) : (
        <>
          <h3>Agreement by dimension</h3>
          <table className="results insights-table" aria-label={`Agreement by dimension: ${name}`}>
            <thead>
              <tr>
                <th scope="col">Dimension</th>
                <th scope="col">Alpha</th>
                <th scope="col">Loops</th>
                <th scope="col">Pairable levels</th>
              </tr>
            </thead>
            <tbody>
              {group.dimensions.map((d) => (
                <tr key={d.dimensionKey}>
                  <th scope="row">{d.title}</th>
                  <td>
                    {d.alpha === null ? (
                      d.note
                    ) : (
                      <>
                        <strong>{d.alpha.toFixed(2)}</strong> {alphaReading(d.alpha)}
                      </>
                    )}
                  </td>
                  <td>{d.loops}</td>
                  <td>{d.pairable}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h3>Calibration by interviewer</h3>
          <table className="results insights-table" aria-label={`Calibration by interviewer: ${name}`}>
            <thead>
              <tr>
                <th scope="col">Interviewer</th>
                <th scope="col">Levels compared</th>
                <th scope="col">Mean distance</th>
                <th scope="col">Lean</th>
                <th scope="col">What it says</th>
              </tr>
            </thead>
            <tbody>
              {group.interviewers.map((i) => (
                <tr key={i.interviewerName}>
                  <th scope="row">{i.interviewerName}</th>
                  <td>{i.n}</td>
                  <td>{i.meanDistance === null ? 'none' : signedLevels(i.meanDistance)}</td>
                  <td>{i.lean}</td>
                  <td>{i.sentence}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
