import { useState } from 'react';
import { Link, useParams } from 'wouter';
import { Page } from '../../components/page';
import { Loading } from '../../components/loading';
import { EmptyState } from '../../components/empty-state';
import type { RubricDraft } from '../../domain/rubric-editing';
import { useStoredDraft } from './use-rubrics';
import { RubricEditor } from './rubric-editor';

/** /rubrics/drafts/:draftId — a draft being edited, autosaved, until it is saved as a version. */
export function RubricEditorPage() {
  const { draftId } = useParams<{ draftId: string }>();
  const stored = useStoredDraft(draftId ?? '');
  // The editor keeps what it opened with; the stored copy then only tells it what other tabs did.
  const [opened, setOpened] = useState<RubricDraft | null>(null);
  if (stored && !opened) setOpened(stored);
  if (opened) return <RubricEditor key={opened.id} initial={opened} latest={stored} />;
  if (stored === undefined) return <Loading />;
  return (
    <Page title="Draft not found">
      <EmptyState title="This draft is not on this device" action={<Link className="button button-primary" href="/rubrics">Back to rubrics</Link>}>
        <p>It may have been saved as a version or discarded, perhaps in another tab.</p>
      </EmptyState>
    </Page>
  );
}
