/**
 * Prometheus metrics (prom-client) for GET /metrics: HTTP requests and their latency, GraphQL
 * operations and errors by code, Neo4j transaction time, and the process defaults (memory, event
 * loop, GC). One registry per server, so tests can run several servers in one process.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import type { NextFunction, Request, Response } from 'express';
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

const SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

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

  constructor() {
    collectDefaultMetrics({ register: this.registry });
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
