import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route } from 'wouter';
import type { Repositories } from '../../src/data/repositories';
import { DebriefPage } from '../../src/features/debrief/debrief-page';
import { BUILTIN_RUBRIC } from '../../src/domain/builtin-rubric';
import type { RatingLevel } from '../../src/domain/rubric';
import { contentOf, type ScorecardContent } from '../../src/domain/scorecard';
import { TAKEAWAY_FOLD_CHARACTERS } from '../../src/features/debrief/panel-takeaways';
import { servingRole } from '../fixtures/roles';
import { renderWithDb } from '../helpers/render';

const ROLLBACK = BUILTIN_RUBRIC.dimensions.find((d) => d.key === 'rollback');
const LONG_TAKEAWAY = `${'Owned the incident end to end and said what they would do differently. '.repeat(6)}The last sentence stays folded.`;

type Member = { name: string; levels: RatingLevel[]; edit?: (content: ScorecardContent) => void };
const PANEL: Member[] = [
  {
    name: 'Zofia Łukasiewicz-Brzęczyszczykiewicz',
    levels: [3, 3, 3, 2, 2],
    edit: (c) => {
      c.takeaways = 'Operator; rollback was manual.';
      c.pad = [
        { id: 'l1', text: 'Rolled back by redeploying the old image by hand.', stamp: '24:10', tag: 'rollback' },
        { id: 'l2', text: 'Paged by latency alert.', stamp: '02:05', tag: 'trigger' },
      ];
    },
  },
  {
    name: 'Ben Okafor',
    levels: [3, 3, 4, 3, 2],
    edit: (c) => {
      c.takeaways = LONG_TAKEAWAY;
      c.redFlags = [{ key: 'no-prevention', note: 'Postmortem never ran.' }];
    },
  },
  { name: 'Linh Nguyễn', levels: [3, 2, 3, 4, 3], edit: (c) => (c.takeaways = '') },
];

async function scorePanel(repos: Repositories) {
  const role = await repos.roles.create({ ...servingRole });
  const candidate = await repos.candidates.create({ name: 'Priya Raman', roleId: role.id, notes: '' });
  const cards = [];
  for (const member of PANEL) {
    const interview = await repos.interviews.addToLoop(candidate.id, { interviewerName: member.name, plannedAt: '' });
    const card = await repos.scorecards.openForInterview(interview.id);
    const content = contentOf(card);
    content.ratings = content.ratings.map((r, i) => ({ ...r, level: member.levels[i] ?? 3, evidence: `${member.name} on ${r.dimensionKey}: the story.` }));
    content.recommendation = 'yes';
    member.edit?.(content);
    cards.push(await repos.scorecards.submit(card.id, content, card.editVersion));
  }
  return { candidate, cards };
}

/** Zofia amends: Rollback 2 → 3 with new evidence, and the recommendation to Strong yes. */
async function amendZofia(repos: Repositories, id: string) {
  const draft = await repos.scorecards.amend(id, 'Re-read my notes: the rollback was rehearsed.');
  const content = contentOf(draft);
  content.ratings = content.ratings.map((r) => (r.dimensionKey === 'rollback' ? { ...r, level: 3, evidence: `${r.evidence}\nRehearsed the rollback quarterly.` } : r));
  content.recommendation = 'strong-yes';
  await repos.scorecards.submit(id, content, draft.editVersion);
}

async function openDebrief({ amend = false } = {}) {
  const user = userEvent.setup();
  const { repos } = renderWithDb(<Route path="/candidates/:candidateId/debrief" component={DebriefPage} />, { path: '/candidates/pending/debrief' });
  const { candidate, cards } = await scorePanel(repos);
  if (amend && cards[0]) await amendZofia(repos, cards[0].id);
  window.history.replaceState(null, '', `/candidates/${candidate.id}/debrief`);
  window.dispatchEvent(new PopStateEvent('popstate'));
  await screen.findByRole('heading', { level: 2, name: 'Decision' });
  return { user };
}

