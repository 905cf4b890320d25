import { Link, useParams } from 'wouter';
import { useNavigate } from '../../lib/navigation';
import { Page } from '../../components/page';
import { Loading } from '../../components/loading';
import { EmptyState } from '../../components/empty-state';
import { useRepositories } from '../../lib/repositories-context';
import { runSave } from '../../lib/form';
import { loopPlanOf, type Role, type RoleInput } from '../../domain/role';
import { RoleForm } from './role-form';
import { useCandidatesWithScorecards, useRole, useRoleSearches, useRubricChoices } from './use-roles';
import { SearchClock } from './search-clock';

export function NewRolePage() {
  const repos = useRepositories();
  const navigate = useNavigate();
  const rubrics = useRubricChoices();
  return (
    <Page title="New role">
      {rubrics === undefined ? (
        <Loading />
      ) : (
        <RoleForm
          rubrics={rubrics}
          submitLabel="Create role"
          onCancel={() => navigate('/roles')}
          onSubmit={async (values) => {
            let created: Role | undefined;
            const result = await runSave(async () => {
              created = await repos.roles.create(values);
            });
            if (result.ok && created) navigate('/roles', `Role “${created.title}” created.`);
            return result;
          }}
        />
      )}
    </Page>
  );
}

export function EditRolePage() {
  const { roleId } = useParams<{ roleId: string }>();
  const repos = useRepositories();
  const navigate = useNavigate();
  const role = useRole(roleId);
  const rubrics = useRubricChoices(role ? [role.rubric, ...loopPlanOf(role).map((s) => s.rubric)] : []);
  const scored = useCandidatesWithScorecards(role?.id);
  const search = useRoleSearches()?.get(roleId);
  if (role === undefined || rubrics === undefined || scored === undefined) return <Loading />;
  if (role === null) {
    return (
      <Page title="Role not found">
        <EmptyState title="This role is not on this device" action={<Link className="button button-primary" href="/roles">Back to roles</Link>}>
          <p>It may have been removed, or the link came from another device.</p>
        </EmptyState>
      </Page>
    );
  }
  return (
    <Page title={`Edit ${role.title}`}>
      {search && (
        <section aria-labelledby="search-heading" className="role-search">
          <h2 id="search-heading">Search</h2>
          <SearchClock search={search} />
        </section>
      )}
      <RoleForm
        key={role.id}
        initial={toInput(role)}
        rubrics={rubrics}
        candidatesWithScorecards={scored}
        submitLabel="Save changes"
        onCancel={() => navigate('/roles')}
        onSubmit={async (values: RoleInput) => {
          const result = await runSave(() => repos.roles.update(role.id, values));
          if (result.ok) navigate('/roles', `Role “${values.title}” saved.`);
          return result;
        }}
      />
    </Page>
  );
}

function toInput({ id: _id, createdAt: _c, updatedAt: _u, rev: _rev, revHistory: _history, ...input }: Role): RoleInput {
  return input;
}
