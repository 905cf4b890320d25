export type StorageStatus = {
  persisted: boolean | null;
  usage: number | null;
  quota: number | null;
};

/** What the browser says about this origin's storage; null where the browser does not say. */
export async function readStorageStatus(): Promise<StorageStatus> {
  const storage = typeof navigator !== 'undefined' ? navigator.storage : undefined;
  if (!storage) return { persisted: null, usage: null, quota: null };
  const [persisted, estimate] = await Promise.all([
    typeof storage.persisted === 'function' ? storage.persisted() : Promise.resolve(null),
    typeof storage.estimate === 'function' ? storage.estimate() : Promise.resolve(null),
  ]);
  return { persisted, usage: estimate?.usage ?? null, quota: estimate?.quota ?? null };
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

let persistRequested = false;

/**
 * Asks the browser to keep this site's data even when space runs short (once per page load). The
 * browser may say no; the Data screen shows the answer and offers a backup.
 */
export async function requestPersistentStorage(): Promise<boolean | null> {
  if (persistRequested) return null;
  persistRequested = true;
  const storage = typeof navigator !== 'undefined' ? navigator.storage : undefined;
  if (!storage || typeof storage.persist !== 'function') return null;
  if (typeof storage.persisted === 'function' && (await storage.persisted())) return true;
  return storage.persist();
}
