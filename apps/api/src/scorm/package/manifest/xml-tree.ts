import { XMLParser, XMLValidator } from 'fast-xml-parser';

/**
 * An XML element reduced to what the manifest reader needs. Names are local (prefix removed)
 * because packages bind the SCORM namespaces to whatever prefixes their tools chose (`adlcp:`,
 * `ADLCP:`, `imsss:`, `ss:`, none at all), so matching on prefixes would miss real packages.
 */
export interface XmlElement {
  /** Local name, as written. */
  name: string;
  /** Attributes by local name (`xml:base` → `base`, `adlcp:scormType` → `scormType`). */
  attributes: Record<string, string>;
  children: XmlElement[];
  /** Text directly inside the element, trimmed. */
  text: string;
}

export interface XmlDocument {
  root: XmlElement;
  /** Every namespace URI declared anywhere in the document; SCORM versions are told apart by them. */
  namespaces: Set<string>;
}

export interface XmlSyntaxError {
  line: number;
  column: number;
  message: string;
}

type OrderedNode = Record<string, unknown>;

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
});

/** The parsed document, or where it stops being well-formed XML. */
export function parseXml(source: string): { document: XmlDocument } | { error: XmlSyntaxError } {
  // XML forbids NUL but the validator lets it through, and PostgreSQL can store it in no text or
  // jsonb column: the manifest's titles would fail the package's insert. (Other control
  // characters XML forbids are left alone: authoring tools do emit them, and they are storable.)
  const nul = source.indexOf('\u0000');
  if (nul !== -1) {
    const before = source.slice(0, nul).split('\n');
    return {
      error: {
        line: before.length,
        column: before[before.length - 1]!.length + 1,
        message: 'XML does not allow the character U+0000 (NUL).',
      },
    };
  }
  const validation = XMLValidator.validate(source);
  if (validation !== true) {
    const { line, col, msg } = validation.err;
    return { error: { line, column: col, message: msg } };
  }
  const namespaces = new Set<string>();
  const roots = (parser.parse(source) as OrderedNode[])
    .map((node) => toElement(node, namespaces))
    .filter((element): element is XmlElement => element !== null);
  const root = roots[0];
  if (!root) return { error: { line: 1, column: 1, message: 'The document has no root element.' } };
  return { document: { root, namespaces } };
}

function localName(qualified: string): string {
  const colon = qualified.indexOf(':');
  return colon === -1 ? qualified : qualified.slice(colon + 1);
}

function toElement(node: OrderedNode, namespaces: Set<string>): XmlElement | null {
  const name = Object.keys(node).find((key) => key !== ':@' && key !== '#text');
  if (name === undefined) return null;
  const attributes: Record<string, string> = {};
  const rawAttributes = (node[':@'] ?? {}) as Record<string, unknown>;
  for (const [key, value] of Object.entries(rawAttributes)) {
    if (key === 'xmlns' || key.startsWith('xmlns:')) namespaces.add(String(value));
    else attributes[localName(key)] = String(value);
  }
  const children: XmlElement[] = [];
  const texts: string[] = [];
  for (const child of (node[name] ?? []) as OrderedNode[]) {
    if ('#text' in child) texts.push(String(child['#text']));
    else {
      const element = toElement(child, namespaces);
      if (element) children.push(element);
    }
  }
  return { name: localName(name), attributes, children, text: texts.join('').trim() };
}

// Case-insensitive lookups: SCORM 1.2 tools write `adlcp:scormtype`, 2004 ones `adlcp:scormType`,
// and some write `masteryScore` where the schema says `masteryscore`.
const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

export function child(element: XmlElement | null | undefined, name: string): XmlElement | null {
  return element?.children.find((c) => same(c.name, name)) ?? null;
}

export function children(element: XmlElement | null | undefined, name: string): XmlElement[] {
  return element?.children.filter((c) => same(c.name, name)) ?? [];
}

export function attribute(element: XmlElement | null | undefined, name: string): string | null {
  if (!element) return null;
  const key = Object.keys(element.attributes).find((k) => same(k, name));
  return key === undefined ? null : (element.attributes[key] ?? '').trim();
}

/** Text of a child element, or null when it is absent or empty. */
export function childText(element: XmlElement | null | undefined, name: string): string | null {
  const text = child(element, name)?.text;
  return text ? text : null;
}
