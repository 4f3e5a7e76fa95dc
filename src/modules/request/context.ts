/** The typed per-request context: the request id, the logger, the DataLoaders. Nothing per request lives in module scope. */
import type { Principal } from '../../shared/principal';
import type { Loaders } from './loaders';
import type { Logger } from '../../shared/logger';

export interface Context {
  requestId: string;
  logger: Logger;
  loaders: Loaders;
  /** Who writes: recorded on ASSERTED evidence ("key:<name>", "jwt:<sub>" or "anonymous"). */
  client: string;
  /** The caller's identity and role (role null: anonymous). */
  principal: Principal;
  /**
   * Who a request counts against for shares of scarce work (analytics): the principal, or for
   * an anonymous caller its address, as the rate limit counts them.
   */
  caller?: string;
}
