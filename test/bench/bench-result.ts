/**
 * What a bench page hands back to test/tools/bench.mjs: raw samples in milliseconds (the script
 * computes the statistics) plus any extra figures worth printing, or the error that broke the run.
 */
export type BenchResult =
  | { ok: true; samples: number[]; extra: Record<string, number | string> }
  | { ok: false; error: string };

declare global {
  interface Window {
    __benchResult?: BenchResult;
  }
}

/** Runs a bench body and publishes its result (or its failure) for the runner to read. */
export async function publish(run: () => Promise<{ samples: number[]; extra: Record<string, number | string> }>): Promise<void> {
  const status = document.getElementById('status');
  try {
    const { samples, extra } = await run();
    window.__benchResult = { ok: true, samples, extra };
    if (status) status.textContent = `Done: ${samples.length} samples.`;
  } catch (error) {
    const message = error instanceof Error ? `${error.name}: ${error.message}\n${error.stack ?? ''}` : String(error);
    window.__benchResult = { ok: false, error: message };
    if (status) status.textContent = `Failed: ${message}`;
  }
}
