import { useEffect, useRef, useState } from 'react';
import type { AgendaItem } from '../../domain/rubric';
import { agendaMinutes } from '../../domain/rubric';
import { formatElapsed } from '../../domain/elapsed';
import { agendaPosition, elapsedMs, isPaused } from '../../domain/running-notes';
import type { ScorecardContent } from '../../domain/scorecard';

type Props = {
  clock: Pick<ScorecardContent, 'timerStartedAt' | 'timerPausedAt' | 'timerPausedMs'>;
  agenda: readonly AgendaItem[];
  onStart: () => void;
  onPause: () => void;
  onResume: () => void;
  onJump: (dimensionKey: string) => void;
  disabled?: boolean;
};

/** The interview clock against the kit's time boxes: the box you are in, the time left, any overrun. */
export function InterviewClock({ clock, agenda, onStart, onPause, onResume, onJump, disabled }: Props) {
  const [now, setNow] = useState(() => Date.now());
  const pauseRef = useRef<HTMLButtonElement>(null);
  const wasStarted = useRef(Boolean(clock.timerStartedAt));
  // Start timer is replaced by Pause: focus follows, instead of dropping to the page.
  useEffect(() => {
    const started = Boolean(clock.timerStartedAt);
    if (started && !wasStarted.current && (document.activeElement === document.body || document.activeElement === null)) pauseRef.current?.focus();
    wasStarted.current = started;
  }, [clock.timerStartedAt]);
  const running = Boolean(clock.timerStartedAt) && !isPaused(clock);
  useEffect(() => {
    if (!running) return;
    const tick = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(tick);
  }, [running]);

  if (!clock.timerStartedAt) {
    return (
      <div className="clock">
        <button type="button" className="button button-secondary" onClick={onStart} disabled={disabled}>
          Start timer
        </button>
        <span className="field-hint">Plan: {agendaMinutes(agenda)} min</span>
      </div>
    );
  }
  const elapsed = elapsedMs(clock, now);
  const at = agendaPosition(agenda, elapsed);
  const paused = isPaused(clock);
  return (
    <div className="clock">
      <span className="elapsed" role="timer" aria-label={`Elapsed ${formatElapsed(elapsed)}${paused ? ', paused' : ''}`}>
        {formatElapsed(elapsed)}
      </span>
      {at && (
        <span className={`time-box${at.overrunMs > 0 ? ' over' : ''}`}>
          {at.overrunMs > 0 ? `Over the plan by ${formatElapsed(at.overrunMs)}` : `${at.item.title}: ${formatElapsed(at.leftMs)} left`}
        </span>
      )}
      <button ref={pauseRef} type="button" className="button button-secondary" onClick={paused ? onResume : onPause} disabled={disabled}>
        {paused ? 'Resume' : 'Pause'}
      </button>
      <details className="agenda">
        <summary>Agenda</summary>
        <ol>
          {agenda.map((item, index) => (
            <li key={item.key} aria-current={at?.index === index ? 'step' : undefined}>
              {item.dimensionKey ? (
                <button type="button" className="button-link" onClick={() => item.dimensionKey && onJump(item.dimensionKey)}>
                  {item.title}
                </button>
              ) : (
                <span>{item.title}</span>
              )}{' '}
              <span className="field-hint">{item.minutes} min</span>
            </li>
          ))}
        </ol>
      </details>
    </div>
  );
}
