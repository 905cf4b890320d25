import { useEffect, useLayoutEffect, useRef, type ReactNode } from 'react';

type PageProps = {
  title: string;
  /** Shown above the heading, e.g. the role a candidate belongs to. */
  eyebrow?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
};

/**
 * One screen: sets the document title and moves focus to the heading when the screen opens, so a
 * screen reader announces where the user has arrived after a navigation.
 */
// The first screen after a page load keeps focus at the top of the document, where a screen reader
// starts anyway; every screen after that takes focus on its heading.
let navigatedOnce = false;

export function Page({ title, eyebrow, actions, children }: PageProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} · Loopcard`;
  }, [title]);
  // In the commit itself, not after paint: focus must never land on the heading after the user
  // (or a test) has already moved it into the screen.
  useLayoutEffect(() => {
    if (navigatedOnce) heading.current?.focus();
    navigatedOnce = true;
  }, []);
  return (
    <>
      <div className="page-head">
        <div>
          {eyebrow && <div className="eyebrow">{eyebrow}</div>}
          <h1 ref={heading} tabIndex={-1}>
            {title}
          </h1>
        </div>
        {actions && <div className="page-actions">{actions}</div>}
      </div>
      {children}
    </>
  );
}
