import { Link } from 'wouter';
import { Page } from '../../components/page';
import { Loading } from '../../components/loading';
import { EmptyState } from '../../components/empty-state';
import { Notice } from '../../components/notice';
import { useFlash } from '../../lib/navigation';
import { formatDate, useLibrary, usageText, versionPath, type LibraryEntry } from './use-rubrics';

/** The rubric library: the latest version of each rubric, and the drafts being edited. */
export function RubricsPage() {
  const library = useLibrary();
  const flash = useFlash();
  return (
    <Page title="Rubrics">
      {flash && <Notice tone="success">{flash}</Notice>}
      <p className="lede">
        Each interview in a loop is scored against one rubric version. A saved version never changes: editing makes a new version, and every scorecard keeps the
        version it was scored on.
      </p>
      {library === undefined ? (
        <Loading />
      ) : (
        <>
          {library.drafts.length > 0 && (
            <section className="section" aria-labelledby="drafts-heading">
              <h2 id="drafts-heading">Drafts in progress</h2>
              <ul className="card-list" aria-label="Drafts in progress">
                {library.drafts.map((draft) => (
                  <li key={draft.id} className="card">
                    <h3 className="card-title">{draft.title.trim() || 'Untitled rubric'}</h3>
                    <p className="card-meta">
                      {draft.basedOn && draft.lineage ? `New version of version ${draft.basedOn.version}` : 'New rubric'} · last saved {formatDate(draft.updatedAt)}
                    </p>
                    <div className="card-actions">
                      <Link className="button button-primary" href={`/rubrics/drafts/${draft.id}`} aria-label={`Continue editing ${draft.title.trim() || 'Untitled rubric'}`}>
                        Continue editing
                      </Link>
                    </div>
                  </li>
                ))}
              </ul>
            </section>
          )}
          <section className="section" aria-labelledby="library-heading">
            <h2 id="library-heading">Library</h2>
            {library.entries.length === 0 ? (
              <EmptyState title="No rubrics on this device">
                <p>The built-in rubrics are added when the app first opens. Reload the page to add them again.</p>
              </EmptyState>
            ) : (
              <ul className="card-list" aria-label="Rubrics">
                {library.entries.map((entry) => (
                  <RubricCard key={entry.rubric.lineage} entry={entry} />
                ))}
              </ul>
            )}
          </section>
        </>
      )}
    </Page>
  );
}

function RubricCard({ entry: { rubric, versions, usage } }: { entry: LibraryEntry }) {
  const dimensions = rubric.dimensions.length;
  return (
    <li className="card">
      <h3 className="card-title">
        <Link href={versionPath(rubric)}>{rubric.title}</Link>
      </h3>
      <p className="card-meta">
        {rubric.builtIn && <span className="status-badge rubric-badge">Built in</span>} Version {rubric.version}
        {versions > 1 ? ` (${versions} versions)` : ''} · {dimensions} {dimensions === 1 ? 'dimension' : 'dimensions'}
      </p>
      <p className="card-meta">Used by: {usageText(usage)}</p>
    </li>
  );
}
