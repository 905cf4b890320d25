import { useEffect, useState } from 'react';
import { Link } from 'wouter';
import { useLiveQuery } from 'dexie-react-hooks';
import { useRepositories } from '../lib/repositories-context';
import { describeSyncStatus, sessionHasEnded, useTeamSync } from '../lib/team-sync';

/**
 * The header's line about team sync, shown only on a device that uses a team server. Loaded on
 * its own, after the first screen; rendering it starts the device's sync service.
 */
export function TeamSyncStatus() {
  const repos = useRepositories();
  // Hidden again once this device stops using a team server.
  const configured = useLiveQuery(() => repos.settings.teamServerConfigured(), [repos]);
  const { status } = useTeamSync({ start: true });
  // "synced 2 min ago" moves on without a pass.
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const tick = setInterval(() => setNow(new Date()), 30_000);
    return () => clearInterval(tick);
  }, []);
  if (!configured || !status || status.state === 'not-configured') return null;
  return (
    <Link href="/data#team-server" className={`sync-status sync-${sessionHasEnded(status) ? 'error' : status.state}`}>
      Team sync: {describeSyncStatus(status, now)}
    </Link>
  );
}
