import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const fontsDir = new URL('../../public/fonts/', import.meta.url).pathname;

/** The fonts the app embeds in a packet (public/fonts), as the PDF worker receives them. */
export const pdfFonts = {
  regular: readFileSync(join(fontsDir, 'DejaVuSans-subset.ttf')).toString('base64'),
  bold: readFileSync(join(fontsDir, 'DejaVuSans-Bold-subset.ttf')).toString('base64'),
};

/**
 * A PDF's text as a reader copies it (poppler's pdftotext; `layout` keeps columns apart, without
 * it a paragraph's wrapped lines read on). LOOPCARD_KEEP_PDF names a file to keep the PDF in.
 */
export function pdfText(bytes: ArrayBuffer, { layout = true }: { layout?: boolean } = {}): string {
  if (process.env.LOOPCARD_KEEP_PDF) writeFileSync(process.env.LOOPCARD_KEEP_PDF, Buffer.from(bytes));
  const dir = mkdtempSync(join(tmpdir(), 'loopcard-pdf-'));
  try {
    const file = join(dir, 'packet.pdf');
    writeFileSync(file, Buffer.from(bytes));
    return execFileSync('pdftotext', [...(layout ? ['-layout'] : []), file, '-'], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
