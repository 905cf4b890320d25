import type { ReactNode } from 'react';
import { Link } from 'wouter';

export const NAV = [
  { href: '/roles', label: 'Roles' },
  { href: '/candidates', label: 'Candidates' },
  { href: '/rubrics', label: 'Rubrics' },
  { href: '/debrief', label: 'Debrief' },
  { href: '/insights', label: 'Insights' },
  { href: '/data', label: 'Data' },
] as const;

/** The main navigation's link for a location: a candidate's debrief belongs to the Debrief task. */
export function navSection(location: string): string | undefined {
  const section = /^\/candidates\/[^/]+\/debrief$/.test(location) ? '/debrief' : location;
  return NAV.find((item) => section === item.href || section.startsWith(`${item.href}/`))?.href;
}

export type ShellProps = {
  /** The navigation link marked as the current page, if any. */
  current?: string | undefined;
  /** Hovering or focusing a navigation link (a sign of the next tap). */
  onNavIntent?: ((href: string) => void) | undefined;
  /** Beside the navigation: the team sync status. */
  status?: ReactNode;
  /** The screen, inside `<main>`. */
  children?: ReactNode;
  /** After `<main>`: the update prompt. */
  after?: ReactNode;
};

/**
 * The frame of every screen: the skip link, the header with the main navigation, and `<main>`.
 * The build also renders it with nothing in it into index.html (vite.config.ts, `static-shell.tsx`),
 * so the header is on screen before the app's code has arrived, and React's first render, which
 * replaces it, draws the same header in the same place.
 */
export function Shell({ current, onNavIntent, status, children, after }: ShellProps) {
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
            {NAV.map((item) => (
              <li key={item.href}>
                <Link
                  href={item.href}
                  className={current === item.href ? 'active' : undefined}
                  aria-current={current === item.href ? 'page' : undefined}
                  onPointerEnter={onNavIntent && (() => onNavIntent(item.href))}
                  onFocus={onNavIntent && (() => onNavIntent(item.href))}
                >
                  {item.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        {status}
      </header>
      <main id="main" className="main">
        {children}
      </main>
      {after}
    </div>
  );
}
