import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * DejaVu Sans (Bitstream Vera licence: free to embed and redistribute) covers Latin with every
 * diacritic our learners' names carry — Vietnamese, Polish, Czech, Turkish … — which the standard
 * PDF fonts do not. Read once per process; pdfkit embeds only the glyphs a certificate uses.
 */
function fontBytes(file: string): Buffer {
  return readFileSync(require.resolve(`dejavu-fonts-ttf/ttf/${file}`));
}

let loaded: { regular: Buffer; bold: Buffer } | null = null;

export function certificateFonts(): { regular: Buffer; bold: Buffer } {
  loaded ??= { regular: fontBytes('DejaVuSans.ttf'), bold: fontBytes('DejaVuSans-Bold.ttf') };
  return loaded;
}
