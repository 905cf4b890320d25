import { describe, expect, it, vi } from 'vitest';
import { loopNameLookup } from '../../src/lib/name-lookup';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { NameForm } from '../../src/components/name-form';

const LOOP = ['Zoë Martin', 'Jonas Weiß', 'Ana Lopez'];

function setup() {
  const onSave = vi.fn(async (_name: string): Promise<string | null> => null);
  render(<NameForm label="Your name, as on the loop" submitLabel="Save name" onSave={onSave} lookup={loopNameLookup(LOOP)} />);
  return { user: userEvent.setup(), onSave, field: screen.getByLabelText('Your name, as on the loop') };
}

describe('NameForm with the loop’s names', () => {
  it('offers the accented name to someone typing without accents, and one tap saves it as the loop spells it', async () => {
    const { user, onSave, field } = setup();
    await user.type(field, 'zoe');
    const offered = screen.getByRole('group', { name: 'Names on this loop' });
    await user.click(screen.getByRole('button', { name: 'I am Zoë Martin' }));
    expect(onSave).toHaveBeenCalledWith('Zoë Martin');
    expect(offered).toBeInTheDocument();
  });

  it('says before saving that a name the loop does not have opens no interview', async () => {
    const { user, field } = setup();
    await user.type(field, 'Zoe Martin');
    expect(field).toHaveAccessibleDescription(/No one on this loop has that name/);
    // The same person, spelt without the ß, is on the loop: no warning.
    await user.clear(field);
    await user.type(field, 'jonas weiss');
    expect(field).not.toHaveAccessibleDescription(/No one on this loop/);
    expect(screen.getByRole('button', { name: 'I am Jonas Weiß' })).toBeInTheDocument();
  });

  it('saves what was typed with Enter, keyboard only', async () => {
    const { user, onSave, field } = setup();
    await user.type(field, 'Ana Lopez{Enter}');
    expect(onSave).toHaveBeenCalledWith('Ana Lopez');
    expect(screen.queryByRole('group', { name: 'Names on this loop' })).toBeNull();
  });
});
