import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route } from 'wouter';
import { CandidatePage } from '../../src/features/candidates/candidate-page';
import { CandidatesPage } from '../../src/features/candidates/candidates-page';
import { RolesPage } from '../../src/features/roles/roles-page';
import type { Decision } from '../../src/domain/debrief';
import { servingRole } from '../fixtures/roles';
import { renderWithDb } from '../helpers/render';
import { candidateThroughDebrief } from '../helpers/decided';

/** The candidate page of a candidate whose loop is scored, decided as given (the clock reads 2026-11-02). */
async function candidatePage(decision?: Decision) {
  const user = userEvent.setup();
  const utils = renderWithDb(<Route path="/candidates/:candidateId" component={CandidatePage} />, { path: '/candidates/pending' });
  const role = await utils.repos.roles.create(servingRole);
  const candidate = await candidateThroughDebrief(utils.repos, role.id, 'Linh Nguyễn', decision);
  window.history.replaceState(null, '', `/candidates/${candidate.id}`);
  window.dispatchEvent(new PopStateEvent('popstate'));
  await screen.findByRole('heading', { level: 1, name: 'Linh Nguyễn' });
  return { ...utils, user, role, candidate };
}

const stageSection = () => screen.getByRole('region', { name: 'Stage' });

describe('the candidate page’s stage and offer', () => {
  it('records an accepted offer after a Hire decision, says the search closed, and undoes it', async () => {
    const { user, repos, candidate } = await candidatePage('hire');
    const stage = await screen.findByRole('region', { name: 'Stage' });
    expect(within(stage).getByText('Decided: hire')).toBeInTheDocument();
    const answer = within(stage).getByRole('group', { name: 'The candidate’s answer to the offer' });
    expect(within(answer).getByRole('button', { name: 'Offer accepted' })).toHaveAttribute('aria-pressed', 'false');

    await user.click(within(answer).getByRole('button', { name: 'Offer accepted' }));
    expect(await within(stage).findByText(/Offer accepted: recorded\. The role’s search is closed\./)).toBeInTheDocument();
    expect(await within(stage).findByText('Offer accepted', { selector: '.stage-badge' })).toBeInTheDocument();
    expect(within(answer).getByRole('button', { name: 'Offer accepted' })).toHaveAttribute('aria-pressed', 'true');
    expect(within(stage).getByText(/Role search: Closed in 5 weeks — within the 4–7 week window, 1 week before the 6-week target\./)).toBeInTheDocument();
    expect((await repos.debriefs.getByCandidate(candidate.id))?.offer).toEqual({ outcome: 'accepted', recordedAt: '2026-11-02T09:00:00.000Z' });

    await user.click(within(stage).getByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(within(stageSection()).getByText('Decided: hire')).toBeInTheDocument());
    expect((await repos.debriefs.getByCandidate(candidate.id))?.offer).toBeNull();
  });

  it('changes a declined offer to accepted, and clears it', async () => {
    const { user, repos, candidate } = await candidatePage('hire');
    const stage = await screen.findByRole('region', { name: 'Stage' });
    await user.click(await within(stage).findByRole('button', { name: 'Offer declined' }));
    expect(await within(stage).findByText('Offer declined', { selector: '.stage-badge' })).toBeInTheDocument();
    await user.click(within(stage).getByRole('button', { name: 'Offer accepted' }));
    expect(await within(stage).findByText('Offer accepted', { selector: '.stage-badge' })).toBeInTheDocument();
    await user.click(within(stage).getByRole('button', { name: 'Clear the offer' }));
    expect(await within(stage).findByText(/The offer was cleared\. The role’s search is open again\./)).toBeInTheDocument();
    expect((await repos.debriefs.getByCandidate(candidate.id))?.offer).toBeNull();
  });

  it('refuses a second accepted offer for the role, with the reason, and records nothing', async () => {
    const { user, repos, role, candidate } = await candidatePage('hire');
    const first = await candidateThroughDebrief(repos, role.id, 'Karim Haddad', 'hire');
    await repos.debriefs.recordOffer(first.id, 'accepted');
    const stage = await screen.findByRole('region', { name: 'Stage' });
    expect(await within(stage).findByText(/Karim Haddad accepted the offer that closed it\./)).toBeInTheDocument();
    await user.click(within(stage).getByRole('button', { name: 'Offer accepted' }));
    const alert = await within(stage).findByRole('alert');
    expect(alert).toHaveTextContent('The offer was not recorded');
    expect(alert).toHaveTextContent('This role’s search already closed on 2026-11-02, when Karim Haddad accepted an offer, and a role closes once.');
    expect((await repos.debriefs.getByCandidate(candidate.id))?.offer).toBeUndefined();
  });

  it('offers no offer actions for “no hire”, and says why', async () => {
    await candidatePage('no-hire');
    const stage = await screen.findByRole('region', { name: 'Stage' });
    expect(await within(stage).findByText('Decided: no hire')).toBeInTheDocument();
    expect(within(stage).getByText('An offer follows a Hire decision; this candidate’s decision is No hire.')).toBeInTheDocument();
    expect(within(stage).queryByRole('button', { name: 'Offer accepted' })).not.toBeInTheDocument();
  });

  it('shows “ready for debrief” before any decision, with no offer actions', async () => {
    await candidatePage();
    const stage = await screen.findByRole('region', { name: 'Stage' });
    expect(await within(stage).findByText('Ready for debrief')).toBeInTheDocument();
    expect(within(stage).queryByRole('group')).not.toBeInTheDocument();
  });
});

