import type { ReactNode } from 'react';

type Tone = 'error' | 'warning' | 'info' | 'success';

/** A message block. Errors are announced at once (role=alert), the rest politely. */
export function Notice({ tone, title, children }: { tone: Tone; title?: string; children: ReactNode }) {
  return (
    <div className={`notice notice-${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      {title && <p className="notice-title">{title}</p>}
      <div>{children}</div>
    </div>
  );
}
