import { describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Layout } from '../../src/app/layout';
import { readFirstScreen } from '../../src/data/first-screen-read';
import type { Repositories } from '../../src/data/repositories';
import { RepositoriesProvider } from '../../src/lib/repositories-context';
import { servingRole } from '../fixtures/roles';
import { freshDb } from '../helpers/db';

/** The app as it starts: the first screen read straight from IndexedDB, the repositories when `release` is called. */
async function startApp({ withRole }: { withRole: boolean }) {
  const { db, repos } = freshDb();
  await db.open();
  if (withRole) {
    const role = await repos.roles.create({ ...servingRole, title: 'Senior MLOps Engineer, Serving' });
    await repos.candidates.create({ name: 'Priya Raman', roleId: role.id, notes: '' });
  }
  let release: (r: Repositories) => void = () => undefined;
  let loads = 0;
  const rest = new Promise<Repositories>((resolve) => (release = resolve));
  window.history.replaceState(null, '', '/roles');
  render(
    <RepositoriesProvider
      first={{ promise: readFirstScreen({ name: db.name }), settled: undefined }}
      load={() => {
        loads += 1;
        return rest;
      }}
    >
      <Layout />
    </RepositoriesProvider>,
  );
  return { release: () => release(repos), loads: () => loads, repos };
}

describe('the first screen, before the rest of the app has loaded', () => {
  it('shows the heading and a placeholder at once, then the roles, without the other screens’ code', async () => {
    const app = await startApp({ withRole: true });
    expect(screen.getByRole('heading', { level: 1, name: 'Roles' })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Loading roles…');
    const open = await screen.findByRole('list', { name: 'Open searches' });
    expect(within(open).getByRole('heading', { name: 'Senior MLOps Engineer, Serving' })).toBeInTheDocument();
    expect(within(open).getByRole('link', { name: '1 candidate for Senior MLOps Engineer, Serving' })).toBeInTheDocument();
    expect(within(open).getByText(/^Week \d+/)).toBeInTheDocument();
    // Nothing has asked for the rest: a device that only shows the list loads nothing more.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(app.loads()).toBe(0);
    app.release();
  });

  it('loads the rest at the first sign of use: a pointer, a key or a focus', async () => {
    for (const use of [
      () => fireEvent.pointerMove(document.body),
      () => fireEvent.keyDown(document.body, { key: 'Tab' }),
      () => fireEvent.touchStart(document.body),
    ]) {
      const app = await startApp({ withRole: true });
      await screen.findByRole('list', { name: 'Open searches' });
      expect(app.loads()).toBe(0);
      use();
      use();
      expect(app.loads()).toBe(1);
      cleanup();
    }
  });

  it('shows the empty state on a new device', async () => {
    const app = await startApp({ withRole: false });
    expect(await screen.findByRole('region', { name: 'No roles yet' })).toBeInTheDocument();
    app.release();
  });

  it('a screen that needs the rest waits for it, then opens', async () => {
    const user = userEvent.setup();
    const app = await startApp({ withRole: true });
    await screen.findByRole('list', { name: 'Open searches' });
    await user.click(screen.getByRole('link', { name: 'Candidates' }));
    expect(app.loads()).toBeGreaterThan(0);
    expect(screen.queryByRole('heading', { level: 1, name: 'Candidates' })).not.toBeInTheDocument();
    app.release();
    expect(await screen.findByRole('heading', { level: 1, name: 'Candidates' }, { timeout: 10_000 })).toBeInTheDocument();
    expect(await screen.findByText('Priya Raman')).toBeInTheDocument();
  });

  it('keeps the list it read at start until the live one takes over, then follows changes', async () => {
    const app = await startApp({ withRole: true });
    const open = await screen.findByRole('list', { name: 'Open searches' });
    expect(within(open).getAllByRole('listitem')).toHaveLength(1);
    expect(app.loads()).toBe(0);
    fireEvent.pointerMove(document.body);
    await act(async () => app.release());
    await app.repos.roles.create({ ...servingRole, title: 'Staff ML Platform Engineer' });
    expect(await screen.findByRole('heading', { name: 'Staff ML Platform Engineer' })).toBeInTheDocument();
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
  });

  it('loads the repositories at once when there is nothing read at start', async () => {
    const { repos } = freshDb();
    await repos.roles.create({ ...servingRole, title: 'Senior MLOps Engineer, Serving' });
    window.history.replaceState(null, '', '/roles');
    let loads = 0;
    render(
      <RepositoriesProvider
        first={{ promise: Promise.resolve(null), settled: undefined }}
        load={() => {
          loads += 1;
          return Promise.resolve(repos);
        }}
      >
        <Layout />
      </RepositoriesProvider>,
    );
    expect(await screen.findByRole('heading', { name: 'Senior MLOps Engineer, Serving' })).toBeInTheDocument();
    expect(loads).toBe(1);
  });
});
