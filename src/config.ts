/**
 * Configuration: the only place that reads the environment. dotenv first, then every variable
 * is validated and the result frozen. A bad value stops start-up with one sentence that names
 * the variable and what it expected (ConfigError), never a stack trace.
 */
import { isIP } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import dotenv from 'dotenv';

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
export type NodeEnv = 'development' | 'production' | 'test';

export interface LocalNeo4jConfig {
  /** Bolt port of the local Neo4j started when NEO4J_URI is not set. */
  boltPort: number;
  /** Where that Neo4j keeps its data (persistent for `npm start`). */
  dataDir: string;
  /** Maximum Java heap of the local Neo4j, e.g. "1g". */
  heap: string;
  /** Page cache of the local Neo4j, e.g. "256m". */
  pageCache: string;
}

export interface Config {
  nodeEnv: NodeEnv;
  host: string;
  port: number;
  logLevel: LogLevel;
  neo4j: {
    /** Set: use that server. Unset: start the local Neo4j (docker/neo4j-local). */
    uri: string | undefined;
    user: string;
    password: string;
    database: string;
  };
  local: LocalNeo4jConfig;
  /** Load seeds/ at start when the graph holds no entity. */
  seedOnStart: boolean;
  /** Seconds to wait for in-flight requests on SIGTERM before closing anyway. */
  shutdownGraceSeconds: number;
  /**
   * Restarts of the local Neo4j (when the API started it) after it exits unasked, within ten
   * minutes, before the API gives up and exits non-zero for its own supervisor. 0: exit at once.
   */
  localRestarts: number;
  /**
   * Every so many seconds, rebuild the analytics projection in the background when the graph
   * changed (and once at start), so rankings rarely wait for a build. 0: only on demand.
   */
  analyticsRefreshSeconds: number;
  /**
   * The analytics pool: projection builds and graph algorithms run on `workers` worker threads,
   * one run each at a time; at most `queue` more builds wait, each run at most `waitSeconds`
   * (beyond either: BUSY), and a run longer than `runSeconds` is stopped (QUERY_TOO_COMPLEX).
   */
  analyticsPool: {
    workers: number;
    queue: number;
    waitSeconds: number;
    runSeconds: number;
    perCaller: number;
  };
  /** Origins allowed to call the API from a browser (CORS); empty: same origin only. */
  corsOrigins: string[];
  /**
   * Requests per minute on /graphql and /export per client address, for callers without valid
   * credentials (0: no limit).
   */
  rateLimitPerMinute: number;
  /** Requests per minute per API key or JWT subject, whatever address they come from (0: none). */
  rateLimitPerKeyPerMinute: number;
  /** Redis holding the rate-limit counters, shared by several API instances (unset: in memory). */
  redisUrl: string | undefined;
  /** Whether the schema may be introspected (off by default in production). */
  introspection: boolean;
  /**
   * Whether GraphiQL is served (GET /graphql from a browser, and /graphiql); by default as
   * introspection, which its docs explorer and completion read.
   */
  graphiql: boolean;
  /**
   * Whether the analysts' explorer is served at /explore (on by default; it reads through the
   * public API, with the caller's own credentials).
   */
  explorer: boolean;
  /** Whether queries and exports work without credentials (writes never do). */
  anonymousReads: boolean;
  /** JWT bearer tokens: an HS256 secret or a JWKS URL (RS256/ES256), with issuer and audience. */
  jwt: {
    secret: string | undefined;
    jwksUrl: string | undefined;
    issuer: string | undefined;
    audience: string | undefined;
    /** Tokens meant to live longer than this (exp - iat), or that do not say, are refused. */
    maxLifetimeSeconds: number;
  };
  /**
   * Who may read /metrics: admins always, a scraper sending METRICS_TOKEN as its bearer token,
   * and everyone when public.
   */
  metrics: { public: boolean; token: string | undefined };
  /**
   * express's `trust proxy`: false (the client is the connection's peer; X-Forwarded-For is
   * ignored), true (the left-most X-Forwarded-For address), a number of proxy hops, or the
   * proxies' addresses and subnets (loopback, linklocal, uniquelocal, 10.0.0.0/8 ...).
   */
  trustProxy: boolean | number | string[];
  /**
   * Trusted documents: a manifest of registered operations (unset: none), and whether only
   * those may run (the default once a manifest is given).
   */
  trustedDocuments: { file: string | undefined; only: boolean };
  /** Webhook deliveries (src/modules/webhook): see WebhookConfig. */
  webhooks: WebhookConfig;
  /**
   * Bulk import (POST /import): records per batch (one transaction each), the longest line (one
   * record) and the largest body accepted.
   */
  import: { batchSize: number; maxLineBytes: number; maxBodyBytes: number };
}

