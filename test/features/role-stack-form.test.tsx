import { describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route } from 'wouter';
import { RoleForm } from '../../src/features/roles/role-form';
import { EditRolePage } from '../../src/features/roles/role-editor-page';
import { RolesPage } from '../../src/features/roles/roles-page';
import { BUILTIN_RUBRIC } from '../../src/domain/builtin-rubric';
import { STACK_MAX_ENTRIES, type RoleInput } from '../../src/domain/role';
import { MISSION_STARTERS } from '../../src/domain/role-stack';
import { servingRole } from '../fixtures/roles';
import { renderWithDb } from '../helpers/render';

// Filling a whole role by keystrokes takes several seconds on a slow machine.
vi.setConfig({ testTimeout: 30_000 });

function renderForm(initial?: RoleInput) {
  const onSubmit = vi.fn(async (_values: RoleInput) => ({ ok: true as const }));
  render(<RoleForm {...(initial ? { initial } : {})} rubrics={[BUILTIN_RUBRIC]} submitLabel="Save role" onSubmit={onSubmit} onCancel={() => undefined} />);
  return onSubmit;
}

async function fillValidRole(user: ReturnType<typeof userEvent.setup>) {
  await user.type(screen.getByLabelText('Job title'), 'Senior MLOps Engineer, Serving');
  await user.click(screen.getByRole('radio', { name: /Serving & reliability/ }));
  await user.type(screen.getByLabelText('Mandate'), 'Migrate model serving off Flask, improve autoscaling, and cut p99 latency.');
  await user.click(screen.getByRole('radio', { name: 'Senior' }));
  await user.type(screen.getByLabelText('Minimum'), '240000');
  await user.type(screen.getByLabelText('Maximum'), '310000');
}

const stackGroup = () => screen.getByRole('group', { name: 'Team stack' });
const mission = () => screen.getByLabelText('First-90-day mission');
const submitted = (onSubmit: ReturnType<typeof renderForm>) => onSubmit.mock.calls[0]?.[0];

