import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { ProblemException } from '../common/problem/problem.exception.js';
import { ProblemType } from '../common/problem/problem-details.js';
import { MailMessage } from './mail-message.entity.js';
import { MailMessageSummary, MailMessageView, type OutboxPage, type OutboxQuery } from './outbox.dto.js';

@Injectable()
export class OutboxService {
  constructor(@InjectRepository(MailMessage) private readonly messages: Repository<MailMessage>) {}

  async list(query: OutboxQuery): Promise<OutboxPage> {
    const builder = this.messages.createQueryBuilder('m').orderBy('m.created_at', 'DESC');
    if (query.recipient)
      builder.where('lower(m.recipient) = lower(:recipient)', { recipient: query.recipient });
    const [rows, total] = await builder
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
    return { items: rows.map(MailMessageSummary.from), page: query.page, pageSize: query.pageSize, total };
  }

  async get(id: string): Promise<MailMessageView> {
    const message = await this.messages.findOneBy({ id });
    if (!message)
      throw new ProblemException({
        status: 404,
        type: ProblemType.NotFound,
        detail: 'No message with this id.',
      });
    return MailMessageView.full(message);
  }
}
