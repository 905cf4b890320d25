import { useEffect, useState } from 'react';
import { Link } from 'wouter';
import { Field } from '../../components/field';
import { Notice } from '../../components/notice';
import type { Interview } from '../../domain/interview';
import { TeamUserSchema } from '../../domain/sync-docs';
import type { LoopReadiness } from '../../data/sync/sync-service';
import { describeError } from '../../lib/errors';
import { describePassResult, useTeamSync } from '../../lib/team-sync';

/** The operator's command that sets up this loop on the team server. */
export function teamLoopCommand(candidateId: string, lead: string, slots: readonly [string, string][]): string {
  return ['npm run team -- loop', candidateId, '--lead', lead, ...slots.map(([interviewId, user]) => `--slot ${interviewId}=${user}`)].join(' ');
}

/**
 * "Sync this loop", for the lead on a device that uses a team server: the team-server user of each
 * interviewer, the command that sets the loop up on the server while it is not there, and a pass
 * of sync on request.
 */
export function LoopSync({ candidateId, loop }: { candidateId: string; loop: readonly Interview[] }) {
  const { service, status } = useTeamSync();
  const [slotUsers, setSlotUsers] = useState<Record<string, string>>({});
  const [slotErrors, setSlotErrors] = useState<Record<string, string>>({});
  const [readiness, setReadiness] = useState<LoopReadiness | null>(null);
  const [message, setMessage] = useState<{ tone: 'success' | 'error' | 'info'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const user = status?.user ?? null;

  useEffect(() => {
    if (!service) return;
    let live = true;
    service.slotUsers().then(
      (users) => live && setSlotUsers(users),
      (error: unknown) => live && setMessage({ tone: 'error', text: describeError(error, 'loading') }),
    );
    return () => {
      live = false;
    };
  }, [service]);

  useEffect(() => {
    if (!service || !user) return;
    let live = true;
    service.loopReadiness(candidateId).then(
      (r) => live && setReadiness(r),
      (error: unknown) => live && setMessage({ tone: 'error', text: describeError(error, 'syncing') }),
    );
    return () => {
      live = false;
    };
  }, [service, user, candidateId]);

  if (!service || !status) return null;
  if (!user) {
    return (
      <section aria-labelledby="loop-sync-heading" className="section">
        <h2 id="loop-sync-heading">Sync this loop</h2>
        <p>
          Sign in to the team server under <Link href="/data#team-server">Data → Team server</Link> to share this loop with its interviewers.
        </p>
      </section>
    );
  }

  const saveSlot = async (interviewId: string, value: string) => {
    const typed = value.trim();
    const check = TeamUserSchema.safeParse(typed);
    if (typed !== '' && !check.success) {
      setSlotErrors((e) => ({ ...e, [interviewId]: check.error.issues[0]?.message ?? 'Not a team-server user name.' }));
      return;
    }
    setSlotErrors((e) => Object.fromEntries(Object.entries(e).filter(([id]) => id !== interviewId)));
    try {
      await service.setSlotUser(interviewId, typed);
      setSlotUsers(await service.slotUsers());
    } catch (error) {
      setMessage({ tone: 'error', text: describeError(error, 'saving') });
    }
  };

  const filled = loop.flatMap((i) => (slotUsers[i.id] ? [[i.id, slotUsers[i.id] ?? ''] as [string, string]] : []));
  const command = teamLoopCommand(candidateId, user, filled);
  const needsServer = readiness !== null && readiness.state !== 'ready';

  const syncNow = async () => {
    setBusy(true);
    setMessage(null);
    try {
      const now = await service.loopReadiness(candidateId);
      setReadiness(now);
      if (now?.state === 'ready') {
        const done = await service.syncLoop(candidateId);
        setMessage({ tone: 'success', text: done.result ? describePassResult(done.result) : 'Synced.' });
      } else {
        setMessage({ tone: 'info', text: now?.state === 'not-member' ? 'The team server does not let you into this loop yet: give whoever runs it the command below.' : 'The team server has no database for this loop yet: give whoever runs it the command below.' });
      }
    } catch (error) {
      setMessage({ tone: 'error', text: describeError(error, 'syncing') });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="loop-sync-heading" className="section">
      <h2 id="loop-sync-heading">Sync this loop</h2>
      <p>
        Through the team server, each interviewer’s device receives this loop and their submitted scorecard comes back here, with no file to
        carry. Enter each interviewer’s team-server user name.
      </p>
      <div className="stack">
        {loop.map((interview) => (
          <Field key={interview.id} id={`slot-${interview.id}`} label={`Team-server user of ${interview.interviewerName}`} error={slotErrors[interview.id]}>
            {(a11y) => (
              <input
                {...a11y}
                type="text"
                autoCapitalize="none"
                spellCheck={false}
                defaultValue={slotUsers[interview.id] ?? ''}
                key={slotUsers[interview.id] ?? ''}
                onBlur={(event) => void saveSlot(interview.id, event.currentTarget.value)}
              />
            )}
          </Field>
        ))}
      </div>
      {message && <Notice tone={message.tone}>{message.text}</Notice>}
      {needsServer && (
        <div>
          <p>Whoever runs the team server sets this loop up with this command (you as its lead, each interviewer in their slot):</p>
          <pre className="command">
            <code aria-label="Command for the team server">{command}</code>
          </pre>
          {filled.length < loop.length && <p className="field-hint">Enter every interviewer’s team-server user above first, so each of them is let in.</p>}
        </div>
      )}
      <div className="action-row">
        <button type="button" className="button button-primary" disabled={busy} onClick={() => void syncNow()}>
          Sync now
        </button>
        {needsServer && (
          <button type="button" className="button button-secondary" onClick={() => void navigator.clipboard?.writeText(command).then(() => setMessage({ tone: 'success', text: 'Command copied.' }), () => setMessage({ tone: 'error', text: 'This browser did not allow copying; select the command and copy it.' }))}>
            Copy command
          </button>
        )}
      </div>
    </section>
  );
}
