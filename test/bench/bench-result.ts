/**
 * What a bench page hands back to test/tools/bench.mjs: raw samples in milliseconds (the script
 * computes the statistics) plus any extra figures worth printing, or the error that broke the run.
 * `series` holds further named sets of raw samples (ms) that the script summarises the same way.
 */
export type BenchOutput = { samples: number[]; extra: Record<string, number | string>; series?: Record<string, number[]> };

export type BenchResult = ({ ok: true } & BenchOutput) | { ok: false; error: string };

declare global {
  interface Window {
    __benchResult?: BenchResult;
  }
}

/** Runs a bench body and publishes its result (or its failure) for the runner to read. */
export async function publish(run: () => Promise<BenchOutput>): Promise<void> {
  const status = document.getElementById('status');
  try {
    const output = await run();
    window.__benchResult = { ok: true, ...output };
    if (status) status.textContent = `Done: ${output.samples.length} samples.`;
  } catch (error) {
    const message = error instanceof Error ? `${error.name}: ${error.message}\n${error.stack ?? ''}` : String(error);
    window.__benchResult = { ok: false, error: message };
    if (status) status.textContent = `Failed: ${message}`;
  }
}
