import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import nodemailer, { type Transporter } from 'nodemailer';
import { Repository, type EntityManager } from 'typeorm';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.token.js';
import { renderMail, type MailContent, type RenderedMail } from './mail-templates.js';
import { MailMessage } from './mail-message.entity.js';

export interface OutgoingMail extends MailContent {
  to: string;
}

/**
 * Sends the platform's e-mail through nodemailer: over SMTP when SMTP_URL is set, otherwise into
 * the stored outbox that platform admins read in the Studio, so that invitations and password
 * resets work on a fresh install. Every message is stored either way.
 */
@Injectable()
export class MailService {
  private readonly logger = new Logger(MailService.name);
  private readonly transporter?: Transporter;

  constructor(
    @InjectRepository(MailMessage) private readonly messages: Repository<MailMessage>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    if (config.SMTP_URL) this.transporter = nodemailer.createTransport(config.SMTP_URL);
  }

  /**
   * Many messages at once (a cohort import's invitations): stored a few hundred per statement, then,
   * with SMTP, sent one after the other. Failures are recorded on each message as for `send`.
   */
  async sendMany(mails: readonly OutgoingMail[]): Promise<void> {
    for (let start = 0; start < mails.length; start += 500) {
      const chunk = mails.slice(start, start + 500);
      const rendered = chunk.map((mail) => renderMail(mail));
      const inserted = await this.messages.insert(
        chunk.map((mail, index) => ({
          recipient: mail.to,
          subject: rendered[index]!.subject,
          textBody: rendered[index]!.text,
          htmlBody: rendered[index]!.html,
          language: mail.language,
          template: mail.template,
          transport: this.transporter ? 'smtp' : 'outbox',
          sentAt: this.transporter ? null : new Date(),
        })),
      );
      if (!this.transporter) continue;
      for (const [index, mail] of chunk.entries()) {
        const id = (inserted.identifiers[index] as { id: string }).id;
        await this.deliver(this.transporter, id, mail, rendered[index]!);
      }
    }
  }

  /**
   * Stores the message (inside the caller's transaction when given) and, with SMTP, sends it.
   * A failed SMTP delivery is recorded on the message and logged; it does not undo the caller's work.
   */
  async send(mail: OutgoingMail, manager?: EntityManager): Promise<void> {
    const rendered = renderMail(mail);
    const repository = manager ? manager.getRepository(MailMessage) : this.messages;
    const saved = await repository.save({
      recipient: mail.to,
      subject: rendered.subject,
      textBody: rendered.text,
      htmlBody: rendered.html,
      language: mail.language,
      template: mail.template,
      transport: this.transporter ? 'smtp' : 'outbox',
      sentAt: this.transporter ? null : new Date(),
    });
    if (!this.transporter) return;
    await this.deliver(this.transporter, saved.id, mail, rendered);
  }

  private async deliver(
    transporter: Transporter,
    id: string,
    mail: OutgoingMail,
    rendered: RenderedMail,
  ): Promise<void> {
    try {
      await transporter.sendMail({
        from: this.config.MAIL_FROM,
        to: mail.to,
        subject: rendered.subject,
        text: rendered.text,
        html: rendered.html,
      });
      await this.messages.update(id, { sentAt: new Date() });
    } catch (error) {
      this.logger.error(`Could not send ${mail.template} mail: ${String(error)}`);
      await this.messages.update(id, { error: String(error).slice(0, 1000) });
    }
  }
}
