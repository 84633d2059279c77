import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { safeUnzip } from '../src/scorm/package/index.js';
import { withParameters } from '../src/scorm/package/manifest/launch-url.js';
import {
  checkPackage,
  readPackageManifest,
  type PackageCheck,
  type ScormItem,
  type ScormManifest,
} from '../src/scorm/package/manifest/index.js';
import { buildZip } from './scorm-zips.js';

let work: string;

beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), 'scorm-manifest-'));
});

afterEach(async () => {
  await rm(work, { recursive: true, force: true });
});

/** Zips `files` with yazl, extracts the zip as an upload would be, and checks the package. */
async function importPackage(
  files: Record<string, string>,
  maxManifestBytes?: number,
): Promise<PackageCheck> {
  const zipPath = join(work, 'package.zip');
  await writeFile(zipPath, await buildZip(Object.entries(files).map(([name, data]) => ({ name, data }))));
  const target = await mkdtemp(join(work, 'package-'));
  return readPackageManifest(target, await safeUnzip(zipPath, target), maxManifestBytes);
}

function importable(check: PackageCheck): ScormManifest {
  expect(check.problems).toEqual([]);
  expect(check.importable).toBe(true);
  return check.manifest as ScormManifest;
}

function items(manifest: ScormManifest): ScormItem[] {
  const all: ScormItem[] = [];
  const walk = (list: ScormItem[]) => list.forEach((item) => (all.push(item), walk(item.children)));
  walk(manifest.organization?.items ?? []);
  return all;
}

function item(manifest: ScormManifest, identifier: string): ScormItem {
  const found = items(manifest).find((i) => i.identifier === identifier);
  if (!found) throw new Error(`no item ${identifier}`);
  return found;
}

const SCORM12_NAMESPACES =
  'xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2" xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"';

const singleSco12 = `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="golf.12" version="1" ${SCORM12_NAMESPACES}>
  <metadata><schema>ADL SCORM</schema><schemaversion>1.2</schemaversion></metadata>
  <organizations default="org">
    <organization identifier="org">
      <title>Golf</title>
      <item identifier="item_1" identifierref="res_1" isvisible="true">
        <title>Playing golf</title>
        <adlcp:masteryscore>80</adlcp:masteryscore>
        <adlcp:maxtimeallowed>00:30:00</adlcp:maxtimeallowed>
        <adlcp:timelimitaction>exit,message</adlcp:timelimitaction>
        <adlcp:datafromlms>level=1</adlcp:datafromlms>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="res_1" type="webcontent" adlcp:scormtype="sco" href="index.html">
      <file href="index.html"/>
      <file href="style.css"/>
    </resource>
  </resources>
</manifest>`;