describe('the role’s team stack', () => {
  it('saves the tools chosen by part and a tool of the team’s own, added with Enter or the button', async () => {
    const user = userEvent.setup();
    const onSubmit = renderForm();
    await fillValidRole(user);
    const cloud = within(stackGroup()).getByRole('group', { name: 'Cloud' });
    await user.click(within(cloud).getByRole('checkbox', { name: 'AWS' }));
    await user.click(within(stackGroup()).getByRole('checkbox', { name: 'Kubernetes' }));
    await user.click(within(stackGroup()).getByRole('checkbox', { name: 'KServe' }));
    await user.type(screen.getByLabelText('Another tool'), 'Ray Serve{Enter}');
    await user.type(screen.getByLabelText('Another tool'), 'Métaflow');
    await user.click(screen.getByRole('button', { name: 'Add tool' }));
    expect(screen.getByLabelText('Another tool')).toHaveValue('');
    expect(screen.getByRole('list', { name: 'The team’s other tools' })).toHaveTextContent(/Ray Serve.*Métaflow/);
    expect(screen.getByText('5 / 40')).toBeInTheDocument();
    // Unchecking takes a tool out again; a typed tool has its own remove button.
    await user.click(within(stackGroup()).getByRole('checkbox', { name: 'Kubernetes' }));
    await user.click(screen.getByRole('button', { name: 'Remove Ray Serve' }));

    await user.click(screen.getByRole('button', { name: 'Save role' }));
    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
    expect(submitted(onSubmit)?.stack).toEqual(['AWS', 'KServe', 'Métaflow']);
  });

  it('refuses a tool already there in another case, an empty name, a name too long and a 41st tool, saying why', async () => {
    const user = userEvent.setup();
    renderForm();
    const other = screen.getByLabelText('Another tool');
    await user.click(within(stackGroup()).getByRole('checkbox', { name: 'KServe' }));
    await user.type(other, '  kserve {Enter}');
    expect(screen.getByText('“KServe” is already in the stack.')).toBeInTheDocument();
    expect(other).toHaveAccessibleDescription('“KServe” is already in the stack.');
    expect(other).toHaveValue('  kserve ');

    await user.clear(other);
    await user.click(screen.getByRole('button', { name: 'Add tool' }));
    expect(screen.getByText('Type the name of a tool first.')).toBeInTheDocument();

    await user.click(other);
    await user.paste('x'.repeat(61));
    await user.keyboard('{Enter}');
    expect(screen.getByText('A tool’s name is at most 60 characters; this one has 61.')).toBeInTheDocument();

    // Typed "aws" is the list's AWS: its box is ticked, not a second entry.
    await user.clear(other);
    await user.type(other, 'aws{Enter}');
    expect(within(stackGroup()).getByRole('checkbox', { name: 'AWS' })).toBeChecked();
    expect(screen.queryByRole('list', { name: 'The team’s other tools' })).not.toBeInTheDocument();

    for (let i = 3; i <= STACK_MAX_ENTRIES; i += 1) {
      await user.click(other);
      await user.paste(`Tool ${i}`);
      await user.keyboard('{Enter}');
    }
    expect(screen.getByText('40 / 40')).toBeInTheDocument();
    await user.type(other, 'Tool 41{Enter}');
    expect(screen.getByText('A stack has at most 40 tools. Remove one before adding “Tool 41”.')).toBeInTheDocument();
    await user.click(within(stackGroup()).getByRole('checkbox', { name: 'Triton' }));
    expect(within(stackGroup()).getByRole('checkbox', { name: 'Triton' })).not.toBeChecked();
    expect(screen.getByText('A stack has at most 40 tools. Remove one before adding “Triton”.')).toBeInTheDocument();
    expect(screen.getByText('40 / 40')).toBeInTheDocument();
  });

  it('every tool box is reachable by keyboard and toggles with Space', async () => {
    const user = userEvent.setup();
    renderForm();
    const aws = within(stackGroup()).getByRole('checkbox', { name: 'AWS' });
    aws.focus();
    await user.keyboard(' ');
    expect(aws).toBeChecked();
    await user.tab();
    expect(within(stackGroup()).getByRole('checkbox', { name: 'Google Cloud' })).toHaveFocus();
  });
});

