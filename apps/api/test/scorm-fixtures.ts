import { courseWithActivity, publish } from './course-fixtures.js';
import { enrolledLearner } from './quiz-fixtures.js';
import { buildZip, type ZipFileSpec } from './scorm-zips.js';
import { call, type TestSession } from './sessions-for-tests.js';
import type { TestApp } from './test-app.js';

/**
 * SCORM packages and courses for the API tests: small but real packages (1.2 single SCO, 1.2
 * multi-SCO with a container, an asset and prerequisites, 2004 with sequencing), a scorm activity
 * in a course, uploading a zip to it, publishing, and enrolling a learner.
 */

export const SCORM12_NAMESPACES =
  'xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2" xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"';

export const SCORM2004_NAMESPACES =
  'xmlns="http://www.imsglobal.org/xsd/imscp_v1p1" xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3" ' +
  'xmlns:adlseq="http://www.adlnet.org/xsd/adlseq_v1p3" xmlns:adlnav="http://www.adlnet.org/xsd/adlnav_v1p3" ' +
  'xmlns:imsss="http://www.imsglobal.org/xsd/imsss"';

/**
 * A SCO page that finds the runtime API (1.2 `API` or 2004 `API_1484_11`) in its parents,
 * initializes, reports completion and finishes when its button is pressed.
 */
export function scoHtml(title: string, version: '1.2' | '2004' = '1.2'): string {
  const script =
    version === '1.2'
      ? `var api=find('API');api&&api.LMSInitialize('');
function done(){api.LMSSetValue('cmi.core.lesson_status','completed');api.LMSSetValue('cmi.core.score.raw','90');api.LMSCommit('');api.LMSFinish('');}`
      : `var api=find('API_1484_11');api&&api.Initialize('');
function done(){api.SetValue('cmi.completion_status','completed');api.SetValue('cmi.success_status','passed');api.SetValue('cmi.score.scaled','0.9');api.Commit('');api.Terminate('');}`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${title}</title><link rel="stylesheet" href="shared/style.css"></head>
<body><h1>${title}</h1><button type="button" onclick="done()">Done</button>
<script>function find(name){var w=window;for(var i=0;i<10&&w;i++){if(w[name])return w[name];if(w===w.parent)break;w=w.parent;}return null;}
${script}</script></body></html>`;
}

const STYLE = 'body { font-family: sans-serif; }';

/** The 1.2 manifest of one SCO (item `item_1`, resource `res_1`, launching index.html). */
export function scorm12SingleManifest(title = 'Golf basics', masteryScore: number | null = 80): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="golf.12" version="1" ${SCORM12_NAMESPACES}>
  <metadata><schema>ADL SCORM</schema><schemaversion>1.2</schemaversion></metadata>
  <organizations default="org">
    <organization identifier="org">
      <title>${title}</title>
      <item identifier="item_1" identifierref="res_1" isvisible="true">
        <title>Playing golf</title>
        ${masteryScore === null ? '' : `<adlcp:masteryscore>${masteryScore}</adlcp:masteryscore>`}
        <adlcp:datafromlms>level=1</adlcp:datafromlms>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="res_1" type="webcontent" adlcp:scormtype="sco" href="index.html">
      <file href="index.html"/>
      <file href="shared/style.css"/>
    </resource>
  </resources>
</manifest>`;
}

/** A SCORM 1.2 package of one SCO: imsmanifest.xml, index.html and shared/style.css. */
export function scorm12SingleZip(
  options: { title?: string; masteryScore?: number | null; extraFiles?: ZipFileSpec[] } = {},
): Promise<Buffer> {
  return buildZip([
    { name: 'imsmanifest.xml', data: scorm12SingleManifest(options.title, options.masteryScore) },
    { name: 'index.html', data: scoHtml('Playing golf') },
    { name: 'shared/style.css', data: STYLE },
    ...(options.extraFiles ?? []),
  ]);
}

/**
 * The 1.2 manifest of several SCOs: a container `module_1` holding `sco_1` and `sco_2` (which
 * has `sco_1` as prerequisite), then an asset item `asset_1` (a page without the API) and a
 * hidden SCO `sco_hidden`. `scoIds` replaces the SCO identifiers (for replacement tests):
 * each becomes an item of the container, resources named `res_<id>`.
 */
