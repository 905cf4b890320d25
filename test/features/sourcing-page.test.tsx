import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route } from 'wouter';
import type { Repositories } from '../../src/data/repositories';
import type { RoleInput } from '../../src/domain/role';
import type { ScreenInput } from '../../src/domain/screen';
import { SourcingPage } from '../../src/features/sourcing/sourcing-page';
import { servingRole } from '../fixtures/roles';
import { renderWithDb } from '../helpers/render';

const GENERAL_WITH_STACK = '(Triton OR KServe OR "SageMaker endpoints" OR "Vertex AI endpoints" OR "model serving" OR Prometheus OR SAS) AND (autoscaling OR p99 OR "on-call" OR latency OR SLO)';
const WAIT = { timeout: 5_000 };

/** Opens the sourcing page of a role created (with its candidates) after the page is on screen. */
async function openSourcing(role: RoleInput = servingRole, names: string[] = []) {
  const utils = renderWithDb(<Route path="/roles/:roleId/sourcing" component={SourcingPage} />, { path: '/roles/pending/sourcing' });
  const created = await utils.repos.roles.create(role);
  const candidates = [];
  for (const name of names) candidates.push(await utils.repos.candidates.create({ name, roleId: created.id, notes: '' }));
  window.history.replaceState(null, '', `/roles/${created.id}/sourcing`);
  window.dispatchEvent(new PopStateEvent('popstate'));
  await screen.findByRole('heading', { level: 1, name: `Sourcing and slate: ${role.title}` }, WAIT);
  return { ...utils, role: created, candidates };
}

function screenOf(outcome: ScreenInput['outcome'], more: Partial<ScreenInput> = {}): ScreenInput {
  return { source: '', productionSignals: [], stackTools: [], wrongPoolSignals: [], matchedKeywords: [], outcome, reason: '', screenedBy: 'Mei Tanaka', ...more };
}

