import { child, childText, type XmlDocument } from './xml-tree.js';

export type ScormVersion = '1.2' | '2004-2nd' | '2004-3rd' | '2004-4th';

export interface VersionDetection {
  version: ScormVersion;
  /** What decided it: the manifest's own schemaversion, its namespaces, or nothing (assumed). */
  source: 'schemaversion' | 'namespaces' | 'assumed';
  schemaversion: string | null;
}

const SCORM_12_NAMESPACE = 'http://www.adlnet.org/xsd/adlcp_rootv1p2';
const SCORM_2004_NAMESPACES = [
  'http://www.adlnet.org/xsd/adlcp_v1p3',
  'http://www.imsglobal.org/xsd/imsss',
  'http://www.adlnet.org/xsd/adlseq_v1p3',
  'http://www.adlnet.org/xsd/adlnav_v1p3',
];

/**
 * Reads `metadata/schemaversion` first ("1.2", "CAM 1.3", "2004 3rd Edition", "2004 4th Edition"),
 * then the namespaces. Many authoring tools leave schemaversion out; without it the 2004 editions
 * cannot be told apart, and 3rd edition is assumed as the one most packages in use were built for.
 */
export function detectScormVersion(document: XmlDocument): VersionDetection {
  const schemaversion = childText(child(document.root, 'metadata'), 'schemaversion');
  const fromSchema = schemaversion ? versionFromSchemaversion(schemaversion) : null;
  if (fromSchema) return { version: fromSchema, source: 'schemaversion', schemaversion };
  const namespaces = [...document.namespaces].map((uri) => uri.trim().toLowerCase());
  if (SCORM_2004_NAMESPACES.some((uri) => namespaces.includes(uri.toLowerCase()))) {
    return { version: '2004-3rd', source: 'namespaces', schemaversion };
  }
  if (namespaces.includes(SCORM_12_NAMESPACE.toLowerCase())) {
    return { version: '1.2', source: 'namespaces', schemaversion };
  }
  return { version: '1.2', source: 'assumed', schemaversion };
}

function versionFromSchemaversion(value: string): ScormVersion | null {
  const text = value.toLowerCase().replace(/\s+/g, ' ').trim();
  if (text === '1.2') return '1.2';
  if (text === 'cam 1.3' || text.includes('2nd edition')) return '2004-2nd';
  if (text.includes('3rd edition')) return '2004-3rd';
  if (text.includes('4th edition')) return '2004-4th';
  if (text.startsWith('2004')) return '2004-3rd';
  return null;
}