describe('the first-90-day mission', () => {
  it('takes the lane’s starting text when a lane is chosen, and follows the lane while it is untouched', async () => {
    const user = userEvent.setup();
    renderForm();
    expect(mission()).toHaveValue('');
    await user.click(screen.getByRole('radio', { name: /Pipeline owner/ }));
    expect(mission()).toHaveValue(MISSION_STARTERS['pipeline-owner']);
    await user.click(screen.getByRole('radio', { name: /Serving & reliability/ }));
    expect(mission()).toHaveValue(MISSION_STARTERS['serving-reliability']);
  });

  it('never replaces what the manager wrote, and saves it trimmed', async () => {
    const user = userEvent.setup();
    const onSubmit = renderForm();
    await fillValidRole(user);
    await user.type(mission(), ' Own the Flask migration first.');
    const written = `${MISSION_STARTERS['serving-reliability']} Own the Flask migration first.`;
    await user.click(screen.getByRole('radio', { name: /Pipeline owner/ }));
    expect(mission()).toHaveValue(written);
    await user.click(screen.getByRole('radio', { name: /Serving & reliability/ }));
    await user.click(screen.getByRole('button', { name: 'Save role' }));
    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
    expect(submitted(onSubmit)?.mission).toBe(written);
  });

  it('refuses a mission over 600 characters at the field', async () => {
    const user = userEvent.setup();
    const onSubmit = renderForm();
    await fillValidRole(user);
    await user.clear(mission());
    await user.click(mission());
    await user.paste('m'.repeat(601));
    await user.click(screen.getByRole('button', { name: 'Save role' }));
    expect(await screen.findByText('The 90-day mission must be at most 600 characters.')).toBeInTheDocument();
    expect(mission()).toHaveAttribute('aria-invalid', 'true');
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('an empty stack and an empty mission are left out of the role', async () => {
    const user = userEvent.setup();
    const onSubmit = renderForm();
    await fillValidRole(user);
    await user.clear(mission());
    await user.type(mission(), '   ');
    await user.click(screen.getByRole('button', { name: 'Save role' }));
    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
    const values = submitted(onSubmit) ?? {};
    expect('stack' in values).toBe(false);
    expect('mission' in values).toBe(false);
  });
});

describe('editing a role with a stack and a mission', () => {
  async function openEdit(input: RoleInput) {
    const utils = renderWithDb(<Route path="/roles/:roleId/edit" component={EditRolePage} />, { path: '/roles/pending/edit' });
    const role = await utils.repos.roles.create(input);
    window.history.replaceState(null, '', `/roles/${role.id}/edit`);
    window.dispatchEvent(new PopStateEvent('popstate'));
    await screen.findByLabelText('Job title');
    return { ...utils, role };
  }

  it('keeps them when something else changes, and a cleared stack and mission leave the role', async () => {
    const user = userEvent.setup();
    const custom = 'Cut the busiest endpoint’s p99 latency in half.';
    const { repos, role } = await openEdit({ ...servingRole, stack: ['AWS', 'KServe', 'Métaflow'], mission: custom });
    expect(mission()).toHaveValue(custom);
    expect(within(stackGroup()).getByRole('checkbox', { name: 'KServe' })).toBeChecked();
    expect(screen.getByRole('list', { name: 'The team’s other tools' })).toHaveTextContent('Métaflow');
    // Choosing the lane again does not replace the manager's mission.
    await user.click(screen.getByRole('radio', { name: /Pipeline owner/ }));
    await user.click(screen.getByRole('radio', { name: /Serving & reliability/ }));
    expect(mission()).toHaveValue(custom);

    await user.clear(screen.getByLabelText('Job title'));
    await user.type(screen.getByLabelText('Job title'), 'Staff MLOps Engineer, Serving');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(async () => expect((await repos.roles.get(role.id))?.title).toBe('Staff MLOps Engineer, Serving'));
    expect(await repos.roles.get(role.id)).toMatchObject({ stack: ['AWS', 'KServe', 'Métaflow'], mission: custom });
  });

  it('a stack and a mission cleared by the manager are gone from the saved role', async () => {
    const user = userEvent.setup();
    const { repos, role } = await openEdit({ ...servingRole, stack: ['KServe'], mission: 'Cut p99.' });
    await user.click(within(stackGroup()).getByRole('checkbox', { name: 'KServe' }));
    await user.clear(mission());
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(async () => expect((await repos.roles.get(role.id))?.rev).not.toBe(role.rev));
    const saved = await repos.roles.get(role.id);
    expect(saved && 'stack' in saved).toBe(false);
    expect(saved && 'mission' in saved).toBe(false);
  });

  it('a role saved before stacks existed is saved again without them', async () => {
    const user = userEvent.setup();
    const { repos, role } = await openEdit(servingRole);
    expect(mission()).toHaveValue('');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(async () => expect((await repos.roles.get(role.id))?.rev).not.toBe(role.rev));
    const saved = await repos.roles.get(role.id);
    expect(saved && 'stack' in saved).toBe(false);
    expect(saved && 'mission' in saved).toBe(false);
  });
});

describe('the roles list', () => {
  it('names each role’s stack in one line and says whether a mission is set', async () => {
    const { repos } = renderWithDb(<RolesPage />, { path: '/roles' });
    await repos.roles.create({ ...servingRole, stack: ['AWS', 'Kubernetes', 'KServe', 'Triton', 'Arize', 'Métaflow'], mission: 'Cut p99 latency.' });
    await repos.roles.create({ ...servingRole, title: 'MLOps Engineer, Pipelines' });
    expect(await screen.findByText('Stack: AWS · Kubernetes · KServe +3 · 90-day mission set')).toBeInTheDocument();
    expect(await screen.findByText('No stack set · No 90-day mission yet')).toBeInTheDocument();
  });
});
