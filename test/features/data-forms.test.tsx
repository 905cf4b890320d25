import { describe, expect, it } from 'vitest';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DataPage } from '../../src/features/data/data-page';
import { BACKUP_WRONG_PASSPHRASE_MESSAGE } from '../../src/domain/backup-format';
import { RepositoriesProvider } from '../../src/lib/repositories-context';
import { freshDb } from '../helpers/db';

/** A repository that records which of its methods were called (the lazy ones cannot be spied on). */
function recording<T extends object>(target: T, calls: string[]): T {
  return new Proxy(target, {
    get(object, property, receiver) {
      const value: unknown = Reflect.get(object, property, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        calls.push(String(property));
        return (value as (...a: unknown[]) => unknown)(...args);
      };
    },
  });
}

/** The data screen over a fresh database, with every call to the retention and backup repositories recorded. */
function renderDataPage() {
  window.history.replaceState(null, '', '/data');
  const { repos } = freshDb();
  const calls: string[] = [];
  render(
    <RepositoriesProvider repositories={{ ...repos, erasure: recording(repos.erasure, calls), backup: recording(repos.backup, calls) }}>
      <DataPage />
    </RepositoriesProvider>,
  );
  return { repos, calls };
}

describe('retention form', () => {
  it('shows a period that is too short under its field, marks it invalid, focuses it and saves nothing', async () => {
    const user = userEvent.setup();
    const { repos, calls } = renderDataPage();
    const days = await screen.findByLabelText('Keep for (days after the decision)');
    await user.clear(days);
    await user.type(days, '7');
    await user.click(screen.getByRole('button', { name: 'Save retention' }));

    await waitFor(() => expect(days).toHaveFocus());
    expect(days).toHaveAttribute('aria-invalid', 'true');
    expect(days).toHaveAccessibleDescription('Keep decided candidates for at least 30 days.');
    expect(calls).not.toContain('setRetention');
    expect(await repos.erasure.getRetention()).toEqual({ enabled: false, days: 365 });
  });

  it('refuses to preview with no period, in words, and focuses the field', async () => {
    const user = userEvent.setup();
    const { calls } = renderDataPage();
    const days = await screen.findByLabelText('Keep for (days after the decision)');
    await user.clear(days);
    await user.click(screen.getByRole('button', { name: 'Preview who is past it' }));

    await waitFor(() => expect(days).toHaveFocus());
    expect(days).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByText('Enter the number of days as a number.')).toBeVisible();
    expect(calls).not.toContain('previewRetention');
    expect(screen.queryByRole('region', { name: 'Retention preview' })).not.toBeInTheDocument();
  });

  it('saves a valid period and says so', async () => {
    const user = userEvent.setup();
    const { repos } = renderDataPage();
    const days = await screen.findByLabelText('Keep for (days after the decision)');
    await user.clear(days);
    await user.type(days, '90');
    await user.click(screen.getByRole('checkbox', { name: 'Remove decided candidates by age' }));
    await user.click(screen.getByRole('button', { name: 'Save retention' }));
    expect(await screen.findByText(/Decided candidates are kept for 90 days\./)).toBeInTheDocument();
    expect(days).not.toHaveAttribute('aria-invalid');
    expect(await repos.erasure.getRetention()).toEqual({ enabled: true, days: 90 });
  });
});

describe('backup passphrase form', () => {
  it('shows a short passphrase and a different second one under their fields and focuses the first', async () => {
    const user = userEvent.setup();
    const { calls } = renderDataPage();
    await user.click(await screen.findByRole('checkbox', { name: /Encrypt with a passphrase/ }));
    const passphrase = screen.getByLabelText('Passphrase');
    const again = screen.getByLabelText('Passphrase again');
    await user.type(passphrase, 'short');
    await user.type(again, 'shorter');
    await user.click(screen.getByRole('button', { name: 'Download backup' }));

    await waitFor(() => expect(passphrase).toHaveFocus());
    expect(passphrase).toHaveAttribute('aria-invalid', 'true');
    expect(passphrase).toHaveAccessibleDescription(expect.stringContaining('Use a passphrase of at least 8 characters.'));
    expect(screen.getByText('Use a passphrase of at least 8 characters.')).toBeVisible();
    expect(again).toHaveAttribute('aria-invalid', 'true');
    expect(again).toHaveAccessibleDescription('The two passphrases are different.');
    expect(calls).not.toContain('exportBackup');
  });

  it('asks for a passphrase when encrypting with none, and focuses the field', async () => {
    const user = userEvent.setup();
    const { calls } = renderDataPage();
    await user.click(await screen.findByRole('checkbox', { name: /Encrypt with a passphrase/ }));
    await user.click(screen.getByRole('button', { name: 'Download backup' }));

    const passphrase = screen.getByLabelText('Passphrase');
    await waitFor(() => expect(passphrase).toHaveFocus());
    expect(passphrase).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByText('Enter a passphrase.')).toBeVisible();
    expect(screen.getByLabelText('Passphrase again')).not.toHaveAttribute('aria-invalid');
    expect(calls).not.toContain('exportBackup');
  });
});

describe('restore passphrase form', () => {
  async function chooseEncryptedBackup(user: ReturnType<typeof userEvent.setup>) {
    const { repos, calls } = renderDataPage();
    const file = await repos.backup.exportBackup({ appVersion: 'test', passphrase: 'correct horse battery staple' });
    await user.upload(await screen.findByLabelText('Backup file'), new File([file.blob], 'backup.loopcard.json', { type: 'application/json' }));
    return { calls, input: await screen.findByLabelText('Passphrase for backup.loopcard.json') };
  }

  it('asks for the passphrase when none is typed, under the field, and focuses it', async () => {
    const user = userEvent.setup();
    const { calls, input } = await chooseEncryptedBackup(user);
    const previewsBefore = calls.filter((c) => c === 'previewRestore').length;
    await user.click(screen.getByRole('button', { name: 'Open the backup' }));

    await waitFor(() => expect(input).toHaveFocus());
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(input).toHaveAccessibleDescription('Enter the passphrase.');
    expect(calls.filter((c) => c === 'previewRestore')).toHaveLength(previewsBefore);
  });

  it('shows a wrong passphrase under the field, focuses it, and opens the backup with the right one', async () => {
    const user = userEvent.setup();
    const { input } = await chooseEncryptedBackup(user);
    await user.type(input, 'wrong passphrase');
    await user.click(screen.getByRole('button', { name: 'Open the backup' }));

    await waitFor(() => expect(input).toHaveAttribute('aria-invalid', 'true'), { timeout: 10_000 });
    expect(input).toHaveAccessibleDescription(BACKUP_WRONG_PASSPHRASE_MESSAGE);
    await waitFor(() => expect(input).toHaveFocus());
    expect(screen.queryByRole('region', { name: 'What the restore will do' })).not.toBeInTheDocument();

    await user.clear(input);
    await user.type(input, 'correct horse battery staple');
    await user.click(screen.getByRole('button', { name: 'Open the backup' }));
    expect(await screen.findByRole('region', { name: 'What the restore will do' }, { timeout: 10_000 })).toBeInTheDocument();
  });
});
