import { useEffect, useState, type ComponentType } from 'react';
import { Link, useLocation } from 'wouter';
import { useRepositories } from '../lib/repositories-context';
import { TEAM_SERVER_CHANGED_EVENT } from '../lib/app-events';
import { ReloadPrompt } from '../pwa/reload-prompt';
import { AppRoutes } from './routes';
import { ScreenErrorBoundary } from './fallback-pages';
import { ConditionBanner } from './condition-banner';

/** Only a device that uses a team server loads the sync status (and the sync code behind it). */
function TeamSyncSlot() {
  const repos = useRepositories();
  const [Status, setStatus] = useState<ComponentType | null>(null);
  useEffect(() => {
    // Without a team server this reads one setting and loads nothing more.
    const check = () =>
      void repos.settings
        .teamServerConfigured()
        .then((on) => (on ? import('./team-sync-status').then((m) => setStatus(() => m.TeamSyncStatus)) : undefined))
        .catch(() => undefined);
    check();
    window.addEventListener(TEAM_SERVER_CHANGED_EVENT, check);
    return () => window.removeEventListener(TEAM_SERVER_CHANGED_EVENT, check);
  }, [repos]);
  return Status ? <Status /> : null;
}

const NAV = [
  { href: '/roles', label: 'Roles' },
  { href: '/candidates', label: 'Candidates' },
  { href: '/rubrics', label: 'Rubrics' },
  { href: '/debrief', label: 'Debrief' },
  { href: '/insights', label: 'Insights' },
  { href: '/data', label: 'Data' },
];

export function Layout() {
  const [location] = useLocation();
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="app-header">
        <Link href="/roles" className="brand" aria-label="Loopcard home">
          <span className="brand-mark" aria-hidden="true">
            ◎
          </span>
          Loopcard
        </Link>
        <nav aria-label="Main">
          <ul>
            {NAV.map((item) => {
              // A candidate's debrief lives under /candidates but belongs to the Debrief task.
              const section = /^\/candidates\/[^/]+\/debrief$/.test(location) ? '/debrief' : location;
              const current = section === item.href || section.startsWith(`${item.href}/`);
              return (
                <li key={item.href}>
                  <Link href={item.href} className={current ? 'active' : undefined} aria-current={current ? 'page' : undefined}>
                    {item.label}
                  </Link>
                </li>
              );
            })}
          </ul>
        </nav>
        <TeamSyncSlot />
      </header>
      <main id="main" className="main">
        <ConditionBanner />
        <ScreenErrorBoundary resetKey={location}>
          <AppRoutes />
        </ScreenErrorBoundary>
      </main>
      <ReloadPrompt />
    </div>
  );
}
