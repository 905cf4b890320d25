import { useEffect, useLayoutEffect, useRef, useState, type DragEvent } from 'react';
import { Link } from 'wouter';
import { useScorecardsDue } from './use-due';
import { Page } from '../../components/page';
import { Loading } from '../../components/loading';
import { EmptyState } from '../../components/empty-state';
import { PagedList, usePaging } from '../../components/paged-list';
import { Notice } from '../../components/notice';
import { DECISION_LABELS } from '../../domain/debrief';
import { OUTCOME_LABELS } from '../../domain/incoming-records';
import type { ImportOutcome } from '../../data/import-repository';
import { useRepositories } from '../../lib/repositories-context';
import { describeError } from '../../lib/errors';
import { useFlash, useNavigate } from '../../lib/navigation';
import { useDebriefList } from './use-debrief';

/** The File Handling API's launch queue (Chromium), not yet in TypeScript's DOM types. */
type LaunchQueue = { setConsumer: (consumer: (params: { files: readonly { getFile: () => Promise<File> }[] }) => void) => void };

/** How many scorecards are still owed, and the way to the list. */
function DueSummary() {
  const due = useScorecardsDue();
  if (!due || due.length === 0) return null;
  const items = due.flatMap((g) => g.interviews);
  const overdue = items.filter((i) => i.overdue).length;
  return (
    <p className="due-summary">
      <Link href="/debrief/due">
        {items.length === 1 ? '1 scorecard due' : `${items.length} scorecards due`}
        {overdue > 0 ? `, ${overdue} overdue` : ''}
      </Link>
    </p>
  );
}

export function GatherPage() {
  const repos = useRepositories();
  const paging = usePaging();
  const list = useDebriefList(paging.limit);
  const navigate = useNavigate();
  const flash = useFlash();
  const inputRef = useRef<HTMLInputElement>(null);
  const [results, setResults] = useState<ImportOutcome[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [dragging, setDragging] = useState(false);
  const [exampleError, setExampleError] = useState<string | null>(null);

  const gather = async (files: readonly File[]) => {
    if (files.length === 0) return;
    setBusy(true);
    const outcomes: ImportOutcome[] = [];
    // One file at a time, each in its own transaction: a bad file never blocks the good ones.
    for (const file of files) {
      try {
        // The one reader checks the size on the file's bytes before it parses anything.
        outcomes.push(await repos.imports.importFile(file.name, await file.text(), { byteLength: file.size }));
      } catch (error) {
        outcomes.push({ fileName: file.name, outcome: 'rejected', detail: describeError(error, 'importing') });
      }
    }
    setResults(outcomes);
    setBusy(false);
    if (inputRef.current) inputRef.current.value = '';
  };

  // Files opened with the installed app (its file handler) arrive through the launch queue.
  const gatherRef = useRef(gather);
  useLayoutEffect(() => {
    gatherRef.current = gather;
  });
  useEffect(() => {
    const queue = (window as unknown as { launchQueue?: LaunchQueue }).launchQueue;
    queue?.setConsumer((params) => {
      void Promise.all(params.files.map((handle) => handle.getFile())).then((files) => gatherRef.current(files));
    });
  }, []);

  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    setDragging(false);
    void gather([...e.dataTransfer.files]);
  };

  const explore = async () => {
    setExampleError(null);
    try {
      const { candidateId } = await repos.exampleData.create();
      navigate(`/candidates/${candidateId}/debrief`);
    } catch (error) {
      setExampleError(describeError(error, 'saving'));
    }
  };

  return (
    <Page title="Debrief">
      {flash && <Notice tone="success">{flash}</Notice>}
      <p className="lede">Gather the panel’s scorecard files, see where the panel agrees and disagrees, record the consensus and the decision, and export the decision packet.</p>
      <DueSummary />
      <section className="section" aria-labelledby="gather-heading">
        <h2 id="gather-heading">Gather scorecards</h2>
        <div
          className={`drop-zone${dragging ? ' dragging' : ''}`}
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
        >
          <p>Drop scorecard files (<code>.loopcard.json</code>) or a decision packet here, or choose them.</p>
          <button type="button" className="button button-primary" onClick={() => inputRef.current?.click()} disabled={busy}>
            Choose files
          </button>
          <input
            ref={inputRef}
            id="gather-files"
            aria-label="Scorecard or packet files"
            tabIndex={-1}
            className="visually-hidden"
            type="file"
            accept=".json,application/json"
            multiple
            disabled={busy}
            onChange={(e) => void gather([...(e.target.files ?? [])])}
          />
          <p className="field-hint">Each file is checked before anything is written: its format, its checksum and every field. Importing the same file twice changes nothing.</p>
        </div>
        {busy && <p role="status">Checking files…</p>}
        {results && (
          <div role="status" aria-live="polite">
            <table className="results" aria-label="Files gathered">
              <thead>
                <tr>
                  <th scope="col">File</th>
                  <th scope="col">Result</th>
                  <th scope="col">Details</th>
                </tr>
              </thead>
              <tbody>
                {results.map((r, i) => (
                  <tr key={`${r.fileName}-${i}`} className={`result-${r.outcome}`}>
                    <td className="file-name">{r.fileName}</td>
                    <td>
                      <span className={`status-badge outcome-${r.outcome}`}>{OUTCOME_LABELS[r.outcome]}</span>
                    </td>
                    <td>
                      {r.detail}
                      {r.outcome === 'conflict' && (
                        <>
                          {' '}
                          <Link href="/data#changes-heading">Review the changes</Link>
                        </>
                      )}
                      {r.candidateId && r.outcome !== 'rejected' && (
                        <>
                          {' '}
                          <Link href={`/candidates/${r.candidateId}/debrief`}>Open the debrief</Link>
                        </>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section className="section" aria-labelledby="debriefs-heading">
        <h2 id="debriefs-heading">Candidates ready for a debrief</h2>
        {exampleError && <Notice tone="error">{exampleError}</Notice>}
        {list === undefined ? (
          <Loading />
        ) : list.total === 0 ? (
          <EmptyState
            title="No scorecards gathered yet"
            action={
              <button type="button" className="button button-secondary" onClick={() => void explore()}>
                Explore with example data
              </button>
            }
          >
            <p>Ask each interviewer for their exported scorecard file and gather them above. To see what a debrief looks like first, explore with example data: one candidate and three scorecards, clearly marked, removable in one click.</p>
          </EmptyState>
        ) : (
          <PagedList
            items={list.rows}
            total={list.total}
            paging={paging}
            label="Candidates ready for a debrief"
            noun={{ one: 'candidate', other: 'candidates' }}
            itemKey={(row) => row.candidate.id}
            renderItem={({ candidate, role, submitted, debrief }) => (
              <>
                <h3 className="card-title">
                  <Link href={`/candidates/${candidate.id}/debrief`}>{candidate.name}</Link>
                </h3>
                <p className="card-meta">
                  {role?.title ?? 'Unknown role'} · {submitted} scorecard{submitted === 1 ? '' : 's'} gathered ·{' '}
                  {debrief?.decision ? `Decision: ${DECISION_LABELS[debrief.decision]}` : 'No decision yet'}
                </p>
              </>
            )}
          />
        )}
      </section>
    </Page>
  );
}