async function saveScreens(repos: Repositories, screens: [string, ScreenInput][]) {
  for (const [candidateId, input] of screens) await repos.sourcing.saveScreen(candidateId, input);
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the sourcing page’s search plan', { timeout: 20_000 }, () => {
  it('shows the lane, the stack merged into the keywords and the searches, and copies the general search', async () => {
    const user = userEvent.setup();
    await openSourcing({ ...servingRole, stack: ['Triton', 'Prometheus', 'SAS'] });

    const plan = screen.getByRole('region', { name: 'Search plan' });
    expect(within(plan).getByText('Serving & reliability')).toBeVisible();
    expect(within(plan).getByText('Triton, Prometheus, SAS')).toBeVisible();
    // The team's tools join the lane's tools; "Triton" is listed once.
    const tools = within(plan).getByRole('list', { name: 'Serving tools' });
    expect(within(tools).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Triton', 'KServe', 'SageMaker endpoints', 'Vertex AI endpoints', 'model serving', 'Prometheus', 'SAS']);

    const general = screen.getByRole('textbox', { name: 'General search' });
    expect(general).toHaveValue(GENERAL_WITH_STACK);
    expect(general).toHaveAttribute('readonly');
    expect(screen.getByRole('textbox', { name: 'Serving tools search' })).toHaveValue(
      '(Triton OR KServe OR "SageMaker endpoints" OR "Vertex AI endpoints" OR "model serving" OR Prometheus OR SAS)',
    );
    expect(screen.getByRole('textbox', { name: 'Reliability practice search' })).toHaveValue('(autoscaling OR p99 OR "on-call" OR latency OR SLO)');
    // SAS is in the team's stack, so the exclusion leaves it alone.
    expect(screen.getByRole('textbox', { name: 'Exclusion to append' })).toHaveValue('NOT (SPSS OR Stata OR "R Markdown")');
    const watch = screen.getByRole('list', { name: 'Watch for' });
    expect(within(watch).getByText('Jupyter')).toBeVisible();
    expect(within(watch).getByText('Terraform')).toBeVisible();
    expect(screen.getByText(/a notebook, Terraform or an adjacent job title beside a production ML stack is fine/)).toBeVisible();

    await user.click(screen.getByRole('button', { name: 'Copy general search' }));
    expect(await navigator.clipboard.readText()).toBe(GENERAL_WITH_STACK);
    const card = screen.getByRole('textbox', { name: 'General search' }).closest('.sourcing-copy') as HTMLElement;
    expect(within(card).getByRole('status')).toHaveTextContent('Copied');
  });

  it('selects the search and says to press Ctrl+C when the clipboard is refused, or absent', async () => {
    const user = userEvent.setup();
    await openSourcing();
    const writeText = vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValue(new DOMException('Write permission denied.', 'NotAllowedError'));

    await user.click(screen.getByRole('button', { name: 'Copy reliability practice search' }));
    const box = screen.getByRole('textbox', { name: 'Reliability practice search' }) as HTMLTextAreaElement;
    const card = box.closest('.sourcing-copy') as HTMLElement;
    await waitFor(() => expect(within(card).getByRole('status')).toHaveTextContent('Press Ctrl+C to copy'));
    expect(writeText).toHaveBeenCalledWith('(autoscaling OR p99 OR "on-call" OR latency OR SLO)');
    expect(box).toHaveFocus();
    expect([box.selectionStart, box.selectionEnd]).toEqual([0, box.value.length]);

    // A browser without the Clipboard API at all.
    Object.defineProperty(navigator, 'clipboard', { value: undefined, configurable: true });
    await user.click(screen.getByRole('button', { name: 'Copy general search' }));
    const general = screen.getByRole('textbox', { name: 'General search' });
    await waitFor(() => expect(within(general.closest('.sourcing-copy') as HTMLElement).getByRole('status')).toHaveTextContent('Press Ctrl+C to copy'));
    expect(general).toHaveFocus();
    expect(screen.queryByText('Copied')).toBeNull();
  });

  it('without a stack, says so and links to the role’s edit page', async () => {
    const { role } = await openSourcing();
    expect(screen.getByText(/No stack set —/)).toBeVisible();
    expect(screen.getByRole('link', { name: 'add it on the role' })).toHaveAttribute('href', `/roles/${role.id}/edit`);
    expect(screen.getByRole('textbox', { name: 'Exclusion to append' })).toHaveValue('NOT (SPSS OR Stata OR SAS OR "R Markdown")');
  });
});

