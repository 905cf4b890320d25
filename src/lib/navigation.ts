import { useLocation } from 'wouter';
import { useHistoryState } from 'wouter/use-browser-location';

type NavState = { flash?: string } | null;

/** Navigate, optionally leaving a one-line confirmation for the next screen to show. */
export function useNavigate() {
  const [, navigate] = useLocation();
  return (to: string, flash?: string) => navigate(to, flash ? { state: { flash } satisfies NavState } : {});
}

/** The confirmation the previous screen left, if any. */
export function useFlash(): string | undefined {
  return useHistoryState<NavState>()?.flash;
}