export interface WebhookConfig {
  /** Whether this instance delivers (several may: a lease per endpoint lets one at a time). */
  dispatch: boolean;
  /** How often the dispatcher looks for work besides the nudge after a local write. */
  pollMs: number;
  /** First retry after this long, doubling per failure up to retryCapMs, with jitter. */
  retryBaseMs: number;
  retryCapMs: number;
  /**
   * An endpoint failing the same event for longer than this is disabled (failing); 0: retried
   * forever.
   */
  maxAgeSeconds: number;
  /** Whole-request deadline of one delivery (connect, send, answer). */
  timeoutMs: number;
  /** How long an instance holds an endpoint's lease without renewing it. */
  leaseMs: number;
  /**
   * Hosts and CIDR ranges a webhook may reach although they are loopback, private, link-local
   * or otherwise internal (WEBHOOK_ALLOWLIST): exact host names as written in the URL, addresses,
   * or subnets such as 10.1.0.0/16.
   */
  allowlist: string[];
}

/** One sentence naming the variable and what it expected. */
export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    expected: string,
    got: string | undefined,
  ) {
    super(`${variable} must be ${expected}${got === undefined ? '' : `, got "${got}"`}.`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

const PROJECT_ROOT = path.resolve(
  __dirname,
  '..',
  __dirname.includes(`${path.sep}dist${path.sep}`) ? '..' : '',
);
const LOCAL_DEFAULT_PASSWORD = 'clustergraph-local';
const NEO4J_SCHEMES = ['bolt', 'bolt+s', 'bolt+ssc', 'neo4j', 'neo4j+s', 'neo4j+ssc'];
const LOG_LEVELS: LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];
const NODE_ENVS: NodeEnv[] = ['development', 'production', 'test'];

/** The repository root, for files the project ships (seeds/, schema/, docker/). */
export function projectRoot(): string {
  return PROJECT_ROOT;
}

function text(env: Env, name: string): string | undefined {
  const raw = env[name];
  if (raw === undefined) return undefined;
  const trimmed = raw.trim();
  return trimmed === '' ? undefined : trimmed;
}

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = text(env, name);
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    throw new ConfigError(name, `a whole number from ${min} to ${max}`, raw);
  }
  return Number(raw);
}

function oneOf<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const raw = text(env, name);
  if (raw === undefined) return fallback;
  const lower = raw.toLowerCase() as T;
  if (!allowed.includes(lower)) throw new ConfigError(name, `one of ${allowed.join(', ')}`, raw);
  return lower;
}

function bool(env: Env, name: string, fallback: boolean): boolean {
  const raw = text(env, name);
  if (raw === undefined) return fallback;
  if (/^(true|1|yes|on)$/i.test(raw)) return true;
  if (/^(false|0|no|off)$/i.test(raw)) return false;
  throw new ConfigError(name, 'true or false', raw);
}

/**
 * TRUSTED_DOCUMENTS (a manifest) and TRUSTED_DOCUMENTS_ONLY. Asking for only trusted documents
 * without a manifest is refused: started anyway, the API would run any operation, the opposite
 * of what was asked.
 */
function trustedDocuments(env: Env): { file: string | undefined; only: boolean } {
  const file = text(env, 'TRUSTED_DOCUMENTS');
  const only = bool(env, 'TRUSTED_DOCUMENTS_ONLY', file !== undefined);
  if (only && file === undefined)
    throw new ConfigError(
      'TRUSTED_DOCUMENTS',
      'set to the manifest of registered operations when TRUSTED_DOCUMENTS_ONLY is true',
      undefined,
    );
  return { file, only };
}

function memorySize(env: Env, name: string, fallback: string): string {
  const raw = text(env, name);
  if (raw === undefined) return fallback;
  if (!/^\d+[kmg]$/i.test(raw)) throw new ConfigError(name, 'a size such as 512m or 1g', raw);
  return raw.toLowerCase();
}

