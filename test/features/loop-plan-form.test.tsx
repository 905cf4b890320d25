import { describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route } from 'wouter';
import { RoleForm } from '../../src/features/roles/role-form';
import { CandidatePage } from '../../src/features/candidates/candidate-page';
import { EditRolePage, NewRolePage } from '../../src/features/roles/role-editor-page';
import { BUILTIN_RUBRIC } from '../../src/domain/builtin-rubric';
import { ML_SYSTEM_DESIGN_RUBRIC, ROLLBACK_SCENARIO_RUBRIC } from '../../src/domain/builtin-rubric-library';
import { latestRubrics, type Rubric } from '../../src/domain/rubric';
import type { LoopSlot, RoleInput } from '../../src/domain/role';
import type { Scorecard } from '../../src/domain/scorecard';
import { servingRole } from '../fixtures/roles';
import { renderWithDb } from '../helpers/render';

const incident = { id: BUILTIN_RUBRIC.id, version: 1 };
const design = { id: ML_SYSTEM_DESIGN_RUBRIC.id, version: 1 };
const rollback = { id: ROLLBACK_SCENARIO_RUBRIC.id, version: 1 };
/** As the role screens get them: the latest of each rubric, by title. */
const library: Rubric[] = latestRubrics([BUILTIN_RUBRIC, ML_SYSTEM_DESIGN_RUBRIC, ROLLBACK_SCENARIO_RUBRIC]);

const plan = () => screen.getByRole('group', { name: 'Loop plan' });
const slotSelect = (n: number) => within(plan()).getByRole('combobox', { name: `Interview ${n}` });
const selected = (n: number) => (slotSelect(n) as HTMLSelectElement).selectedOptions[0]?.textContent;

describe('the loop plan of a role', () => {
  it('starts with one incident review, and is built, reordered and trimmed with the keyboard alone', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn(async (_values: RoleInput) => ({ ok: true as const }));
    render(<RoleForm initial={servingRole} rubrics={library} submitLabel="Save changes" onSubmit={onSubmit} onCancel={() => undefined} />);

    expect(within(plan()).getAllByRole('listitem')).toHaveLength(1);
    expect(selected(1)).toBe('Production incident review · version 1');
    expect(within(plan()).getByRole('button', { name: 'Remove interview 1' })).toBeDisabled();

    screen.getByLabelText('Target to close (weeks)').focus();
    await user.tab();
    expect(slotSelect(1)).toHaveFocus();
    // Move up, Move down and Remove are disabled with one interview: the next stop is Add interview.
    await user.tab();
    expect(screen.getByRole('button', { name: 'Add interview' })).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(slotSelect(2)).toHaveFocus();
    expect(selected(2)).toBe('ML system design · version 1');

    await user.tab(); // Move up interview 2
    await user.tab(); // Remove interview 2 (Move down is disabled on the last)
    expect(screen.getByRole('button', { name: 'Remove interview 2' })).toHaveFocus();
    await user.tab();
    await user.keyboard(' ');
    expect(slotSelect(3)).toHaveFocus();
    expect(selected(3)).toBe('Rollback scenario · version 1');

    // Up twice: focus stays on the interview it moves, and when it reaches the top, on Move down.
    await user.tab();
    expect(screen.getByRole('button', { name: 'Move up interview 3' })).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(selected(2)).toBe('Rollback scenario · version 1');
    expect(screen.getByRole('button', { name: 'Move up interview 2' })).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(selected(1)).toBe('Rollback scenario · version 1');
    expect(screen.getByRole('button', { name: 'Move down interview 1' })).toHaveFocus();
    expect(screen.getByRole('button', { name: 'Move up interview 1' })).toBeDisabled();

    // Remove it: focus goes to the interview that took its place.
    await user.tab();
    expect(screen.getByRole('button', { name: 'Remove interview 1' })).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(within(plan()).getAllByRole('listitem')).toHaveLength(2);
    expect(slotSelect(1)).toHaveFocus();
    expect(selected(1)).toBe('Production incident review · version 1');

    // Added again, the rollback interview gets a key no interview of this plan has had.
    screen.getByRole('button', { name: 'Add interview' }).focus();
    await user.keyboard('{Enter}');
    expect(selected(3)).toBe('Rollback scenario · version 1');

    screen.getByRole('button', { name: 'Save changes' }).focus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
    expect(onSubmit.mock.calls[0]?.[0]).toMatchObject({
      rubric: incident,
      loopPlan: [
        { key: 's1', rubric: incident },
        { key: 's2', rubric: design },
        { key: 's4', rubric: rollback },
      ],
    });
  });

  it('makes the first interview the role’s default rubric', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn(async (_values: RoleInput) => ({ ok: true as const }));
    render(<RoleForm initial={servingRole} rubrics={library} submitLabel="Save changes" onSubmit={onSubmit} onCancel={() => undefined} />);
    await user.selectOptions(slotSelect(1), 'ML system design · version 1');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
    expect(onSubmit.mock.calls[0]?.[0]).toMatchObject({ rubric: design, loopPlan: [{ key: 's1', rubric: design }] });
  });

  it('offers at most 12 interviews', async () => {
    const user = userEvent.setup();
    render(<RoleForm initial={servingRole} rubrics={library} submitLabel="Save changes" onSubmit={vi.fn()} onCancel={() => undefined} />);
    const add = screen.getByRole('button', { name: 'Add interview' });
    for (let i = 0; i < 14; i += 1) if (!(add as HTMLButtonElement).disabled) await user.click(add);
    expect(within(plan()).getAllByRole('listitem')).toHaveLength(12);
    expect(add).toBeDisabled();
    expect(screen.getByText('A loop has at most 12 interviews.')).toBeInTheDocument();
  });

  it('keeps an older version a plan already uses on offer, labelled with its number', async () => {
    const older = { ...BUILTIN_RUBRIC, title: 'Production incident review' };
    const newer: Rubric = { ...BUILTIN_RUBRIC, id: 'incident-v2', version: 2, basedOn: incident, createdAt: '2026-11-01T00:00:00.000Z' };
    render(<RoleForm initial={servingRole} rubrics={[older, ...latestRubrics([newer, ML_SYSTEM_DESIGN_RUBRIC])]} submitLabel="Save" onSubmit={vi.fn()} onCancel={() => undefined} />);
    expect(selected(1)).toBe('Production incident review · version 1');
    expect(within(slotSelect(1)).getByRole('option', { name: 'Production incident review · version 2' })).toBeInTheDocument();
  });
});

