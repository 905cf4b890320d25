import type { PdfFonts } from './packet-pdf';

const FONT_FILES = { regular: '/fonts/DejaVuSans-subset.ttf', bold: '/fonts/DejaVuSans-Bold-subset.ttf' } as const;

let cached: Promise<PdfFonts> | null = null;

/** The embedded PDF fonts, from the app's own origin (precached, so this works offline). */
export function loadPdfFonts(): Promise<PdfFonts> {
  cached ??= Promise.all([fetchBase64(FONT_FILES.regular), fetchBase64(FONT_FILES.bold)]).then(([regular, bold]) => ({ regular, bold }));
  cached.catch(() => {
    cached = null;
  });
  return cached;
}

async function fetchBase64(url: string): Promise<string> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`The PDF font ${url} could not be loaded (${response.status}).`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return btoa(binary);
}
