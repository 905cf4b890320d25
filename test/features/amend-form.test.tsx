import { describe, expect, it } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route } from 'wouter';
import { InterviewPage } from '../../src/features/interview/interview-page';
import { contentOf } from '../../src/domain/scorecard';
import { servingRole } from '../fixtures/roles';
import { renderWithDb } from '../helpers/render';

/** Ana's scorecard, submitted, open at the amend form. */
async function openAmendForm() {
  const user = userEvent.setup();
  const { repos } = renderWithDb(<Route path="/interviews/:interviewId" component={InterviewPage} />, { path: '/interviews/pending' });
  const role = await repos.roles.create(servingRole);
  const candidate = await repos.candidates.create({ name: 'Zofia Łukasiewicz', roleId: role.id, notes: '' });
  const ana = await repos.interviews.addToLoop(candidate.id, { interviewerName: 'Ana Lopez', plannedAt: '' });
  await repos.settings.setInterviewerName('Ana Lopez');
  const draft = await repos.scorecards.openForInterview(ana.id);
  const content = contentOf(draft);
  content.ratings = content.ratings.map((r) => ({ ...r, level: 3, evidence: 'x' }));
  content.recommendation = 'yes';
  const submitted = await repos.scorecards.submit(draft.id, content, draft.editVersion);
  window.history.replaceState(null, '', `/interviews/${ana.id}`);
  window.dispatchEvent(new PopStateEvent('popstate'));
  await user.click(await screen.findByRole('button', { name: 'Amend' }));
  return { user, repos, submitted, reason: screen.getByLabelText('Why are you amending it?') };
}

describe('amend reason form', () => {
  it('shows a blank reason under the field, marks it invalid, focuses it, and keeps the scorecard locked', async () => {
    const { user, repos, submitted, reason } = await openAmendForm();
    await user.type(reason, '   ');
    await user.click(screen.getByRole('button', { name: 'Start revision 2' }));

    await waitFor(() => expect(reason).toHaveFocus());
    expect(reason).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByText('Say why you are amending a submitted scorecard.')).toBeVisible();
    expect(reason).toHaveAccessibleDescription(expect.stringContaining('Say why you are amending a submitted scorecard.'));
    expect(reason).toHaveAccessibleDescription(expect.stringContaining('Revision 1 stays as it was submitted'));
    expect((await repos.scorecards.get(submitted.id))?.status).toBe('submitted');
  });

  it('clears the message once a reason is typed, and records the reason trimmed', async () => {
    const { user, repos, submitted, reason } = await openAmendForm();
    await user.click(screen.getByRole('button', { name: 'Start revision 2' }));
    await waitFor(() => expect(reason).toHaveAttribute('aria-invalid', 'true'));
    await user.type(reason, '  Misheard the rollback time.  ');
    expect(reason).not.toHaveAttribute('aria-invalid');
    expect(screen.queryByText('Say why you are amending a submitted scorecard.')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Start revision 2' }));
    expect(await screen.findByText(/amending revision 1/)).toBeInTheDocument();
    expect(await repos.scorecards.get(submitted.id)).toMatchObject({ status: 'draft', revision: 2, amendReason: 'Misheard the rollback time.' });
  });
});
