/**
 * Screens with unsaved work register how to save it, so a reload the app starts (an update, a
 * missing chunk after a deploy) can save first, and can refuse to go ahead when saving fails.
 */
type Flush = () => Promise<boolean>;
const flushes = new Set<Flush>();

export function registerPendingWork(flush: Flush): () => void {
  flushes.add(flush);
  return () => flushes.delete(flush);
}

/** Saves all registered work; resolves to false if any of it could not be saved. */
export async function flushPendingWork(): Promise<boolean> {
  const results = await Promise.all([...flushes].map((flush) => flush().catch(() => false)));
  return results.every(Boolean);
}