describe('the debrief’s side-by-side evidence', { timeout: 30_000 }, () => {
  it('shows every interviewer’s level, evidence with stamped notes and red flags for one dimension in one tap', async () => {
    const { user } = await openDebrief();
    const matrix = screen.getByRole('table', { name: 'Levels by interviewer and dimension' });
    const rollback = within(matrix).getByRole('button', { name: 'Rollback' });
    expect(rollback).toHaveAttribute('aria-expanded', 'false');
    await user.click(rollback);

    const view = screen.getByRole('region', { name: 'Rollback: the panel side by side' });
    expect(rollback).toHaveAttribute('aria-expanded', 'true');
    expect(within(view).getByRole('heading', { level: 4 })).toHaveFocus();
    expect(view).toHaveTextContent('Median 3 · range 2–4');
    expect(view).toHaveTextContent('⚠ Disagreement');

    const zofia = within(view).getByRole('region', { name: 'Zofia Łukasiewicz-Brzęczyszczykiewicz on Rollback' });
    expect(zofia).toHaveTextContent('2 · Partial');
    expect(zofia).toHaveTextContent(ROLLBACK?.anchors[2] ?? 'the anchor');
    expect(zofia).toHaveTextContent('Zofia Łukasiewicz-Brzęczyszczykiewicz on rollback: the story.');
    // The running-note line filed under Rollback, with its stamp; the one filed under Trigger is not here.
    expect(within(zofia).getByRole('list', { name: 'Running notes filed here' })).toHaveTextContent('24:10 Rolled back by redeploying the old image by hand.');
    expect(zofia).not.toHaveTextContent('Paged by latency alert.');

    const ben = within(view).getByRole('region', { name: 'Ben Okafor on Rollback' });
    expect(ben).toHaveTextContent('3 · Solid');
    expect(ben).toHaveTextContent('Red flags raised (whole interview)');
    expect(ben).toHaveTextContent('No prevention — “Postmortem never ran.”');
    const linh = within(view).getByRole('region', { name: 'Linh Nguyễn on Rollback' });
    expect(linh).toHaveTextContent('4 · Exceptional');
    expect(linh).toHaveTextContent('Linh Nguyễn on rollback: the story.');
    expect(linh).not.toHaveTextContent('Red flags');
  });

  it('is operated by keyboard: open from the heading, step to the next dimension, Escape back to the matrix', async () => {
    const { user } = await openDebrief();
    const matrix = screen.getByRole('table', { name: 'Levels by interviewer and dimension' });
    within(matrix).getByRole('button', { name: 'Mitigation' }).focus();
    await user.keyboard('{Tab}');
    expect(within(matrix).getByRole('button', { name: 'Rollback' })).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(screen.getByRole('heading', { level: 4, name: 'Rollback: the panel side by side' })).toHaveFocus();

    await user.keyboard('{Tab}');
    expect(screen.getByRole('button', { name: 'Back to the matrix' })).toHaveFocus();
    await user.keyboard('{Tab}{Tab}');
    expect(screen.getByRole('button', { name: 'Prevention →' })).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(screen.getByRole('heading', { level: 4, name: 'Prevention: the panel side by side' })).toHaveFocus();
    expect(screen.getByRole('region', { name: 'Ben Okafor on Prevention' })).toHaveTextContent('2 · Partial');

    await user.keyboard('{Escape}');
    expect(screen.queryByRole('region', { name: /the panel side by side/ })).not.toBeInTheDocument();
    expect(within(matrix).getByRole('button', { name: 'Prevention' })).toHaveFocus();
    expect(within(matrix).getByRole('button', { name: 'Prevention' })).toHaveAttribute('aria-expanded', 'false');
  });

  it('opens from a level cell too, and "Back to the matrix" returns focus to the dimension', async () => {
    const { user } = await openDebrief();
    await user.click(screen.getByRole('button', { name: 'Linh Nguyễn, Diagnosis: 2, Partial. Show evidence' }));
    expect(screen.getByRole('heading', { level: 4, name: 'Diagnosis: the panel side by side' })).toHaveFocus();
    expect(screen.getAllByRole('region', { name: /on Diagnosis$/ })).toHaveLength(3);
    await user.click(screen.getByRole('button', { name: 'Back to the matrix' }));
    expect(screen.getByRole('button', { name: 'Diagnosis' })).toHaveFocus();
  });

  it('shows each interviewer’s key takeaways, a long one folded until asked, an empty one said so', async () => {
    const { user } = await openDebrief();
    const takeaways = screen.getByRole('region', { name: 'Key takeaways' });
    expect(takeaways).toHaveTextContent('Zofia Łukasiewicz-Brzęczyszczykiewicz');
    expect(takeaways).toHaveTextContent('Operator; rollback was manual.');
    expect(takeaways).toHaveTextContent('Linh NguyễnNo takeaways written.');
    expect(LONG_TAKEAWAY.length).toBeGreaterThan(TAKEAWAY_FOLD_CHARACTERS);
    expect(takeaways).not.toHaveTextContent('The last sentence stays folded.');
    const more = within(takeaways).getByRole('button', { name: 'Show all of Ben Okafor’s takeaways' });
    expect(more).toHaveAttribute('aria-expanded', 'false');
    await user.click(more);
    expect(takeaways).toHaveTextContent('The last sentence stays folded.');
    expect(within(takeaways).getByRole('button', { name: 'Show less of Ben Okafor’s takeaways' })).toHaveAttribute('aria-expanded', 'true');
  });
});

