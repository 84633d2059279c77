export type PackageProblemCode =
  | 'manifest-missing'
  | 'manifest-not-well-formed'
  | 'manifest-too-large'
  | 'unsupported-href'
  | 'not-a-manifest'
  | 'no-organization'
  | 'default-organization-missing'
  | 'item-resource-missing'
  | 'sco-without-href'
  | 'no-launchable-item'
  | 'sequencing-reference-missing'
  | 'dependency-missing'
  | 'file-missing';

/** Errors refuse the import; warnings are kept with the package for the trainer to see. */
export interface PackageProblem {
  severity: 'error' | 'warning';
  code: PackageProblemCode;
  /** English, for a trainer: what is wrong and where. */
  detail: string;
  itemId?: string;
  resourceId?: string;
  /** Line of imsmanifest.xml, for XML that is not well-formed. */
  line?: number;
}
