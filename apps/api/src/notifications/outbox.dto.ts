import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { PageMeta, PageQuery } from '../common/pagination/page.dto.js';
import type { MailMessage } from './mail-message.entity.js';

export class OutboxQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Only messages to this address (any case).' })
  @IsOptional()
  @IsString()
  @MaxLength(254)
  recipient?: string;
}

export class MailMessageSummary {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  recipient!: string;

  @ApiProperty()
  subject!: string;

  @ApiProperty({ example: 'invitation' })
  template!: string;

  @ApiProperty({ example: 'en' })
  language!: string;

  @ApiProperty({ enum: ['smtp', 'outbox'] })
  transport!: 'smtp' | 'outbox';

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  sentAt!: string | null;

  @ApiProperty({ nullable: true, type: String })
  error!: string | null;

  static from(message: MailMessage): MailMessageSummary {
    const { id, recipient, subject, template, language, transport, error } = message;
    return {
      id,
      recipient,
      subject,
      template,
      language,
      transport,
      error,
      createdAt: message.createdAt.toISOString(),
      sentAt: message.sentAt ? message.sentAt.toISOString() : null,
    };
  }
}

export class MailMessageView extends MailMessageSummary {
  @ApiProperty({ description: 'The plain-text body, as sent.' })
  textBody!: string;

  static full(message: MailMessage): MailMessageView {
    return { ...MailMessageSummary.from(message), textBody: message.textBody };
  }
}

export class OutboxPage extends PageMeta {
  @ApiProperty({ type: [MailMessageSummary] })
  items!: MailMessageSummary[];
}
