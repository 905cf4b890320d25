import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import userEvent from '@testing-library/user-event';
import { LIST_PAGE_SIZE } from '../../src/components/paged-list';
import { render, screen, waitFor } from '@testing-library/react';
import { RepositoriesProvider } from '../../src/lib/repositories-context';
import { RolesPage } from '../../src/features/roles/roles-page';
import { SNAPSHOT_KEY, readSnapshot } from '../../src/lib/first-paint-snapshot';
import { servingRole } from '../fixtures/roles';
import { renderWithDb } from '../helpers/render';
import { freshDb } from '../helpers/db';

const BUILD = '/assets/index-Test01.js';

/** What the next start would put on screen before the app's code runs, parsed. */
function keptList(): Document | null {
  const html = readSnapshot({ storage: () => localStorage, build: BUILD, now: new Date() });
  return html === null ? null : new DOMParser().parseFromString(html, 'text/html');
}

beforeEach(() => {
  // The built page names its entry script; the snapshot belongs to that build.
  const entry = document.createElement('script');
  entry.type = 'module';
  entry.src = BUILD;
  entry.id = 'entry';
  document.head.append(entry);
});

afterEach(() => {
  document.getElementById('entry')?.remove();
  localStorage.clear();
});

describe('the roles list as the next start shows it first', () => {
  it('is kept once the list shows its roles, as drawn, and kept again when they change', async () => {
    const { repos } = renderWithDb(<RolesPage />, { path: '/roles' });
    await repos.roles.create(servingRole);
    await screen.findByRole('heading', { name: servingRole.title });

    await waitFor(() => expect(keptList()?.querySelector('h3.card-title')?.textContent).toBe(servingRole.title), { timeout: 3_000 });
    const kept = keptList();
    expect(kept?.querySelector('h1')?.textContent).toBe('Roles');
    expect(kept?.querySelector('a[href="/roles/new"]')?.textContent).toBe('New role');
    expect(kept?.querySelector('.screen-body')).not.toBeNull();

    await repos.roles.create({ ...servingRole, title: 'Staff ML Platform Engineer' });
    await screen.findByRole('heading', { name: 'Staff ML Platform Engineer' });
    await waitFor(() => expect(keptList()?.querySelectorAll('h3.card-title')).toHaveLength(2), { timeout: 3_000 });
  });

  it('keeps the empty state of a device with no roles', async () => {
    renderWithDb(<RolesPage />, { path: '/roles' });
    await screen.findByRole('heading', { name: 'No roles yet' });
    await waitFor(() => expect(keptList()?.querySelector('h2, h3')?.textContent).toBe('No roles yet'), { timeout: 3_000 });
  });

  it('is not kept while the list shows a message a new start would not', async () => {
    // Arriving from the role form, which leaves its confirmation in the history entry.
    window.history.replaceState({ flash: 'Role saved.' }, '', '/roles');
    const { repos } = freshDb();
    await repos.roles.create(servingRole);
    render(
      <RepositoriesProvider repositories={repos}>
        <RolesPage />
      </RepositoriesProvider>,
    );
    await screen.findByRole('heading', { name: servingRole.title });
    expect(screen.getByText('Role saved.')).toBeInTheDocument();
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(localStorage.getItem(SNAPSHOT_KEY)).toBeNull();
  });

  it('keeps only the first page, as a new start shows it, after "Show more"', async () => {
    const user = userEvent.setup();
    const { repos } = freshDb();
    for (let i = 0; i <= LIST_PAGE_SIZE; i++) await repos.roles.create({ ...servingRole, title: `Serving engineer ${i + 1}` });
    render(
      <RepositoriesProvider repositories={repos}>
        <RolesPage />
      </RepositoriesProvider>,
    );
    await waitFor(() => expect(keptList()?.querySelectorAll('h3.card-title')).toHaveLength(LIST_PAGE_SIZE), { timeout: 3_000 });

    await user.click(screen.getByRole('button', { name: 'Show 1 more open search' }));
    expect(await screen.findAllByRole('heading', { level: 3 })).toHaveLength(LIST_PAGE_SIZE + 1);
    // A change while both pages show: what is drawn now is not what a new start draws.
    await repos.roles.create({ ...servingRole, title: 'Staff ML Platform Engineer' });
    await screen.findByRole('heading', { name: 'Staff ML Platform Engineer' });
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(keptList()?.querySelectorAll('h3.card-title')).toHaveLength(LIST_PAGE_SIZE);
  });
});
