import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Switch } from 'wouter';
import { RubricPage } from '../../src/features/rubrics/rubric-page';
import { RubricEditorPage } from '../../src/features/rubrics/rubric-editor-page';
import { BUILTIN_RUBRIC } from '../../src/domain/builtin-rubric';
import { renderWithDb } from '../helpers/render';

type User = ReturnType<typeof userEvent.setup>;

/** Presses Tab (Shift+Tab when `back`) until `matches` holds for the focused element; fails after `max` presses. */
async function tabUntil(user: User, matches: (el: Element) => boolean, { back = false, max = 400 } = {}) {
  for (let i = 0; i < max; i += 1) {
    await user.tab({ shift: back });
    const focused = document.activeElement;
    if (focused && matches(focused)) return focused;
  }
  throw new Error('never reached the element by keyboard');
}

const named = (name: string | RegExp) => (el: Element) => {
  const label = el.getAttribute('aria-label') ?? el.textContent ?? '';
  return typeof name === 'string' ? label === name : name.test(label);
};
const fieldLabelled = (label: string, group: RegExp) => (el: Element) => {
  const fieldset = el.closest('fieldset');
  return el.id !== '' && document.querySelector(`label[for="${el.id}"]`)?.textContent === label && group.test(fieldset?.querySelector('legend')?.textContent ?? '');
};

function renderRubrics(path: string) {
  return renderWithDb(
    <Switch>
      <Route path="/rubrics/drafts/:draftId" component={RubricEditorPage} />
      <Route path="/rubrics/:id/:version" component={RubricPage} />
    </Switch>,
    { path },
  );
}

