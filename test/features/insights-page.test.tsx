import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { InsightsPage } from '../../src/features/insights/insights-page';
import { servingRole } from '../fixtures/roles';
import { renderWithDb } from '../helpers/render';
import { scoredLoop } from '../helpers/insights-panel';

const TABLE = 'Production incident review · version 1';

describe('the Insights screen', () => {
  it('opens on the role with the most submitted scorecards, and moves to another by keyboard', async () => {
    const user = userEvent.setup();
    const { repos } = renderWithDb(<InsightsPage />, { path: '/insights' });
    const serving = await repos.roles.create(servingRole);
    const pipeline = await repos.roles.create({ ...servingRole, title: 'Pipeline owner' });
    for (const [i, level] of ([1, 2, 3, 1] as const).entries()) await scoredLoop(repos, serving.id, `Candidate ${i + 1}`, level);
    await scoredLoop(repos, pipeline.id, 'Ada Byron', 2);

    // The screen follows the database as the scorecards arrive; wait for the last of them.
    expect(await screen.findByRole('status', {}, { timeout: 5_000 })).toHaveTextContent('submitted scorecards');
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('12 submitted scorecards for Senior MLOps Engineer, Serving, on 1 rubric.'), { timeout: 5_000 });
    // The other role's count can arrive a query later than the chosen role's.
    await waitFor(() => expect(screen.getByRole('option', { name: 'Pipeline owner (3 scorecards)' })).toBeInTheDocument(), { timeout: 5_000 });
    expect(screen.getByRole('combobox', { name: 'Role' })).toHaveDisplayValue('Senior MLOps Engineer, Serving (12 scorecards)');
    const agreement = screen.getByRole('table', { name: `Agreement by dimension: ${TABLE}` });
    const trigger = within(agreement).getByRole('row', { name: /^Trigger/ });
    expect(within(trigger).getAllByRole('cell').map((c) => c.textContent)).toEqual(['0.66 not reliable enough to compare candidates', '4', '12']);
    const calibration = screen.getByRole('table', { name: `Calibration by interviewer: ${TABLE}` });
    const linh = within(calibration).getByRole('row', { name: /^Linh Nguyễn/ });
    expect(within(linh).getAllByRole('cell').map((c) => c.textContent)).toEqual([
      '20',
      '+0.60',
      'lenient',
      'Scores +0.60 levels above colleagues on the same answers, on average over 20 levels: more lenient.',
    ]);
    expect(within(calibration).getByRole('row', { name: /^Ana Lopez/ })).toHaveTextContent('\u22120.30');
    expect(screen.getByRole('heading', { level: 2, name: 'What the numbers can and cannot say' })).toBeVisible();

    // The role is a labelled select reached with Tab; one loop there is not enough for a figure.
    await user.tab();
    expect(screen.getByRole('combobox', { name: 'Role' })).toHaveFocus();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Role' }), 'Pipeline owner (3 scorecards)');
    await screen.findByText('3 submitted scorecards for Pipeline owner, on 1 rubric.', {}, { timeout: 5_000 });
    const thin = screen.getByRole('table', { name: `Agreement by dimension: ${TABLE}` });
    expect(within(thin).getByRole('row', { name: /^Trigger/ })).toHaveTextContent(/Not enough data: 1 loop and 3 pairable levels/);
    expect(within(screen.getByRole('table', { name: `Calibration by interviewer: ${TABLE}` })).getAllByText('not enough data')).toHaveLength(3);
    expect(document.body.textContent).not.toMatch(/NaN|Infinity/);
  });

  it('says what to do when there is nothing submitted yet', async () => {
    renderWithDb(<InsightsPage />, { path: '/insights' });
    expect(await screen.findByRole('heading', { level: 2, name: 'No submitted scorecards yet' }, { timeout: 5_000 })).toBeVisible();
    expect(screen.queryByRole('combobox')).toBeNull();
  });
});
