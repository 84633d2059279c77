import { filePathOf } from './launch-url.js';
import type { ScormItem, ScormManifest } from './manifest-model.js';
import type { PackageProblem } from './package-problem.js';
import { readManifest } from './read-manifest.js';
import { parseXml } from './xml-tree.js';

export const MANIFEST_FILE = 'imsmanifest.xml';

export interface PackageCheck {
  /** Null when the manifest is missing or cannot be read at all. */
  manifest: ScormManifest | null;
  problems: PackageProblem[];
  /** True when no problem is an error. */
  importable: boolean;
}

/**
 * Reads and checks a package's manifest against the files extracted from its zip. `manifestSource`
 * is the text of `imsmanifest.xml` at the package root, or null when there is none.
 */
export function checkPackage(
  manifestSource: string | null,
  files: readonly { path: string }[],
): PackageCheck {
  const problems: PackageProblem[] = [];
  const done = (manifest: ScormManifest | null): PackageCheck => ({
    manifest,
    problems,
    importable: !problems.some((p) => p.severity === 'error'),
  });
  if (manifestSource === null) {
    const misplaced = files.find((f) => f.path.toLowerCase().endsWith(MANIFEST_FILE));
    problems.push({
      severity: 'error',
      code: 'manifest-missing',
      detail: misplaced
        ? `imsmanifest.xml must be at the top of the zip, but it is at "${misplaced.path}": zip the ` +
          "package's contents, not the folder that holds them."
        : 'The zip has no imsmanifest.xml, so it is not a SCORM package.',
    });
    return done(null);
  }
  const parsed = parseXml(manifestSource);
  if ('error' in parsed) {
    problems.push({
      severity: 'error',
      code: 'manifest-not-well-formed',
      detail: `imsmanifest.xml is not well-formed XML (line ${parsed.error.line}, column ${parsed.error.column}: ${parsed.error.message})`,
      line: parsed.error.line,
    });
    return done(null);
  }
  if (parsed.document.root.name.toLowerCase() !== 'manifest') {
    problems.push({
      severity: 'error',
      code: 'not-a-manifest',
      detail: `imsmanifest.xml starts with <${parsed.document.root.name}> where a SCORM manifest starts with <manifest>.`,
    });
    return done(null);
  }
  const manifest = readManifest(parsed.document);
  checkOrganizations(manifest, problems);
  checkResources(manifest, files, problems);
  return done(manifest);
}

function* walk(items: readonly ScormItem[]): Generator<ScormItem> {
  for (const item of items) {
    yield item;
    yield* walk(item.children);
  }
}

function checkOrganizations(manifest: ScormManifest, problems: PackageProblem[]): void {
  const resources = new Map(manifest.resources.map((r) => [r.identifier, r]));
  if (
    manifest.defaultOrganizationRef &&
    manifest.organization?.identifier !== manifest.defaultOrganizationRef
  ) {
    problems.push({
      severity: 'warning',
      code: 'default-organization-missing',
      detail: `The manifest names "${manifest.defaultOrganizationRef}" as its default organization, which it does not contain; the first organization is used.`,
    });
  }
  for (const organization of manifest.organizations) {
    if (organization.unresolvedSequencingIdRef) {
      problems.push(
        sequencingMissing(`The organization "${organization.title}"`, organization.sequencingIdRef),
      );
    }
    for (const item of walk(organization.items)) {
      if (item.identifierref && !resources.has(item.identifierref)) {
        problems.push({
          severity: 'error',
          code: 'item-resource-missing',
          detail: `The item "${item.title || item.identifier}" refers to the resource "${item.identifierref}", which the manifest does not define.`,
          itemId: item.identifier,
          resourceId: item.identifierref,
        });
      }
      if (item.unresolvedSequencingIdRef) {
        problems.push({
          ...sequencingMissing(`The item "${item.title || item.identifier}"`, item.sequencingIdRef),
          itemId: item.identifier,
        });
      }
    }
  }
  if (!manifest.organization) {
    problems.push({
      severity: 'error',
      code: 'no-organization',
      detail: 'The manifest has no organization, so there is nothing for learners to open.',
    });
  } else if (![...walk(manifest.organization.items)].some((item) => item.launchUrl !== null)) {
    problems.push({
      severity: 'error',
      code: 'no-launchable-item',
      detail: `The organization "${manifest.organization.title}" has no item that opens a page, so there is nothing for learners to open.`,
    });
  }
}

function sequencingMissing(owner: string, idRef: string | null): PackageProblem {
  return {
    severity: 'error',
    code: 'sequencing-reference-missing',
    detail: `${owner} uses the shared sequencing "${idRef ?? ''}", which the manifest's sequencingCollection does not define.`,
  };
}

const ABSOLUTE_URL = /^[a-z][a-z0-9+.-]*:/i;

function checkResources(
  manifest: ScormManifest,
  files: readonly { path: string }[],
  problems: PackageProblem[],
): void {
  const present = new Set(files.map((f) => f.path));
  const ids = new Set(manifest.resources.map((r) => r.identifier));
  const reported = new Set<string>();
  for (const resource of manifest.resources) {
    if (resource.scormType === 'sco' && !resource.href) {
      problems.push({
        severity: 'error',
        code: 'sco-without-href',
        detail: `The SCO resource "${resource.identifier}" has no href, so there is no page to launch for it.`,
        resourceId: resource.identifier,
      });
    }
    if (resource.href && resource.launchUrl === null) {
      problems.push({
        severity: 'error',
        code: 'unsupported-href',
        detail: `The resource "${resource.identifier}" launches "${resource.href}", which is neither a file of the package nor a web address.`,
        resourceId: resource.identifier,
      });
    }
    for (const dependency of resource.dependencies) {
      if (!ids.has(dependency)) {
        problems.push({
          severity: 'warning',
          code: 'dependency-missing',
          detail: `The resource "${resource.identifier}" depends on "${dependency}", which the manifest does not define.`,
          resourceId: resource.identifier,
        });
      }
    }
    const referenced = resource.launchUrl ? [resource.launchUrl, ...resource.files] : resource.files;
    for (const url of referenced) {
      if (ABSOLUTE_URL.test(url)) continue;
      const path = filePathOf(url);
      if (present.has(path) || reported.has(path)) continue;
      reported.add(path);
      problems.push({
        severity: 'warning',
        code: 'file-missing',
        detail: `The file "${path}" listed by the resource "${resource.identifier}" is not in the zip.`,
        resourceId: resource.identifier,
      });
    }
  }
}
