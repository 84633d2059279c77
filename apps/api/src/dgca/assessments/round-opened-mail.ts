import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { AppConfig } from '../../config/app-config.js';
import { APP_CONFIG } from '../../config/config.token.js';
import { mailPhrase } from '../../notifications/mail-templates.js';
import { MailService, type OutgoingMail } from '../../notifications/mail.service.js';
import { longDate, serverLanguage } from '../../common/i18n/server-languages.js';

/**
 * "Your self-assessment is open": to every participant when the individual round opens, and to
 * someone added while it is open, in each reader's language, with a link to the learner app's
 * rating page. Sent once the change has committed; a failure is logged, the change stands.
 */
@Injectable()
export class RoundOpenedMail {
  private readonly logger = new Logger(RoundOpenedMail.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly db: DataSource,
    private readonly mail: MailService,
  ) {}

  /** The mails for these participants (all of the assessment's when `userIds` is left out). */
  async compose(
    assessmentId: string,
    userIds?: readonly string[],
    db?: EntityManager,
  ): Promise<OutgoingMail[]> {
    const rows = (await (db ?? this.db.manager).query(
      `SELECT u.email, u.display_name AS name, u.preferred_language AS language,
              a.title, to_char(a.individual_due_on, 'YYYY-MM-DD') AS due, i.name AS institution
         FROM dgca_participant p
         JOIN user_account u ON u.id = p.user_id AND u.status <> 'deleted'
         JOIN dgca_assessment a ON a.id = p.assessment_id
         JOIN institution i ON i.id = a.institution_id
        WHERE p.assessment_id = $1 AND ($2::uuid[] IS NULL OR p.user_id = ANY($2::uuid[]))`,
      [assessmentId, userIds ?? null],
    )) as {
      email: string;
      name: string;
      language: string;
      title: string;
      due: string | null;
      institution: string;
    }[];
    return rows.map((row) => {
      const language = serverLanguage(row.language);
      return {
        to: row.email,
        template: 'dgcaRoundOpened',
        language,
        params: {
          name: row.name,
          assessment: row.title,
          institution: row.institution,
          due: row.due
            ? mailPhrase(language, 'dgcaRoundOpened.duePrefix', { date: longDate(language, row.due) })
            : '',
        },
        actionUrl: `${this.config.PUBLIC_URL}/assessments/${assessmentId}`,
      };
    });
  }

  async send(mails: readonly OutgoingMail[]): Promise<void> {
    if (mails.length === 0) return;
    try {
      await this.mail.sendMany(mails);
    } catch (error) {
      this.logger.error(`Could not store the mails of an assessment round: ${String(error)}`);
    }
  }
}
