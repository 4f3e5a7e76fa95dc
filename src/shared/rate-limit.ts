/**
 * Rate limits on /graphql, /export and /metrics: one budget per API key or JWT subject for callers with
 * valid credentials, one per client address for everyone else (anonymous callers and refused
 * credentials). Counters live in memory, or in Redis when several instances share the load.
 * express-rate-limit counts; this file only chooses the bucket, the budget and the answer.
 */
import type express from 'express';
import { ipKeyGenerator, rateLimit, type RateLimitInfo, type Store } from 'express-rate-limit';
import { Redis } from 'ioredis';
import { RedisStore, type RedisReply } from 'rate-limit-redis';
import type { Principal } from './principal';
import type { Logger } from './logger';
import type { ErrorCode } from './errors';

export interface RateLimitOptions {
  /** Per minute and client address, for callers without valid credentials (0: no limit). */
  perAddress: number;
  /** Per minute and principal, for callers with valid credentials (0: no limit). */
  perPrincipal: number;
  /** Shared counters; unset: this process's memory. */
  redisUrl: string | undefined;
}

/**
 * Who a request counts against, for the rate limit and for shares of scarce work: a
 * credentialed principal, or else the caller's address (IPv6 per /56 network, as one client
 * usually holds a whole prefix; behind a proxy, per TRUST_PROXY).
 */
export function callerKey(req: express.Request, principalId: string | undefined): string {
  return principalId
    ? `principal:${principalId}`
    : `address:${ipKeyGenerator(req.ip ?? req.socket.remoteAddress ?? 'unknown')}`;
}

/** Redis named in REDIS_URL did not answer at start: one sentence, no stack. */
export class RateLimitStoreError extends Error {
  override name = 'RateLimitStoreError';
}

export interface RateLimiter {
  /** Counts the request against its bucket; above the budget answers 429 with Retry-After. */
  middleware: express.RequestHandler;
  close(): Promise<void>;
}

const WINDOW_MS = 60_000;

/**
 * Builds the limiter. `principalOf` gives the authenticated caller of a request (undefined for
 * anonymous callers and refused credentials), so identification must run before it.
 */
export async function createRateLimiter(
  options: RateLimitOptions,
  principalOf: (req: express.Request) => Principal | undefined,
  logger: Logger,
): Promise<RateLimiter> {
  if (options.perAddress === 0 && options.perPrincipal === 0)
    return { middleware: (_req, _res, next) => next(), close: async () => undefined };
  const redis = options.redisUrl ? await connectRedis(options.redisUrl, logger) : undefined;
  const store: Store | undefined = redis
    ? new RedisStore({
        prefix: 'cluster-graph:rate:',
        sendCommand: (command: string, ...args: string[]) =>
          redis.call(command, ...args) as Promise<RedisReply>,
      })
    : undefined;
  const budget = (req: express.Request): number =>
    principalOf(req) ? options.perPrincipal : options.perAddress;
  const middleware = rateLimit({
    windowMs: WINDOW_MS,
    limit: budget,
    skip: (req) => budget(req) === 0,
    keyGenerator: (req) => callerKey(req, principalOf(req)?.id),
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    // req.ip follows express's `trust proxy` (TRUST_PROXY, documented): without it an
    // X-Forwarded-For header is a client trying to pick its bucket, ignored on purpose, not a
    // misconfiguration to warn about; with it, trusting every hop is the operator's choice.
    validate: { xForwardedForHeader: false, trustProxy: false },
    // A Redis outage must not take the API down with it: requests pass uncounted meanwhile.
    passOnStoreError: true,
    ...(store ? { store } : {}),
    handler: (req, res) => {
      const info = (req as express.Request & { rateLimit?: RateLimitInfo }).rateLimit;
      const reset = info?.resetTime?.getTime() ?? Date.now() + WINDOW_MS;
      const seconds = Math.max(1, Math.ceil((reset - Date.now()) / 1000));
      const who = principalOf(req) ? 'these credentials' : 'this client address';
      res.setHeader('retry-after', String(seconds));
      res.status(429).json({
        errors: [
          {
            message: `More than ${budget(req)} requests a minute from ${who}; try again in ${seconds} s (Retry-After).`,
            extensions: { code: 'RATE_LIMITED' satisfies ErrorCode, retryAfterSeconds: seconds },
          },
        ],
      });
    },
  });
  return {
    middleware,
    close: async () => {
      if (redis) await redis.quit().catch(() => redis.disconnect());
    },
  };
}

async function connectRedis(url: string, logger: Logger): Promise<Redis> {
  // Commands fail at once while Redis is away (no offline queue), so requests never wait on it.
  const redis = new Redis(url, {
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 5_000,
  });
  let lastWarning = 0;
  redis.on('error', (error: Error) => {
    if (Date.now() - lastWarning < 30_000) return;
    lastWarning = Date.now();
    logger.warn({ err: error }, 'rate-limit store (Redis) unavailable; requests pass uncounted');
  });
  try {
    await redis.connect();
    return redis;
  } catch {
    redis.disconnect();
    const shown = new URL(url);
    throw new RateLimitStoreError(
      `Redis at ${shown.hostname}:${shown.port || 6379} (REDIS_URL) did not answer, so the shared rate limits cannot start: start Redis or unset REDIS_URL to count in memory.`,
    );
  }
}