export function scorm12MultiManifest(options: { title?: string; scoIds?: string[] } = {}): string {
  const ids = options.scoIds ?? ['sco_1', 'sco_2'];
  const items = ids
    .map(
      (id, index) => `
        <item identifier="${id}" identifierref="res_${id}">
          <title>Part ${index + 1}</title>
          ${index > 0 ? `<adlcp:prerequisites type="aicc_script">${ids[index - 1]}</adlcp:prerequisites>` : ''}
        </item>`,
    )
    .join('');
  const resources = ids
    .map(
      (id) => `
    <resource identifier="res_${id}" type="webcontent" adlcp:scormtype="sco" href="${id}/index.html">
      <file href="${id}/index.html"/>
    </resource>`,
    )
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="multi.12" version="1" ${SCORM12_NAMESPACES}>
  <metadata><schema>ADL SCORM</schema><schemaversion>1.2</schemaversion></metadata>
  <organizations default="org">
    <organization identifier="org">
      <title>${options.title ?? 'Sailing course'}</title>
      <item identifier="module_1">
        <title>Module 1</title>${items}
      </item>
      <item identifier="asset_1" identifierref="res_asset">
        <title>Glossary</title>
      </item>
      <item identifier="sco_hidden" identifierref="res_hidden" isvisible="false">
        <title>Hidden part</title>
      </item>
    </organization>
  </organizations>
  <resources>${resources}
    <resource identifier="res_asset" type="webcontent" adlcp:scormtype="asset" href="glossary.html">
      <file href="glossary.html"/>
    </resource>
    <resource identifier="res_hidden" type="webcontent" adlcp:scormtype="sco" href="hidden/index.html">
      <file href="hidden/index.html"/>
    </resource>
  </resources>
</manifest>`;
}

/** A SCORM 1.2 package of several SCOs (see `scorm12MultiManifest`). */
export function scorm12MultiZip(options: { title?: string; scoIds?: string[] } = {}): Promise<Buffer> {
  const ids = options.scoIds ?? ['sco_1', 'sco_2'];
  return buildZip([
    { name: 'imsmanifest.xml', data: scorm12MultiManifest(options) },
    ...ids.map((id, index) => ({ name: `${id}/index.html`, data: scoHtml(`Part ${index + 1}`) })),
    {
      name: 'glossary.html',
      data: '<!doctype html><html lang="en"><title>Glossary</title><p>Words.</p></html>',
    },
    { name: 'hidden/index.html', data: scoHtml('Hidden part') },
    { name: 'shared/style.css', data: STYLE },
  ]);
}

export interface Scorm2004Options {
  title?: string;
  /** Organization control mode; default: choice and flow allowed, not forward-only. */
  controlMode?: { choice?: boolean; flow?: boolean; forwardOnly?: boolean; choiceExit?: boolean };
  /** SCO identifiers, in order (default `one`, `two`, `three`); resources `res_<id>`, pages `<id>.html`. */
  scoIds?: string[];
  /**
   * Each SCO after the first is disabled until the one before it is satisfied (pre-condition rules
   * on objectives mapped to global objectives `g.<id>`). Default true.
   */
  sequential?: boolean;
  edition?: '2004 3rd Edition' | '2004 4th Edition';
}

/**
 * The 2004 manifest of a sequenced course: SCOs in one organization with a control mode, each
 * with a primary objective written to a global one, and (sequential) a pre-condition on the
 * previous SCO's objective; the organization rolls up completion and success of all children.
 */
export function scorm2004Manifest(options: Scorm2004Options = {}): string {
  const ids = options.scoIds ?? ['one', 'two', 'three'];
  const mode = { choice: true, flow: true, forwardOnly: false, choiceExit: true, ...options.controlMode };
  const sequential = options.sequential ?? true;
  const items = ids
    .map((id, index) => {
      const previous = index > 0 && sequential ? ids[index - 1] : null;
      const rules = previous
        ? `<imsss:sequencingRules>
            <imsss:preConditionRule>
              <imsss:ruleConditions conditionCombination="any">
                <imsss:ruleCondition referencedObjective="prev_${id}" operator="not" condition="satisfied"/>
                <imsss:ruleCondition referencedObjective="prev_${id}" operator="not" condition="objectiveStatusKnown"/>
              </imsss:ruleConditions>
              <imsss:ruleAction action="disabled"/>
            </imsss:preConditionRule>
          </imsss:sequencingRules>`
        : '';
      const readPrevious = previous
        ? `<imsss:objective objectiveID="prev_${id}"><imsss:mapInfo targetObjectiveID="g.${previous}" readSatisfiedStatus="true"/></imsss:objective>`
        : '';
      return `
      <item identifier="${id}" identifierref="res_${id}">
        <title>Step ${index + 1}</title>
        <imsss:sequencing>
          ${rules}
          <imsss:objectives>
            <imsss:primaryObjective objectiveID="${id}_done" satisfiedByMeasure="false">
              <imsss:mapInfo targetObjectiveID="g.${id}" writeSatisfiedStatus="true"/>
            </imsss:primaryObjective>
            ${readPrevious}
          </imsss:objectives>
        </imsss:sequencing>
      </item>`;
    })
    .join('');
  const resources = ids
    .map(
      (id) =>
        `<resource identifier="res_${id}" type="webcontent" adlcp:scormType="sco" href="${id}.html"><file href="${id}.html"/></resource>`,
    )
    .join('\n    ');
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="seq.2004" version="1" ${SCORM2004_NAMESPACES}>
  <metadata><schema>ADL SCORM</schema><schemaversion>${options.edition ?? '2004 3rd Edition'}</schemaversion></metadata>
  <organizations default="org">
    <organization identifier="org">
      <title>${options.title ?? 'Safety training'}</title>${items}
      <imsss:sequencing>
        <imsss:controlMode choice="${mode.choice}" choiceExit="${mode.choiceExit}" flow="${mode.flow}" forwardOnly="${mode.forwardOnly}"/>
        <imsss:rollupRules>
          <imsss:rollupRule childActivitySet="all">
            <imsss:rollupConditions><imsss:rollupCondition condition="satisfied"/></imsss:rollupConditions>
            <imsss:rollupAction action="satisfied"/>
          </imsss:rollupRule>
          <imsss:rollupRule childActivitySet="all">
            <imsss:rollupConditions><imsss:rollupCondition condition="completed"/></imsss:rollupConditions>
            <imsss:rollupAction action="completed"/>
          </imsss:rollupRule>
        </imsss:rollupRules>
      </imsss:sequencing>
    </organization>
  </organizations>
  <resources>
    ${resources}
  </resources>
</manifest>`;
}

