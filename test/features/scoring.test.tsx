import { describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route } from 'wouter';
import { InterviewPage } from '../../src/features/interview/interview-page';
import { contentOf } from '../../src/domain/scorecard';
import { EVIDENCE_MAX_LENGTH } from '../../src/domain/scorecard';
import { servingRole } from '../fixtures/roles';
import { renderWithDb } from '../helpers/render';

async function openInterview({ me = 'Ana Lopez' }: { me?: string | null } = {}) {
  const user = userEvent.setup();
  const utils = renderWithDb(<Route path="/interviews/:interviewId" component={InterviewPage} />, { path: '/interviews/pending' });
  const { repos } = utils;
  const role = await repos.roles.create(servingRole);
  const candidate = await repos.candidates.create({ name: 'Zofia Łukasiewicz', roleId: role.id, notes: '' });
  const ana = await repos.interviews.addToLoop(candidate.id, { interviewerName: 'Ana Lopez', plannedAt: '' });
  const ben = await repos.interviews.addToLoop(candidate.id, { interviewerName: 'Ben Okafor', plannedAt: '' });
  if (me) await repos.settings.setInterviewerName(me);
  return { ...utils, user, role, candidate, ana, ben };
}

function go(path: string) {
  window.history.replaceState(null, '', path);
  window.dispatchEvent(new PopStateEvent('popstate'));
}

/** Ben's scorecard, submitted, with words Ana must not see before she submits hers. */
async function submitBens(repos: Awaited<ReturnType<typeof openInterview>>['repos'], benInterviewId: string) {
  const draft = await repos.scorecards.openForInterview(benInterviewId);
  const content = contentOf(draft);
  content.ratings = content.ratings.map((r) => ({ ...r, level: 1, evidence: `BEN-SECRET ${r.dimensionKey}` }));
  content.recommendation = 'strong-no';
  content.takeaways = 'BEN-TAKEAWAY';
  return repos.scorecards.submit(draft.id, content, draft.editVersion);
}