describe('SCORM manifest: SCORM 1.2', () => {
  it('reads a single-SCO package', async () => {
    const manifest = importable(
      await importPackage({ 'imsmanifest.xml': singleSco12, 'index.html': '<html/>', 'style.css': '' }),
    );
    expect(manifest.version).toBe('1.2');
    expect(manifest.versionDetection).toEqual({
      version: '1.2',
      source: 'schemaversion',
      schemaversion: '1.2',
    });
    expect(manifest.organization?.title).toBe('Golf');
    expect(manifest.resources[0]).toMatchObject({ scormType: 'sco', launchUrl: 'index.html' });
    expect(item(manifest, 'item_1')).toMatchObject({
      title: 'Playing golf',
      launchUrl: 'index.html',
      isVisible: true,
      masteryScore: 80,
      maxTimeAllowed: '00:30:00',
      timeLimitAction: 'exit,message',
      dataFromLms: 'level=1',
      sequencing: null,
    });
  });

  it('reads nested items, containers, parameters, isvisible and xml:base at every level', async () => {
    const manifest = importable(
      await importPackage({
        'imsmanifest.xml': `<?xml version="1.0"?>
<manifest identifier="multi" xml:base="course/" ${SCORM12_NAMESPACES}>
  <metadata><schemaversion>1.2</schemaversion></metadata>
  <organizations default="second">
    <organization identifier="first"><title>Not this one</title>
      <item identifier="x" identifierref="intro"><title>X</title></item>
    </organization>
    <organization identifier="second"><title>Course</title>
      <item identifier="module_1"><title>Module 1</title>
        <item identifier="intro_item" identifierref="intro" parameters="?page=1"><title>Intro</title></item>
        <item identifier="lesson_item" identifierref="lesson" parameters="&amp;mode=x#top">
          <title>Lesson</title>
          <adlcp:prerequisites type="aicc_script">intro_item</adlcp:prerequisites>
        </item>
        <item identifier="notes_item" identifierref="notes" isvisible="false"><title>Notes</title></item>
      </item>
    </organization>
  </organizations>
  <resources xml:base="scos/">
    <resource identifier="intro" type="webcontent" adlcp:scormtype="sco" xml:base="intro/" href="start.html">
      <file href="start.html"/>
    </resource>
    <resource identifier="lesson" type="webcontent" adlcp:scormType="sco" href="lesson.html?lang=en">
      <file href="lesson.html"/>
      <dependency identifierref="common"/>
    </resource>
    <resource identifier="notes" type="webcontent" adlcp:scormtype="asset" href="notes/my notes.pdf"/>
    <resource identifier="common" type="webcontent" adlcp:scormtype="asset"><file href="common.js"/></resource>
  </resources>
</manifest>`,
        'course/scos/intro/start.html': '',
        'course/scos/lesson.html': '',
        'course/scos/notes/my notes.pdf': '',
        'course/scos/common.js': '',
      }),
    );
    expect(manifest.organization?.identifier).toBe('second');
    expect(manifest.organizations).toHaveLength(2);
    const [module1] = manifest.organization?.items ?? [];
    expect(module1).toMatchObject({ identifier: 'module_1', identifierref: null, launchUrl: null });
    expect(module1?.children.map((c) => c.identifier)).toEqual(['intro_item', 'lesson_item', 'notes_item']);
    expect(item(manifest, 'intro_item').launchUrl).toBe('course/scos/intro/start.html?page=1');
    expect(item(manifest, 'lesson_item').launchUrl).toBe('course/scos/lesson.html?lang=en&mode=x#top');
    expect(item(manifest, 'lesson_item').prerequisites).toBe('intro_item');
    expect(item(manifest, 'notes_item')).toMatchObject({
      isVisible: false,
      launchUrl: 'course/scos/notes/my%20notes.pdf',
    });
    expect(manifest.resources.find((r) => r.identifier === 'lesson')).toMatchObject({
      scormType: 'sco',
      dependencies: ['common'],
      files: ['course/scos/lesson.html'],
    });
    expect(manifest.resources.find((r) => r.identifier === 'notes')?.scormType).toBe('asset');
  });
});

describe('SCORM manifest: launch parameters', () => {
  it.each([
    ['a.html', null, 'a.html'],
    ['a.html', '?x=1', 'a.html?x=1'],
    ['a.html', 'x=1', 'a.html?x=1'],
    ['a.html?y=2', '?x=1', 'a.html?y=2&x=1'],
    ['a.html?y=2', '&x=1', 'a.html?y=2&x=1'],
    ['a.html?', 'x=1', 'a.html?x=1'],
    ['a.html#top', '?x=1', 'a.html?x=1#top'],
    ['a.html', '#part2', 'a.html#part2'],
    ['a.html#top', '#part2', 'a.html#top'],
    ['a.html', '?x=1#part2', 'a.html?x=1#part2'],
  ])('%s with parameters %s launches %s', (href, parameters, expected) => {
    expect(withParameters(href, parameters)).toBe(expected);
  });
});

