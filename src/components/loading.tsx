/** Shown for the moment the database takes to answer. */
export function Loading({ label = 'Loading…' }: { label?: string }) {
  return (
    <p className="loading" role="status" aria-live="polite">
      {label}
    </p>
  );
}

/**
 * Where a list will be, while the database answers: the shape of a few cards, the height of a
 * screenful, so nothing below moves when the list arrives. Announced once, politely.
 */
export function ListSkeleton({ label = 'Loading…', rows = 3 }: { label?: string; rows?: number }) {
  return (
    <div className="list-skeleton" role="status" aria-live="polite">
      <span className="visually-hidden">{label}</span>
      {Array.from({ length: rows }, (_, i) => (
        <div key={i} className="skeleton-card" aria-hidden="true" />
      ))}
    </div>
  );
}
