import { useState, type FormEvent } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { Link } from 'wouter';
import { Field } from '../../components/field';
import { Loading } from '../../components/loading';
import { Notice } from '../../components/notice';
import { DEFAULT_TEAM_SERVER_ADDRESS, checkTeamServerAddress } from '../../domain/team-server';
import { TeamUserSchema } from '../../domain/sync-docs';
import { useRepositories } from '../../lib/repositories-context';
import { describeError } from '../../lib/errors';
import { TEAM_SERVER_CHANGED_EVENT } from '../../lib/app-events';
import { describePassResult, describeSyncStatus, sessionHasEnded, useTeamSync } from '../../lib/team-sync';

type Message = { tone: 'success' | 'error'; text: string };

/**
 * The team's own CouchDB, behind this site's address: sign in and out, and the loops that sync.
 * The password goes to the server once and is never kept; the browser keeps the session.
 */
export function TeamServerSection() {
  const repos = useRepositories();
  const { service, status, loadError } = useTeamSync({ start: true });
  const [message, setMessage] = useState<Message | null>(null);
  const [errors, setErrors] = useState<{ address?: string; user?: string; password?: string }>({});
  const [busy, setBusy] = useState(false);
  const ids = status?.loops.map((l) => l.candidateId) ?? [];
  const names = useLiveQuery(async () => new Map((await Promise.all(ids.map((id) => repos.candidates.get(id)))).filter((c) => c !== undefined).map((c) => [c.id, c.name])), [repos, ids.join(',')]);

  const act = async (work: () => Promise<void>, done: string | null) => {
    setBusy(true);
    setMessage(null);
    try {
      await work();
      if (done) setMessage({ tone: 'success', text: done });
    } catch (error) {
      setMessage({ tone: 'error', text: describeError(error, 'syncing') });
    } finally {
      setBusy(false);
    }
  };

  const signIn = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const address = checkTeamServerAddress(String(form.get('address') ?? ''), window.location.origin);
    const rawUser = String(form.get('user') ?? '').trim();
    const user = TeamUserSchema.safeParse(rawUser);
    const password = String(form.get('password') ?? '');
    const found = {
      ...(address.ok ? {} : { address: address.reason }),
      ...(user.success ? {} : { user: rawUser === '' ? 'Enter your team-server user name.' : (user.error.issues[0]?.message ?? 'Enter your team-server user name.') }),
      ...(password === '' ? { password: 'Enter your team-server password.' } : {}),
    };
    setErrors(found);
    if (!service || !address.ok || !user.success || password === '') return;
    void act(async () => {
      await service.signIn(address.address, user.data, password);
      window.dispatchEvent(new Event(TEAM_SERVER_CHANGED_EVENT));
    }, null);
  };

  const heading = (
    <h2 id="team-server-heading" tabIndex={-1}>
      Team server
    </h2>
  );
  if (loadError) {
    return (
      <section id="team-server" aria-labelledby="team-server-heading" className="section">
        {heading}
        <Notice tone="error">{describeError(loadError, 'loading')}</Notice>
      </section>
    );
  }
  const signedIn = status?.user ?? null;
  return (
    <section id="team-server" aria-labelledby="team-server-heading" className="section">
      {heading}
      <p>
        A panel can share its loop through the team’s own CouchDB, served at an address on this site: interviewers’ submitted scorecards reach
        the lead, and the loop reaches each interviewer, with no file to carry. Drafts and notes of a scorecard not yet submitted never leave
        this device. Without a team server nothing is sent anywhere, and files work as before.
      </p>
      {message && <Notice tone={message.tone}>{message.text}</Notice>}
      {status === null ? (
        <Loading />
      ) : signedIn === null ? (
        <>
          {sessionHasEnded(status) && <Notice tone="error">{describeError(status.error, 'syncing')}</Notice>}
          <form onSubmit={signIn} noValidate aria-label="Sign in to the team server" className="stack">
            <Field id="team-address" label="Team server address" hint="A path on this site, as whoever runs the team server gave it." error={errors.address}>
              {(a11y) => <input {...a11y} name="address" type="text" defaultValue={status.address ?? DEFAULT_TEAM_SERVER_ADDRESS} autoComplete="url" />}
            </Field>
            <Field id="team-user" label="Team-server user name" error={errors.user}>
              {(a11y) => <input {...a11y} name="user" type="text" autoComplete="username" autoCapitalize="none" spellCheck={false} />}
            </Field>
            <Field id="team-password" label="Password" hint="Sent to the team server to sign in, never kept by Loopcard." error={errors.password}>
              {(a11y) => <input {...a11y} name="password" type="password" autoComplete="current-password" />}
            </Field>
            <div className="action-row">
              <button type="submit" className="button button-primary" disabled={busy || service === null}>
                Sign in
              </button>
              {status.state === 'signed-out' && (
                <button type="button" className="button button-secondary" disabled={busy || service === null} onClick={() => service && void act(() => service.forget(), 'This device no longer uses a team server; nothing is sent anywhere.')}>
                  Stop using a team server
                </button>
              )}
            </div>
          </form>
        </>
      ) : (
        <>
          <p>
            Signed in as <strong>{signedIn}</strong> at <code>{status.address}</code>. Team sync: {describeSyncStatus(status, new Date())}
          </p>
          <div className="action-row">
            <button type="button" className="button button-primary" disabled={busy || status.state === 'syncing'} onClick={() => service && void act(() => service.syncNow(), null)}>
              Sync now
            </button>
            <button type="button" className="button button-secondary" disabled={busy} onClick={() => service && void act(() => service.signOut(), 'Signed out of the team server. Nothing more is sent until you sign in again.')}>
              Sign out
            </button>
          </div>
          <h3>Loops that sync</h3>
          {status.loops.length === 0 ? (
            <p>{status.state === 'syncing' ? 'Looking for your loops…' : 'The team server lists no loop for you yet. A loop appears here once whoever runs the team server adds you to it.'}</p>
          ) : (
            <ul className="list" aria-label="Loops that sync">
              {[...status.loops]
                .sort((a, b) => a.candidateId.localeCompare(b.candidateId))
                .map((loop) => (
                  <li key={loop.candidateId}>
                    <Link href={`/candidates/${encodeURIComponent(loop.candidateId)}`}>{names?.get(loop.candidateId) ?? `Candidate ${loop.candidateId}`}</Link>{' '}
                    ({loop.role === 'lead' ? 'you lead this loop' : loop.role === 'interviewer' ? 'you interview' : 'member'}):{' '}
                    {loop.error ? describeError(loop.error, 'syncing') : loop.result ? describePassResult(loop.result) : 'not synced yet.'}
                  </li>
                ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
