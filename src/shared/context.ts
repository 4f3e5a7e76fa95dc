/** The typed per-request context: the request id, the logger, the DataLoaders. Nothing per request lives in module scope. */
import type { Loaders } from './loaders';
import type { Logger } from './logger';

export interface Context {
  requestId: string;
  logger: Logger;
  loaders: Loaders;
  /** Who writes: recorded on ASSERTED evidence. "anonymous" until credentials exist. */
  client: string;
}