describe('an amended scorecard in the debrief', { timeout: 30_000 }, () => {
  it('says what the amendment changed (level, evidence with both texts, recommendation) and why', async () => {
    const { user } = await openDebrief({ amend: true });
    expect(screen.getAllByRole('rowheader').map((h) => h.textContent)).toContain('Zofia Łukasiewicz-Brzęczyszczykiewicz (rev. 2)');
    const amendments = screen.getByRole('region', { name: 'What the amendments changed' });
    expect(within(amendments).getByRole('heading', { level: 5 })).toHaveTextContent('Zofia Łukasiewicz-Brzęczyszczykiewicz, revision 1 → 2');
    expect(amendments).toHaveTextContent('Reason: “Re-read my notes: the rollback was rehearsed.”');
    const items = within(amendments).getAllByRole('listitem', { name: '' }).filter((li) => li.parentElement?.classList.contains('amendment-list'));
    expect(items.map((li) => li.querySelector('summary')?.textContent ?? li.textContent)).toEqual([
      'Rollback: level 2 · Partial → 3 · Solid',
      `Rollback: evidence changed (+${'\nRehearsed the rollback quarterly.'.length} characters)`,
      'Recommendation: Yes → Strong yes',
    ]);
    // The line diff and both texts, one tap away.
    await user.click(screen.getByText(/Rollback: evidence changed/));
    const diff = within(amendments).getByRole('list', { name: 'Lines changed' });
    expect(within(diff).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      '  Zofia Łukasiewicz-Brzęczyszczykiewicz on rollback: the story.',
      '+ Added: Rehearsed the rollback quarterly.',
      '  24:10 — Rolled back by redeploying the old image by hand.',
    ]);
    expect(amendments).toHaveTextContent('AfterZofia Łukasiewicz-Brzęczyszczykiewicz on rollback: the story. Rehearsed the rollback quarterly. 24:10 — Rolled back');

    // The side-by-side view says the same, where the lead compares.
    await user.click(screen.getByRole('button', { name: 'Rollback' }));
    const zofia = screen.getByRole('region', { name: 'Zofia Łukasiewicz-Brzęczyszczykiewicz on Rollback' });
    expect(zofia).toHaveTextContent('Amended in revision 2: level 2 · Partial → 3 · Solid; evidence changed (+34 characters). Reason: “Re-read my notes: the rollback was rehearsed.”');
    expect(screen.getByRole('region', { name: 'Ben Okafor on Rollback' })).not.toHaveTextContent('Amended');
  });

  it('says nothing about amendments when no scorecard was amended', async () => {
    await openDebrief();
    expect(screen.queryByRole('region', { name: 'What the amendments changed' })).not.toBeInTheDocument();
  });
});
