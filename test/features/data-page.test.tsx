import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DataPage } from '../../src/features/data/data-page';
import { createRepositories } from '../../src/data/repositories';
import { contentOf } from '../../src/domain/scorecard';
import { servingRole } from '../fixtures/roles';
import { renderWithDb } from '../helpers/render';
import rubricV1 from '../fixtures/rubric-v1.loopcard-rubric.json?raw';
import loopV4 from '../fixtures/loop-v4.loopcard.json?raw';

async function decidedCandidate(repos: ReturnType<typeof createRepositories>, name: string, roleId: string) {
  const candidate = await repos.candidates.create({ name, roleId, notes: '' });
  const interview = await repos.interviews.addToLoop(candidate.id, { interviewerName: 'Ana Lopez', plannedAt: '' });
  const card = await repos.scorecards.openForInterview(interview.id);
  const content = contentOf(card);
  content.ratings = content.ratings.map((r) => ({ ...r, level: 3, evidence: 'ok' }));
  content.recommendation = 'yes';
  await repos.scorecards.submit(card.id, content, card.editVersion);
  await repos.debriefs.saveConsensus(candidate.id, content.ratings.map((r) => ({ dimensionKey: r.dimensionKey, level: 3, rationale: '' })));
  await repos.debriefs.recordDecision(candidate.id, { decision: 'no-hire', decisionRationale: 'Weighed every scorecard and the consensus together; the reasons were talked through in the debrief.', decidedBy: 'Dana', nextStep: 'Thank them' });
  return candidate;
}

describe('data screen', () => {
  it('previews which decided candidates are past retention, removes only them, and keeps the rest', async () => {
    const user = userEvent.setup();
    const { db, repos } = renderWithDb(<DataPage />, { path: '/data' });
    const role = await repos.roles.create(servingRole);
    let seq = 0;
    const past = createRepositories(db, { now: () => new Date('2025-06-01T09:00:00Z'), newId: () => `old-${++seq}` });
    const old = await decidedCandidate(past, 'Old Decision', role.id);
    const recent = await decidedCandidate(repos, 'Recent Decision', role.id);
    await repos.candidates.create({ name: 'Undecided', roleId: role.id, notes: '' });

    await user.clear(await screen.findByLabelText('Keep for (days after the decision)'));
    await user.type(screen.getByLabelText('Keep for (days after the decision)'), '90');
    await user.click(screen.getByRole('button', { name: 'Preview who is past it' }));
    const preview = await screen.findByRole('region', { name: 'Retention preview' });
    expect(within(preview).getByText(/Old Decision — No hire, decided \d+ days ago/)).toBeInTheDocument();
    expect(within(preview).queryByText(/Recent Decision|Undecided/)).not.toBeInTheDocument();
    expect(await repos.candidates.list()).toHaveLength(3);

    await user.click(within(preview).getByRole('button', { name: 'Remove these 1 candidate and everything about them' }));
    expect(await screen.findByText(/Removed 1 candidate\./)).toBeInTheDocument();
    const left = (await repos.candidates.list()).map((c) => c.name).sort();
    expect(left).toEqual(['Recent Decision', 'Undecided']);
    expect(await repos.candidates.get(old.id)).toBeUndefined();
    expect(await repos.candidates.get(recent.id)).toBeDefined();
  });

  it('refuses a retention period that is too short, at once and in plain words', async () => {
    const user = userEvent.setup();
    renderWithDb(<DataPage />, { path: '/data' });
    await user.clear(await screen.findByLabelText('Keep for (days after the decision)'));
    await user.type(screen.getByLabelText('Keep for (days after the decision)'), '7');
    await user.click(screen.getByRole('checkbox', { name: 'Remove decided candidates by age' }));
    await user.click(screen.getByRole('button', { name: 'Save retention' }));
    expect(await screen.findByText('Keep decided candidates for at least 30 days.')).toBeInTheDocument();
  });

  it('shows what is stored and that no backup has been made yet', async () => {
    const { repos } = renderWithDb(<DataPage />, { path: '/data' });
    await repos.roles.create(servingRole);
    await waitFor(() => expect(screen.getByText('Roles').nextElementSibling).toHaveTextContent('1'));
    expect(await screen.findByText(/Last backup: never on this device/)).toBeInTheDocument();
  });

  it('imports a rubric file under Rubric files, and turns away a loop file with where it goes', async () => {
    const user = userEvent.setup();
    const { repos } = renderWithDb(<DataPage />, { path: '/data' });
    const section = await screen.findByRole('region', { name: 'Rubric files' });
    await user.upload(within(section).getByLabelText('Rubric file'), new File([rubricV1], 'team-incident-review-v2.loopcard-rubric.json', { type: 'application/json' }));
    expect(await within(section).findByRole('status')).toHaveTextContent('Rubric “Team incident review”, version 2, added.');
    expect((await repos.rubrics.listVersions('production-incident-review')).map((r) => r.version).sort()).toEqual([1, 2]);

    await user.upload(within(section).getByLabelText('Rubric file'), new File([loopV4], 'priya-raman-loop.loopcard.json', { type: 'application/json' }));
    const refusal = await within(section).findByRole('alert');
    expect(refusal).toHaveTextContent('priya-raman-loop.loopcard.json was not imported');
    expect(refusal).toHaveTextContent('This is a Loopcard loop file, not a rubric file. Open it from Candidates → Open a loop file, or drop it under Debrief.');
    expect(await repos.candidates.list()).toEqual([]);
  });
});