describe('the lists', () => {
  it('separate open and closed searches on the roles list, each with its clock', async () => {
    const { repos } = renderWithDb(<RolesPage />, { path: '/roles' });
    const open = await repos.roles.create({ ...servingRole, title: 'MLOps Engineer, Pipelines', openedOn: '2026-10-19' });
    const closing = await repos.roles.create(servingRole);
    const hired = await candidateThroughDebrief(repos, closing.id, 'Linh Nguyễn', 'hire');
    await repos.debriefs.recordOffer(hired.id, 'accepted');
    const openList = await screen.findByRole('list', { name: 'Open searches' });
    const closedList = await screen.findByRole('list', { name: 'Closed searches' });
    expect(within(openList).getByRole('heading', { level: 3, name: open.title })).toBeInTheDocument();
    expect(within(openList).getByText(/Week 3 of 6 · open 14 days/)).toBeInTheDocument();
    expect(within(closedList).getByRole('heading', { level: 3, name: closing.title })).toBeInTheDocument();
    expect(within(closedList).getByText(/Closed in 5 weeks — within the 4–7 week window, 1 week before the 6-week target\./)).toBeInTheDocument();
    expect(screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)).toEqual(['Open searches', 'Closed searches']);
  });

  it('show each candidate’s stage on the candidates list', async () => {
    const { repos } = renderWithDb(<CandidatesPage />, { path: '/candidates' });
    const role = await repos.roles.create(servingRole);
    await candidateThroughDebrief(repos, role.id, 'Linh Nguyễn', 'more-signal');
    const planned = await repos.candidates.create({ name: 'Ada Byron', roleId: role.id, notes: '' });
    await repos.interviews.addToLoop(planned.id, { interviewerName: 'Ana Lopez', plannedAt: '2026-12-01T10:00' });
    await repos.candidates.create({ name: 'Priya Raman', roleId: role.id, notes: '' });
    const list = await screen.findByRole('list', { name: 'Candidates' });
    const card = (name: string) => within(list).getByRole('link', { name }).closest('li') as HTMLElement;
    await waitFor(() => expect(card('Linh Nguyễn')).toHaveTextContent('Stage: Decided: more signal'));
    await waitFor(() => expect(card('Ada Byron')).toHaveTextContent('Stage: Loop planned'));
    await waitFor(() => expect(card('Priya Raman')).toHaveTextContent('Stage: No loop planned'));
  });
});