const SCORM2004_NAMESPACES =
  'xmlns="http://www.imsglobal.org/xsd/imscp_v1p1" xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3" ' +
  'xmlns:adlseq="http://www.adlnet.org/xsd/adlseq_v1p3" xmlns:adlnav="http://www.adlnet.org/xsd/adlnav_v1p3" ' +
  // An unusual prefix for IMS simple sequencing, as some tools write: matching is on local names.
  'xmlns:ss="http://www.imsglobal.org/xsd/imsss"';

function sco2004(id: string, extra = ''): string {
  return `<resource identifier="${id}" type="webcontent" adlcp:scormType="sco" href="${id}.html"><file href="${id}.html"/>${extra}</resource>`;
}

const sequenced2004 = `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="seq" version="1" ${SCORM2004_NAMESPACES}>
  <metadata><schema>ADL SCORM</schema><schemaversion>2004 3rd Edition</schemaversion></metadata>
  <organizations default="org">
    <organization identifier="org" adlseq:objectivesGlobalToSystem="false">
      <title>Forced order</title>
      <item identifier="one" identifierref="sco_1">
        <title>One</title>
        <adlcp:completionThreshold>0.75</adlcp:completionThreshold>
        <adlcp:dataFromLMS>start=1</adlcp:dataFromLMS>
        <adlcp:timeLimitAction>continue,no message</adlcp:timeLimitAction>
        <ss:sequencing IDRef="common">
          <ss:objectives>
            <ss:primaryObjective objectiveID="one_done" satisfiedByMeasure="true">
              <ss:minNormalizedMeasure>0.8</ss:minNormalizedMeasure>
              <ss:mapInfo targetObjectiveID="g.one" writeSatisfiedStatus="true"/>
            </ss:primaryObjective>
          </ss:objectives>
        </ss:sequencing>
        <adlnav:presentation><adlnav:navigationInterface>
          <adlnav:hideLMSUI>previous</adlnav:hideLMSUI><adlnav:hideLMSUI>continue</adlnav:hideLMSUI>
        </adlnav:navigationInterface></adlnav:presentation>
      </item>
      <item identifier="two" identifierref="sco_2">
        <title>Two</title>
        <ss:sequencing IDRef="common">
          <ss:sequencingRules>
            <ss:preConditionRule>
              <ss:ruleConditions conditionCombination="any">
                <ss:ruleCondition referencedObjective="previous" operator="not" condition="satisfied"/>
                <ss:ruleCondition referencedObjective="previous" operator="not" condition="objectiveStatusKnown"/>
              </ss:ruleConditions>
              <ss:ruleAction action="disabled"/>
            </ss:preConditionRule>
            <ss:postConditionRule>
              <ss:ruleConditions><ss:ruleCondition condition="always"/></ss:ruleConditions>
              <ss:ruleAction action="continue"/>
            </ss:postConditionRule>
          </ss:sequencingRules>
          <ss:limitConditions attemptLimit="3"/>
          <ss:objectives>
            <ss:primaryObjective objectiveID="two_done"/>
            <ss:objective objectiveID="previous">
              <ss:mapInfo targetObjectiveID="g.one" readSatisfiedStatus="true" readNormalizedMeasure="false"/>
            </ss:objective>
          </ss:objectives>
        </ss:sequencing>
      </item>
      <ss:sequencing>
        <ss:controlMode choice="false" flow="true" forwardOnly="true"/>
        <ss:rollupRules rollupProgressCompletion="true" objectiveMeasureWeight="0.5">
          <ss:rollupRule childActivitySet="all">
            <ss:rollupConditions><ss:rollupCondition condition="satisfied"/></ss:rollupConditions>
            <ss:rollupAction action="satisfied"/>
          </ss:rollupRule>
          <ss:rollupRule childActivitySet="atLeastCount" minimumCount="1">
            <ss:rollupConditions conditionCombination="all">
              <ss:rollupCondition operator="not" condition="attempted"/>
            </ss:rollupConditions>
            <ss:rollupAction action="incomplete"/>
          </ss:rollupRule>
        </ss:rollupRules>
      </ss:sequencing>
    </organization>
  </organizations>
  <resources>${sco2004('sco_1')}${sco2004('sco_2')}</resources>
  <ss:sequencingCollection>
    <ss:sequencing ID="common">
      <ss:rollupRules objectiveMeasureWeight="0"/>
      <ss:deliveryControls completionSetByContent="true" objectiveSetByContent="true"/>
      <ss:limitConditions attemptLimit="1"/>
    </ss:sequencing>
  </ss:sequencingCollection>
</manifest>`;