describe('scoring screen', () => {
  it('asks who is scoring before anything else', async () => {
    const { user, ana } = await openInterview({ me: null });
    go(`/interviews/${ana.id}`);
    expect(await screen.findByRole('heading', { level: 1, name: 'Who is scoring?' })).toBeInTheDocument();
    await user.type(screen.getByLabelText('Your name, as on the loop'), 'Ana Lopez');
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Scoring Zofia Łukasiewicz' })).toBeInTheDocument();
  });

  it('shows the five dimensions in order, their anchors one tap away, and rates by keyboard', async () => {
    const { user, ana, repos } = await openInterview();
    go(`/interviews/${ana.id}`);
    await screen.findByRole('heading', { level: 1, name: 'Scoring Zofia Łukasiewicz' });
    const titles = screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent);
    expect(titles.filter((t) => /^\d\./.test(t ?? ''))).toEqual(['1. Trigger', '2. Diagnosis', '3. Mitigation', '4. Rollback', '5. Prevention']);
    const trigger = screen.getByRole('region', { name: '1. Trigger' });
    // The rubric's own questions are open under each dimension on anything wider than a small tablet.
    expect(within(trigger).getByText('Ask (3 questions)').closest('details')).toHaveAttribute('open');
    // All four anchors are one tap away, and the choice is remembered on this device.
    await user.click(within(trigger).getByRole('button', { name: 'Show anchors' }));
    expect(within(trigger).getByText(/Names the specific alert or metric, who was paged/)).toBeVisible();
    expect(screen.getAllByRole('button', { name: 'Hide anchors' })).toHaveLength(5);
    expect(window.localStorage.getItem('loopcard:show-anchors')).toBe('true');

    // Rating the dimension in view brings the next unanswered one into view, ready for its level.
    trigger.focus();
    await user.keyboard('4');
    expect(within(trigger).getByRole('radio', { name: /4 · Exceptional/ })).toBeChecked();
    expect(screen.getByText('1 of 5 dimensions rated')).toBeInTheDocument();
    const diagnosis = screen.getByRole('region', { name: '2. Diagnosis' });
    expect(diagnosis).toHaveFocus();
    await user.keyboard('0');
    expect(within(diagnosis).getByRole('radio', { name: 'Not covered' })).toBeChecked();
    expect(screen.getByText('1 of 5 dimensions rated')).toBeInTheDocument();
    expect(screen.getByRole('region', { name: '3. Mitigation' })).toHaveFocus();
    // '[[' is how user-event types one '['.
    await user.keyboard('[[[[');
    expect(trigger).toHaveFocus();

    // Digits typed into the evidence are text, not ratings.
    await user.click(within(trigger).getByLabelText('Evidence for Trigger'));
    await user.keyboard('p99 2');
    expect(within(trigger).getByLabelText('Evidence for Trigger')).toHaveValue('p99 2');
    expect(within(trigger).getByRole('radio', { name: /4 · Exceptional/ })).toBeChecked();

    await user.keyboard('?');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(within(trigger).getByLabelText('Evidence for Trigger')).toHaveValue('p99 2?');
    // Esc leaves the note box for its dimension, where keys are shortcuts again.
    await user.keyboard('{Escape}');
    expect(trigger).toHaveFocus();
    await user.keyboard('?');
    const shortcuts = await screen.findByRole('dialog', { name: 'Keyboard shortcuts' });
    // A native modal dialog (showModal), so the browser keeps focus inside it.
    expect(shortcuts).toBeInstanceOf(HTMLDialogElement);
    expect(shortcuts).toHaveAttribute('open');
    expect(within(shortcuts).getByRole('button', { name: 'Close' })).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(trigger).toHaveFocus();

    // Opened from the toolbar button and closed with its own button, focus goes back to the opener.
    const opener = screen.getByRole('button', { name: /shortcuts/i });
    await user.click(opener);
    await user.click(within(await screen.findByRole('dialog', { name: 'Keyboard shortcuts' })).getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(opener).toHaveFocus();

    await waitFor(async () => {
      const stored = await repos.scorecards.getByInterview(ana.id);
      expect(stored?.ratings[0]).toMatchObject({ level: 4, evidence: 'p99 2?' });
      expect(stored?.ratings[1]).toMatchObject({ level: 'not-covered' });
    });
  });

  it('shows each dimension’s questions open on a tablet and folded on a small tablet', async () => {
    const small = (query: string) => ({ matches: query.includes('max-width: 720px'), media: query, addEventListener: () => {}, removeEventListener: () => {} });
    vi.stubGlobal('matchMedia', vi.fn(small));
    try {
      const { ana } = await openInterview();
      go(`/interviews/${ana.id}`);
      const trigger = await screen.findByRole('region', { name: '1. Trigger' });
      const ask = within(trigger).getByText('Ask (3 questions)');
      expect(ask.closest('details')).not.toHaveAttribute('open');
      await userEvent.click(ask);
      expect(ask.closest('details')).toHaveAttribute('open');
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('lists what stops a submission, links each to its field and focuses the first', async () => {
    const { user, ana, repos } = await openInterview();
    go(`/interviews/${ana.id}`);
    await screen.findByRole('heading', { level: 1, name: 'Scoring Zofia Łukasiewicz' });
    await user.click(within(screen.getByRole('region', { name: '1. Trigger' })).getByRole('radio', { name: /3 · Solid/ }));
    await user.click(screen.getByRole('button', { name: 'Submit scorecard' }));

    const summary = await screen.findByRole('alert');
    const links = within(summary).getAllByRole('link').map((a) => a.textContent);
    expect(links).toEqual([
      'Trigger: add the evidence behind level 3.',
      'Diagnosis: choose a level, or mark it not covered.',
      'Mitigation: choose a level, or mark it not covered.',
      'Rollback: choose a level, or mark it not covered.',
      'Prevention: choose a level, or mark it not covered.',
      'Choose an overall recommendation.',
    ]);
    await waitFor(() => expect(screen.getByLabelText('Evidence for Trigger')).toHaveFocus());
    expect(screen.getByLabelText('Evidence for Trigger')).toHaveAccessibleDescription(expect.stringContaining('Trigger: add the evidence behind level 3.'));
    await user.click(within(summary).getByRole('link', { name: 'Choose an overall recommendation.' }));
    expect(screen.getByRole('radio', { name: 'Strong no' })).toHaveFocus();
    expect((await repos.scorecards.getByInterview(ana.id))?.status).toBe('draft');
  });

  it('cuts a pasted transcript at the evidence limit and says so', async () => {
    const { user, ana, repos } = await openInterview();
    go(`/interviews/${ana.id}`);
    const evidence = await screen.findByLabelText('Evidence for Diagnosis');
    const transcript = 'Interviewer: what fired? Candidate: the p99 alert. '.repeat(1200);
    expect(transcript.length).toBeGreaterThan(EVIDENCE_MAX_LENGTH);
    await user.click(evidence);
    fireEvent.change(evidence, { target: { value: transcript } });
    expect(evidence).toHaveValue(transcript.slice(0, EVIDENCE_MAX_LENGTH));
    expect(screen.getByText(/was cut to 50,000 characters/)).toBeInTheDocument();
    await waitFor(async () => expect((await repos.scorecards.getByInterview(ana.id))?.ratings[1]?.evidence).toHaveLength(EVIDENCE_MAX_LENGTH));
  });

  it('shows a submitted scorecard locked, with no way to edit it but Amend', async () => {
    const { ana, repos } = await openInterview();
    const draft = await repos.scorecards.openForInterview(ana.id);
    const content = contentOf(draft);
    content.ratings = content.ratings.map((r) => ({ ...r, level: 3, evidence: `Evidence for ${r.dimensionKey}` }));
    content.recommendation = 'yes';
    await repos.scorecards.submit(draft.id, content, draft.editVersion);
    go(`/interviews/${ana.id}`);
    expect(await screen.findByText('Submitted — revision 1')).toBeInTheDocument();
    expect(screen.queryByRole('textbox')).not.toBeInTheDocument();
    expect(screen.queryByRole('radio')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Submit scorecard' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Amend' })).toBeInTheDocument();
    expect(screen.getByText('Evidence for trigger')).toBeInTheDocument();
  });

  it('asks for a reason before amending, and keeps revision 1', async () => {
    const { user, ana, repos } = await openInterview();
    const draft = await repos.scorecards.openForInterview(ana.id);
    const content = contentOf(draft);
    content.ratings = content.ratings.map((r) => ({ ...r, level: 2, evidence: 'x' }));
    content.recommendation = 'no';
    const first = await repos.scorecards.submit(draft.id, content, draft.editVersion);
    go(`/interviews/${ana.id}`);
    await user.click(await screen.findByRole('button', { name: 'Amend' }));
    await user.click(screen.getByRole('button', { name: 'Start revision 2' }));
    expect(screen.getByText('Say why you are amending a submitted scorecard.')).toBeInTheDocument();
    expect(screen.getByLabelText('Why are you amending it?')).toHaveFocus();
    expect((await repos.scorecards.get(first.id))?.status).toBe('submitted');
    await user.type(screen.getByLabelText('Why are you amending it?'), 'Misheard the rollback time.');
    await user.click(screen.getByRole('button', { name: 'Start revision 2' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Scoring Zofia Łukasiewicz' })).toBeInTheDocument();
    expect(screen.getByText(/amending revision 1/)).toBeInTheDocument();
    const revisions = await repos.scorecards.listRevisions(first.id);
    expect(revisions).toEqual([first]);
  });
});

describe('saving', () => {
  it('reports a failed write within a second, keeps the text, retries, and offers a download', async () => {
    const { user, ana, repos } = await openInterview();
    const real = repos.scorecards.saveDraft.bind(repos.scorecards);
    let diskFull = true;
    const attempts = vi.fn();
    repos.scorecards.saveDraft = async (...args) => {
      attempts();
      if (diskFull) throw new DOMException('Quota exceeded', 'QuotaExceededError');
      return real(...args);
    };
    go(`/interviews/${ana.id}`);
    const evidence = await screen.findByLabelText('Evidence for Trigger');
    await user.type(evidence, 'Paged at 02:10');
    expect(await screen.findByText(/Not saved — This device is out of storage space/, {}, { timeout: 1_000 })).toBeInTheDocument();
    expect(evidence).toHaveValue('Paged at 02:10');
    expect(screen.getByRole('button', { name: 'Download this scorecard' })).toBeInTheDocument();
    diskFull = false;
    expect(await screen.findByText(/^Saved /, {}, { timeout: 4_000 })).toBeInTheDocument();
    expect((await repos.scorecards.getByInterview(ana.id))?.ratings[0]?.evidence).toBe('Paged at 02:10');
    expect(attempts.mock.calls.length).toBeGreaterThanOrEqual(2);
  });

  it('saves at least every half second while typing goes on, not only at a pause', async () => {
    const { ana, repos } = await openInterview();
    const real = repos.scorecards.saveDraft.bind(repos.scorecards);
    const saves: number[] = [];
    repos.scorecards.saveDraft = async (...args) => {
      saves.push(Date.now());
      return real(...args);
    };
    go(`/interviews/${ana.id}`);
    const evidence = await screen.findByLabelText('Evidence for Trigger');
    const typist = userEvent.setup({ delay: 100 });
    await typist.click(evidence);
    const started = Date.now();
    await typist.keyboard('Paged at 02:10 by p99');
    const finished = Date.now();
    expect(finished - started).toBeGreaterThan(1_800);
    // No pause in the typing, yet the database kept up: a save at least every ~half second.
    expect(saves.filter((at) => at <= finished).length).toBeGreaterThanOrEqual(3);
    await waitFor(async () => expect((await repos.scorecards.getByInterview(ana.id))?.ratings[0]?.evidence).toBe('Paged at 02:10 by p99'));
  });

  it('restores text typed just before a reload from the journal and saves it', async () => {
    const { ana, repos } = await openInterview();
    const draft = await repos.scorecards.openForInterview(ana.id);
    const unsaved = contentOf(draft);
    unsaved.ratings = unsaved.ratings.map((r, i) => (i === 0 ? { ...r, evidence: 'The last second before the reload' } : r));
    // Left by the page before the reload (or by a killed tab): an entry whose tab no longer beats.
    localStorage.setItem(`loopcard:unsaved:${draft.id}:gone-tab`, JSON.stringify({ content: unsaved, baseEditVersion: draft.editVersion, at: Date.now() }));
    go(`/interviews/${ana.id}`);
    expect(await screen.findByLabelText('Evidence for Trigger')).toHaveValue('The last second before the reload');
    await waitFor(async () => expect((await repos.scorecards.get(draft.id))?.ratings[0]?.evidence).toBe('The last second before the reload'));
    await waitFor(() => expect(Object.keys(localStorage).filter((k) => k.startsWith(`loopcard:unsaved:${draft.id}:`))).toEqual([]));
  });

  it('takes over a killed tab’s text once that tab has gone quiet, never a live tab’s', async () => {
    const { ana, repos } = await openInterview();
    const draft = await repos.scorecards.openForInterview(ana.id);
    const unsaved = contentOf(draft);
    unsaved.ratings = unsaved.ratings.map((r, i) => (i === 0 ? { ...r, evidence: 'Typed in the other tab' } : r));
    localStorage.setItem(`loopcard:unsaved:${draft.id}:other-tab`, JSON.stringify({ content: unsaved, baseEditVersion: draft.editVersion, at: Date.now() }));
    // It beat 1.5 s ago: alive or just killed, this screen cannot tell yet. It is alive, and beats on.
    localStorage.setItem('loopcard:tab:other-tab', String(Date.now() - 1_500));
    const beating = setInterval(() => localStorage.setItem('loopcard:tab:other-tab', String(Date.now())), 200);
    try {
      go(`/interviews/${ana.id}`);
      const evidence = await screen.findByLabelText('Evidence for Trigger');
      expect(evidence).toHaveValue('');
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      expect(screen.getByLabelText('Evidence for Trigger')).toHaveValue('');
      expect(localStorage.getItem(`loopcard:unsaved:${draft.id}:other-tab`)).toContain('Typed in the other tab');
    } finally {
      clearInterval(beating);
    }

    // Now the other tab is killed (it stops beating) and the interviewer opens the scorecard again.
    go('/interviews/elsewhere');
    await waitFor(() => expect(screen.queryByLabelText('Evidence for Trigger')).not.toBeInTheDocument());
    go(`/interviews/${ana.id}`);
    await waitFor(() => expect(screen.getByLabelText('Evidence for Trigger')).toHaveValue('Typed in the other tab'), { timeout: 3_000 });
    await waitFor(async () => expect((await repos.scorecards.get(draft.id))?.ratings[0]?.evidence).toBe('Typed in the other tab'));
    await waitFor(() => expect(Object.keys(localStorage).filter((k) => k.startsWith(`loopcard:unsaved:${draft.id}:`))).toEqual([]));
  });

  it('keeps typing and saving when the journal’s storage is full', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const setItem = Storage.prototype.setItem;
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(function (this: Storage, key: string, value: string) {
      if (key.startsWith('loopcard:unsaved:')) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      setItem.call(this, key, value);
    });
    const { user, ana, repos } = await openInterview();
    go(`/interviews/${ana.id}`);
    const evidence = await screen.findByLabelText('Evidence for Trigger');
    await user.type(evidence, 'Rolled back in 6 min');
    expect(evidence).toHaveValue('Rolled back in 6 min');
    expect(warn).toHaveBeenCalledWith('Unsaved-text journal not written', expect.any(DOMException));
    await waitFor(async () => expect((await repos.scorecards.getByInterview(ana.id))?.ratings[0]?.evidence).toBe('Rolled back in 6 min'));
    expect(await screen.findByText(/^Saved /)).toBeInTheDocument();
  });
});

describe('independence', () => {
  it('hides another interviewer’s submitted scores until you submit your own', async () => {
    const { ana, ben, repos } = await openInterview();
    await submitBens(repos, ben.id);

    go(`/interviews/${ana.id}`);
    await screen.findByRole('heading', { level: 1, name: 'Scoring Zofia Łukasiewicz' });
    expect(screen.queryByText(/BEN-SECRET|BEN-TAKEAWAY/)).not.toBeInTheDocument();
    expect(screen.getByRole('radio', { name: 'Strong no' })).not.toBeChecked();

    go(`/interviews/${ben.id}`);
    expect(await screen.findByRole('heading', { name: 'Not visible yet' })).toBeInTheDocument();
    expect(screen.getByText(/Status: Submitted\./)).toBeInTheDocument();
    expect(screen.queryByText(/BEN-SECRET|BEN-TAKEAWAY|Strong no/)).not.toBeInTheDocument();
  });

  it('shows the panel’s submitted scorecards once you have submitted yours', async () => {
    const { ana, ben, repos } = await openInterview();
    await submitBens(repos, ben.id);
    const mine = await repos.scorecards.openForInterview(ana.id);
    const content = contentOf(mine);
    content.ratings = content.ratings.map((r) => ({ ...r, level: 3, evidence: 'Ana' }));
    content.recommendation = 'yes';
    await repos.scorecards.submit(mine.id, content, mine.editVersion);

    go(`/interviews/${ben.id}`);
    expect(await screen.findByText('BEN-SECRET trigger')).toBeInTheDocument();
    expect(screen.getByText('BEN-TAKEAWAY')).toBeInTheDocument();
  });

  it('never shows another interviewer’s draft, even after you submit', async () => {
    const { ana, ben, repos } = await openInterview();
    const bens = await repos.scorecards.openForInterview(ben.id);
    const draft = contentOf(bens);
    draft.takeaways = 'BEN-DRAFT';
    await repos.scorecards.saveDraft(bens.id, draft, bens.editVersion);
    const mine = await repos.scorecards.openForInterview(ana.id);
    const content = contentOf(mine);
    content.ratings = content.ratings.map((r) => ({ ...r, level: 'not-covered' }));
    content.recommendation = 'no';
    await repos.scorecards.submit(mine.id, content, mine.editVersion);

    go(`/interviews/${ben.id}`);
    expect(await screen.findByText(/Status: In progress\./)).toBeInTheDocument();
    expect(screen.queryByText('BEN-DRAFT')).not.toBeInTheDocument();
  });
});
