/** What a certificate says, copied into it at issue; the template says how it looks. */
export interface CertificatePdfData {
  code: string;
  verificationUrl: string;
  learnerName: string;
  courseTitle: string;
  hours: number | null;
  completedAt: Date;
  issuedAt: Date;
  expiresAt: Date | null;
  cohortName: string | null;
  institutionName: string;
  issuerName: string;
}

/** XXXX-XXXX-XXXX-XXXX: how a code is printed and shown (it is stored without dashes). */
export const printedCode = (code: string): string =>
  code
    .replace(/-/g, '')
    .toUpperCase()
    .replace(/(.{4})(?=.)/g, '$1-');