function neo4jUri(env: Env, name: string): string | undefined {
  const raw = text(env, name);
  if (raw === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(name, 'a Neo4j URI such as bolt://localhost:7687', raw);
  }
  const scheme = url.protocol.replace(/:$/, '');
  if (!NEO4J_SCHEMES.includes(scheme) || url.hostname === '') {
    throw new ConfigError(name, `a Neo4j URI with scheme ${NEO4J_SCHEMES.join(', ')}`, raw);
  }
  return raw;
}

/** A comma-separated list of http(s) origins such as https://app.example.org. */
function origins(env: Env, name: string): string[] {
  const raw = text(env, name);
  if (raw === undefined) return [];
  const list = raw
    .split(',')
    .map((o) => o.trim())
    .filter((o) => o !== '');
  for (const origin of list) {
    const url = URL.canParse(origin) ? new URL(origin) : undefined;
    if (!url || !['http:', 'https:'].includes(url.protocol) || url.origin !== origin)
      throw new ConfigError(
        name,
        'a comma-separated list of origins such as https://app.example.org',
        raw,
      );
  }
  return list;
}

/** redis://[user:password@]host[:port][/db] or rediss:// for TLS. */
function redisUrl(env: Env, name: string): string | undefined {
  const raw = text(env, name);
  if (raw === undefined) return undefined;
  const url = URL.canParse(raw) ? new URL(raw) : undefined;
  if (!url || !['redis:', 'rediss:'].includes(url.protocol) || url.hostname === '')
    throw new ConfigError(name, 'a Redis URL such as redis://localhost:6379', '***');
  return raw;
}

const PROXY_NAMES = ['loopback', 'linklocal', 'uniquelocal'];

/** An address or subnet as express's trust proxy takes it: 10.0.0.1, 10.0.0.0/8, fd00::/8, a name. */
function proxyAddress(item: string): boolean {
  if (PROXY_NAMES.includes(item)) return true;
  const [address = '', mask, ...rest] = item.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (mask === undefined) return true;
  if (/^\d{1,3}$/.test(mask)) return Number(mask) <= (family === 4 ? 32 : 128);
  return family === 4 && isIP(mask) === 4;
}

function trustProxy(env: Env, name: string): Config['trustProxy'] {
  const raw = text(env, name);
  if (raw === undefined || /^(false|off|no)$/i.test(raw)) return false;
  if (/^(true|on|yes)$/i.test(raw)) return true;
  if (/^\d{1,2}$/.test(raw)) return Number(raw);
  const list = raw.split(',').map((item) => item.trim());
  if (list.every(proxyAddress)) return list;
  throw new ConfigError(
    name,
    'true, false, a number of proxies, or a comma-separated list of proxy addresses or subnets such as loopback, 10.0.0.0/8',
    raw,
  );
}

/** WEBHOOK_ALLOWLIST: host names (letters, digits, dots, hyphens), addresses or CIDR subnets. */
function webhookAllowlist(env: Env, name: string): string[] {
  const raw = text(env, name);
  if (raw === undefined) return [];
  const list = raw
    .split(',')
    // [::1] as in a URL, or ::1.
    .map((item) =>
      item
        .trim()
        .toLowerCase()
        .replace(/^\[(.*)\]$/, '$1'),
    )
    .filter((item) => item !== '');
  const fits = (item: string): boolean => {
    const [address = '', mask, ...rest] = item.split('/');
    if (rest.length > 0) return false;
    const family = isIP(address);
    if (mask !== undefined)
      return family !== 0 && /^\d{1,3}$/.test(mask) && Number(mask) <= (family === 4 ? 32 : 128);
    return (
      family !== 0 ||
      /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/.test(address)
    );
  };
  const bad = list.find((item) => !fits(item));
  if (bad !== undefined)
    throw new ConfigError(
      name,
      'a comma-separated list of host names, IP addresses or subnets such as hooks.internal, 127.0.0.1, 10.1.0.0/16',
      raw,
    );
  return list;
}

