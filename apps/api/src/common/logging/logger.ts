import { pino, type Logger } from 'pino';

/**
 * The one logger of the process: JSON lines on stdout. Fastify's per-request child loggers add the
 * request id; NestPinoLogger adds it to Nest's own lines from the request context.
 *
 * Written asynchronously: a synchronous write to a pipe whose reader lags (a log shipper, a busy
 * parent process) stalls the whole event loop, and on EAGAIN pino's writer sleeps 100 ms. Lines
 * queue in memory meanwhile and are flushed when the process exits.
 *
 * Command-line tools log to stderr instead, so that their stdout carries only their answer.
 */
export function createLogger(level: string, output: 'stdout' | 'stderr' = 'stdout'): Logger {
  return pino(
    {
      level,
      base: { service: 'archipelago-api' },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: {
        paths: ['req.headers.cookie', 'req.headers.authorization', 'password', '*.password'],
        censor: '[redacted]',
      },
    },
    pino.destination({ dest: output === 'stdout' ? 1 : 2, sync: false }),
  );
}
