import type { LoggerService } from '@nestjs/common';
import type { Logger } from 'pino';
import { requestContext } from './request-context.js';

/** Routes NestJS's own messages into the pino logger, with their context as a field. */
export class NestPinoLogger implements LoggerService {
  constructor(private readonly root: Logger) {}

  private get logger(): Logger {
    const context = requestContext.getStore();
    return context ? this.root.child({ requestId: context.requestId }) : this.root;
  }

  log(message: unknown, context?: string): void {
    this.logger.info({ context }, String(message));
  }
  error(message: unknown, trace?: string, context?: string): void {
    this.logger.error({ context, trace }, String(message));
  }
  warn(message: unknown, context?: string): void {
    this.logger.warn({ context }, String(message));
  }
  debug(message: unknown, context?: string): void {
    this.logger.debug({ context }, String(message));
  }
  verbose(message: unknown, context?: string): void {
    this.logger.trace({ context }, String(message));
  }
}
