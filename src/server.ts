/**
 * The HTTP application: express 5 + Apollo Server 5 on /graphql, health probes, and a graceful
 * start/stop. Built from a Config and an open Database so tests can run it on any port.
 */
import { createHash, randomUUID, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import type { Config } from './config';
import type { Database } from './db/database';
import { formatError } from './format-error';
import {
  AppError,
  challenge,
  RETRY_AFTER_SECONDS,
  UnauthenticatedError,
  type ErrorCode,
} from './shared/errors';
import { errorBody, sendError } from './shared/http-errors';
import {
  loadTrustedDocuments,
  resolveTrusted,
  type OperationRequest,
} from './shared/trusted-documents';
import { errorTranslationPlugin, translated } from './shared/graphql-errors';
import type { Context } from './modules/request/context';
import type { Logger } from './shared/logger';
import { createSchema, createServices } from './schema';
import { installWriteHooks } from './modules/system/write-hooks';
import { exportHandler } from './modules/export/export.routes';
import { importHandler } from './modules/import/import.routes';
import cors from 'cors';
import helmet from 'helmet';
import { Kind } from 'graphql';
import { Metrics } from './shared/metrics';
import { requestScope } from './shared/request-scope';
import { authorizationOf, readAuthorization } from './modules/auth/auth.service';
import type { Principal } from './shared/principal';
import { pinoHttp } from 'pino-http';
import { callerKey, createRateLimiter } from './shared/rate-limit';
import { DEFAULT_LIMITS, DocumentShapeCheck, queryLimitsPlugin } from './shared/query-limits';
import { KnownOperationTypesRule } from './shared/operation-types';
import { webApp } from './web/serve';
import { WebhookDispatcher } from './modules/webhook/webhook.dispatcher';

/** The largest request body: real operations are under 10 KB, so 256 KiB leaves room for imports. */
const MAX_BODY_BYTES = 256 * 1024;

export interface RunningServer {
  url: string;
  port: number;
  /** Stops accepting requests, lets in-flight ones finish (up to the grace period), stops Apollo. */
  stop(): Promise<void>;
}

/** Compares a header with a secret in constant time (digests, so lengths do not show). */
function sameSecret(header: string | undefined, expected: string): boolean {
  const digest = (text: string): Buffer => createHash('sha256').update(text).digest();
  return header !== undefined && timingSafeEqual(digest(header.trim()), digest(expected));
}

/** A port we were asked to listen on is taken: one sentence, no stack trace. */
export class PortInUseError extends Error {
  override name = 'PortInUseError';
}

export async function startServer(
  config: Config,
  db: Database,
  logger: Logger,
): Promise<RunningServer> {
  const app = express();
  app.disable('x-powered-by');
  // Behind a reverse proxy, which X-Forwarded-For addresses to believe (TRUST_PROXY); by default
  // none, so a client cannot choose its own rate-limit bucket by sending the header.
  app.set('trust proxy', config.trustProxy);
  const httpServer = http.createServer(app);
  let accepting = true;

  // Every write of the API raises the graph version and is audited, in its own transaction.
  installWriteHooks(db);
  const services = createServices(
    db,
    config.jwt,
    config.analyticsPool,
    config.webhooks.allowlist,
    config.import,
  );
  const schema = await createSchema(services);
  // Before anything starts: a manifest that does not fit this schema stops the server here.
  const trusted = config.trustedDocuments.file
    ? loadTrustedDocuments(config.trustedDocuments.file, config.trustedDocuments.only, schema)
    : undefined;
  const metrics = new Metrics();
  // Who is calling, settled once per request before the rate limit (which budgets by caller)
  // and read again by the GraphQL and export contexts.
  // A refusal (bad credentials, or the key lookup failing while Neo4j is away) is kept and
  // answered by the context, in the GraphQL error shape.
  const callers = new WeakMap<express.Request, Principal | Error>();
  const identify: express.RequestHandler = (req, _res, next) => {
    services.auth.authenticate(authorizationOf(req)).then(
      (principal) => {
        callers.set(req, principal);
        next();
      },
      (error: unknown) => {
        callers.set(req, error instanceof Error ? error : new Error(String(error)));
        next();
      },
    );
  };
  const limiter = await createRateLimiter(
    {
      perAddress: config.rateLimitPerMinute,
      perPrincipal: config.rateLimitPerKeyPerMinute,
      redisUrl: config.redisUrl,
    },
    (req) => {
      const caller = callers.get(req);
      return caller instanceof Error || caller?.role == null ? undefined : caller;
    },
    logger,
  );
  const metricsRefusal = (
    req: express.Request,
  ): { status: number; code: ErrorCode; message: string; challenge?: string } | undefined => {
    const read = readAuthorization(authorizationOf(req));
    if (
      config.metrics.token &&
      read.kind === 'bearer' &&
      sameSecret(read.credentials, config.metrics.token)
    )
      return undefined;
    const caller = callers.get(req);
    if (caller instanceof AppError && caller.code === 'DATABASE_UNAVAILABLE')
      return { status: 503, code: 'DATABASE_UNAVAILABLE', message: caller.message };
    if (caller && !(caller instanceof Error) && caller.role === 'admin') return undefined;
    const needs = `GET /metrics needs an admin credential${config.metrics.token ? ' or the METRICS_TOKEN' : ''}: send "Authorization: Bearer <key>"`;
    if (caller && !(caller instanceof Error) && caller.role !== null)
      return {
        status: 403,
        code: 'FORBIDDEN',
        message: `${needs}; these credentials are ${caller.role}.`,
      };
    return {
      status: 401,
      code: 'UNAUTHENTICATED',
      // Why credentials that came were refused, if they were.
      message: caller instanceof UnauthenticatedError ? `${needs}. ${caller.message}` : `${needs}.`,
      // Why credentials that came were refused, if they were (RFC 6750 §3).
      challenge: caller instanceof UnauthenticatedError ? caller.challenge : challenge(),
    };
  };
  const stopTiming = db.observe((mode, seconds, ok) =>
    metrics.neo4j.observe({ mode: mode.toLowerCase(), outcome: ok ? 'ok' : 'error' }, seconds),
  );
  const stopCounting = db.onStatement(() => metrics.statements.inc());
  // Webhooks: delivered from this instance (unless WEBHOOK_DISPATCH is off), looked for at once
  // after each write of a request here (writes of other instances are found by polling).
  const dispatcher = config.webhooks.dispatch
    ? new WebhookDispatcher(services.webhookRepository, config.webhooks, logger)
    : undefined;
  const stopNudging = db.observe((mode, _seconds, ok) => {
    if (mode === 'WRITE' && ok && requestScope.getStore()) dispatcher?.nudge();
  });
  const stopObserving = (): void => {
    stopTiming();
    stopCounting();
    stopNudging();
  };
  const apollo = new ApolloServer<Context>({
    schema,
    formatError: (formatted, error) => formatError(formatted, error, logger),
    introspection: config.introspection,
    // "Did you mean ...?" hints are introspection by other means: they go with it (off in
    // production unless GRAPHQL_INTROSPECTION turns both on).
    hideSchemaDetailsFromClientErrors: !config.introspection,
    includeStacktraceInErrorResponses: false,
    // main.ts owns SIGINT/SIGTERM (drain, close the driver, stop the local Neo4j). Apollo's own
    // handler, on unless NODE_ENV is "test", re-raised the signal and ended the process first.
    stopOnTerminationSignals: false,
    allowBatchedHttpRequests: false,
    csrfPrevention: true,
    parseOptions: { maxTokens: DEFAULT_LIMITS.maxTokens },
    // `subscription { ... }` (no Subscription type) is a validation error, not an internal one.
    validationRules: [KnownOperationTypesRule],
    plugins: [
      // First: domain errors get their codes and HTTP status before any other plugin sees them.
      errorTranslationPlugin(),
      ApolloServerPluginDrainHttpServer({ httpServer }),
      // We set no cache hints and send no Cache-Control for POSTs; left on, the plugin wraps
      // every field resolver to collect hints: a cost on every field of every answer, for
      // nothing.
      ApolloServerPluginCacheControlDisabled(),
      // Apollo's landing page loads Apollo Sandbox from a CDN (a blank page offline); browsers
      // get the GraphiQL this server bundles instead (GRAPHIQL), or the JSON answer to a GET.
      ApolloServerPluginLandingPageDisabled(),
      queryLimitsPlugin(schema, DEFAULT_LIMITS),
      {
        // The audit records which top-level fields a write came from.
        requestDidStart: async () => ({
          didResolveOperation: async ({ operation }) => {
            const scope = requestScope.getStore();
            if (scope)
              scope.operationName = (operation?.selectionSet.selections ?? [])
                .map((s) => (s.kind === Kind.FIELD ? s.name.value : '…'))
                .join(', ');
          },
        }),
      },
      metrics.apolloPlugin(),
    ],
  });
  await apollo.start();

  // Once stopping, every answer closes its connection ("Connection: close"), so keep-alive
  // clients stop sending on it and open a new one, which the closed listener refuses before
  // the API has seen the request; what did arrive is answered in full.
  app.use((_req, res, next) => {
    const writeHead = res.writeHead;
    res.writeHead = function (this: http.ServerResponse, ...args: unknown[]) {
      if (!accepting) this.shouldKeepAlive = false;
      return (writeHead as (...a: unknown[]) => http.ServerResponse).apply(this, args);
    } as typeof res.writeHead;
    next();
  });
  app.use(metrics.httpTimer());
  // One JSON line per request with its id (the caller's X-Request-Id when well-formed), echoed
  // in the answer so a client can quote it; health probes and scrapes stay out of the log.
  app.use(
    pinoHttp({
      logger,
      genReqId: (req, res) => {
        const header = req.headers['x-request-id'];
        const id =
          typeof header === 'string' && /^[\w.-]{1,64}$/.test(header) ? header : randomUUID();
        res.setHeader('x-request-id', id);
        return id;
      },
      // Every line of the request (ours and the completion line) carries `requestId`.
      quietReqLogger: true,
      customAttributeKeys: { reqId: 'requestId' },
      autoLogging: { ignore: (req) => /^\/(health|metrics)/.test(req.url ?? '') },
      customLogLevel: (_req, res, error) =>
        error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
      serializers: {
        req: (req: { method: string; url: string }) => ({ method: req.method, url: req.url }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
    }),
  );
  app.use((req, _res, next) => {
    if (!/^\/(health|metrics)/.test(req.url)) req.log.debug('request received');
    next();
  });
  // helmet's default Content-Security-Policy in every environment (the pages this server serves
  // load nothing from another origin); GraphiQL's page and assets set their own (src/web/serve.ts).
  app.use(helmet({ crossOriginEmbedderPolicy: false }));
  app.use(cors({ origin: config.corsOrigins, maxAge: 600 }));
  // How the API is used and how it is doing is not for everyone: admins, a scraper holding
  // METRICS_TOKEN, or everyone when METRICS_PUBLIC; counted against the rate limit like the rest.
  app.get('/metrics', identify, limiter.middleware, async (req, res) => {
    const refusal = config.metrics.public ? undefined : metricsRefusal(req);
    if (refusal) {
      if (refusal.challenge) res.setHeader('www-authenticate', refusal.challenge);
      res.status(refusal.status).json(errorBody(refusal.code, refusal.message));
      return;
    }
    res.setHeader('content-type', metrics.registry.contentType);
    res.send(await metrics.registry.metrics());
  });
  app.get('/health/live', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/health/ready', async (_req, res) => {
    // Known down: at once. Otherwise a check with a client-side deadline, so the answer comes
    // within 2 s even from a frozen database.
    const database = accepting && !db.down && (await db.ping(1_500));
    if (!database) res.set('Retry-After', String(RETRY_AFTER_SECONDS));
    res.status(database ? 200 : 503).json({
      status: database ? 'ready' : 'unavailable',
      database: database ? 'up' : accepting ? 'down' : 'shutting down',
    });
  });
  /** The request's context; refuses bad credentials, and anonymous callers when reads need keys. */
  const context = async (req: express.Request): Promise<Context> => {
    const requestId = String(req.id);
    const caller = callers.get(req) ?? (await services.auth.authenticate(authorizationOf(req)));
    if (caller instanceof Error) throw caller;
    const principal = caller;
    if (principal.role === null && !config.anonymousReads)
      throw new UnauthenticatedError(
        'This API needs credentials for every request: send "Authorization: Bearer <API key or JWT>".',
      );
    const scope = requestScope.getStore();
    if (scope) Object.assign(scope, { who: principal.id, requestId });
    return {
      requestId,
      logger: logger.child({ requestId }),
      loaders: services.loaders(requestId),
      client: principal.id,
      principal,
      caller: callerKey(req, principal.role === null ? undefined : principal.id),
    };
  };
  const guard = [identify, limiter.middleware];
  const shapes = new DocumentShapeCheck(DEFAULT_LIMITS);
  app.get('/export/:file', guard, exportHandler(services.exports, context, logger));
  // Bulk import: the NDJSON body is read as a stream by the handler (no body parser here), each
  // batch audited with the caller (the service opens a request scope per batch).
  app.post('/import', guard, importHandler(services.imports, context, config.import, logger));
  // Another method is answered in the API's error shape, not express's HTML 404.
  app.all('/import', (_req, res) => {
    res.set('Allow', 'POST');
    sendError(
      res,
      405,
      'BAD_REQUEST',
      'POST /import takes NDJSON (Content-Type: application/x-ndjson); see the README, "Bulk import".',
    );
  });
  if (config.graphiql) {
    // GraphiQL: a browser's GET /graphql without a query (what navigating there sends), and
    // /graphiql; its assets under /graphiql/assets/. Every other request to /graphql is
    // Apollo's: queries by GET, JSON clients, POST.
    const graphiql = webApp('graphiql', logger);
    if (!config.introspection)
      logger.warn(
        'GRAPHIQL is on but GRAPHQL_INTROSPECTION is off: GraphiQL runs operations but has no docs and no completion; set GRAPHQL_INTROSPECTION=true too',
      );
    app.get('/graphql', (req, res, next) =>
      req.query.query === undefined &&
      req.accepts(['application/graphql-response+json', 'application/json', 'text/html']) ===
        'text/html'
        ? graphiql.page(req, res, next)
        : next(),
    );
    app.get('/graphiql', graphiql.page);
    app.use('/graphiql', graphiql.assets);
  }
  if (config.explorer) {
    // The analysts' explorer: its page at /explore, its assets under /explore/assets/. It reads
    // through /graphql like any client, so the API's credentials and limits apply to it.
    const explorer = webApp('explorer', logger);
    if (config.trustedDocuments.only)
      logger.warn(
        'EXPLORER is on but TRUSTED_DOCUMENTS_ONLY refuses operations outside the manifest: the explorer cannot read; set EXPLORER=false, or TRUSTED_DOCUMENTS_ONLY=false',
      );
    app.get('/explore', explorer.page);
    app.use('/explore', explorer.assets);
  }
  app.use(
    '/graphql',
    guard,
    express.json({ limit: MAX_BODY_BYTES }),
    // Operations sent by id are resolved to their registered text, and when only registered
    // operations may run, anything else is refused here, before it is parsed.
    (req: express.Request, res: express.Response, next: express.NextFunction) => {
      if (!trusted) return next();
      const get = req.method === 'GET';
      const sent = ((get ? req.query : req.body) ?? {}) as OperationRequest;
      const outcome = resolveTrusted(trusted, sent);
      if (outcome.kind === 'refused') {
        metrics.errors.inc({ code: outcome.code });
        res.status(400).json(errorBody(outcome.code, outcome.message));
        return;
      }
      if (outcome.kind === 'resolved') {
        // The id has done its work: Apollo sees a plain operation (no APQ hash to check).
        const { documentId: _id, extensions: _ext, ...rest } = sent as Record<string, unknown>;
        const resolved = { ...rest, query: outcome.query };
        // Apollo reads a GET's parameters from req.url.
        if (get) {
          const params = new URLSearchParams(resolved as Record<string, string>).toString();
          req.url = `${req.url.split('?')[0]}?${params}`;
        } else req.body = resolved;
      }
      next();
    },
    // Shapes whose validation alone is quadratic are refused before Apollo validates them.
    (req: express.Request, res: express.Response, next: express.NextFunction) => {
      const query =
        req.method === 'GET'
          ? req.query.query
          : (req.body as { query?: unknown } | undefined)?.query;
      const refusal = typeof query === 'string' ? shapes.refusal(query) : undefined;
      if (!refusal) return next();
      metrics.errors.inc({ code: 'QUERY_TOO_COMPLEX' });
      res
        .status(400)
        .json({ errors: [{ message: refusal.message, extensions: refusal.extensions }] });
    },
    // Every write of this request is audited with its caller and variables (see request-scope).
    (req: express.Request, _res: express.Response, next: express.NextFunction) => {
      const body = (req.body ?? {}) as { variables?: unknown };
      requestScope.run(
        { who: 'anonymous', requestId: '', operationName: null, variables: body.variables ?? null },
        next,
      );
    },
    expressMiddleware(apollo, {
      // A refused context (credentials) is answered as a coded GraphQL error, with its status.
      context: async ({ req }) =>
        context(req).catch((error: unknown) => {
          throw translated(error);
        }),
    }),
  );
  // Body parser failures (too large, not JSON, unreadable) answer in the GraphQL error shape.
  app.use(
    (error: unknown, _req: express.Request, res: express.Response, next: express.NextFunction) => {
      const type = (error as { type?: string }).type;
      if (type === 'entity.too.large') {
        res
          .status(413)
          .json(
            errorBody('BAD_USER_INPUT', `The request body is larger than ${MAX_BODY_BYTES} bytes.`),
          );
        return;
      }
      if (type === 'entity.parse.failed') {
        res.status(400).json(errorBody('BAD_REQUEST', 'The request body is not valid JSON.'));
        return;
      }
      // Any other refusal of the body (charset, content-encoding, a broken gzip stream...):
      // the client's fault, said in the GraphQL error shape; anything else is ours, masked.
      const status = (error as { status?: unknown }).status;
      if (typeof status === 'number' && status >= 400 && status < 500) {
        const exposed = (error as { expose?: unknown }).expose === true;
        res
          .status(status)
          .json(
            errorBody(
              'BAD_REQUEST',
              exposed
                ? `The request body could not be read: ${(error as Error).message}.`
                : 'The request body could not be read.',
            ),
          );
        return;
      }
      if (res.headersSent) return next(error);
      logger.error({ err: error }, 'unexpected error outside GraphQL');
      res.status(500).json(errorBody('INTERNAL_SERVER_ERROR', 'Internal server error'));
    },
  );

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', (error: NodeJS.ErrnoException) => {
      reject(
        error.code === 'EADDRINUSE'
          ? new PortInUseError(
              `Port ${config.port} is already in use, so the API cannot listen there: stop what uses it or set PORT to a free port.`,
            )
          : error,
      );
    });
    httpServer.listen({ port: config.port, host: config.host }, resolve);
  });
  const port = (httpServer.address() as AddressInfo).port;
  // Keep the analytics projection current in the background (at start, then when the graph
  // version moved), so that rankings and exports rarely wait for a build.
  const refresh = (): Promise<void> =>
    services.analytics.refresh((error) =>
      logger.warn({ err: error }, 'analytics projection refresh failed; retried later'),
    );
  let refreshing: Promise<void> | undefined;
  const refreshTimer =
    config.analyticsRefreshSeconds > 0
      ? setInterval(() => {
          refreshing ??= refresh().finally(() => (refreshing = undefined));
        }, config.analyticsRefreshSeconds * 1000)
      : undefined;
  refreshTimer?.unref();
  if (refreshTimer) refreshing = refresh().finally(() => (refreshing = undefined));
  dispatcher?.start();
  const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;

  let stopping: Promise<void> | undefined;
  return {
    url: `http://${shownHost}:${port}/graphql`,
    port,
    stop: () => {
      stopping ??= (async () => {
        accepting = false;
        clearInterval(refreshTimer);
        stopObserving();
        await refreshing;
        // The drain plugin closes idle connections and waits for in-flight requests; the
        // timer bounds that wait so a stuck client cannot hold the process forever.
        const grace = setTimeout(
          () => httpServer.closeAllConnections(),
          config.shutdownGraceSeconds * 1000,
        );
        try {
          await apollo.stop();
        } finally {
          clearTimeout(grace);
          // After the requests: the delivery under way ends (bounded by WEBHOOK_TIMEOUT_MS) and
          // the leases are given up, so another instance takes over at once.
          await dispatcher?.stop();
          await limiter.close();
          await services.analytics.close();
          metrics.close();
          if (httpServer.listening)
            await new Promise<void>((resolve) => httpServer.close(() => resolve()));
        }
      })();
      return stopping;
    },
  };
}
