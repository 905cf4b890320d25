import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route } from 'wouter';
import { CandidatePage } from '../../src/features/candidates/candidate-page';
import { CandidatesPage } from '../../src/features/candidates/candidates-page';
import { NewCandidatePage } from '../../src/features/candidates/candidate-editor-page';
import { RolesPage } from '../../src/features/roles/roles-page';
import { servingRole } from '../fixtures/roles';
import { renderWithDb } from '../helpers/render';

describe('empty states', () => {
  it('tells a first-time user to set up a role, on the roles and candidates screens', async () => {
    renderWithDb(<RolesPage />, { path: '/roles' });
    expect(await screen.findByRole('heading', { name: 'No roles yet' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Set up your first role' })).toHaveAttribute('href', '/roles/new');
  });

  it('sends someone with no role from the candidates screen to set one up', async () => {
    renderWithDb(<CandidatesPage />, { path: '/candidates' });
    expect(await screen.findByRole('heading', { name: 'Set up a role first' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Add candidate' })).not.toBeInTheDocument();
  });
});

describe('adding a candidate', () => {
  it('preselects the role from the address and opens the candidate page when saved', async () => {
    const user = userEvent.setup();
    const { repos } = renderWithDb(<NewCandidatePage />, { path: '/candidates/new' });
    const role = await repos.roles.create(servingRole);
    window.history.replaceState(null, '', `/candidates/new?role=${role.id}`);
    await user.click(await screen.findByRole('button', { name: 'Add candidate' }));
    expect(await screen.findByText('Name is required.')).toBeInTheDocument();
    expect(screen.getByLabelText('Candidate name')).toHaveFocus();
    await user.type(screen.getByLabelText('Candidate name'), 'Nguyễn Thị Zhōu');
    await user.click(screen.getByRole('button', { name: 'Add candidate' }));
    await waitFor(async () => expect(await repos.candidates.list()).toHaveLength(1));
    const [candidate] = await repos.candidates.list();
    expect(candidate).toMatchObject({ name: 'Nguyễn Thị Zhōu', roleId: role.id });
    expect(window.location.pathname).toBe(`/candidates/${candidate?.id}`);
  });
});

describe('candidate page', () => {
  async function setUp() {
    const user = userEvent.setup();
    const utils = renderWithDb(<Route path="/candidates/:candidateId" component={CandidatePage} />, { path: '/candidates/pending' });
    const role = await utils.repos.roles.create(servingRole);
    const candidate = await utils.repos.candidates.create({ name: 'Ada Byron', roleId: role.id, notes: '' });
    window.history.replaceState(null, '', `/candidates/${candidate.id}`);
    window.dispatchEvent(new PopStateEvent('popstate'));
    await screen.findByRole('heading', { level: 1, name: 'Ada Byron' });
    return { ...utils, user, role, candidate };
  }

  it('plans a loop of one interview per interviewer and lists it', async () => {
    const { user, repos, candidate, role } = await setUp();
    expect(screen.getByText(/No interviews planned yet/)).toBeInTheDocument();
    await user.type(screen.getByLabelText('Interviewer name'), 'Ana Lopez');
    await user.click(screen.getByRole('button', { name: 'Add to loop' }));
    const loop = await screen.findByRole('list', { name: 'Interviews in the loop' });
    expect(within(loop).getByText('Ana Lopez')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByLabelText('Interviewer name')).toHaveFocus());
    expect(screen.getByLabelText('Interviewer name')).toHaveValue('');
    const [interview] = await repos.interviews.listByCandidate(candidate.id);
    expect(interview).toMatchObject({ interviewerName: 'Ana Lopez', roleId: role.id, rubric: role.rubric });
  });

  it('refuses the same interviewer twice, whatever the case or spacing', async () => {
    const { user, repos, candidate } = await setUp();
    await repos.interviews.addToLoop(candidate.id, { interviewerName: 'Ana Lopez', plannedAt: '' });
    await screen.findByRole('list', { name: 'Interviews in the loop' });
    await user.type(screen.getByLabelText('Interviewer name'), '  ANA   lopez ');
    await user.click(screen.getByRole('button', { name: 'Add to loop' }));
    expect(await screen.findByText('This interviewer is already on the loop: one interview per interviewer.')).toBeInTheDocument();
    expect(screen.getByLabelText('Interviewer name')).toHaveAttribute('aria-invalid', 'true');
    expect(await repos.interviews.listByCandidate(candidate.id)).toHaveLength(1);
  });

  it('removes an interview and puts it back with Undo', async () => {
    const { user, repos, candidate } = await setUp();
    await repos.interviews.addToLoop(candidate.id, { interviewerName: 'Ben Okafor', plannedAt: '2026-12-01T10:30' });
    await user.click(await screen.findByRole('button', { name: 'Remove Ben Okafor from the loop' }));
    expect(await screen.findByText(/Ben Okafor was removed from the loop/)).toBeInTheDocument();
    expect(await repos.interviews.listByCandidate(candidate.id)).toHaveLength(0);
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    await waitFor(async () => expect(await repos.interviews.listByCandidate(candidate.id)).toHaveLength(1));
    const [restored] = await repos.interviews.listByCandidate(candidate.id);
    expect(restored).toMatchObject({ interviewerName: 'Ben Okafor', plannedAt: '2026-12-01T10:30' });
  });

  it('says so when the candidate is not on this device', async () => {
    renderWithDb(<Route path="/candidates/:candidateId" component={CandidatePage} />, { path: '/candidates/unknown-id' });
    expect(await screen.findByRole('heading', { name: 'This candidate is not on this device' })).toBeInTheDocument();
  });
});
