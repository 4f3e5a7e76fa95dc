/**
 * Prometheus metrics (prom-client) for GET /metrics: HTTP requests and their latency, GraphQL
 * operations and errors by code, Neo4j transaction time, and the process defaults (memory, event
 * loop, GC). One registry per server, so tests can run several servers in one process.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import type { NextFunction, Request, Response } from 'express';
import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

const SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
/** How often the event-loop delay is read into its histogram (the longest delay per period). */
const LAG_PERIOD_MS = 1_000;

export class Metrics {
  readonly registry = new Registry();

  readonly http = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP requests by route, method and status, with their duration.',
    labelNames: ['route', 'method', 'status'] as const,
    buckets: SECONDS,
    registers: [this.registry],
  });

  readonly operations = new Counter({
    name: 'graphql_operations_total',
    help: 'GraphQL operations by type (query, mutation) and outcome (ok, error).',
    labelNames: ['type', 'outcome'] as const,
    registers: [this.registry],
  });

  readonly errors = new Counter({
    name: 'graphql_errors_total',
    help: 'GraphQL errors by extensions.code.',
    labelNames: ['code'] as const,
    registers: [this.registry],
  });

  readonly neo4j = new Histogram({
    name: 'neo4j_transaction_duration_seconds',
    help: 'Neo4j transactions by mode (read, write) and outcome, with their duration.',
    labelNames: ['mode', 'outcome'] as const,
    buckets: SECONDS,
    registers: [this.registry],
  });

  readonly statements = new Counter({
    name: 'neo4j_statements_total',
    help: 'Cypher statements sent to Neo4j (round trips), bookkeeping excluded.',
    registers: [this.registry],
  });

  /**
   * Event-loop delay sampled every 10 ms by perf_hooks (a delay is work that held the loop):
   * the longest per second as a histogram, and the longest since the last scrape as a gauge.
   */
  private readonly loop: IntervalHistogram = monitorEventLoopDelay({ resolution: 10 });
  private loopMaxSinceScrape = 0;
  private readonly loopTimer: NodeJS.Timeout;

  readonly loopDelay = new Histogram({
    name: 'eventloop_delay_seconds',
    help: 'The longest event-loop delay of each second (perf_hooks.monitorEventLoopDelay).',
    buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  readonly loopDelayMax = new Gauge({
    name: 'eventloop_delay_max_seconds',
    help: 'The longest event-loop delay since the previous scrape (perf_hooks.monitorEventLoopDelay).',
    registers: [this.registry],
    collect: () => {
      this.loopDelayMax.set(Math.max(this.loopMaxSinceScrape, this.loopMax()));
      this.loopMaxSinceScrape = 0;
    },
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
    this.loop.enable();
    this.loopTimer = setInterval(() => {
      const max = this.loopMax();
      this.loop.reset();
      this.loopDelay.observe(max);
      this.loopMaxSinceScrape = Math.max(this.loopMaxSinceScrape, max);
    }, LAG_PERIOD_MS);
    this.loopTimer.unref();
  }

  /** The longest delay since the last reset, in seconds (the histogram counts nanoseconds). */
  private loopMax(): number {
    return this.loop.count === 0 ? 0 : this.loop.max / 1e9;
  }

  /** Stops the event-loop sampling (server stop). */
  close(): void {
    clearInterval(this.loopTimer);
    this.loop.disable();
  }

  /** Express middleware timing every request under a route label with no ids in it. */
  httpTimer(): (req: Request, res: Response, next: NextFunction) => void {
    return (req, res, next) => {
      // The route is read now: a mounted handler strips its prefix from req.path.
      const end = this.http.startTimer({ method: req.method, route: routeOf(req.path) });
      res.on('finish', () => end({ status: String(res.statusCode) }));
      next();
    };
  }

  apolloPlugin(): ApolloServerPlugin {
    return {
      requestDidStart: async () => ({
        didEncounterErrors: async ({ errors }) => {
          for (const error of errors)
            this.errors.inc({ code: String(error.extensions?.code ?? 'INTERNAL_SERVER_ERROR') });
        },
        willSendResponse: async ({ operation, response }) => {
          const failed =
            response.body.kind === 'single' && (response.body.singleResult.errors?.length ?? 0) > 0;
          this.operations.inc({
            type: operation?.operation ?? 'unknown',
            outcome: failed ? 'error' : 'ok',
          });
        },
      }),
    };
  }
}

function routeOf(path: string): string {
  if (path.startsWith('/graphql')) return '/graphql';
  if (path.startsWith('/export/')) return '/export/:file';
  if (path.startsWith('/health/'))
    return path === '/health/live' || path === '/health/ready' ? path : 'other';
  if (path === '/metrics') return '/metrics';
  return 'other';
}
