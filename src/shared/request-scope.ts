/**
 * What the gateway may know of the request a write belongs to (who, which request and
 * operation, with which variables), carried by AsyncLocalStorage from the HTTP handler down to
 * Database.write and its write hooks, so every API write can be audited in its own transaction
 * without threading a caller through every repository. Writes outside a request (seeds, generator) have no scope.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

export interface RequestScope {
  who: string;
  requestId: string;
  operationName: string | null;
  variables: unknown;
}

export const requestScope = new AsyncLocalStorage<RequestScope>();