function webhookConfig(env: Env): WebhookConfig {
  const retryBaseMs = integer(env, 'WEBHOOK_RETRY_BASE_MS', 1_000, 1, 3_600_000);
  const retryCapMs = integer(env, 'WEBHOOK_RETRY_CAP_MS', 3_600_000, 1, 86_400_000);
  if (retryCapMs < retryBaseMs)
    throw new ConfigError(
      'WEBHOOK_RETRY_CAP_MS',
      `at least WEBHOOK_RETRY_BASE_MS (${retryBaseMs})`,
      String(retryCapMs),
    );
  const timeoutMs = integer(env, 'WEBHOOK_TIMEOUT_MS', 10_000, 100, 120_000);
  const leaseMs = integer(env, 'WEBHOOK_LEASE_MS', 60_000, 1_000, 3_600_000);
  // A lease that ran out mid-delivery would let another instance deliver the same event beside it.
  if (leaseMs < 2 * timeoutMs)
    throw new ConfigError(
      'WEBHOOK_LEASE_MS',
      `at least twice WEBHOOK_TIMEOUT_MS (${2 * timeoutMs})`,
      String(leaseMs),
    );
  return {
    dispatch: bool(env, 'WEBHOOK_DISPATCH', true),
    pollMs: integer(env, 'WEBHOOK_POLL_MS', 2_000, 10, 600_000),
    retryBaseMs,
    retryCapMs,
    maxAgeSeconds: integer(env, 'WEBHOOK_MAX_AGE_SECONDS', 259_200, 0, 31_536_000),
    timeoutMs,
    leaseMs,
    allowlist: webhookAllowlist(env, 'WEBHOOK_ALLOWLIST'),
  };
}

function metricsConfig(env: Env): Config['metrics'] {
  const token = text(env, 'METRICS_TOKEN');
  if (token !== undefined && token.length < 32)
    throw new ConfigError('METRICS_TOKEN', 'at least 32 characters', '***');
  return { public: bool(env, 'METRICS_PUBLIC', false), token };
}

function jwtConfig(env: Env): Config['jwt'] {
  const secret = text(env, 'JWT_SECRET');
  const jwksUrl = text(env, 'JWT_JWKS_URL');
  const issuer = text(env, 'JWT_ISSUER');
  const audience = text(env, 'JWT_AUDIENCE');
  // HS256 is only as strong as its key: RFC 7518 asks for at least 256 bits.
  if (secret !== undefined && Buffer.byteLength(secret, 'utf8') < 32)
    throw new ConfigError('JWT_SECRET', 'at least 32 bytes', '***');
  if (secret !== undefined && jwksUrl !== undefined)
    throw new ConfigError(
      'JWT_JWKS_URL',
      'unset when JWT_SECRET is set (one way to verify tokens)',
      jwksUrl,
    );
  if (jwksUrl !== undefined && !/^https?:\/\/\S+$/.test(jwksUrl))
    throw new ConfigError('JWT_JWKS_URL', 'an http(s) URL', jwksUrl);
  if (
    (secret !== undefined || jwksUrl !== undefined) &&
    (issuer === undefined || audience === undefined)
  )
    throw new ConfigError(
      issuer === undefined ? 'JWT_ISSUER' : 'JWT_AUDIENCE',
      'set when JWT_SECRET or JWT_JWKS_URL is set',
      undefined,
    );
  const maxLifetimeSeconds = integer(env, 'JWT_MAX_LIFETIME_SECONDS', 86_400, 60, 2_592_000);
  return { secret, jwksUrl, issuer, audience, maxLifetimeSeconds };
}