describe('SCORM manifest: SCORM 2004', () => {
  it('reads forced-sequential sequencing, rules, rollup and a sequencingCollection reference', async () => {
    const manifest = importable(
      await importPackage({ 'imsmanifest.xml': sequenced2004, 'sco_1.html': '', 'sco_2.html': '' }),
    );
    expect(manifest.version).toBe('2004-3rd');
    const organization = manifest.organization;
    expect(organization?.objectivesGlobalToSystem).toBe(false);
    expect(organization?.sequencing?.controlMode).toEqual({
      choice: false,
      choiceExit: true,
      flow: true,
      forwardOnly: true,
      useCurrentAttemptObjectiveInfo: true,
      useCurrentAttemptProgressInfo: true,
    });
    expect(organization?.sequencing?.rollupRules).toEqual({
      rollupObjectiveSatisfied: true,
      rollupProgressCompletion: true,
      objectiveMeasureWeight: 0.5,
      rules: [
        {
          childActivitySet: 'all',
          minimumCount: 0,
          minimumPercent: 0,
          conditionCombination: 'any',
          conditions: [{ condition: 'satisfied', operator: 'noOp' }],
          action: 'satisfied',
        },
        {
          childActivitySet: 'atLeastCount',
          minimumCount: 1,
          minimumPercent: 0,
          conditionCombination: 'all',
          conditions: [{ condition: 'attempted', operator: 'not' }],
          action: 'incomplete',
        },
      ],
    });

    const one = item(manifest, 'one');
    expect(one).toMatchObject({
      launchUrl: 'sco_1.html',
      dataFromLms: 'start=1',
      timeLimitAction: 'continue,no message',
      completionThreshold: { completedByMeasure: true, minProgressMeasure: 0.75, progressWeight: 1 },
      hideLmsUi: ['previous', 'continue'],
      sequencingIdRef: 'common',
    });
    // From the collection: parts the item does not declare itself.
    expect(one.sequencing?.deliveryControls).toEqual({
      tracked: true,
      completionSetByContent: true,
      objectiveSetByContent: true,
    });
    expect(one.sequencing?.rollupRules.objectiveMeasureWeight).toBe(0);
    expect(one.sequencing?.limitConditions.attemptLimit).toBe(1);
    expect(one.sequencing?.objectives.primary).toEqual({
      objectiveId: 'one_done',
      satisfiedByMeasure: true,
      minNormalizedMeasure: 0.8,
      mapInfo: [
        {
          targetObjectiveId: 'g.one',
          readSatisfiedStatus: true,
          readNormalizedMeasure: true,
          writeSatisfiedStatus: true,
          writeNormalizedMeasure: false,
        },
      ],
    });

    const two = item(manifest, 'two').sequencing;
    // The item's own limitConditions override the collection's.
    expect(two?.limitConditions).toEqual({ attemptLimit: 3, attemptAbsoluteDurationLimit: null });
    expect(two?.sequencingRules.pre).toEqual([
      {
        conditionCombination: 'any',
        conditions: [
          {
            condition: 'satisfied',
            operator: 'not',
            referencedObjective: 'previous',
            measureThreshold: null,
          },
          {
            condition: 'objectiveStatusKnown',
            operator: 'not',
            referencedObjective: 'previous',
            measureThreshold: null,
          },
        ],
        action: 'disabled',
      },
    ]);
    expect(two?.sequencingRules.post.map((rule) => rule.action)).toEqual(['continue']);
    expect(two?.sequencingRules.exit).toEqual([]);
    expect(two?.objectives.others[0]?.mapInfo[0]).toMatchObject({
      targetObjectiveId: 'g.one',
      readSatisfiedStatus: true,
      readNormalizedMeasure: false,
    });
  });

  it('reads a 4th edition completionThreshold from its attributes', async () => {
    const manifest = importable(
      await importPackage({
        'imsmanifest.xml': `<manifest identifier="m4" ${SCORM2004_NAMESPACES}>
  <metadata><schemaversion>2004 4th Edition</schemaversion></metadata>
  <organizations default="o"><organization identifier="o"><title>T</title>
    <item identifier="measured" identifierref="sco_1"><title>Measured</title>
      <adlcp:completionThreshold completedByMeasure="true" minProgressMeasure="0.6" progressWeight="2"/>
    </item>
    <item identifier="unmeasured" identifierref="sco_1"><title>Unmeasured</title>
      <adlcp:completionThreshold minProgressMeasure="0.9"/>
    </item>
  </organization></organizations>
  <resources>${sco2004('sco_1')}</resources>
</manifest>`,
        'sco_1.html': '',
      }),
    );
    expect(manifest.version).toBe('2004-4th');
    expect(item(manifest, 'measured').completionThreshold).toEqual({
      completedByMeasure: true,
      minProgressMeasure: 0.6,
      progressWeight: 2,
    });
    expect(item(manifest, 'unmeasured').completionThreshold).toEqual({
      completedByMeasure: false,
      minProgressMeasure: 0.9,
      progressWeight: 1,
    });
  });

  it('tolerates a missing schemaversion, telling the version by its namespaces', () => {
    const source = (namespaces: string, scormType: string) =>
      `<manifest identifier="n" ${namespaces}><organizations><organization identifier="o"><title>T</title>
        <item identifier="i" identifierref="r"><title>I</title></item></organization></organizations>
        <resources><resource identifier="r" type="webcontent" ${scormType}="sco" href="a.html"/></resources></manifest>`;
    const v2004 = checkPackage(source(SCORM2004_NAMESPACES, 'adlcp:scormType'), [{ path: 'a.html' }]);
    expect(v2004.manifest?.versionDetection).toEqual({
      version: '2004-3rd',
      source: 'namespaces',
      schemaversion: null,
    });
    const v12 = checkPackage(source(SCORM12_NAMESPACES, 'adlcp:scormtype'), [{ path: 'a.html' }]);
    expect(v12.manifest?.versionDetection).toEqual({
      version: '1.2',
      source: 'namespaces',
      schemaversion: null,
    });
    expect(v12.problems).toEqual([]);
  });
});

