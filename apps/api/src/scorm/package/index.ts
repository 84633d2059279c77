export { safeUnzip, type ExtractedFile } from './safe-unzip.js';
export { DEFAULT_UNZIP_LIMITS, type UnzipLimits } from './unzip-limits.js';
export { UnzipError, type UnzipProblemCode } from './unzip-problem.js';
