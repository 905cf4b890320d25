import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DuePage } from '../../src/features/debrief/due-page';
import { servingRole } from '../fixtures/roles';
import { renderWithDb } from '../helpers/render';

describe('the scorecards due screen', () => {
  it('lists an interviewer far behind a page at a time, and shows the rest on request with focus on the first revealed', async () => {
    const user = userEvent.setup();
    const { repos } = renderWithDb(<DuePage />, { path: '/debrief/due' });
    const role = await repos.roles.create(servingRole);
    for (let i = 1; i <= 60; i++) {
      const candidate = await repos.candidates.create({ name: `Candidate ${String(i).padStart(2, '0')}`, roleId: role.id, notes: '' });
      await repos.interviews.addToLoop(candidate.id, { interviewerName: 'Rafael Costa', plannedAt: '2026-10-30T10:00' });
    }
    await repos.interviews.addToLoop((await repos.candidates.create({ name: 'Priya Raman', roleId: role.id, notes: '' })).id, { interviewerName: 'Ana Lopez', plannedAt: '2026-10-31T10:00' });

    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('61 scorecards due, 61 overdue.'), { timeout: 10_000 });
    const rafael = screen.getByRole('list', { name: 'Due from Rafael Costa' });
    expect(within(rafael).getAllByRole('listitem')).toHaveLength(50);
    expect(screen.getByText('Showing 50 of 60 scorecards due')).toBeInTheDocument();
    expect(within(screen.getByRole('list', { name: 'Due from Ana Lopez' })).getAllByRole('listitem')).toHaveLength(1);

    await user.click(screen.getByRole('button', { name: 'Show 10 more scorecards due' }));
    expect(within(rafael).getAllByRole('listitem')).toHaveLength(60);
    expect(screen.getByText('60 scorecards due')).toBeInTheDocument();
    await waitFor(() => expect(within(rafael).getAllByRole('listitem')[50]?.contains(document.activeElement)).toBe(true));
  }, 30_000);
});
