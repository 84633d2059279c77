// SCORM packages built in the test and a course that plays them, made through the Studio's API as
// a trainer would: a module with a scorm activity, the zip uploaded to it, then publishing.
import { crc32 } from 'node:zlib';
import type { ApiSession } from './api-helpers';
import { openCourseWithModule, publish, type Revised } from './learning-fixtures';

interface ZipFile {
  name: string;
  data: string;
}

/** A zip of stored (uncompressed) entries: small and enough for a package's text files. */
export function buildZip(files: readonly ZipFile[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const file of files) {
    const name = Buffer.from(file.name, 'utf8');
    const data = Buffer.from(file.data, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(0, 8); // stored
    local.writeUInt32LE(0, 10); // time and date
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4); // made by
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(0, 10);
    central.writeUInt32LE(0, 12);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    centrals.push(central, name);
    offset += local.length + name.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** The SCO page: what the LMS gave it, and buttons that bookmark, leave or complete. */
const scoPage = (title: string, script: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${title}</title></head>
<body><main>
<h1>${title}</h1>
<p>Entry: <output id="entry">none</output></p>
<p>Location: <output id="location"></output></p>
<p>Saved answers: <output id="suspend"></output></p>
<p role="status" id="said"></p>
<button type="button" id="bookmark">Set bookmark</button>
<button type="button" id="leave">Leave</button>
<button type="button" id="complete">Complete</button>
<button type="button" id="continue">Continue</button>
</main>
<script src="${script}"></script>
</body></html>`;

/** SCORM 1.2: LMSInitialize, show entry / location / suspend data, and the three buttons. */
const SCO12_JS = `
function find(n){var w=window;for(var i=0;i<10&&w;i++){if(w[n])return w[n];if(w===w.parent)break;w=w.parent;}return null;}
var api=find('API');
function show(){
  document.getElementById('entry').textContent=api.LMSGetValue('cmi.core.entry')||'(empty)';
  document.getElementById('location').textContent=api.LMSGetValue('cmi.core.lesson_location');
  document.getElementById('suspend').textContent=api.LMSGetValue('cmi.suspend_data');
}
if(api){api.LMSInitialize('');show();document.body.setAttribute('data-ready','');}
document.getElementById('bookmark').onclick=function(){
  api.LMSSetValue('cmi.core.lesson_location','page-3');
  api.LMSSetValue('cmi.suspend_data','answers=1,2');
  api.LMSSetValue('cmi.core.lesson_status','incomplete');
  var ok=api.LMSCommit('');
  show();
  document.getElementById('said').textContent=ok==='true'?'Bookmark saved':'Bookmark not saved';
};
document.getElementById('leave').onclick=function(){api.LMSSetValue('cmi.core.exit','suspend');api.LMSFinish('');};
document.getElementById('complete').onclick=function(){api.LMSSetValue('cmi.core.lesson_status','completed');api.LMSSetValue('cmi.core.exit','');api.LMSFinish('');};
document.getElementById('continue').onclick=function(){api.LMSFinish('');};
`;

/** SCORM 2004: the same page; Continue asks the LMS for the next SCO (adl.nav.request). */
const SCO2004_JS = `
function find(n){var w=window;for(var i=0;i<10&&w;i++){if(w[n])return w[n];if(w===w.parent)break;w=w.parent;}return null;}
var api=find('API_1484_11');
function show(){
  document.getElementById('entry').textContent=api.GetValue('cmi.entry')||'(empty)';
  document.getElementById('location').textContent=api.GetValue('cmi.location');
  document.getElementById('suspend').textContent=api.GetValue('cmi.suspend_data');
}
var ended=false;
if(api){api.Initialize('');show();document.body.setAttribute('data-ready','');}
function terminate(){ended=true;api.Terminate('');}
// As authoring tools do: leaving the page (Next in the LMS, or closing) suspends the SCO itself.
window.addEventListener('pagehide',function(){if(api&&!ended){api.SetValue('cmi.exit','suspend');terminate();}});
document.getElementById('bookmark').onclick=function(){
  api.SetValue('cmi.location','page-3');api.SetValue('cmi.suspend_data','answers=1,2');
  var ok=api.Commit('');show();
  document.getElementById('said').textContent=ok==='true'?'Bookmark saved':'Bookmark not saved';
};
document.getElementById('leave').onclick=function(){api.SetValue('cmi.exit','suspend');api.SetValue('adl.nav.request','suspendAll');terminate();};
document.getElementById('complete').onclick=function(){api.SetValue('cmi.completion_status','completed');api.SetValue('cmi.success_status','passed');api.SetValue('cmi.exit','normal');terminate();};
document.getElementById('continue').onclick=function(){api.SetValue('cmi.completion_status','completed');api.SetValue('cmi.exit','normal');api.SetValue('adl.nav.request','continue');terminate();};
`;

export const SCO12_TITLE = 'Harbour safety';

/** A SCORM 1.2 package of one SCO (item `item_1`). */
export function scorm12Zip(): Buffer {
  const manifest = `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="harbour.12" version="1" xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2" xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2">
  <metadata><schema>ADL SCORM</schema><schemaversion>1.2</schemaversion></metadata>
  <organizations default="org">
    <organization identifier="org">
      <title>Harbour operations</title>
      <item identifier="item_1" identifierref="res_1" isvisible="true"><title>${SCO12_TITLE}</title></item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="res_1" type="webcontent" adlcp:scormtype="sco" href="index.html">
      <file href="index.html"/><file href="sco.js"/>
    </resource>
  </resources>
</manifest>`;
  return buildZip([
    { name: 'imsmanifest.xml', data: manifest },
    { name: 'index.html', data: scoPage(SCO12_TITLE, 'sco.js') },
    { name: 'sco.js', data: SCO12_JS },
  ]);
}

export const SCO12_STEPS = ['Tying knots', 'Hanging fenders'] as const;

/** SCORM 1.2, two SCOs: the second has the first as its prerequisite. */
export function scorm12StepsZip(): Buffer {
  const manifest = `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="steps.12" version="1" xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2" xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2">
  <metadata><schema>ADL SCORM</schema><schemaversion>1.2</schemaversion></metadata>
  <organizations default="org">
    <organization identifier="org">
      <title>Berthing</title>
      <item identifier="knots" identifierref="res_1"><title>${SCO12_STEPS[0]}</title></item>
      <item identifier="fenders" identifierref="res_2"><title>${SCO12_STEPS[1]}</title>
        <adlcp:prerequisites type="aicc_script">knots</adlcp:prerequisites></item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="res_1" type="webcontent" adlcp:scormtype="sco" href="knots.html"><file href="knots.html"/><file href="sco.js"/></resource>
    <resource identifier="res_2" type="webcontent" adlcp:scormtype="sco" href="fenders.html"><file href="fenders.html"/><file href="sco.js"/></resource>
  </resources>
</manifest>`;
  return buildZip([
    { name: 'imsmanifest.xml', data: manifest },
    { name: 'knots.html', data: scoPage(SCO12_STEPS[0], 'sco.js') },
    { name: 'fenders.html', data: scoPage(SCO12_STEPS[1], 'sco.js') },
    { name: 'sco.js', data: SCO12_JS },
  ]);
}

export const SCO2004_TITLES = ['Reading the tide table', 'Mooring lines', 'Radio calls'] as const;

/** A SCORM 2004 4th edition package of three SCOs in one organization, with choice and flow. */
export function scorm2004Zip(): Buffer {
  // The last SCO has its own way on, and asks the player to hide Previous and Next.
  const hide =
    '<adlnav:presentation><adlnav:navigationInterface><adlnav:hideLMSUI>previous</adlnav:hideLMSUI>' +
    '<adlnav:hideLMSUI>continue</adlnav:hideLMSUI></adlnav:navigationInterface></adlnav:presentation>';
  const items = SCO2004_TITLES.map(
    (title, i) =>
      `<item identifier="sco_${i + 1}" identifierref="res_${i + 1}"><title>${title}</title>${i === 2 ? hide : ''}</item>`,
  ).join('\n      ');
  const resources = SCO2004_TITLES.map(
    (_, i) =>
      `<resource identifier="res_${i + 1}" type="webcontent" adlcp:scormType="sco" href="sco${i + 1}.html"><file href="sco${i + 1}.html"/><file href="sco.js"/></resource>`,
  ).join('\n    ');
  const manifest = `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="harbour.2004" version="1" xmlns="http://www.imsglobal.org/xsd/imscp_v1p1" xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3" xmlns:adlseq="http://www.adlnet.org/xsd/adlseq_v1p3" xmlns:adlnav="http://www.adlnet.org/xsd/adlnav_v1p3" xmlns:imsss="http://www.imsglobal.org/xsd/imsss">
  <metadata><schema>ADL SCORM</schema><schemaversion>2004 4th Edition</schemaversion></metadata>
  <organizations default="org">
    <organization identifier="org">
      <title>Harbour seamanship</title>
      ${items}
      <imsss:sequencing><imsss:controlMode choice="true" flow="true"/></imsss:sequencing>
    </organization>
  </organizations>
  <resources>
    ${resources}
  </resources>
</manifest>`;
  return buildZip([
    { name: 'imsmanifest.xml', data: manifest },
    ...SCO2004_TITLES.map((title, i) => ({ name: `sco${i + 1}.html`, data: scoPage(title, 'sco.js') })),
    { name: 'sco.js', data: SCO2004_JS },
  ]);
}

export interface ScormCourse {
  slug: string;
  title: string;
  activityId: string;
  activityTitle: string;
}

/** Signs in for a multipart upload: the shared API session helper sends JSON only. */
async function cookieOf(baseUrl: string, email: string, password: string) {
  const response = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-forwarded-for': `192.0.2.${Math.floor(Math.random() * 250) + 1}`,
    },
    body: JSON.stringify({ email, password }),
  });
  if (!response.ok) throw new Error(`Sign-in as ${email} failed: ${response.status}`);
  const cookie = response.headers
    .getSetCookie()
    .map((line) => line.split(';')[0])
    .join('; ');
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return { cookie, csrfToken };
}

/** Creates and publishes an open course whose only module holds the scorm activity. */
export async function publishScormCourse(
  baseUrl: string,
  trainer: ApiSession,
  credentials: { email: string; password: string },
  spec: { title: string; activityTitle: string; zip: Buffer },
): Promise<ScormCourse> {
  const course = await openCourseWithModule(trainer, {
    title: spec.title,
    summary: 'A short course for harbour staff in the Caribbean.',
    moduleTitle: 'On the quay',
  });
  const activity = await trainer.post<Revised>(
    `/api/studio/courses/${course.id}/modules/${course.moduleId}/activities`,
    { revision: course.revision, kind: 'scorm', title: spec.activityTitle },
  );
  const { cookie, csrfToken } = await cookieOf(baseUrl, credentials.email, credentials.password);
  const form = new FormData();
  form.append('file', new Blob([spec.zip], { type: 'application/zip' }), 'package.zip');
  const upload = await fetch(`${baseUrl}/api/studio/scorm/${activity.id}/package`, {
    method: 'POST',
    headers: { cookie, 'x-csrf-token': csrfToken },
    body: form,
  });
  if (upload.status !== 201) throw new Error(`Upload failed: ${upload.status} ${await upload.text()}`);
  await publish(trainer, course.id, 'First version');
  return { slug: course.slug, title: spec.title, activityId: activity.id, activityTitle: spec.activityTitle };
}
