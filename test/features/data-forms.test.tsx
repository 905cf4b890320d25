import { describe, expect, it } from 'vitest';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DataPage } from '../../src/features/data/data-page';
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