describe('SCORM manifest: problems a trainer is told about', () => {
  const codes = (check: PackageCheck) => check.problems.map((p) => `${p.severity}:${p.code}`);

  it('refuses a manifest that is not well formed, naming the line', async () => {
    const check = await importPackage({
      'imsmanifest.xml': '<?xml version="1.0"?>\n<manifest>\n  <organizations>\n</manifest>\n',
    });
    expect(check.importable).toBe(false);
    expect(check.problems).toEqual([
      expect.objectContaining({ severity: 'error', code: 'manifest-not-well-formed', line: 4 }),
    ]);
    expect(check.problems[0]?.detail).toMatch(/^imsmanifest.xml is not well-formed XML \(line 4/);
  });

  it('refuses a zip without imsmanifest.xml, and says so when it is in a subfolder', async () => {
    expect(codes(await importPackage({ 'index.html': '' }))).toEqual(['error:manifest-missing']);
    const nested = await importPackage({ 'course/imsmanifest.xml': singleSco12 });
    expect(nested.problems[0]?.detail).toContain('"course/imsmanifest.xml"');
  });

  it('refuses an item pointing to a missing resource and a SCO without an href', () => {
    const check = checkPackage(
      `<manifest ${SCORM12_NAMESPACES}><organizations><organization identifier="o"><title>T</title>
        <item identifier="good" identifierref="r1"><title>Good</title></item>
        <item identifier="lost" identifierref="nowhere"><title>Lost</title></item>
      </organization></organizations>
      <resources>
        <resource identifier="r1" type="webcontent" adlcp:scormtype="sco" href="a.html"/>
        <resource identifier="r2" type="webcontent" adlcp:scormtype="sco"><file href="b.html"/></resource>
      </resources></manifest>`,
      [{ path: 'a.html' }, { path: 'b.html' }],
    );
    expect(check.importable).toBe(false);
    expect(check.problems).toEqual([
      expect.objectContaining({ code: 'item-resource-missing', itemId: 'lost', resourceId: 'nowhere' }),
      expect.objectContaining({ code: 'sco-without-href', resourceId: 'r2' }),
    ]);
    expect(check.problems[0]?.detail).toBe(
      'The item "Lost" refers to the resource "nowhere", which the manifest does not define.',
    );
  });

  it('refuses an organization with nothing to launch, and a manifest with no organization', () => {
    const noLaunch = checkPackage(
      `<manifest><organizations><organization identifier="o"><title>Empty</title>
        <item identifier="folder"><title>Folder</title></item></organization></organizations>
        <resources/></manifest>`,
      [],
    );
    expect(codes(noLaunch)).toEqual(['error:no-launchable-item']);
    expect(codes(checkPackage('<manifest><organizations/><resources/></manifest>', []))).toEqual([
      'error:no-organization',
    ]);
  });

  it('refuses a reference to a sequencing that the collection lacks', () => {
    const check = checkPackage(
      sequenced2004.replace('<ss:sequencing ID="common">', '<ss:sequencing ID="other">'),
      [{ path: 'sco_1.html' }, { path: 'sco_2.html' }],
    );
    expect(check.problems.map((p) => [p.code, p.itemId])).toEqual([
      ['sequencing-reference-missing', 'one'],
      ['sequencing-reference-missing', 'two'],
    ]);
  });

  it('warns about files the manifest lists that the zip lacks, once per file', async () => {
    const check = await importPackage({ 'imsmanifest.xml': singleSco12, 'index.html': '' });
    expect(check.importable).toBe(true);
    expect(check.problems).toEqual([
      {
        severity: 'warning',
        code: 'file-missing',
        detail: 'The file "style.css" listed by the resource "res_1" is not in the zip.',
        resourceId: 'res_1',
      },
    ]);
    const noLaunchFile = await importPackage({ 'imsmanifest.xml': singleSco12, 'style.css': '' });
    expect(codes(noLaunchFile)).toEqual(['warning:file-missing']);
    expect(noLaunchFile.problems[0]?.detail).toContain('"index.html"');
  });

  it('refuses a launch href that is neither a package file nor a web address, and keeps web addresses', () => {
    const manifestWith = (href: string) =>
      `<manifest ${SCORM12_NAMESPACES}><organizations><organization identifier="o"><title>T</title>
        <item identifier="i" identifierref="r"><title>I</title></item></organization></organizations>
        <resources><resource identifier="r" type="webcontent" adlcp:scormtype="sco" href="${href}"/></resources></manifest>`;
    const script = checkPackage(manifestWith('javascript:alert(1)'), []);
    expect(codes(script)).toEqual(['error:no-launchable-item', 'error:unsupported-href']);
    const web = checkPackage(manifestWith('https://content.example.org/sco/index.html'), []);
    expect(web.problems).toEqual([]);
    expect(web.manifest?.organization?.items[0]?.launchUrl).toBe(
      'https://content.example.org/sco/index.html',
    );
  });

  it('refuses a manifest too large to be real, and reads one that starts with a byte-order mark (as Windows tools write them)', async () => {
    const files = { 'imsmanifest.xml': singleSco12, 'index.html': '', 'style.css': '' };
    expect(codes(await importPackage(files, 100))).toEqual(['error:manifest-too-large']);
    const withBom = await importPackage({ ...files, 'imsmanifest.xml': `\uFEFF${singleSco12}` });
    expect(withBom.problems).toEqual([]);
  });
});
