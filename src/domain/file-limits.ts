/**
 * Sizes of the files Loopcard reads and writes. Apart from file-envelope.ts so that a writer that
 * only checks a size does not load the whole envelope (and its schemas) with the first screen.
 */

/** The largest scorecard or loop file; a packet may be four times this, a backup far more. */
export const IMPORT_MAX_BYTES = 5 * 1024 * 1024;
