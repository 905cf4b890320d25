import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route } from 'wouter';
import { DebriefPage } from '../../src/features/debrief/debrief-page';
import { ML_SYSTEM_DESIGN_RUBRIC } from '../../src/domain/builtin-rubric-library';
import { renderWithDb } from '../helpers/render';
import { scoreThreeRubricPanel } from '../helpers/three-rubric-panel';

const PANEL = [
  { name: 'Ana Lopez', levels: [3, 3, 3, 2, 3], recommendation: 'yes' },
  { name: 'Ben Okafor', levels: [2, 3, 3, 3, 3], recommendation: 'strong-yes', redFlag: 'no-numbers' },
  { name: 'Chen Wei', levels: [3, 3, 3, 3, 3], recommendation: 'no' },
] as const;

async function openThreeRubricDebrief() {
  const user = userEvent.setup();
  const { repos } = renderWithDb(<Route path="/candidates/:candidateId/debrief" component={DebriefPage} />, { path: '/candidates/pending/debrief' });
  const { candidate } = await scoreThreeRubricPanel(repos, PANEL);
  window.history.replaceState(null, '', `/candidates/${candidate.id}/debrief`);
  window.dispatchEvent(new PopStateEvent('popstate'));
  await screen.findByRole('heading', { level: 2, name: 'Decision' });
  return { user, repos, candidate };
}

/** Sets every consensus level of the page to 3 · Solid, by keyboard-reachable radios. */
async function chooseSolidEverywhere(user: ReturnType<typeof userEvent.setup>) {
  for (const group of screen.getAllByRole('group').filter((g) => g.id.startsWith('consensus-'))) {
    await user.click(within(group).getByRole('radio', { name: '3 · Solid' }));
  }
}

// The debrief screen is the heaviest in the app: give it room on a busy machine.
describe('the debrief of a loop on three rubrics', { timeout: 30_000 }, () => {
  it('shows one matrix per rubric, headed with its version and who scored on it, never one merged matrix', async () => {
    await openThreeRubricDebrief();
    expect(screen.getByRole('heading', { level: 3, name: 'Production incident review · version 1 — scored by Ana Lopez' })).toBeVisible();
    expect(screen.getByRole('heading', { level: 3, name: 'ML system design · version 1 — scored by Ben Okafor' })).toBeVisible();
    expect(screen.getByRole('heading', { level: 3, name: 'Rollback scenario · version 1 — scored by Chen Wei' })).toBeVisible();

    const design = screen.getByRole('table', { name: 'Levels by interviewer and dimension: ML system design · version 1' });
    expect(within(design).getAllByRole('columnheader').map((h) => h.textContent)).toEqual([
      'Interviewer',
      'Requirements and constraints',
      'Architecture and data flow',
      'Capacity and cost',
      'Failure modes and observability',
      'Rollout and rollback',
      'Recommendation',
    ]);
    expect(within(design).getAllByRole('rowheader').map((h) => h.textContent)).toEqual(['Ben Okafor', 'Median', 'Range']);
    expect(screen.getAllByRole('table', { name: /^Levels by interviewer and dimension/ })).toHaveLength(3);
    expect(screen.getByText(/Scored on 3 rubrics/)).toBeVisible();
    expect(screen.getByText(/Strong no 0 · No 1 · Yes 1 · Strong yes 1/)).toBeVisible();
    expect(screen.getByText('No numbers').closest('li')).toHaveTextContent('No numbers (ML system design · version 1) — raised by Ben Okafor');
  });

  it('opens an interviewer’s evidence under that rubric’s matrix, with that rubric’s anchor', async () => {
    const { user } = await openThreeRubricDebrief();
    await user.click(screen.getByRole('button', { name: 'Ben Okafor, Requirements and constraints: 2, Partial. Show evidence' }));
    const evidence = await screen.findByRole('region', { name: 'Ben Okafor on Requirements and constraints' });
    expect(evidence).toHaveTextContent('Ben Okafor on requirements: the story, in their words.');
    expect(evidence).toHaveTextContent(ML_SYSTEM_DESIGN_RUBRIC.dimensions[0]?.anchors[2] ?? 'an anchor');
    expect(evidence.closest('section.rubric-matrix')).toHaveAttribute('aria-labelledby', 'matrix-2-heading');
  });

  it('asks for a consensus per dimension of each rubric, named with its rubric, and records the decision once all are there', async () => {
    const { user, repos, candidate } = await openThreeRubricDebrief();
    for (const label of ['Production incident review · version 1', 'ML system design · version 1', 'Rollback scenario · version 1']) {
      expect(screen.getByRole('heading', { level: 3, name: label })).toBeVisible();
    }
    expect(screen.getByRole('group', { name: 'Requirements and constraints (ML system design · version 1)' })).toBeVisible();
    expect(screen.getAllByRole('group').filter((g) => g.id.startsWith('consensus-'))).toHaveLength(15);

    await user.click(screen.getByRole('radio', { name: 'Hire' }));
    await user.click(screen.getByLabelText('Rationale for the decision'));
    await user.paste('Strongest operator of the slate; the rollback story held up.');
    await user.type(screen.getByLabelText('Decision-maker'), 'Dana Whitfield');
    await user.type(screen.getByLabelText('Next step'), 'Offer call.');
    await user.click(screen.getByRole('button', { name: 'Record decision' }));
    const items = within(await screen.findByRole('alert')).getAllByRole('listitem').map((li) => li.textContent);
    expect(items).toHaveLength(15);
    expect(items[5]).toBe('ML system design · version 1, Requirements and constraints: record the panel’s consensus level.');
    await waitFor(() => expect(within(screen.getByRole('group', { name: /^Trigger/ })).getAllByRole('radio')[0]).toHaveFocus());

    await chooseSolidEverywhere(user);
    // 3 departs from the system design's requirements median (2) and from the incident review's rollback median (2).
    await user.click(screen.getByRole('button', { name: 'Record decision' }));
    const departures = within(await screen.findByRole('alert')).getAllByRole('listitem').map((li) => li.textContent);
    expect(departures).toEqual([
      'Production incident review · version 1, Rollback: the consensus departs from the panel median, so say why.',
      'ML system design · version 1, Requirements and constraints: the consensus departs from the panel median, so say why.',
    ]);
    await user.type(screen.getByLabelText(/^Rationale for Rollback \(Production incident review · version 1\)/), 'The second rollback was hers.');
    await user.type(screen.getByLabelText(/^Rationale for Requirements and constraints/), 'The p99 budget came up later.');
    await user.click(screen.getByRole('button', { name: 'Record decision' }));
    expect(await screen.findByText('Decision recorded: Hire')).toBeVisible();

    const debrief = await repos.debriefs.getByCandidate(candidate.id);
    expect(debrief?.consensus).toHaveLength(15);
    expect(debrief?.consensus.find((c) => c.dimensionKey === 'requirements')).toEqual({ dimensionKey: 'requirements', level: 3, rationale: 'The p99 budget came up later.', rubric: { id: 'ml-system-design', version: 1 } });
  });
});
