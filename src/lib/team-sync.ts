import { useEffect, useState } from 'react';
import type { SyncService, SyncStatus } from '../data/sync/sync-service';
import type { PassResult } from '../data/sync/replicator';
import { useRepositories } from './repositories-context';
import { describeError } from './errors';

/**
 * The device's sync service and its status, for the screens that show them. Loaded with the
 * screen that asks (never with the first screen). With `start`, syncing begins if someone is
 * signed in; with no team server configured, nothing is asked of anyone.
 */
export function useTeamSync({ start = false }: { start?: boolean } = {}): { service: SyncService | null; status: SyncStatus | null; loadError: unknown } {
  const repos = useRepositories();
  const [service, setService] = useState<SyncService | null>(null);
  const [status, setStatus] = useState<SyncStatus | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  useEffect(() => {
    let live = true;
    let unsubscribe: (() => void) | null = null;
    repos.team.service().then(
      (s) => {
        if (!live) return;
        setService(s);
        unsubscribe = s.subscribe((next) => live && setStatus(next));
        if (start) void s.start();
      },
      (error: unknown) => live && setLoadError(error),
    );
    return () => {
      live = false;
      unsubscribe?.();
    };
  }, [repos, start]);
  return { service, status, loadError };
}

/** "just now", "2 min ago", "3 h ago", or the date. */
export function timeAgo(iso: string, now: Date): string {
  const minutes = Math.floor((now.getTime() - new Date(iso).getTime()) / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min ago`;
  if (minutes < 24 * 60) return `${Math.floor(minutes / 60)} h ago`;
  return `on ${iso.slice(0, 10)}`;
}

/** Signed out by the server (the session ended), not by the person: it needs them to sign in again. */
export function sessionHasEnded(status: SyncStatus): boolean {
  return status.state === 'signed-out' && status.error !== null;
}

/** The status in a few words, as the header shows it. */
export function describeSyncStatus(status: SyncStatus, now: Date): string {
  switch (status.state) {
    case 'not-configured':
      return 'not set up';
    case 'signed-out':
      return sessionHasEnded(status) ? 'signed out, sign in again' : 'signed out';
    case 'syncing':
      return 'syncing';
    case 'synced':
      return status.lastSyncedAt ? `synced ${timeAgo(status.lastSyncedAt, now)}` : 'synced';
    case 'offline':
      return 'offline';
    case 'paused':
      return 'paused while Loopcard is in the background';
    case 'error':
      return `error: ${describeError(status.error, 'syncing')}`;
  }
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** What a pass of one loop did, in plain words. */
export function describePassResult(result: PassResult): string {
  const { pulled } = result;
  const received = pulled.add + pulled.update;
  const parts = [
    result.pushed === 0 ? 'Nothing new to send' : `Sent ${plural(result.pushed, 'record')}`,
    received === 0 ? 'nothing new received' : `received ${plural(received, 'record')} (${pulled.add} new, ${pulled.update} updated)`,
  ];
  if (pulled['keep-local'] > 0) parts.push(`kept this device’s newer version of ${plural(pulled['keep-local'], 'record')}`);
  if (pulled.conflict > 0) parts.push(`${plural(pulled.conflict, 'record')} changed both here and elsewhere: choose under Data → Changes to review`);
  if (result.refused.length > 0) parts.push(`${plural(result.refused.length, 'record')} refused: ${result.refused.join(' ')}`);
  const text = parts.join('; ');
  return /[.!?]$/.test(text) ? text : `${text}.`;
}