describe('a role’s plan on this device', () => {
  it('is saved with a new role: one incident review unless the manager plans more', async () => {
    const user = userEvent.setup();
    const { repos } = renderWithDb(<NewRolePage />, { path: '/roles/new' });
    await screen.findByRole('button', { name: 'Create role' });
    await user.type(screen.getByLabelText('Job title'), 'Senior MLOps Engineer, Serving');
    await user.click(screen.getByRole('radio', { name: /Serving & reliability/ }));
    await user.type(screen.getByLabelText('Mandate'), 'Cut p99 latency of model serving.');
    await user.click(screen.getByRole('radio', { name: 'Senior' }));
    await user.type(screen.getByLabelText('Minimum'), '240000');
    await user.type(screen.getByLabelText('Maximum'), '310000');
    expect(selected(1)).toBe('Production incident review · version 1');
    await user.click(screen.getByRole('button', { name: 'Add interview' }));
    await user.click(screen.getByRole('button', { name: 'Create role' }));
    await waitFor(async () => expect(await repos.roles.list()).toHaveLength(1));
    const [role] = await repos.roles.list();
    expect(role?.rubric).toEqual(incident);
    expect(role?.loopPlan).toEqual([{ key: 's1', rubric: incident }, { key: 's2', rubric: design }]);
  });

  async function editScoredRole() {
    const user = userEvent.setup();
    const loopPlan: LoopSlot[] = [{ key: 's1', rubric: incident }, { key: 's2', rubric: design }];
    const utils = renderWithDb(<Route path="/roles/:roleId/edit" component={EditRolePage} />, { path: '/roles/pending/edit' });
    const { db, repos } = utils;
    const role = await repos.roles.create({ ...servingRole, loopPlan });
    for (const [name, interviewer] of [['Priya Raman', 'Ana Lopez'], ['Sam Idowu', 'Ben Okafor'], ['Lin Wu', 'Cleo Park']] as const) {
      const candidate = await repos.candidates.create({ roleId: role.id, name, notes: '' });
      const interview = await repos.interviews.addToLoop(candidate.id, { interviewerName: interviewer, plannedAt: '' });
      const stamp = '2026-11-02T09:00:00.000Z';
      const scorecard: Scorecard = {
        id: `sc-${interview.id}`, interviewId: interview.id, candidateId: candidate.id, roleId: role.id, rubric: interview.rubric, interviewerName: interviewer,
        ratings: [], redFlags: [], recommendation: null, takeaways: '', status: 'draft', revision: 1, amendReason: '', editVersion: 0, timerStartedAt: null,
        createdAt: stamp, updatedAt: stamp, submittedAt: null, contentHash: null,
      };
      await db.scorecards.add(scorecard);
    }
    window.history.replaceState(null, '', `/roles/${role.id}/edit`);
    window.dispatchEvent(new PopStateEvent('popstate'));
    await screen.findByLabelText('Job title');
    return { user, repos, role, loopPlan };
  }

  it('asks before changing the plan of a role with scorecards, and saves only on yes', async () => {
    const { user, repos, role, loopPlan } = await editScoredRole();
    await user.click(screen.getByRole('button', { name: 'Remove interview 2' }));
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    const confirm = await screen.findByRole('group', { name: /3 candidates of this role already have scorecards/ });
    expect(confirm).toHaveTextContent('3 candidates of this role already have scorecards. Interviews already planned keep their rubric; interviews added from now, for any candidate, follow the new plan.');
    expect(confirm).toHaveFocus();
    expect((await repos.roles.get(role.id))?.loopPlan).toEqual(loopPlan);

    await user.click(screen.getByRole('button', { name: 'Keep editing' }));
    expect(screen.queryByRole('group', { name: /already have scorecards/ })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Save changes' })).toHaveFocus();

    await user.keyboard('{Enter}');
    await user.click(await screen.findByRole('button', { name: 'Save the new plan' }));
    await waitFor(async () => expect((await repos.roles.get(role.id))?.loopPlan).toEqual([{ key: 's1', rubric: incident }]));
  });

  it('does not ask when the plan stays as it was', async () => {
    const { user, repos, role, loopPlan } = await editScoredRole();
    const title = screen.getByLabelText('Job title');
    await user.clear(title);
    await user.type(title, 'Staff MLOps Engineer, Serving');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(async () => expect((await repos.roles.get(role.id))?.title).toBe('Staff MLOps Engineer, Serving'));
    expect((await repos.roles.get(role.id))?.loopPlan).toEqual(loopPlan);
  });
});

describe('a candidate’s loop on a planned role', () => {
  async function openCandidate(input: RoleInput) {
    const user = userEvent.setup();
    const utils = renderWithDb(<Route path="/candidates/:candidateId" component={CandidatePage} />, { path: '/candidates/pending' });
    const role = await utils.repos.roles.create(input);
    const candidate = await utils.repos.candidates.create({ name: 'Ada Byron', roleId: role.id, notes: '' });
    window.history.replaceState(null, '', `/candidates/${candidate.id}`);
    window.dispatchEvent(new PopStateEvent('popstate'));
    await screen.findByRole('heading', { level: 1, name: 'Ada Byron' });
    return { ...utils, user, candidate };
  }
  const addInterviewer = async (user: ReturnType<typeof userEvent.setup>, name: string) => {
    await user.type(screen.getByLabelText('Interviewer name'), name);
    await user.click(screen.getByRole('button', { name: 'Add to loop' }));
    await waitFor(() => expect(within(screen.getByRole('list', { name: 'Interviews in the loop' })).getByText(name)).toBeInTheDocument());
  };
  const interviewRun = () => screen.getByRole('combobox', { name: 'Interview they run' }) as HTMLSelectElement;

  it('gives each interviewer the next interview of the plan, or the one chosen, and shows its rubric', async () => {
    const loopPlan: LoopSlot[] = [{ key: 's1', rubric: incident }, { key: 's2', rubric: design }, { key: 's3', rubric: rollback }];
    const { user, repos, candidate } = await openCandidate({ ...servingRole, loopPlan });
    expect(
      screen.getByText('Every candidate for this role gets the same 3 interviews: Production incident review, ML system design and Rollback scenario. Each interviewer runs one of them and scores it on their own.'),
    ).toBeInTheDocument();
    expect(interviewRun().selectedOptions[0]?.textContent).toBe('Interview 1 · Production incident review, version 1');
    expect(interviewRun()).toHaveAccessibleDescription('Preselected: the first interview of the plan that nobody runs yet.');

    await addInterviewer(user, 'Ana Lopez');
    await waitFor(() => expect(interviewRun().selectedOptions[0]?.textContent).toBe('Interview 2 · ML system design, version 1'));
    await user.selectOptions(interviewRun(), 'Interview 3 · Rollback scenario, version 1');
    await addInterviewer(user, 'Ben Okafor');
    await waitFor(() => expect(interviewRun().selectedOptions[0]?.textContent).toBe('Interview 2 · ML system design, version 1'));
    await addInterviewer(user, 'Cleo Park');

    const loop = await repos.interviews.listByCandidate(candidate.id);
    expect(Object.fromEntries(loop.map((i) => [i.interviewerName, i.rubric.id]))).toEqual({
      'Ana Lopez': incident.id,
      'Ben Okafor': rollback.id,
      'Cleo Park': design.id,
    });
    const items = within(screen.getByRole('list', { name: 'Interviews in the loop' })).getAllByRole('listitem');
    const rubricOf = (name: string) => items.find((li) => li.textContent?.includes(name))?.textContent ?? '';
    expect(rubricOf('Ana Lopez')).toContain('Production incident review · v1');
    expect(rubricOf('Ben Okafor')).toContain('Rollback scenario · v1');
    expect(rubricOf('Cleo Park')).toContain('ML system design · v1');
  });

  it('asks nothing when the plan has one interview, and says which one everyone runs', async () => {
    const { user, repos, candidate } = await openCandidate(servingRole);
    expect(screen.getByText('Each interviewer runs the same interview, Production incident review (version 1), and scores it on their own.')).toBeInTheDocument();
    expect(screen.queryByRole('combobox', { name: 'Interview they run' })).not.toBeInTheDocument();
    await addInterviewer(user, 'Ana Lopez');
    await addInterviewer(user, 'Ben Okafor');
    expect((await repos.interviews.listByCandidate(candidate.id)).map((i) => i.rubric)).toEqual([incident, incident]);
  });
});
