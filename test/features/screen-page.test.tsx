import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Switch } from 'wouter';
import { ScreenPage } from '../../src/features/sourcing/screen-page';
import { CandidatePage } from '../../src/features/candidates/candidate-page';
import { RESUME_TEXT_MAX_LENGTH } from '../../src/domain/sourcing';
import { servingRole } from '../fixtures/roles';
import { renderWithDb } from '../helpers/render';

const RESUME = [
  'Senior engineer, Acme Payments (2021–2025).',
  'Ran the on-call rotation for our Triton endpoints and cut p99 latency by 40%.',
  'Moved batch models to KServe; wrote the canary rollout that gates every model promotion.',
  'Earlier: Argonaut mission planning, a feasting festival, and Jupyter notebooks for the odd analysis.',
].join('\n');

/** The screen page of a candidate for a serving role whose stack names Triton, KServe and Arize. */
async function screenPage(options: { name?: string | null } = {}) {
  const user = userEvent.setup();
  const utils = renderWithDb(
    <Switch>
      <Route path="/candidates/:candidateId/screen" component={ScreenPage} />
      <Route path="/candidates/:candidateId" component={CandidatePage} />
    </Switch>,
    { path: '/candidates/pending/screen' },
  );
  const role = await utils.repos.roles.create({ ...servingRole, stack: ['Triton', 'KServe', 'Arize'] });
  const candidate = await utils.repos.candidates.create({ name: 'Amira Haddad', roleId: role.id, notes: '' });
  if (options.name !== null) await utils.repos.settings.setInterviewerName(options.name ?? 'Dana Dvořák');
  go(`/candidates/${candidate.id}/screen`);
  await screen.findByRole('heading', { level: 1, name: 'Screen: Amira Haddad' });
  return { ...utils, user, role, candidate };
}

function go(path: string) {
  window.history.replaceState(null, '', path);
  window.dispatchEvent(new PopStateEvent('popstate'));
}

const pasteBox = () => screen.getByRole('textbox', { name: 'Résumé or profile text' });
const production = () => screen.getByRole('group', { name: /^Production signals/ });
const wrongPool = () => screen.getByRole('group', { name: /^Wrong-pool signals/ });
const paste = (text: string) => fireEvent.change(pasteBox(), { target: { value: text } });

