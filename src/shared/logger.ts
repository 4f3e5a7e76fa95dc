/** Structured JSON logs (pino); one root logger per process, children carry a request id. */
import pino, { type Logger } from 'pino';
import type { LogLevel } from '../config';

export type { Logger };

export function createLogger(level: LogLevel): Logger {
  return pino({
    level,
    base: { service: 'cluster-graph' },
    // Never log credentials, even when a caller passes a whole request or config.
    redact: ['password', '*.password', 'req.headers.authorization', 'neo4j.password'],
  });
}
