import QRCode from 'qrcode';

/**
 * The QR code drawn as vector squares (sharp at any zoom, no image to decode), with a link
 * annotation over it so that a click in a PDF reader opens the same address a phone would.
 */
export function drawQrCode(doc: PDFKit.PDFDocument, url: string, x: number, y: number, size: number): void {
  const { modules } = QRCode.create(url, { errorCorrectionLevel: 'M' });
  const quiet = 2;
  const cell = size / (modules.size + quiet * 2);
  doc.save();
  doc.rect(x, y, size, size).fill('#ffffff');
  for (let row = 0; row < modules.size; row++) {
    for (let col = 0; col < modules.size; col++) {
      if (modules.data[row * modules.size + col])
        doc.rect(x + (col + quiet) * cell, y + (row + quiet) * cell, cell, cell);
    }
  }
  doc.fill('#000000');
  doc.restore();
  doc.link(x, y, size, size, url);
}
