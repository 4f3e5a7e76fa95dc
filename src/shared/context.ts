/** The typed per-request context: who asks, the request id, the logger. Nothing per request lives in module scope. */
import type { Logger } from './logger';

export interface Context {
  requestId: string;
  logger: Logger;
}
