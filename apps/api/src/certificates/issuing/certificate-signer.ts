import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AppConfig } from '../../config/app-config.js';
import { APP_CONFIG } from '../../config/config.token.js';
import { signCredential } from '../credentials/credential-jwt.js';
import { buildOpenBadgeCredential } from '../credentials/open-badge-credential.js';
import { issuerIdentity, publicBase } from '../keys/issuer-identity.js';
import { IssuerKeys } from '../keys/issuer-keys.service.js';
import { longDate } from '../../common/i18n/server-languages.js';
import { hoursText } from '../locales/certificate-strings.js';
import { listOf, positionIn } from '../status-list/bitstring.js';
import { statusListUrl } from '../status-list/status-lists.service.js';
import type { CertificateTemplateView } from '../templates/certificate-template.js';
import { fillPlaceholders } from '../templates/placeholders.js';
import { linksFor } from './certificate-links.js';

/** What a credential states: the certificate's snapshot at the moment it is signed. */
export interface CredentialFacts {
  code: string;
  courseId: string;
  statusIndex: number;
  learnerName: string;
  courseTitle: string;
  courseHours: number | null;
  institutionName: string;
  cohortName: string | null;
  completedAt: Date;
  issuedAt: Date;
  expiresAt: Date | null;
}

export interface SignedCredential {
  jws: string;
  kid: string;
}

/** A timestamp as the credential carries it (whole seconds), so the row and the token agree. */
export const wholeSeconds = (date: Date) => new Date(Math.floor(date.getTime() / 1000) * 1000);

/** `months` calendar months later (the 31st of a shorter month ends on its last day). */
export function addMonths(date: Date, months: number): Date {
  const result = new Date(date);
  const day = result.getUTCDate();
  result.setUTCDate(1);
  result.setUTCMonth(result.getUTCMonth() + months);
  const last = new Date(Date.UTC(result.getUTCFullYear(), result.getUTCMonth() + 1, 0)).getUTCDate();
  result.setUTCDate(Math.min(day, last));
  return result;
}

/**
 * Builds the certificate's Open Badges 3.0 credential and signs it with the current issuer key
 * (ADR 0017). The achievement's description and criteria are the template's own title and
 * wording, filled in, so the credential says in the certificate's language what the PDF says.
 */
@Injectable()
export class CertificateSigner {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly keys: IssuerKeys,
  ) {}

  async sign(
    facts: CredentialFacts,
    template: CertificateTemplateView,
    manager?: EntityManager,
  ): Promise<SignedCredential> {
    const language = template.language;
    const values = {
      learnerName: facts.learnerName,
      courseTitle: facts.courseTitle,
      hours: facts.courseHours === null ? '' : hoursText(language, facts.courseHours),
      completionDate: longDate(language, facts.completedAt),
      cohort: facts.cohortName ?? '',
      institution: facts.institutionName,
    };
    const credential = buildOpenBadgeCredential({
      verificationUrl: linksFor(this.config, facts.code).verificationUrl,
      issuer: issuerIdentity(this.config),
      learnerName: facts.learnerName,
      achievement: {
        id: `${publicBase(this.config)}/api/credentials/achievements/${facts.courseId}`,
        name: facts.courseTitle,
        description: fillPlaceholders(template.title, values),
        criteriaNarrative: fillPlaceholders(template.body, values),
      },
      validFrom: facts.issuedAt,
      ...(facts.expiresAt ? { validUntil: facts.expiresAt } : {}),
      status: {
        statusListCredential: statusListUrl(this.config, listOf(facts.statusIndex)),
        statusListIndex: positionIn(facts.statusIndex),
      },
    });
    const key = await this.keys.signingKey(manager);
    return { jws: await signCredential(credential, key), kid: key.kid };
  }
}
