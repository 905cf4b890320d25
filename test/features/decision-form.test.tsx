import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route } from 'wouter';
import { DebriefPage } from '../../src/features/debrief/debrief-page';
import { contentOf } from '../../src/domain/scorecard';
import { servingRole } from '../fixtures/roles';
import { renderWithDb } from '../helpers/render';

/**
 * A candidate with one submitted scorecard (level 3 everywhere), open at the debrief; with
 * `consensus`, that consensus level per dimension is already saved.
 */
async function openDebrief({ consensus, reasons = false }: { consensus?: (key: string) => 1 | 2 | 3 | 4; reasons?: boolean } = {}) {
  const user = userEvent.setup();
  const { repos } = renderWithDb(<Route path="/candidates/:candidateId/debrief" component={DebriefPage} />, { path: '/candidates/pending/debrief' });
  const role = await repos.roles.create(servingRole);
  const candidate = await repos.candidates.create({ name: 'Priya Raman', roleId: role.id, notes: '' });
  const interview = await repos.interviews.addToLoop(candidate.id, { interviewerName: 'Ana Lopez', plannedAt: '' });
  const card = await repos.scorecards.openForInterview(interview.id);
  const content = contentOf(card);
  content.ratings = content.ratings.map((r) => ({ ...r, level: 3, evidence: 'ok' }));
  content.recommendation = 'yes';
  await repos.scorecards.submit(card.id, content, card.editVersion);
  if (consensus) await repos.debriefs.saveConsensus(candidate.id, content.ratings.map((r) => ({ dimensionKey: r.dimensionKey, level: consensus(r.dimensionKey), rationale: reasons ? 'The panel talked it through.' : '' })));
  window.history.replaceState(null, '', `/candidates/${candidate.id}/debrief`);
  window.dispatchEvent(new PopStateEvent('popstate'));
  await screen.findByRole('heading', { level: 2, name: 'Decision' });
  return { user, repos, candidate };
}

