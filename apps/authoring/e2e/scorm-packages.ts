import { randomBytes } from 'node:crypto';
import yazl from 'yazl';

/** Small SCORM 1.2 packages for the studio's browser tests, zipped in memory with yazl. */

const NAMESPACES =
  'xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2" xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"';

/** A SCO page that initializes, and on its button reports completion and finishes. */
const scoPage = (title: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${title}</title></head>
<body><h1>${title}</h1><button type="button" onclick="done()">Done</button>
<script>function find(n){var w=window;for(var i=0;i<10&&w;i++){if(w[n])return w[n];if(w===w.parent)break;w=w.parent;}return null;}
var api=find('API');api&&api.LMSInitialize('');
function done(){api.LMSSetValue('cmi.core.lesson_status','completed');api.LMSCommit('');api.LMSFinish('');}</script>
</body></html>`;

async function zip(files: Record<string, string | Buffer>): Promise<Buffer> {
  const archive = new yazl.ZipFile();
  for (const [name, data] of Object.entries(files)) {
    archive.addBuffer(Buffer.isBuffer(data) ? data : Buffer.from(data), name, {
      compress: !Buffer.isBuffer(data),
    });
  }
  archive.end();
  const chunks: Buffer[] = [];
  for await (const chunk of archive.outputStream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** SCOs as [identifier, title]; each launches <identifier>/index.html and lists `listed` files too. */
function manifest(title: string, scos: [string, string][], listed: string[] = []): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="studio.e2e" version="1" ${NAMESPACES}>
  <metadata><schema>ADL SCORM</schema><schemaversion>1.2</schemaversion></metadata>
  <organizations default="org">
    <organization identifier="org">
      <title>${title}</title>
${scos.map(([id, name]) => `      <item identifier="${id}" identifierref="res_${id}"><title>${name}</title></item>`).join('\n')}
    </organization>
  </organizations>
  <resources>
${scos
  .map(
    ([
      id,
    ]) => `    <resource identifier="res_${id}" type="webcontent" adlcp:scormtype="sco" href="${id}/index.html">
      <file href="${id}/index.html"/>
${listed.map((file) => `      <file href="${id}/${file}"/>`).join('\n')}
    </resource>`,
  )
  .join('\n')}
  </resources>
</manifest>
`;
}

/**
 * A package of the given SCOs. Every file is present, except that each SCO's resource also lists
 * the `missing` files, which the zip lacks (a warning, not a refusal).
 */
export function scormPackage(
  title: string,
  scos: [string, string][],
  missing: string[] = [],
): Promise<Buffer> {
  return zip({
    'imsmanifest.xml': manifest(title, scos, missing),
    ...Object.fromEntries(scos.map(([id, name]) => [`${id}/index.html`, scoPage(name)])),
  });
}

/** A package of one SCO carrying `bytes` of incompressible media: slow to send on a slow link. */
export function heavyPackage(bytes: number): Promise<Buffer> {
  return zip({
    'imsmanifest.xml': manifest('Heavy course', [['item_1', 'Video']]),
    'item_1/index.html': scoPage('Video'),
    'item_1/video.bin': randomBytes(bytes),
  });
}

/** Line of the broken manifest where its XML goes wrong (the <title> element is never closed). */
export const BROKEN_LINE = 6;

/** A package whose imsmanifest.xml is not well-formed XML: an element left open on line 6. */
export function brokenPackage(): Promise<Buffer> {
  const broken = `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="broken" version="1" ${NAMESPACES}>
  <metadata><schema>ADL SCORM</schema><schemaversion>1.2</schemaversion></metadata>
  <organizations default="org">
    <organization identifier="org">
      <title>Unfinished</organization>
  </organizations>
  <resources/>
</manifest>
`;
  return zip({ 'imsmanifest.xml': broken, 'one/index.html': scoPage('One') });
}
