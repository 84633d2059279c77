import { resolveInPackage, withParameters } from './launch-url.js';
import type {
  CompletionThreshold,
  ScormItem,
  ScormManifest,
  ScormOrganization,
  ScormResource,
} from './manifest-model.js';
import { detectScormVersion } from './scorm-version.js';
import { readSequencing, sequencingCollection, type SequencingCollection } from './sequencing-parse.js';
import { attribute, child, childText, children, type XmlDocument, type XmlElement } from './xml-tree.js';

/** The typed manifest of a well-formed `imsmanifest.xml`; checking it is `checkPackage`'s work. */
export function readManifest(document: XmlDocument): ScormManifest {
  const manifest = document.root;
  const versionDetection = detectScormVersion(document);
  const resources = readResources(manifest);
  const byId = new Map(resources.map((resource) => [resource.identifier, resource]));
  const collection = sequencingCollection(manifest);
  const organizationsElement = child(manifest, 'organizations');
  const organizations = children(organizationsElement, 'organization').map((element) =>
    readOrganization(element, byId, collection),
  );
  const defaultOrganizationRef = attribute(organizationsElement, 'default');
  const organization =
    organizations.find((o) => o.identifier === defaultOrganizationRef) ?? organizations[0] ?? null;
  return {
    identifier: attribute(manifest, 'identifier'),
    version: versionDetection.version,
    versionDetection,
    organization,
    organizations,
    defaultOrganizationRef,
    resources,
  };
}

function readResources(manifest: XmlElement): ScormResource[] {
  const manifestBase = attribute(manifest, 'base');
  const resourcesElement = child(manifest, 'resources');
  const resourcesBase = attribute(resourcesElement, 'base');
  return children(resourcesElement, 'resource').map((element): ScormResource => {
    const bases = [manifestBase, resourcesBase, attribute(element, 'base')];
    const href = attribute(element, 'href') || null;
    return {
      identifier: attribute(element, 'identifier') ?? '',
      type: attribute(element, 'type'),
      // 1.2 spells it scormtype, 2004 scormType; the lookup ignores case. Anything but "sco" is
      // an asset, which is what the specification says an absent value means.
      scormType: attribute(element, 'scormType')?.toLowerCase() === 'sco' ? 'sco' : 'asset',
      href,
      launchUrl: href ? (resolveInPackage(bases, href) ?? webAddress(href)) : null,
      files: children(element, 'file')
        .map((file) => attribute(file, 'href'))
        .filter((fileHref): fileHref is string => !!fileHref)
        .map((fileHref) => resolveInPackage(bases, fileHref))
        .filter((url): url is string => url !== null),
      dependencies: children(element, 'dependency')
        .map((dependency) => attribute(dependency, 'identifierref'))
        .filter((id): id is string => !!id),
    };
  });
}

/**
 * A launch href outside the package is kept only when it is a web address: a `javascript:` or
 * `data:` href would run in the player's page (checkPackage refuses such resources).
 */
function webAddress(href: string): string | null {
  return /^https?:\/\//i.test(href) ? href : null;
}

function readOrganization(
  element: XmlElement,
  resources: ReadonlyMap<string, ScormResource>,
  collection: SequencingCollection,
): ScormOrganization {
  const sequencing = readSequencing(child(element, 'sequencing'), collection);
  return {
    identifier: attribute(element, 'identifier') ?? '',
    title: childText(element, 'title') ?? '',
    items: children(element, 'item').map((item) => readItem(item, resources, collection)),
    sequencing: sequencing?.sequencing ?? null,
    sequencingIdRef: sequencing?.idRef ?? null,
    unresolvedSequencingIdRef: sequencing?.unresolvedIdRef ?? false,
    objectivesGlobalToSystem: attribute(element, 'objectivesGlobalToSystem') !== 'false',
  };
}

function readItem(
  element: XmlElement,
  resources: ReadonlyMap<string, ScormResource>,
  collection: SequencingCollection,
): ScormItem {
  const identifierref = attribute(element, 'identifierref') || null;
  const parameters = attribute(element, 'parameters') || null;
  const resourceUrl = identifierref ? (resources.get(identifierref)?.launchUrl ?? null) : null;
  const sequencing = readSequencing(child(element, 'sequencing'), collection);
  return {
    identifier: attribute(element, 'identifier') ?? '',
    title: childText(element, 'title') ?? '',
    identifierref,
    parameters,
    isVisible: attribute(element, 'isvisible')?.toLowerCase() !== 'false',
    launchUrl: resourceUrl === null ? null : withParameters(resourceUrl, parameters),
    children: children(element, 'item').map((item) => readItem(item, resources, collection)),
    masteryScore: number(childText(element, 'masteryscore')),
    prerequisites: childText(element, 'prerequisites'),
    maxTimeAllowed: childText(element, 'maxtimeallowed'),
    timeLimitAction: childText(element, 'timelimitaction'),
    dataFromLms: childText(element, 'datafromlms'),
    completionThreshold: completionThreshold(child(element, 'completionThreshold')),
    sequencing: sequencing?.sequencing ?? null,
    sequencingIdRef: sequencing?.idRef ?? null,
    unresolvedSequencingIdRef: sequencing?.unresolvedIdRef ?? false,
    hideLmsUi: children(child(child(element, 'presentation'), 'navigationInterface'), 'hideLMSUI')
      .map((hide) => hide.text)
      .filter((value) => value !== ''),
  };
}

function number(value: string | null): number | null {
  const parsed = value === null ? NaN : Number(value);
  return Number.isFinite(parsed) ? parsed : null;
}

function completionThreshold(element: XmlElement | null): CompletionThreshold | null {
  if (!element) return null;
  const fromText = number(element.text || null);
  const fromAttribute = number(attribute(element, 'minProgressMeasure'));
  const completedBy = attribute(element, 'completedByMeasure');
  return {
    // A 3rd edition threshold written as text always decides completion; in the 4th edition
    // it does so only with completedByMeasure="true".
    completedByMeasure:
      completedBy === null ? fromText !== null : completedBy === 'true' || completedBy === '1',
    minProgressMeasure: fromAttribute ?? fromText ?? 1,
    progressWeight: number(attribute(element, 'progressWeight')) ?? 1,
  };
}
