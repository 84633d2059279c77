export { checkPackage, MANIFEST_FILE, type PackageCheck } from './check-package.js';
export type {
  CompletionThreshold,
  ScormItem,
  ScormManifest,
  ScormOrganization,
  ScormResource,
} from './manifest-model.js';
export type { PackageProblem, PackageProblemCode } from './package-problem.js';
export { readPackageManifest } from './read-package-manifest.js';
export type { ScormVersion, VersionDetection } from './scorm-version.js';
export type * from './sequencing-model.js';
