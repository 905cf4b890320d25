import { Link, useParams } from 'wouter';
import { Page } from '../../components/page';
import { Loading } from '../../components/loading';
import { EmptyState } from '../../components/empty-state';
import { Notice } from '../../components/notice';
import { useRepositories } from '../../lib/repositories-context';
import { useLazyLiveQuery } from '../../lib/lazy-live-query';
import { useInterviewerName } from '../../lib/identity';
import { describeError } from '../../lib/errors';
import { runSave } from '../../lib/form';
import { sourceSuggestions } from '../../domain/screening';
import type { ScreenFormValues } from '../../domain/screen';
import { LANE_INFO } from '../../domain/role';
import { ScreenForm } from './screen-form';

/** The candidate, their role, their screen so far and the sources the role's screens used; null when the candidate is not on this device. */
function useScreenDetail(candidateId: string) {
  const repos = useRepositories();
  return useLazyLiveQuery(
    repos.sourcing,
    async () => {
      const candidate = await repos.candidates.get(candidateId);
      if (!candidate) return null;
      const [role, screen, screens] = await Promise.all([
        repos.roles.get(candidate.roleId),
        repos.sourcing.getScreen(candidateId),
        repos.sourcing.listScreens(candidate.roleId),
      ]);
      return { candidate, role: role ?? null, screen: screen ?? null, usedSources: screens.map((s) => s.source) };
    },
    [repos, candidateId],
  );
}

export function ScreenPage() {
  const { candidateId } = useParams<{ candidateId: string }>();
  const repos = useRepositories();
  const { value: detail, loadError } = useScreenDetail(candidateId);
  const me = useInterviewerName();

  if (loadError) {
    return (
      <Page title="Screen">
        <Notice tone="error">{describeError(loadError, 'loading')}</Notice>
      </Page>
    );
  }
  if (detail === undefined || me === undefined) return <Loading />;
  if (detail === null || detail.role === null) {
    return (
      <Page title="Candidate not found">
        <EmptyState title="This candidate is not on this device" action={<Link className="button button-primary" href="/candidates">Back to candidates</Link>}>
          <p>They may have been removed, or the link came from another device. Only a candidate on this device, with their role, can be screened here.</p>
        </EmptyState>
      </Page>
    );
  }
  const { candidate, role, screen, usedSources } = detail;
  const stack = role.stack ?? [];
  const stackTools = [...stack, ...(screen?.stackTools ?? []).filter((t) => !stack.some((s) => s.toLowerCase() === t.toLowerCase()))];
  const initial: ScreenFormValues = {
    source: screen?.source ?? '',
    productionSignals: screen?.productionSignals ?? [],
    stackTools: screen?.stackTools ?? [],
    wrongPoolSignals: screen?.wrongPoolSignals ?? [],
    matchedKeywords: screen?.matchedKeywords ?? [],
    outcome: screen?.outcome ?? null,
    reason: screen?.reason ?? '',
    screenedBy: screen?.screenedBy || me || '',
  };

  return (
    <Page title={`Screen: ${candidate.name}`} eyebrow={<>Candidate for {role.title}</>}>
      <p className="card-meta">
        {LANE_INFO[role.lane].label}
        {stack.length > 0 ? <> · Stack: {stack.join(', ')}</> : null}
      </p>
      <p className="field-hint">Before the loop, and apart from the interview scorecards. Saving again keeps the earlier screen as a revision.</p>
      <ScreenForm
        key={candidate.id}
        candidateId={candidate.id}
        candidateName={candidate.name}
        roleId={role.id}
        lane={role.lane}
        stackTools={stackTools}
        sources={sourceSuggestions(usedSources)}
        initial={initial}
        onSave={(values) => runSave(() => repos.sourcing.saveScreen(candidate.id, values))}
      />
    </Page>
  );
}
