import { describe, expect, it } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import { Route } from 'wouter';
import type { Repositories } from '../../src/data/repositories';
import { CandidatePage } from '../../src/features/candidates/candidate-page';
import { contentOf } from '../../src/domain/scorecard';
import { servingRole } from '../fixtures/roles';
import { renderWithDb } from '../helpers/render';

async function submit(repos: Repositories, interviewId: string) {
  const card = await repos.scorecards.openForInterview(interviewId);
  const content = contentOf(card);
  content.ratings = content.ratings.map((r) => ({ ...r, level: 3, evidence: 'Paged, traced, rolled back.' }));
  content.recommendation = 'yes';
  await repos.scorecards.submit(card.id, content, card.editVersion);
}

async function openCandidate(prepare: (repos: Repositories, candidateId: string) => Promise<void>) {
  const utils = renderWithDb(<Route path="/candidates/:candidateId" component={CandidatePage} />, { path: '/candidates/pending' });
  const role = await utils.repos.roles.create(servingRole);
  const candidate = await utils.repos.candidates.create({ name: 'Ada Byron', roleId: role.id, notes: '' });
  await prepare(utils.repos, candidate.id);
  window.history.replaceState(null, '', `/candidates/${candidate.id}`);
  window.dispatchEvent(new PopStateEvent('popstate'));
  await screen.findByRole('heading', { level: 1, name: 'Ada Byron' });
  await screen.findByRole('list', { name: 'Interviews in the loop' });
  return { ...utils, candidate };
}

describe('the candidate page’s way to the debrief', { timeout: 20_000 }, () => {
  it('links to the debrief once a scorecard is submitted on this device, counting interviewers once', async () => {
    const { candidate } = await openCandidate(async (repos, id) => {
      const ana = await repos.interviews.addToLoop(id, { interviewerName: 'Ana Lopez', plannedAt: '' });
      await repos.interviews.addToLoop(id, { interviewerName: 'Ben Okafor', plannedAt: '' });
      await submit(repos, ana.id);
      // An amendment is a second revision of the same scorecard, not a second scorecard.
      await repos.scorecards.amend((await repos.scorecards.getByInterview(ana.id))?.id ?? '', 'A typo in the evidence.');
      await submit(repos, ana.id);
    });
    const link = await screen.findByRole('link', { name: 'Open the debrief' });
    expect(link).toHaveAttribute('href', `/candidates/${candidate.id}/debrief`);
    expect(link.closest('p')).toHaveTextContent('1 scorecard submitted on this device.');
  });

  it('offers no debrief while nothing is submitted', async () => {
    await openCandidate(async (repos, id) => {
      const ana = await repos.interviews.addToLoop(id, { interviewerName: 'Ana Lopez', plannedAt: '' });
      await repos.scorecards.openForInterview(ana.id);
    });
    expect(screen.queryByRole('link', { name: 'Open the debrief' })).not.toBeInTheDocument();
  });

  it('offers no debrief to an interviewer of the loop who has not submitted yet', async () => {
    await openCandidate(async (repos, id) => {
      const ana = await repos.interviews.addToLoop(id, { interviewerName: 'Ana Lopez', plannedAt: '' });
      await repos.interviews.addToLoop(id, { interviewerName: 'Ben Okafor', plannedAt: '' });
      await submit(repos, ana.id);
      await repos.settings.setInterviewerName('Ben Okafor');
    });
    await waitFor(() => expect(screen.getByText(/Scoring as/)).toHaveTextContent('Scoring as Ben Okafor.'));
    expect(screen.queryByRole('link', { name: 'Open the debrief' })).not.toBeInTheDocument();
  });
});
