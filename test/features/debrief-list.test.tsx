import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GatherPage } from '../../src/features/debrief/gather-page';
import { servingRole } from '../fixtures/roles';
import { renderWithDb } from '../helpers/render';
import { submitLoop } from '../helpers/decided';

describe('the list of candidates ready for a debrief', () => {
  it('shows the first 50 with the count of all, and Show more reveals the rest with focus on the first new card', async () => {
    const user = userEvent.setup();
    const { repos } = renderWithDb(<GatherPage />, { path: '/debrief' });
    const role = await repos.roles.create(servingRole);
    for (let i = 1; i <= 52; i++) {
      const candidate = await repos.candidates.create({ name: `Gathered Candidate ${String(i).padStart(2, '0')}`, roleId: role.id, notes: '' });
      await repos.interviews.addToLoop(candidate.id, { interviewerName: 'Karel Dvořák', plannedAt: '' });
      await submitLoop(repos, candidate.id);
    }
    // Planned but nothing submitted: not ready, so not counted.
    const waiting = await repos.candidates.create({ name: 'Ana Lopez', roleId: role.id, notes: '' });
    await repos.interviews.addToLoop(waiting.id, { interviewerName: 'Karel Dvořák', plannedAt: '' });

    expect(await screen.findByText('Showing 50 of 52 candidates')).toBeInTheDocument();
    const list = screen.getByRole('list', { name: 'Candidates ready for a debrief' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(50);
    expect(within(list).getAllByRole('listitem')[0]).toHaveTextContent(`${role.title} · 1 scorecard gathered · No decision yet`);
    await user.click(screen.getByRole('button', { name: 'Show 2 more candidates' }));
    expect(await screen.findByText('52 candidates')).toBeInTheDocument();
    const cards = within(list).getAllByRole('listitem');
    expect(cards).toHaveLength(52);
    await waitFor(() => expect(within(cards[50] as HTMLElement).getByRole('link')).toHaveFocus());
    expect(within(list).queryByRole('link', { name: 'Ana Lopez' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Show \d+ more/ })).not.toBeInTheDocument();
  });
});