/** A SCORM 2004 package with sequencing (see `scorm2004Manifest`). */
export function scorm2004Zip(options: Scorm2004Options = {}): Promise<Buffer> {
  const ids = options.scoIds ?? ['one', 'two', 'three'];
  return buildZip([
    { name: 'imsmanifest.xml', data: scorm2004Manifest(options) },
    ...ids.map((id, index) => ({ name: `${id}.html`, data: scoHtml(`Step ${index + 1}`, '2004') })),
    { name: 'shared/style.css', data: STYLE },
  ]);
}

/** A zip of the given manifest text and files (for malformed-package tests). */
export function zipWithManifest(manifest: string, files: ZipFileSpec[] = []): Promise<Buffer> {
  return buildZip([{ name: 'imsmanifest.xml', data: manifest }, ...files]);
}

export interface ScormActivity {
  courseId: string;
  slug: string;
  moduleId: string;
  activityId: string;
}

/** A new course (draft) with one module holding one scorm activity, made by `trainer`. */
export async function createScormActivity(
  t: TestApp,
  trainer: TestSession,
  institutionId: string,
  title = 'SCORM package',
): Promise<ScormActivity> {
  return courseWithActivity(t, trainer, institutionId, {
    kind: 'scorm',
    title,
    summary: 'A course with a SCORM package.',
  });
}

/** Posts a zip to the activity's package route as `session`; answers the raw response. */
export function uploadScormZip(
  t: TestApp,
  session: TestSession | undefined,
  activityId: string,
  zip: Buffer,
  filename = 'package.zip',
) {
  return call(t, session, 'post', `/api/studio/scorm/${activityId}/package`).attach('file', zip, {
    filename,
    contentType: 'application/zip',
  });
}

/** Uploads a zip that must be accepted; answers the ScormPackageView. */
export async function uploadScormPackage(
  t: TestApp,
  session: TestSession,
  activityId: string,
  zip: Buffer,
  filename = 'package.zip',
): Promise<{ id: string; scormVersion: string; items: unknown[]; [key: string]: unknown }> {
  const res = await uploadScormZip(t, session, activityId, zip, filename);
  if (res.status !== 201) throw new Error(`upload refused: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export interface ScormCourse extends ScormActivity {
  packageId: string;
}

/**
 * A published course whose only activity is a scorm activity playing `zip` (default: the 1.2
 * single-SCO package).
 */
export async function scormCourse(
  t: TestApp,
  trainer: TestSession,
  institutionId: string,
  zip?: Buffer,
): Promise<ScormCourse> {
  const activity = await createScormActivity(t, trainer, institutionId);
  const uploaded = await uploadScormPackage(
    t,
    trainer,
    activity.activityId,
    zip ?? (await scorm12SingleZip()),
  );
  await publish(t, trainer, activity.courseId);
  return { ...activity, packageId: uploaded.id };
}

/** A new learner of the institution, enrolled in the course (by its slug). */
export function enrolledScormLearner(t: TestApp, institutionId: string, slug: string): Promise<TestSession> {
  return enrolledLearner(t, institutionId, slug);
}
