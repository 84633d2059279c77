import { create, type Font } from 'fontkit';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * DejaVu Sans (Bitstream Vera licence: free to embed and redistribute) covers Latin with every
 * diacritic our learners' names carry — Vietnamese, Polish, Czech, Turkish … — which the standard
 * PDF fonts do not. Parsed once per process and shared by every document (pdfkit takes a parsed
 * font as it is, and embeds only the glyphs a certificate uses), which saves most of a render (certificates, DGCA results and action plans).
 */
function parsed(file: string): Font {
  const font = create(readFileSync(require.resolve(`dejavu-fonts-ttf/ttf/${file}`)));
  if (!('layout' in font)) throw new Error(`${file} is a font collection, not a font`);
  // fontkit keeps the first glyph object it makes for an id, with the characters known then. A
  // shared font would otherwise keep "A" without its character after a subset had drawn "Á" from
  // it, and later PDFs would lose that letter from their text layer (copying, screen readers).
  for (const codePoint of font.characterSet) font.glyphForCodePoint(codePoint);
  return font;
}

let loaded: { regular: Font; bold: Font } | null = null;

export function pdfFonts(): { regular: Font; bold: Font } {
  loaded ??= { regular: parsed('DejaVuSans.ttf'), bold: parsed('DejaVuSans-Bold.ttf') };
  return loaded;
}
