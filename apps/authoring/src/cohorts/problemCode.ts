/** The `code` member the cohort and import routes put in their problems ("cohort-closed"…), if any. */
export function problemCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}
