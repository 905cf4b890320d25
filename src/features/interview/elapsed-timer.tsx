import { useEffect, useState } from 'react';
import { formatElapsed } from '../../domain/elapsed';

/** The interview clock: time since the interviewer started it, ticking once a second. */
export function ElapsedTimer({ startedAt, onStart, disabled }: { startedAt: string | null; onStart: () => void; disabled?: boolean }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!startedAt) return;
    const tick = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(tick);
  }, [startedAt]);
  if (!startedAt) {
    return (
      <button type="button" className="button button-secondary" onClick={onStart} disabled={disabled}>
        Start timer
      </button>
    );
  }
  return (
    <span className="elapsed" role="timer">
      <span className="elapsed-label">Elapsed </span>
      <span className="elapsed-value">{formatElapsed(now - Date.parse(startedAt))}</span>
    </span>
  );
}
