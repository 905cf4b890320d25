import { describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { RoleForm } from '../../src/features/roles/role-form';
import { Route } from 'wouter';
import { EditRolePage, NewRolePage } from '../../src/features/roles/role-editor-page';
import { servingRole } from '../fixtures/roles';
import { BUILTIN_RUBRIC } from '../../src/domain/builtin-rubric';
import type { RoleInput } from '../../src/domain/role';
import { MISSION_STARTERS } from '../../src/domain/role-stack';
import { renderWithDb } from '../helpers/render';

function renderForm(onSubmit = vi.fn(async (_values: RoleInput) => ({ ok: true as const }))) {
  render(<RoleForm rubrics={[BUILTIN_RUBRIC]} submitLabel="Create role" onSubmit={onSubmit} onCancel={() => undefined} />);
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

describe('role form', () => {
  it('submits a valid role with typed numbers and the built-in rubric', async () => {
    const user = userEvent.setup();
    const onSubmit = renderForm();
    await fillValidRole(user);
    expect(screen.queryByText(/several jobs in one/)).not.toBeInTheDocument();
    expect(screen.getByText(/2026 reference for senior MLOps engineers: \$235K–\$325K/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Create role' }));
    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
    expect(onSubmit.mock.calls[0]?.[0]).toMatchObject({
      title: 'Senior MLOps Engineer, Serving',
      lane: 'serving-reliability',
      level: 'senior',
      compBand: { min: 240_000, max: 310_000, currency: 'USD', basis: 'base' },
      targetCloseWeeks: 6,
      rubric: { id: BUILTIN_RUBRIC.id, version: 1 },
    });
  });

  it('links every error to its field, focuses the first, and never submits invalid values', async () => {
    const user = userEvent.setup();
    const onSubmit = renderForm();
    await user.click(screen.getByRole('button', { name: 'Create role' }));

    const title = screen.getByLabelText('Job title');
    await waitFor(() => expect(title).toHaveFocus());
    expect(title).toHaveAttribute('aria-invalid', 'true');
    expect(title).toHaveAccessibleDescription(expect.stringContaining('Title is required.'));
    expect(screen.getByRole('group', { name: 'Lane' })).toHaveAccessibleDescription(expect.stringContaining('Choose the one lane this role is hired for.'));
    expect(screen.getByLabelText('Minimum')).toHaveAccessibleDescription('Enter the minimum as a number.');
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('explains a 10,000-character title, a reversed band, negative pay and a three-sentence mandate', async () => {
    const user = userEvent.setup();
    const onSubmit = renderForm();
    await fillValidRole(user);
    await user.clear(screen.getByLabelText('Job title'));
    await user.click(screen.getByLabelText('Job title'));
    await user.paste('x'.repeat(10_000));
    await user.clear(screen.getByLabelText('Minimum'));
    await user.type(screen.getByLabelText('Minimum'), '-5');
    await user.clear(screen.getByLabelText('Maximum'));
    await user.type(screen.getByLabelText('Maximum'), '-10');
    await user.clear(screen.getByLabelText('Mandate'));
    await user.type(screen.getByLabelText('Mandate'), 'Own promotion pipelines. Cut p99 latency. Stand up the platform.');
    expect(screen.getByText(/This mandate is 3 sentences/)).toBeInTheDocument();
    expect(screen.getByText(/This reads like several jobs in one/)).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Create role' }));
    expect(await screen.findByText('Title must be at most 120 characters.')).toBeInTheDocument();
    expect(screen.getByText(/A mandate is one sentence; this reads as 3/)).toBeInTheDocument();
    expect(screen.getByText('The minimum cannot be negative.')).toBeInTheDocument();
    expect(screen.getByLabelText('Maximum')).toHaveAccessibleDescription(expect.stringContaining('The maximum cannot be negative.'));
    expect(screen.getByLabelText('Job title')).toHaveFocus();
    expect(onSubmit).not.toHaveBeenCalled();

    await user.clear(screen.getByLabelText('Minimum'));
    await user.type(screen.getByLabelText('Minimum'), '300000');
    await user.clear(screen.getByLabelText('Maximum'));
    await user.type(screen.getByLabelText('Maximum'), '250000');
    expect(await screen.findByText('The maximum must be at least the minimum.')).toBeInTheDocument();
  });

  it('warns, without blocking, when the band sits outside the 2026 reference for the level', async () => {
    const user = userEvent.setup();
    renderForm();
    await user.click(screen.getByRole('radio', { name: 'Mid-level' }));
    await user.type(screen.getByLabelText('Minimum'), '120000');
    await user.type(screen.getByLabelText('Maximum'), '150000');
    expect(screen.getByLabelText('Maximum')).toHaveAccessibleDescription(expect.stringContaining('below the 2026 mid-level reference of $170K–$230K'));
    await user.click(screen.getByRole('radio', { name: 'Senior' }));
    expect(screen.getByLabelText('Maximum')).toHaveAccessibleDescription(expect.stringContaining('below the 2026 senior reference of $235K–$325K'));
  });

  it('can be filled and submitted with the keyboard alone', async () => {
    const user = userEvent.setup();
    const onSubmit = renderForm();
    await user.tab();
    expect(screen.getByLabelText('Job title')).toHaveFocus();
    await user.keyboard('Platform MLOps Lead');
    await user.tab();
    expect(screen.getByRole('radio', { name: /Pipeline owner/ })).toHaveFocus();
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(screen.getByRole('radio', { name: /Full-stack platform builder/ })).toBeChecked();
    await user.tab();
    expect(screen.getByLabelText('Mandate')).toHaveFocus();
    await user.keyboard('Stand up the ML platform for a growing team.');
    await user.tab();
    expect(screen.getByLabelText('First-90-day mission')).toHaveFocus();
    expect(screen.getByLabelText('First-90-day mission')).toHaveValue(MISSION_STARTERS['platform-builder']);
    await user.tab();
    await user.keyboard('{ArrowDown}');
    expect(screen.getByRole('radio', { name: 'Senior' })).toBeChecked();
    await user.tab();
    await user.keyboard('250000');
    await user.tab();
    await user.keyboard('300000');
    await user.keyboard('{Enter}');
    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
    expect(onSubmit.mock.calls[0]?.[0]).toMatchObject({ lane: 'platform-builder', level: 'senior', compBand: { min: 250_000, max: 300_000 }, mission: MISSION_STARTERS['platform-builder'] });
  });
});

describe('new role screen', () => {
  it('saves the role in the database', async () => {
    const user = userEvent.setup();
    const { repos } = renderWithDb(<NewRolePage />, { path: '/roles/new' });
    await screen.findByRole('button', { name: 'Create role' });
    await fillValidRole(user);
    await user.click(screen.getByRole('button', { name: 'Create role' }));
    await waitFor(async () => expect(await repos.roles.list()).toHaveLength(1));
    const [role] = await repos.roles.list();
    expect(role).toMatchObject({ title: 'Senior MLOps Engineer, Serving', lane: 'serving-reliability' });
    expect(window.location.pathname).toBe('/roles');
  });
});

describe('edit role screen', () => {
  it('changes a role in place and keeps when it was created', async () => {
    const user = userEvent.setup();
    const { repos } = renderWithDb(<Route path="/roles/:roleId/edit" component={EditRolePage} />, { path: '/roles/pending/edit' });
    const role = await repos.roles.create(servingRole);
    window.history.replaceState(null, '', `/roles/${role.id}/edit`);
    window.dispatchEvent(new PopStateEvent('popstate'));
    const title = await screen.findByLabelText('Job title');
    expect(title).toHaveValue(servingRole.title);
    expect(screen.getByRole('radio', { name: /Serving & reliability/ })).toBeChecked();
    expect(screen.getByLabelText('Maximum')).toHaveValue(310_000);
    await user.clear(title);
    await user.type(title, 'Staff MLOps Engineer, Serving');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(async () => expect((await repos.roles.get(role.id))?.title).toBe('Staff MLOps Engineer, Serving'));
    expect((await repos.roles.get(role.id))?.createdAt).toBe(role.createdAt);
    expect(await repos.roles.list()).toHaveLength(1);
  });

  it('says so when the role is not on this device', async () => {
    renderWithDb(<Route path="/roles/:roleId/edit" component={EditRolePage} />, { path: '/roles/missing/edit' });
    expect(await screen.findByRole('heading', { name: 'This role is not on this device' })).toBeInTheDocument();
  });
});
