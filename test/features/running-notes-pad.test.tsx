import { describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { RunningNotesPad } from '../../src/features/interview/running-notes-pad';
import { BUILTIN_RUBRIC } from '../../src/domain/builtin-rubric';
import { PAD_MAX_LINES, type PadLine } from '../../src/domain/scorecard';

const lines = (n: number): PadLine[] => Array.from({ length: n }, (_, i) => ({ id: `l${i + 1}`, text: `Note ${i + 1}`, stamp: `${i}:00`, tag: null }));

function pad(count: number) {
  const handlers = { onAdd: vi.fn(), onTag: vi.fn(), onRemove: vi.fn() };
  render(<RunningNotesPad draftKey={`sc-${count}`} lines={lines(count)} dimensions={BUILTIN_RUBRIC.dimensions} {...handlers} />);
  return handlers;
}

describe('the running-notes pad', () => {
  it('shows the latest 30 lines and the earlier ones on request', async () => {
    pad(35);
    const list = screen.getByRole('list', { name: 'Notes so far' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(30);
    expect(within(list).getByText('Note 35')).toBeInTheDocument();
    expect(within(list).queryByText('Note 5')).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Show 5 earlier notes' }));
    expect(within(list).getAllByRole('listitem')).toHaveLength(35);
    expect(screen.queryByRole('button', { name: /earlier notes?$/ })).not.toBeInTheDocument();
  });

  it('adds a line on Enter, files it with Alt and a digit by key position, and files the last line when nothing is typed', async () => {
    const user = userEvent.setup();
    const { onAdd, onTag } = pad(3);
    const box = screen.getByRole('textbox', { name: 'Running notes' });
    await user.type(box, 'Paged at 02:10{Enter}');
    expect(onAdd).toHaveBeenCalledWith('Paged at 02:10', null);
    expect(box).toHaveValue('');
    await user.type(box, 'Rolled back');
    await user.keyboard('{Alt>}[Digit4]{/Alt}');
    expect(onAdd).toHaveBeenLastCalledWith('Rolled back', 'rollback');
    await user.keyboard('{Alt>}[Digit2]{/Alt}');
    expect(onTag).toHaveBeenCalledWith('l3', 'diagnosis');
  });

  it('keeps the line being typed on the device until it is added', async () => {
    const user = userEvent.setup();
    pad(1);
    await user.type(screen.getByRole('textbox', { name: 'Running notes' }), 'half a sentence');
    expect(window.localStorage.getItem('loopcard:draft:pad:sc-1')).toBe('half a sentence');
    await user.keyboard('{Enter}');
    expect(window.localStorage.getItem('loopcard:draft:pad:sc-1')).toBeNull();
  });

  it('takes a pasted 50,000-character passage whole, and keeps it in the box with the reason when the notes have no room', async () => {
    const user = userEvent.setup();
    const { onAdd } = pad(3);
    const box = screen.getByRole('textbox', { name: 'Running notes' });
    const passage = 'evidence '.repeat(5_600).slice(0, 50_000);
    await user.click(box);
    await user.paste(passage);
    expect(box).toHaveValue(passage);
    await user.keyboard('{Enter}');
    expect(onAdd).toHaveBeenCalledWith(passage, null);
  });

  it('keeps a passage that needs more lines than are left in the box, and says why', async () => {
    const user = userEvent.setup();
    const { onAdd } = pad(PAD_MAX_LINES - 1);
    const box = screen.getByRole('textbox', { name: 'Running notes' });
    const passage = 'word '.repeat(2_000);
    await user.click(box);
    await user.paste(passage);
    await user.keyboard('{Enter}');
    expect(onAdd).not.toHaveBeenCalled();
    expect(box).toHaveValue(passage);
    expect(screen.getByRole('alert')).toHaveTextContent(/hold at most 500 lines/);
  });
});
