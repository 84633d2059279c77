import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MailMessage } from './mail-message.entity.js';
import { MailService } from './mail.service.js';
import { OutboxController } from './outbox.controller.js';
import { OutboxService } from './outbox.service.js';

/** Global: any module may send mail. */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([MailMessage])],
  controllers: [OutboxController],
  providers: [MailService, OutboxService],
  exports: [MailService],
})
export class NotificationsModule {}
