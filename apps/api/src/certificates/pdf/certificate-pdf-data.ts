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
