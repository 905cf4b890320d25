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

describe('a long candidates list', () => {
  /** 60 candidates for the serving role and 3 for the pipelines role, the list open on every role. */
  async function setUp() {
    const user = userEvent.setup();
    const utils = renderWithDb(<CandidatesPage />, { path: '/candidates' });
    const serving = await utils.repos.roles.create(servingRole);
    const pipelines = await utils.repos.roles.create({ ...servingRole, title: 'Staff MLOps Engineer, Pipelines' });
    for (let i = 1; i <= 60; i++) {
      await utils.repos.candidates.create({ name: `Serving Candidate ${String(i).padStart(2, '0')}`, roleId: serving.id, notes: '' });
    }
    for (const name of ['Jonas Weiß', 'Zoë Adams', 'Ana Lopez']) {
      await utils.repos.candidates.create({ name, roleId: pipelines.id, notes: '' });
    }
    await screen.findByText('Showing 50 of 63 candidates');
    const list = screen.getByRole('list', { name: 'Candidates' });
    return { ...utils, user, serving, pipelines, list };
  }

  it('shows the first 50 with the count of all, and Show more reveals the rest with focus on the first new card', async () => {
    const { user, list } = await setUp();
    expect(within(list).getAllByRole('listitem')).toHaveLength(50);
    await user.click(screen.getByRole('button', { name: 'Show 13 more candidates' }));
    expect(await screen.findByText('63 candidates')).toBeInTheDocument();
    const cards = within(list).getAllByRole('listitem');
    expect(cards).toHaveLength(63);
    await waitFor(() => expect(within(cards[50] as HTMLElement).getByRole('link')).toHaveFocus());
    expect(screen.queryByRole('button', { name: /Show \d+ more/ })).not.toBeInTheDocument();
  });

  it('filters by role over every candidate, not only the ones shown, and starts the list again', async () => {
    const { user, list, pipelines } = await setUp();
    await user.click(screen.getByRole('button', { name: 'Show 13 more candidates' }));
    await screen.findByText('63 candidates');
    await user.selectOptions(screen.getByLabelText('Show candidates for'), pipelines.id);
    expect(await screen.findByText('3 candidates')).toBeInTheDocument();
    expect(within(list).getAllByRole('link').map((a) => a.textContent).sort()).toEqual(['Ana Lopez', 'Jonas Weiß', 'Zoë Adams']);
    await user.selectOptions(screen.getByLabelText('Show candidates for'), '');
    expect(await screen.findByText('Showing 50 of 63 candidates')).toBeInTheDocument();
    expect(within(list).getAllByRole('listitem')).toHaveLength(50);
  });

  it('finds candidates by any part of the name, whatever the case, and says when none matches', async () => {
    const { user, list } = await setUp();
    const search = screen.getByLabelText('Find by name');
    await user.type(search, 'WEISS');
    expect(await screen.findByText('1 candidate')).toBeInTheDocument();
    expect(within(list).getByRole('link')).toHaveTextContent('Jonas Weiß');
    await user.clear(search);
    await user.type(search, 'candidate 5');
    expect(await screen.findByText('10 candidates')).toBeInTheDocument();
    await user.clear(search);
    // Accents are kept: Zoe is not Zoë.
    await user.type(search, 'zoe');
    expect(await screen.findByRole('heading', { name: 'No candidate matches' })).toBeInTheDocument();
    expect(screen.queryByRole('list', { name: 'Candidates' })).not.toBeInTheDocument();
    await user.clear(search);
    await user.type(search, '   ');
    expect(await screen.findByText('Showing 50 of 63 candidates')).toBeInTheDocument();
  });
});
