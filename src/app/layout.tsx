import { useEffect, useState, type ComponentType } from 'react';
import { useLocation } from 'wouter';
import { useFirstScreen, usePreloadRepositories, useRepositoriesLoaded, useRepositoriesLoader } from '../lib/repositories-context';
import { whenIdle } from '../lib/idle';
import { TEAM_SERVER_CHANGED_EVENT } from '../lib/app-events';
import { onSnapshotForgottenElsewhere } from '../lib/first-paint-snapshot';
import { ReloadPrompt } from '../pwa/reload-prompt';
import { AppRoutes, preloadScreen } from './routes';
import { ScreenErrorBoundary } from './fallback-pages';
import { ConditionBanner } from './condition-banner';
import { NAV, Shell, navSection } from './shell';

/** Only a device that uses a team server loads the sync status (and the sync code behind it). */
function TeamSyncSlot() {
  const first = useFirstScreen();
  const loadRepositories = useRepositoriesLoader();
  const [Status, setStatus] = useState<ComponentType | null>(null);
  useEffect(() => {
    // Without a team server this reads one setting and loads nothing more.
    const show = (on: boolean) => (on ? import('./team-sync-status').then((m) => setStatus(() => m.TeamSyncStatus)) : Promise.resolve());
    const check = () =>
      void loadRepositories()
        .then((repos) => repos.settings.teamServerConfigured())
        .then(show)
        .catch(() => undefined);
    // At start the setting read with the first screen answers, with no database code (when there
    // is no such read, the repositories do); either way after the list, when the device is idle.
    // While the first read is still out, this runs again once it answers.
    const atStart = () => {
      if (first) void show(first.teamServerConfigured).catch(() => undefined);
      else if (first === null) check();
    };
    const cancel = whenIdle(atStart);
    window.addEventListener(TEAM_SERVER_CHANGED_EVENT, check);
    return () => {
      cancel();
      window.removeEventListener(TEAM_SERVER_CHANGED_EVENT, check);
    };
  }, [first, loadRepositories]);
  return Status ? <Status /> : null;
}

/**
 * The service worker's code waits until the page has loaded and the device is idle: it is not
 * needed to show anything. A leaf of its own, so that its turn re-renders nothing else.
 */
function ServiceWorkerSlot() {
  const [due, setDue] = useState(false);
  useEffect(() => {
    let cancel = () => {};
    const start = () => (cancel = whenIdle(() => setDue(true)));
    if (document.readyState === 'complete') start();
    else window.addEventListener('load', start, { once: true });
    return () => {
      window.removeEventListener('load', start);
      cancel();
    };
  }, []);
  return due ? <ReloadPrompt /> : null;
}

export function Layout() {
  const [location] = useLocation();
  const preloadRepositories = usePreloadRepositories();
  // Hovering or focusing a link is a good sign of the next tap: its screen's code loads now.
  const preload = (href: string) => {
    preloadRepositories();
    preloadScreen(href);
  };
  // Once the first screen is in and the repositories have loaded after it, the main screens load
  // too, a little at a time while the device is idle, so a tap on the navigation opens at once.
  const loaded = useRepositoriesLoaded();
  // The rest of the app loads at the first sign of the person using the page (a pointer moving or
  // pressed, a key, a scroll, a focus), not by itself: a device that only shows the list does no
  // more work than that, and on a slow tablet the first tap is not left waiting behind it.
  // So does another tab's write to what the list shows (it forgets the kept list): the list read at
  // start would otherwise stay as it was until this tab is used.
  useEffect(() => {
    if (loaded) return;
    const events = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart', 'focusin'] as const;
    const stopHearingOtherTabs = onSnapshotForgottenElsewhere(() => start());
    const stop = () => {
      events.forEach((type) => window.removeEventListener(type, start, { capture: true }));
      stopHearingOtherTabs();
    };
    const start = () => {
      stop();
      preloadRepositories();
    };
    events.forEach((type) => window.addEventListener(type, start, { capture: true, passive: true }));
    return stop;
  }, [loaded, preloadRepositories]);
  useEffect(() => {
    if (!loaded) return;
    const queue = NAV.map((item) => item.href);
    let cancel = () => {};
    const next = () => {
      const href = queue.shift();
      if (!href) return;
      preloadScreen(href);
      cancel = whenIdle(next);
    };
    cancel = whenIdle(next);
    return () => cancel();
  }, [loaded]);
  return (
    <Shell current={navSection(location)} onNavIntent={preload} status={<TeamSyncSlot />} after={<ServiceWorkerSlot />}>
      <ConditionBanner />
      <ScreenErrorBoundary resetKey={location}>
        <AppRoutes />
      </ScreenErrorBoundary>
    </Shell>
  );
}
