import { useEffect, useState } from 'react';
import { useLocation } from 'wouter';

type NavState = { flash?: string } | null;

/** Navigate, optionally leaving a one-line confirmation for the next screen to show. */
export function useNavigate() {
  const [, navigate] = useLocation();
  return (to: string, flash?: string) => navigate(to, flash ? { state: { flash } satisfies NavState } : {});
}

/**
 * The confirmation the previous screen left, if any. It is read once and then removed from the
 * history entry, so a reload or a Back does not repeat "Role created".
 */
export function useFlash(): string | undefined {
  const [flash] = useState(() => (window.history.state as NavState)?.flash);
  useEffect(() => {
    if (flash !== undefined) window.history.replaceState(null, '');
  }, [flash]);
  return flash;
}