/** Validates an environment (process.env by default, after loading .env) into a frozen Config. */
export function loadConfig(env: Env = loadDotenv()): Readonly<Config> {
  const uri = neo4jUri(env, 'NEO4J_URI');
  const password = text(env, 'NEO4J_PASSWORD');
  if (uri !== undefined && password === undefined) {
    throw new ConfigError('NEO4J_PASSWORD', 'set when NEO4J_URI is set', undefined);
  }
  if (uri === undefined && password !== undefined && password.length < 8) {
    throw new ConfigError('NEO4J_PASSWORD', 'at least 8 characters for the local Neo4j', '***');
  }
  const database = text(env, 'NEO4J_DATABASE') ?? 'neo4j';
  if (!/^[A-Za-z][A-Za-z0-9.-]{2,62}$/.test(database)) {
    throw new ConfigError(
      'NEO4J_DATABASE',
      'a Neo4j database name (letters, digits, dots, dashes)',
      database,
    );
  }
  const dataDir =
    text(env, 'NEO4J_LOCAL_DATA_DIR') ?? path.join(PROJECT_ROOT, '.neo4j-local', 'data');

  const introspection = bool(env, 'GRAPHQL_INTROSPECTION', env.NODE_ENV !== 'production');
  const config: Config = {
    nodeEnv: oneOf(env, 'NODE_ENV', NODE_ENVS, 'development'),
    host: text(env, 'HOST') ?? '0.0.0.0',
    port: integer(env, 'PORT', 4000, 0, 65535),
    logLevel: oneOf(env, 'LOG_LEVEL', LOG_LEVELS, 'info'),
    neo4j: {
      uri,
      user: text(env, 'NEO4J_USER') ?? 'neo4j',
      password: password ?? LOCAL_DEFAULT_PASSWORD,
      database,
    },
    local: {
      boltPort: integer(env, 'NEO4J_LOCAL_BOLT_PORT', 7687, 1, 65535),
      dataDir: path.resolve(PROJECT_ROOT, dataDir),
      heap: memorySize(env, 'NEO4J_LOCAL_HEAP', '1g'),
      pageCache: memorySize(env, 'NEO4J_LOCAL_PAGECACHE', '256m'),
    },
    seedOnStart: bool(env, 'SEED_ON_START', true),
    shutdownGraceSeconds: integer(env, 'SHUTDOWN_GRACE_SECONDS', 10, 0, 600),
    localRestarts: integer(env, 'NEO4J_LOCAL_RESTARTS', 5, 0, 100),
    analyticsRefreshSeconds: integer(env, 'ANALYTICS_REFRESH_SECONDS', 60, 0, 86_400),
    analyticsPool: {
      // One core left to the event loop (and Neo4j): with as many busy workers as cores, every
      // request waits for the CPU behind the graph algorithms.
      workers: integer(
        env,
        'ANALYTICS_WORKERS',
        Math.min(4, Math.max(1, os.availableParallelism() - 1)),
        1,
        64,
      ),
      queue: integer(env, 'ANALYTICS_QUEUE', 8, 0, 1_000),
      waitSeconds: integer(env, 'ANALYTICS_WAIT_SECONDS', 30, 1, 3_600),
      runSeconds: integer(env, 'ANALYTICS_RUN_SECONDS', 120, 1, 3_600),
      perCaller: integer(env, 'ANALYTICS_PER_CALLER', 2, 1, 1_000),
    },
    corsOrigins: origins(env, 'CORS_ORIGINS'),
    rateLimitPerMinute: integer(env, 'RATE_LIMIT_PER_MINUTE', 600, 0, 1_000_000),
    rateLimitPerKeyPerMinute: integer(env, 'RATE_LIMIT_PER_KEY_PER_MINUTE', 3000, 0, 1_000_000),
    redisUrl: redisUrl(env, 'REDIS_URL'),
    introspection,
    graphiql: bool(env, 'GRAPHIQL', introspection),
    explorer: bool(env, 'EXPLORER', true),
    anonymousReads: bool(env, 'ALLOW_ANONYMOUS_READS', true),
    jwt: jwtConfig(env),
    metrics: metricsConfig(env),
    trustProxy: trustProxy(env, 'TRUST_PROXY'),
    trustedDocuments: trustedDocuments(env),
    webhooks: webhookConfig(env),
    import: Object.freeze({
      batchSize: integer(env, 'IMPORT_BATCH_SIZE', 1000, 1, 10_000),
      maxLineBytes: integer(env, 'IMPORT_MAX_LINE_BYTES', 64 * 1024, 1024, 16 * 1024 * 1024),
      maxBodyBytes: integer(env, 'IMPORT_MAX_BYTES', 1024 * 1024 * 1024, 1024, 64 * 1024 ** 3),
    }),
  };
  config.neo4j = Object.freeze(config.neo4j);
  config.local = Object.freeze(config.local);
  config.webhooks = Object.freeze(config.webhooks);
  return Object.freeze(config);
}

/**
 * Reads .env from the project root (if present) into process.env, without overriding it.
 * Skipped under NODE_ENV=test so a developer's .env never points a test at their own database.
 */
export function loadDotenv(): Env {
  if (process.env.NODE_ENV !== 'test')
    dotenv.config({ path: path.join(PROJECT_ROOT, '.env'), quiet: true });
  return process.env;
}

/**
 * Settings of the test harness (tests/support): kept here so that the environment is still
 * read in one place. NEO4J_TEST_URI points the tests at a server they did not start.
 */
export function loadTestHarnessEnv(env: Env = process.env): {
  uri: string | undefined;
  user: string;
  password: string | undefined;
} {
  return {
    uri: neo4jUri(env, 'NEO4J_TEST_URI'),
    user: text(env, 'NEO4J_TEST_USER') ?? 'neo4j',
    password: text(env, 'NEO4J_TEST_PASSWORD'),
  };
}