describe('rubric editor, by keyboard only', () => {
  it('changes an anchor, adds a dimension, moves it up, fixes what blocks the save and saves version 2', async () => {
    const user = userEvent.setup();
    const { repos, db } = renderRubrics(`/rubrics/${BUILTIN_RUBRIC.id}/1`);
    const v1Before = JSON.stringify(await db.rubrics.get([BUILTIN_RUBRIC.id, 1]));
    expect(await screen.findByRole('heading', { level: 1, name: 'Production incident review · version 1' })).toBeInTheDocument();

    await tabUntil(user, named('Edit as a new version'));
    await user.keyboard('{Enter}');
    expect(await screen.findByRole('heading', { level: 1, name: 'New version of Production incident review' })).toBeInTheDocument();

    // The level 2 anchor of Rollback: tabbing in selects its text, typing replaces it.
    const anchor = await tabUntil(user, fieldLabelled('Level 2 · Partial', /Dimension 4: Rollback/));
    await user.keyboard('Untested rollback path.');
    expect(anchor).toHaveValue('Untested rollback path.');

    // A sixth dimension: focus lands on its title.
    await tabUntil(user, named('Add dimension'));
    await user.keyboard('{Enter}');
    const title = screen.getByRole('group', { name: 'Dimension 6' }).querySelector('input');
    await waitFor(() => expect(title).toHaveFocus());
    await user.keyboard('Cost awareness');
    const added = screen.getByRole('group', { name: 'Dimension 6: Cost awareness' });
    await user.tab();
    expect(within(added).getByLabelText('Focus')).toHaveFocus();
    await user.keyboard('Unit cost.');
    await user.tab();
    await user.keyboard('Knows the unit cost.');
    for (const text of ['None.', 'The bill.', 'Unit cost.']) {
      await user.tab();
      await user.keyboard(text);
    }
    // Level 4 is left empty: a blocking problem.

    // Move it up, above Prevention; focus stays on the moved dimension's button.
    await tabUntil(user, named('Move dimension 6, Cost awareness up'));
    await user.keyboard('{Enter}');
    await waitFor(() => expect(screen.getByRole('button', { name: 'Move dimension 5, Cost awareness up' })).toHaveFocus());
    expect(screen.getByRole('group', { name: 'Dimension 6: Prevention' })).toBeInTheDocument();

    // Save: refused, with the problem in a summary that takes focus and links to the field.
    await tabUntil(user, named('Save version'));
    await user.keyboard('{Enter}');
    const summary = await screen.findByRole('alert');
    await waitFor(() => expect(summary).toHaveFocus());
    expect(within(summary).getAllByRole('link').map((l) => l.textContent)).toEqual(['The level 4 anchor of “Cost awareness” is required.']);
    const level4 = within(screen.getByRole('group', { name: 'Dimension 5: Cost awareness' })).getByLabelText('Level 4 · Exceptional');
    expect(level4).toHaveAccessibleDescription(expect.stringContaining('The level 4 anchor of “Cost awareness” is required.'));
    await user.tab();
    await user.keyboard('{Enter}');
    expect(level4).toHaveFocus();
    await user.keyboard('Cost by design.');
    await waitFor(() => expect(screen.queryByRole('alert')).not.toBeInTheDocument());

    await tabUntil(user, named('Save version'));
    await user.keyboard('{Enter}');
    expect(await screen.findByRole('heading', { level: 1, name: 'Production incident review · version 2' })).toBeInTheDocument();

    const versions = await repos.rubrics.listVersions(BUILTIN_RUBRIC.id);
    expect(versions.map((r) => r.version)).toEqual([1, 2]);
    const v2 = versions[1];
    expect(v2?.dimensions.map((d) => d.key)).toEqual(['trigger', 'diagnosis', 'mitigation', 'rollback', 'cost-awareness', 'prevention']);
    expect(v2?.dimensions[3]?.anchors[2]).toBe('Untested rollback path.');
    expect(v2?.agenda.find((b) => b.dimensionKey === 'cost-awareness')).toMatchObject({ title: 'Cost awareness', minutes: 8 });
    expect(JSON.stringify(await db.rubrics.get([BUILTIN_RUBRIC.id, 1]))).toBe(v1Before);
    expect(await repos.rubricLibrary.listDrafts()).toEqual([]);
  }, 150_000);

  it('keeps the draft as it is typed, and offers both copies when another tab saved it', async () => {
    const user = userEvent.setup();
    const { repos } = renderRubrics(`/rubrics/${BUILTIN_RUBRIC.id}/1`);
    await screen.findByRole('heading', { level: 1, name: 'Production incident review · version 1' });
    await tabUntil(user, named('Edit as a new version'));
    await user.keyboard('{Enter}');
    await screen.findByRole('heading', { level: 1, name: 'New version of Production incident review' });
    const [draft] = await repos.rubricLibrary.listDrafts();
    if (!draft) throw new Error('no draft');

    await tabUntil(user, (el) => el.id === 'prompt');
    await user.keyboard('A cost incident.');
    await waitFor(async () => expect((await repos.rubricLibrary.getDraft(draft.id))?.prompt).toBe('A cost incident.'), { timeout: 2_000 });
    await waitFor(() => expect(screen.getByText(/^Saved \d/)).toBeInTheDocument());

    // Another tab saves, then this screen types before it has seen that save.
    const stored = await repos.rubricLibrary.getDraft(draft.id);
    if (!stored) throw new Error('no draft');
    await user.keyboard('!');
    await repos.rubricLibrary.saveDraft({ ...stored, title: 'Incident review (other tab)' }, stored.updatedAt);
    expect(await screen.findByText('This draft was changed in another tab')).toBeInTheDocument();
    expect(screen.getByText('Not saved — changed in another tab')).toBeInTheDocument();

    await tabUntil(user, named('Keep this screen’s version'), { back: true });
    await user.keyboard('{Enter}');
    await waitFor(async () => expect((await repos.rubricLibrary.getDraft(draft.id))?.prompt).toBe('A cost incident.!'));
    expect((await repos.rubricLibrary.getDraft(draft.id))?.title).toBe('Production incident review');
    expect(screen.queryByText('This draft was changed in another tab')).not.toBeInTheDocument();
  }, 30_000);
});