// The debrief screen is the heaviest in the app (panel matrix, PDF font coverage): give it room on a busy machine.
describe('decision form', { timeout: 15_000 }, () => {
  it('shows what the decision lacks under each field, marks them invalid, focuses the decision, and records nothing', async () => {
    const { user, repos, candidate } = await openDebrief({ consensus: () => 3 });
    await user.click(screen.getByRole('button', { name: 'Record decision' }));

    const firstChoice = screen.getByRole('radio', { name: 'Hire' });
    await waitFor(() => expect(firstChoice).toHaveFocus());
    const decision = screen.getByRole('group', { name: 'Decision' });
    expect(decision).toHaveAttribute('aria-invalid', 'true');
    expect(decision).toHaveAccessibleDescription('Choose the decision.');
    const rationale = screen.getByLabelText('Rationale for the decision');
    expect(rationale).toHaveAttribute('aria-invalid', 'true');
    expect(rationale).toHaveAccessibleDescription('Why, in a few sentences. 0 of 5,000 characters. Say why this decision was taken.');
    const decidedBy = screen.getByLabelText('Decision-maker');
    expect(decidedBy).toHaveAttribute('aria-invalid', 'true');
    expect(decidedBy).toHaveAccessibleDescription('Name the decision-maker.');
    const nextStep = screen.getByLabelText('Next step');
    expect(nextStep).toHaveAttribute('aria-invalid', 'true');
    expect(nextStep).toHaveAccessibleDescription('Say what happens next.');
    const summary = screen.getByRole('alert');
    expect(within(summary).getByText('Before the decision is recorded:')).toBeVisible();
    expect(within(summary).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Choose the decision.', 'Say why this decision was taken.', 'Name the decision-maker.', 'Say what happens next.']);
    expect((await repos.debriefs.getByCandidate(candidate.id))?.decision ?? null).toBeNull();
  });

  it('treats a blank decision-maker as missing and focuses it when it is the first thing wrong', async () => {
    const { user, repos, candidate } = await openDebrief({ consensus: () => 3 });
    await user.click(screen.getByRole('radio', { name: 'Hire' }));
    await user.type(screen.getByLabelText('Rationale for the decision'), 'Solid on every dimension.');
    await user.type(screen.getByLabelText('Decision-maker'), '   ');
    await user.type(screen.getByLabelText('Next step'), 'Offer call on Monday.');
    await user.click(screen.getByRole('button', { name: 'Record decision' }));

    const decidedBy = screen.getByLabelText('Decision-maker');
    await waitFor(() => expect(decidedBy).toHaveFocus());
    expect(decidedBy).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByRole('group', { name: 'Decision' })).not.toHaveAttribute('aria-invalid');
    expect(screen.getByLabelText('Next step')).not.toHaveAttribute('aria-invalid');
    expect((await repos.debriefs.getByCandidate(candidate.id))?.decision ?? null).toBeNull();
  });

  it('lists the missing consensus with the decision, and focuses the first missing consensus level above it', async () => {
    const { user } = await openDebrief();
    await user.click(screen.getByRole('button', { name: 'Record decision' }));

    const trigger = screen.getByRole('group', { name: /^Trigger/ });
    await waitFor(() => expect(within(trigger).getAllByRole('radio')[0]).toHaveFocus());
    expect(trigger).toHaveAttribute('aria-invalid', 'true');
    const items = within(screen.getByRole('alert')).getAllByRole('listitem').map((li) => li.textContent);
    expect(items[0]).toBe('Trigger: record the panel’s consensus level.');
    expect(items.slice(-4)).toEqual(['Choose the decision.', 'Say why this decision was taken.', 'Name the decision-maker.', 'Say what happens next.']);
  });

  it('puts a departure without its rationale, refused by the repository, under the rationale and focuses it', async () => {
    const { user, repos, candidate } = await openDebrief({ consensus: (key) => (key === 'rollback' ? 1 : 3) });
    await user.click(screen.getByRole('radio', { name: 'More signal needed' }));
    await user.type(screen.getByLabelText('Rationale for the decision'), 'One interview is not enough to decide.');
    await user.type(screen.getByLabelText('Decision-maker'), 'Dana');
    await user.type(screen.getByLabelText('Next step'), 'Thank them.');
    await user.click(screen.getByRole('button', { name: 'Record decision' }));

    const rationale = screen.getByLabelText(/Rationale for Rollback/);
    await waitFor(() => expect(rationale).toHaveFocus());
    expect(rationale).toHaveAttribute('aria-invalid', 'true');
    expect(rationale).toHaveAccessibleDescription('Rollback: the consensus departs from the panel median, so say why.');
    expect((await repos.debriefs.getByCandidate(candidate.id))?.decision ?? null).toBeNull();

    await user.type(rationale, 'Heard the rollback twice.');
    await user.click(screen.getByRole('button', { name: 'Record decision' }));
    expect(await screen.findByText('Decision recorded: More signal needed')).toBeInTheDocument();
    expect(await repos.debriefs.getByCandidate(candidate.id)).toMatchObject({ decision: 'more-signal', decisionRationale: 'One interview is not enough to decide.', decidedBy: 'Dana', nextStep: 'Thank them.' });
  });

  it('says what a decision goes against before its rationale, and asks for a longer why, all by keyboard', async () => {
    const { user, repos, candidate } = await openDebrief({ consensus: (key) => (key === 'rollback' ? 2 : 3), reasons: true });
    expect(screen.queryByText('This decision goes against the panel')).not.toBeInTheDocument();
    screen.getByRole('button', { name: 'Save consensus' }).focus();
    await user.tab();
    expect(screen.getByRole('radio', { name: 'Hire' })).toHaveFocus();
    await user.keyboard(' ');
    expect(screen.getByRole('radio', { name: 'Hire' })).toBeChecked();

    const against = screen.getByText('This decision goes against the panel').closest('.notice') as HTMLElement;
    expect(within(against).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Rollback’s consensus is 2 · Partial.']);
    expect(against).toHaveTextContent('The rationale must say why, in at least 80 characters.');
    const rationale = screen.getByLabelText('Rationale for the decision');
    // The notice comes before the field, and the field points to it.
    expect(against.compareDocumentPosition(rationale) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(rationale).toHaveAccessibleDescription(/Rollback’s consensus is 2 · Partial\..*0 of 5,000 characters \(at least 80\)\./);

    // Arrow keys move the decision: a no hire against a panel that said yes goes against its majority.
    await user.keyboard('{ArrowRight}');
    expect(screen.getByRole('radio', { name: 'No hire' })).toBeChecked();
    expect(within(screen.getByText('This decision goes against the panel').closest('.notice') as HTMLElement).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      '1 of 1 interviewer recommended Yes.',
    ]);
    await user.keyboard('{ArrowLeft}');

    await user.tab();
    expect(rationale).toHaveFocus();
    await user.keyboard('Coachable.');
    expect(rationale).toHaveAccessibleDescription(/10 of 5,000 characters \(at least 80\)\./);
    await user.tab();
    await user.keyboard('Dana Whitfield');
    await user.tab();
    await user.keyboard('Offer call on Monday.{Enter}');

    await waitFor(() => expect(rationale).toHaveFocus());
    expect(rationale).toHaveAttribute('aria-invalid', 'true');
    expect(rationale).toHaveAccessibleDescription(/This decision goes against the panel: say why in the rationale, in at least 80 characters \(now 10\)\.$/);
    expect((await repos.debriefs.getByCandidate(candidate.id))?.decision ?? null).toBeNull();

    await user.keyboard(' The rollback was manual, but she owned it end to end and named the registry pin she would add.');
    await user.tab();
    await user.tab();
    await user.tab();
    expect(screen.getByRole('button', { name: 'Record decision' })).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(await screen.findByText('Decision recorded: Hire', {}, { timeout: 5_000 })).toBeInTheDocument();
    expect((await repos.debriefs.getByCandidate(candidate.id))?.decisionRationale).toBe('Coachable. The rollback was manual, but she owned it end to end and named the registry pin she would add.');
  });

  it('refuses a rationale of 20,000 characters at the field, naming the limit, and records nothing', async () => {
    const { user, repos, candidate } = await openDebrief({ consensus: () => 3 });
    await user.click(screen.getByRole('radio', { name: 'Hire' }));
    await user.click(screen.getByLabelText('Rationale for the decision'));
    await user.paste('x'.repeat(20_000));
    await user.type(screen.getByLabelText('Decision-maker'), 'Dana');
    await user.type(screen.getByLabelText('Next step'), 'Offer call.');
    await user.click(screen.getByRole('button', { name: 'Record decision' }));

    const rationale = screen.getByLabelText('Rationale for the decision');
    await waitFor(() => expect(rationale).toHaveFocus());
    expect(rationale).toHaveAttribute('aria-invalid', 'true');
    expect(rationale).toHaveAccessibleDescription('Why, in a few sentences. 20,000 of 5,000 characters. The rationale must be at most 5,000 characters.');
    expect(within(screen.getByRole('alert')).getByText('The rationale must be at most 5,000 characters.')).toBeVisible();
    expect((await repos.debriefs.getByCandidate(candidate.id))?.decision ?? null).toBeNull();
  });
});
