import { pino, type Logger } from 'pino';
import { requestContext } from './request-context.js';

/** The one logger of the process: JSON lines on stdout, each with the request id when there is one. */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'archipelago-api' },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    mixin: () => {
      const context = requestContext.getStore();
      return context ? { requestId: context.requestId } : {};
    },
    redact: { paths: ['req.headers.cookie', 'req.headers.authorization', 'password', '*.password'], censor: '[redacted]' },
  });
}