describe('the sourcing page’s slate', { timeout: 20_000 }, () => {
  it('says no one is screened yet, then follows screens as they are saved to the verdict, outcomes and ranked sources', async () => {
    const { repos, candidates } = await openSourcing(servingRole, ['Ada Byron', 'Chidi Okeke', 'Mara Lindqvist', 'Priya Raman', 'Tomás Herrera']);
    const slate = screen.getByRole('region', { name: 'Slate health' });
    expect(await within(slate).findByText('No one screened yet: open a candidate and choose Screen.', {}, WAIT)).toBeVisible();
    expect(within(slate).queryByRole('table')).toBeNull();

    const [ada, chidi, mara, priya, tomas] = candidates.map((c) => c.id) as [string, string, string, string, string];
    await saveScreens(repos, [
      [ada, screenOf('advance', { source: 'Referral', productionSignals: ['production-ml', 'on-call'] })],
      [chidi, screenOf('advance', { source: 'LinkedIn search', stackTools: ['Triton'] })],
      [mara, screenOf('hold', { source: 'linkedin search ', productionSignals: ['endpoint-reliability'], wrongPoolSignals: ['notebooks-only'], reason: 'Waiting on the headcount.' })],
      [priya, screenOf('decline', { source: 'Job board', wrongPoolSignals: ['stats-packages'], reason: 'Stats packages only, no production work.' })],
      [tomas, screenOf(null, { source: 'Referral' })],
    ]);

    // The page follows the database: wait for the last screen's figures, not the first.
    await waitFor(() => expect(within(slate).getByText('Most of this slate has operated production ML (3 of 4).')).toBeVisible(), WAIT);
    const figures = within(slate).getAllByRole('definition').map((d) => d.textContent);
    expect(figures).toEqual(['4', '3 of 4 (75%)', '2 of 4 (50%)', '2', '1', '1']);
    expect(within(slate).getByText('1 screen is in progress and not counted yet.')).toBeVisible();

    const sources = within(slate).getByRole('table', { name: 'Sources, ranked by candidates advanced' });
    const rows = within(sources).getAllByRole('row').map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent));
    expect(rows).toEqual([
      ['Source', 'Advanced', 'Screened'],
      ['Referral', '1', '1'],
      ['LinkedIn search', '1', '2'],
      ['Job board', '0', '1'],
    ]);

    const list = screen.getByRole('list', { name: 'Candidates and their screens' });
    const item = (name: string) => within(list).getByText(name).closest('li') as HTMLElement;
    expect(item('Ada Byron')).toHaveTextContent('Advanced');
    expect(item('Mara Lindqvist')).toHaveTextContent('On hold: Waiting on the headcount.');
    expect(item('Priya Raman')).toHaveTextContent('Declined: Stats packages only, no production work.');
    expect(item('Tomás Herrera')).toHaveTextContent('Screen in progress');
    expect(within(list).getByRole('link', { name: 'Open screen of Priya Raman' })).toHaveAttribute('href', `/candidates/${priya}/screen`);
  });

  it('calls a slate of adjacent roles what it is, and lists the unscreened with a link to screen them', async () => {
    const { repos, candidates } = await openSourcing(servingRole, ['Ada Byron', 'Chidi Okeke', 'Mara Lindqvist', 'Priya Raman']);
    const [ada, chidi, mara] = candidates.map((c) => c.id) as [string, string, string, string];
    await saveScreens(repos, [
      [ada, screenOf('decline', { wrongPoolSignals: ['adjacent-title'], reason: 'A data scientist, no serving.' })],
      [chidi, screenOf('decline', { wrongPoolSignals: ['notebooks-only', 'stats-packages'], reason: 'Notebooks only.' })],
      [mara, screenOf('advance', { productionSignals: ['on-call'] })],
    ]);
    const slate = screen.getByRole('region', { name: 'Slate health' });
    await waitFor(() => expect(within(slate).getByText('Over half the slate looks like adjacent roles: revisit the keywords (2 of 3).')).toBeVisible(), WAIT);
    const sources = within(slate).getByRole('table', { name: 'Sources, ranked by candidates advanced' });
    expect(within(sources).getByRole('rowheader')).toHaveTextContent('No source recorded');
    const list = screen.getByRole('list', { name: 'Candidates and their screens' });
    expect(within(list).getByRole('link', { name: 'Screen Priya Raman' })).toHaveAttribute('href', `/candidates/${candidates[3]?.id}/screen`);
    expect(within(list).getByText('Priya Raman').closest('li')).toHaveTextContent('Not screened');
  });

  it('with fewer than three screened, says it is too early to judge', async () => {
    const { repos, candidates } = await openSourcing(servingRole, ['Ada Byron']);
    await saveScreens(repos, [[candidates[0]?.id ?? '', screenOf('advance', { productionSignals: ['production-ml'] })]]);
    await screen.findByText('Too few screened to judge (1); screen at least 3.', {}, WAIT);
  });
});

describe('the sourcing page of a role that is not here', { timeout: 20_000 }, () => {
  it('says so and offers the way back to the roles', async () => {
    renderWithDb(<Route path="/roles/:roleId/sourcing" component={SourcingPage} />, { path: '/roles/no-such-role/sourcing' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Role not found' }, WAIT)).toBeVisible();
    expect(screen.getByRole('heading', { level: 2, name: 'This role is not on this device' })).toBeVisible();
    expect(screen.getByRole('link', { name: 'Back to roles' })).toHaveAttribute('href', '/roles');
    expect(screen.queryByRole('region', { name: 'Search plan' })).toBeNull();
  });

  it('lists no candidates yet with a way to add one', async () => {
    const { role } = await openSourcing();
    expect(screen.getByText(/No candidates for this role yet\./)).toBeVisible();
    expect(screen.getByRole('link', { name: 'Add a candidate' })).toHaveAttribute('href', `/candidates/new?role=${role.id}`);
  });
});