/** Every string value anywhere in a stored record. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

describe('the screen page', () => {
  it('finds the keywords in a pasted résumé, highlights them, and ticks the signals as suggestions to confirm', async () => {
    const { user, repos, candidate } = await screenPage();
    expect(screen.getByText(/nothing leaves it, and the text itself is not saved/)).toBeInTheDocument();
    paste(RESUME);
    await user.click(screen.getByRole('button', { name: 'Find keywords' }));

    const preview = await screen.findByRole('region', { name: 'The pasted text, keywords highlighted' });
    const marked = Array.from(preview.querySelectorAll('mark')).map((m) => m.textContent);
    expect(marked).toEqual(expect.arrayContaining(['on-call rotation', 'Triton', 'p99', 'latency', 'KServe', 'canary', 'model promotion', 'Jupyter', 'notebooks']));
    // Substrings of other words are not keywords.
    expect(marked).not.toContain('Argo');
    expect(marked).not.toContain('Feast');

    const onCall = within(production()).getByRole('checkbox', { name: 'On-call for ML systems' });
    expect(onCall).toBeChecked();
    expect(onCall).toHaveAccessibleDescription('suggested from the text');
    expect(within(production()).getByRole('checkbox', { name: 'Triton' })).toBeChecked();
    expect(within(production()).getByRole('checkbox', { name: 'KServe' })).toBeChecked();
    expect(within(production()).getByRole('checkbox', { name: 'Arize' })).not.toBeChecked();
    expect(within(production()).getByRole('checkbox', { name: 'Feature pipelines' })).not.toBeChecked();
    // Notebooks beside a production stack are not "notebooks only".
    expect(within(wrongPool()).getByRole('checkbox', { name: 'Notebooks only' })).not.toBeChecked();

    // The screener unticks one suggestion and confirms the rest.
    const promotion = within(production()).getByRole('checkbox', { name: 'Model promotion' });
    await user.click(promotion);
    expect(promotion).not.toBeChecked();
    expect(promotion).not.toHaveAccessibleDescription('suggested from the text');
    await user.click(screen.getByRole('button', { name: 'Confirm the suggested signals' }));
    expect(onCall).toBeChecked();
    expect(onCall).not.toHaveAccessibleDescription('suggested from the text');

    await user.type(screen.getByRole('combobox', { name: 'Source' }), 'Referral');
    await user.click(screen.getByRole('radio', { name: 'Advance to the loop' }));
    await user.click(screen.getByRole('button', { name: 'Save the screen' }));
    expect(await screen.findByText('Screen saved. Screened: advance to the loop')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Back to Amira Haddad' })).toHaveAttribute('href', `/candidates/${candidate.id}`);
    expect(screen.getByRole('link', { name: 'The role’s sourcing' })).toHaveAttribute('href', expect.stringMatching(/^\/roles\/.+\/sourcing$/));

    const stored = await repos.sourcing.getScreen(candidate.id);
    expect(stored).toMatchObject({
      source: 'Referral',
      productionSignals: ['on-call', 'endpoint-reliability'],
      stackTools: ['Triton', 'KServe'],
      wrongPoolSignals: [],
      outcome: 'advance',
      screenedBy: 'Dana Dvořák',
    });
    expect(stored?.matchedKeywords).toEqual(expect.arrayContaining(['on-call rotation', 'p99', 'Triton', 'KServe', 'Jupyter']));
    // The pasted text is stored nowhere: no field holds it, nor any of its lines.
    const everything = strings(stored).join('\n');
    for (const line of RESUME.split('\n')) expect(everything).not.toContain(line);
    expect(everything).not.toContain('Acme Payments');
  });

  it('does not save while a suggestion waits to be confirmed or unticked, and says which', async () => {
    const { user, repos, candidate } = await screenPage();
    paste('Jupyter and Kaggle notebooks, mostly.');
    await user.click(screen.getByRole('button', { name: 'Find keywords' }));
    const notebooks = within(wrongPool()).getByRole('checkbox', { name: 'Notebooks only' });
    expect(notebooks).toBeChecked();
    expect(notebooks).toHaveAccessibleDescription('suggested from the text');

    await user.click(screen.getByRole('radio', { name: 'Advance to the loop' }));
    await user.click(screen.getByRole('button', { name: 'Save the screen' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Confirm or untick what the text suggested first: “Notebooks only”.');
    expect(screen.getByRole('button', { name: 'Confirm the suggested signals' })).toHaveFocus();
    expect(await repos.sourcing.getScreen(candidate.id)).toBeUndefined();

    await user.click(notebooks);
    await user.click(screen.getByRole('button', { name: 'Save the screen' }));
    expect(await screen.findByText(/^Screen saved\./)).toBeInTheDocument();
    expect((await repos.sourcing.getScreen(candidate.id))?.wrongPoolSignals).toEqual([]);
  });

  it('needs a reason to decline, shown at the field; then saves, and the stage becomes declined at screen', async () => {
    const { user, repos, candidate } = await screenPage();
    await user.click(within(wrongPool()).getByRole('checkbox', { name: 'Generic Terraform, no ML stack' }));
    await user.click(screen.getByRole('radio', { name: 'Decline' }));
    await user.click(screen.getByRole('button', { name: 'Save the screen' }));
    const reason = screen.getByRole('textbox', { name: 'Reason' });
    await waitFor(() => expect(reason).toHaveAccessibleDescription(expect.stringContaining('Say why in a few words, for whoever reads this screen later.')));
    expect(reason).toHaveAttribute('aria-invalid', 'true');
    expect(reason).toHaveFocus();
    expect(await repos.sourcing.getScreen(candidate.id)).toBeUndefined();

    await user.type(reason, 'Terraform for web apps only; no model serving.');
    await user.click(screen.getByRole('button', { name: 'Save the screen' }));
    expect(await screen.findByText('Screen saved. Screened: declined — Terraform for web apps only; no model serving.')).toBeInTheDocument();
    const stages = await repos.pipeline.candidateStages();
    expect(stages.get(candidate.id)?.stage).toBe('screen-declined');
  });

  it('refuses a paste over 200,000 characters with the reason, and scans nothing', async () => {
    const { user } = await screenPage();
    paste(`Kubernetes on-call ${'x'.repeat(RESUME_TEXT_MAX_LENGTH)}`.slice(0, RESUME_TEXT_MAX_LENGTH + 1));
    await user.click(screen.getByRole('button', { name: 'Find keywords' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Nothing was scanned');
    expect(alert).toHaveTextContent('This text is 200,001 characters; paste at most 200,000');
    expect(screen.queryByRole('region', { name: 'The pasted text, keywords highlighted' })).not.toBeInTheDocument();
    expect(within(production()).getByRole('checkbox', { name: 'On-call for ML systems' })).not.toBeChecked();
  });

  it('scans 200,000 characters, highlighting only the first 20,000 and saying so', async () => {
    const { user } = await screenPage();
    const text = `Operated Triton in production. ${'lorem ipsum on-call '.repeat(10_000)}`.slice(0, RESUME_TEXT_MAX_LENGTH);
    paste(text);
    await user.click(screen.getByRole('button', { name: 'Find keywords' }));
    const preview = await screen.findByRole('region', { name: 'The pasted text, keywords highlighted' });
    expect(preview.textContent?.length).toBeLessThanOrEqual(20_000);
    expect(preview.querySelectorAll('mark').length).toBeLessThan(1_100);
    expect(screen.getByText(/Showing the first (19,9\d\d|20,000) of 200,000 characters highlighted/)).toBeInTheDocument();
  });

  it('keeps right-to-left text and binary junk as text, and still finds the keywords', async () => {
    const { user } = await screenPage();
    const junk = Array.from({ length: 2_000 }, (_, i) => String.fromCharCode((i * 7919) % 0xffff)).join('');
    const text = `מהנדס MLOps: הפעלתי את Triton ו-KServe בייצור, כולל on-call.\n${junk}\n<script>alert(1)</script> <b>SageMaker</b>\u0000\uD800`;
    paste(text);
    await user.click(screen.getByRole('button', { name: 'Find keywords' }));
    const preview = await screen.findByRole('region', { name: 'The pasted text, keywords highlighted' });
    expect(preview).toHaveAttribute('dir', 'auto');
    const marked = Array.from(preview.querySelectorAll('mark')).map((m) => m.textContent);
    expect(marked).toEqual(expect.arrayContaining(['Triton', 'KServe', 'on-call']));
    // Markup in the paste is shown as text, never run or rendered.
    expect(preview.querySelector('script, b')).toBeNull();
    expect(preview.textContent).toContain('<script>alert(1)</script>');
    expect(within(production()).getByRole('checkbox', { name: 'Triton' })).toBeChecked();
    expect(screen.getByRole('heading', { level: 1, name: 'Screen: Amira Haddad' })).toBeInTheDocument();
  });

  it('shows an empty paste box after leaving and coming back, with the saved screen filled in; saving again makes a new revision', async () => {
    const { user, repos, candidate } = await screenPage();
    paste('On-call for Triton.');
    await user.click(screen.getByRole('button', { name: 'Find keywords' }));
    await user.click(screen.getByRole('button', { name: 'Confirm the suggested signals' }));
    await user.click(screen.getByRole('radio', { name: 'Hold' }));
    await user.type(screen.getByRole('textbox', { name: 'Reason' }), 'Waiting for the referral call');
    await user.click(screen.getByRole('button', { name: 'Save the screen' }));
    await screen.findByText(/^Screen saved\./);
    const first = await repos.sourcing.getScreen(candidate.id);

    await user.click(screen.getByRole('link', { name: 'Back to Amira Haddad' }));
    await screen.findByRole('heading', { level: 1, name: 'Amira Haddad' });
    const line = await screen.findByRole('region', { name: 'Screen' });
    await waitFor(() => expect(line).toHaveTextContent('Screened: on hold — Waiting for the referral call'));
    await user.click(within(line).getByRole('link', { name: 'Open the screen' }));

    await screen.findByRole('heading', { level: 1, name: 'Screen: Amira Haddad' });
    expect(pasteBox()).toHaveValue('');
    expect(screen.getByRole('radio', { name: 'Hold' })).toBeChecked();
    expect(within(production()).getByRole('checkbox', { name: 'Triton' })).toBeChecked();
    expect(screen.getByText('Keywords kept with the screen (the text itself is not): on-call, Triton.')).toBeInTheDocument();
    await user.click(screen.getByRole('radio', { name: 'Advance to the loop' }));
    await user.click(screen.getByRole('button', { name: 'Save the screen' }));
    await screen.findByText(/^Screen saved\./);
    const second = await repos.sourcing.getScreen(candidate.id);
    expect(second?.outcome).toBe('advance');
    expect(second?.rev).not.toBe(first?.rev);
    expect(second?.revHistory[0]).toBe(first?.rev);
  });

  it('prefills “Screened by” with the device’s name, and offers the role’s sources', async () => {
    const { user, repos, role } = await screenPage();
    const other = await repos.candidates.create({ name: 'Wei Chen', roleId: role.id, notes: '' });
    await repos.sourcing.saveScreen(other.id, { source: 'KubeCon talk', productionSignals: [], stackTools: [], wrongPoolSignals: [], matchedKeywords: [], outcome: null, reason: '', screenedBy: '' });
    expect(screen.getByRole('textbox', { name: 'Screened by' })).toHaveValue('Dana Dvořák');
    const source = screen.getByRole('combobox', { name: 'Source' });
    await user.click(source);
    const options = await waitFor(() => {
      const list = document.getElementById(source.getAttribute('list') ?? '');
      const values = Array.from(list?.querySelectorAll('option') ?? []).map((o) => o.getAttribute('value'));
      expect(values[0]).toBe('KubeCon talk');
      return values;
    });
    expect(options).toEqual(expect.arrayContaining(['Referral', 'LinkedIn search', 'GitHub', 'Conference', 'Inbound application', 'Agency']));
  });

  it('says clearly when the candidate is not on this device', async () => {
    renderWithDb(<Route path="/candidates/:candidateId/screen" component={ScreenPage} />, { path: '/candidates/nobody/screen' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Candidate not found' })).toBeInTheDocument();
    expect(screen.getByText('This candidate is not on this device')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Back to candidates' })).toHaveAttribute('href', '/candidates');
  });
});
