import { Link, useParams, useSearchParams } from 'wouter';
import { useNavigate } from '../../lib/navigation';
import { Page } from '../../components/page';
import { Loading } from '../../components/loading';
import { EmptyState } from '../../components/empty-state';
import { useRepositories } from '../../lib/repositories-context';
import { runSave } from '../../lib/form';
import type { Candidate } from '../../domain/candidate';
import { CandidateForm } from './candidate-form';
import { useCandidateDetail, useCandidatesOverview } from './use-candidates';

export function NewCandidatePage() {
  const repos = useRepositories();
  const navigate = useNavigate();
  const data = useCandidatesOverview();
  const [params] = useSearchParams();
  if (data === undefined) return <Loading />;
  const preselected = data.roles.some((r) => r.id === params.get('role')) ? (params.get('role') ?? '') : '';
  if (data.roles.length === 0) {
    return (
      <Page title="Add candidate">
        <EmptyState title="Set up a role first" action={<Link className="button button-primary" href="/roles/new">Set up a role</Link>}>
          <p>Candidates are interviewed for a role, so Loopcard needs one before you add anyone.</p>
        </EmptyState>
      </Page>
    );
  }
  return (
    <Page title="Add candidate">
      <CandidateForm
        initial={{ name: '', roleId: preselected, notes: '' }}
        roles={data.roles}
        roleLocked={false}
        submitLabel="Add candidate"
        onCancel={() => window.history.back()}
        onSubmit={async (values) => {
          let created: Candidate | undefined;
          const result = await runSave(async () => {
            created = await repos.candidates.create(values);
          });
          if (result.ok && created) navigate(`/candidates/${created.id}`, `${created.name} added. Now plan the loop.`);
          return result;
        }}
      />
    </Page>
  );
}

export function EditCandidatePage() {
  const { candidateId } = useParams<{ candidateId: string }>();
  const repos = useRepositories();
  const navigate = useNavigate();
  const detail = useCandidateDetail(candidateId);
  const overview = useCandidatesOverview();
  if (detail === undefined || overview === undefined) return <Loading />;
  if (detail === null) {
    return (
      <Page title="Candidate not found">
        <EmptyState title="This candidate is not on this device" action={<Link className="button button-primary" href="/candidates">Back to candidates</Link>}>
          <p>They may have been removed, or the link came from another device.</p>
        </EmptyState>
      </Page>
    );
  }
  const { candidate, loop } = detail;
  return (
    <Page title={`Edit ${candidate.name}`}>
      <CandidateForm
        key={candidate.id}
        initial={{ name: candidate.name, roleId: candidate.roleId, notes: candidate.notes }}
        roles={overview.roles}
        roleLocked={loop.length > 0}
        submitLabel="Save changes"
        onCancel={() => navigate(`/candidates/${candidate.id}`)}
        onSubmit={async (values) => {
          const result = await runSave(() => repos.candidates.update(candidate.id, values));
          if (result.ok) navigate(`/candidates/${candidate.id}`, 'Candidate saved.');
          return result;
        }}
      />
    </Page>
  );
}
