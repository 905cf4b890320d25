// Generated from public/fonts/DejaVuSans*-subset.ttf (the code points both weights can draw).
// Regenerate when the font subset changes; test/lib/pdf.test.ts checks it against the files.
export const PDF_FONT_RANGES: readonly (readonly [number, number])[] = [
  [0x0020, 0x007e],
  [0x00a0, 0x024f],
  [0x0259, 0x0259],
  [0x02b0, 0x02e9],
  [0x02ec, 0x02ee],
  [0x02f3, 0x02f3],
  [0x02f7, 0x02f7],
  [0x0300, 0x034f],
  [0x0351, 0x0353],
  [0x0357, 0x0358],
  [0x035a, 0x035a],
  [0x035c, 0x0362],
  [0x0370, 0x0377],
  [0x037a, 0x037f],
  [0x0384, 0x038a],
  [0x038c, 0x038c],
  [0x038e, 0x03a1],
  [0x03a3, 0x04ff],
  [0x1e00, 0x1efb],
  [0x2000, 0x2064],
  [0x206a, 0x206f],
  [0x20a0, 0x20b5],
  [0x20b8, 0x20ba],
  [0x20bd, 0x20bd],
  [0x2100, 0x2109],
  [0x210b, 0x2149],
  [0x214b, 0x214b],
  [0x214e, 0x214e],
  [0x2190, 0x21ff],
  [0x2212, 0x2212],
  [0x25a0, 0x25ff],
  [0x2713, 0x2717],
];

/** Shown in the PDF in place of a character the embedded font cannot draw. */
export const REPLACEMENT_GLYPH = '□';

export function canDraw(codePoint: number): boolean {
  if (codePoint === 0x0a || codePoint === 0x09 || codePoint === 0x0d) return true;
  let lo = 0;
  let hi = PDF_FONT_RANGES.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const range = PDF_FONT_RANGES[mid] as readonly [number, number];
    if (codePoint < range[0]) hi = mid - 1;
    else if (codePoint > range[1]) lo = mid + 1;
    else return true;
  }
  return false;
}

export type UndrawableReport = { characters: string[]; where: string[] };

/** Every character the PDF font cannot draw, with where it occurs, so the user is told before they send it. */
export function findUndrawable(texts: readonly { where: string; text: string }[]): UndrawableReport {
  const characters = new Set<string>();
  const where = new Set<string>();
  for (const { where: place, text } of texts) {
    for (const ch of text) {
      const cp = ch.codePointAt(0) ?? 0;
      // Variation selectors and zero-width joiners only shape the character before them.
      if (cp === 0x200d || (cp >= 0xfe00 && cp <= 0xfe0f)) continue;
      if (!canDraw(cp)) {
        characters.add(ch);
        where.add(place);
      }
    }
  }
  return { characters: [...characters], where: [...where] };
}

/** The text with every undrawable character replaced by a visible box, never silently dropped. */
export function drawable(text: string): string {
  let out = '';
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp === 0x200d || (cp >= 0xfe00 && cp <= 0xfe0f)) continue;
    out += canDraw(cp) ? ch : REPLACEMENT_GLYPH;
  }
  return out;
}
