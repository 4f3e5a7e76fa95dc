/**
 * The analytics worker thread: builds projections from the rows the main thread streams to it
 * and answers rankings, communities and brokers on them. Everything that costs CPU in proportion
 * to the graph runs here, so the event loop that serves requests never waits for it. Each
 * projection lives in the worker that built it until the main thread drops it (analytics.pool.ts
 * sends every request about it there). Messages are handled one at a time, in order.
 */
import { readlinkSync } from 'node:fs';
import os from 'node:os';
import { parentPort } from 'node:worker_threads';
import type { ProjectionNode } from './analytics.repository';
import { Projection, ProjectionBuilder, type Measure, type MetricsAsked } from './projection';

/** What the main thread asks; `call` 0 wants no answer (rows streamed during a build). */
export type WorkerRequest = { call: number } & (
  | { op: 'begin'; id: number }
  | { op: 'nodes'; id: number; nodes: ProjectionNode[] }
  | { op: 'links'; id: number; from: string[]; to: string[][] }
  | { op: 'finish'; id: number; version: string }
  | { op: 'ranking'; id: number; measure: Measure; allowed: string[]; first: number }
  | { op: 'listing'; id: number; first: number; membersFirst: number; minSize: number }
  | {
      op: 'brokers';
      id: number;
      by: 'COUNTRY' | 'COMMUNITY';
      candidates: string[];
      required: string[];
      first: number;
    }
  | { op: 'communityOf'; id: number }
  | { op: 'metrics'; id: number; uuids: string[]; asked: MetricsAsked }
  | { op: 'drop'; id: number }
);

export type WorkerAnswer = { call: number } & ({ value: unknown } | { error: string });

/** A finished build, described for the main thread's status. */
export interface BuiltProjection {
  nodes: number;
  links: number;
  buildMs: number;
}

/** Every node's community, as parallel lists (a typed array crosses threads without copying). */
export interface CommunityColumns {
  uuids: string[];
  communities: Int32Array;
}

/**
 * This thread's scheduling priority: the lowest (nice 19). On a machine with few cores the
 * worker threads, Neo4j and the event loop compete for the CPU; at equal priority the event
 * loop waited hundreds of milliseconds for a turn, at this one it gets the CPU whenever a
 * request needs it and the algorithms take the rest.
 */
const NICENESS = 19;

/** Linux only (a thread's own id names it to setpriority); elsewhere the thread keeps its priority. */
function yieldToRequests(): void {
  try {
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (Number.isInteger(tid) && tid > 0) os.setPriority(tid, NICENESS);
  } catch {
    // Not Linux, or not allowed: the pool's bounds still hold.
  }
}

yieldToRequests();

const building = new Map<number, { builder: ProjectionBuilder; failure?: string }>();
const built = new Map<number, Projection>();

function projection(id: number): Projection {
  const found = built.get(id);
  // The main thread keeps track of what lives here; a miss means this thread was replaced.
  if (!found) throw new Error(`projection ${id} is not held by this worker`);
  return found;
}

function handle(request: WorkerRequest): { value: unknown; transfer?: ArrayBuffer[] } {
  switch (request.op) {
    case 'begin':
      building.set(request.id, { builder: new ProjectionBuilder() });
      return { value: null };
    case 'nodes':
    case 'links': {
      const build = building.get(request.id);
      if (!build || build.failure) return { value: null };
      try {
        if (request.op === 'nodes') for (const node of request.nodes) build.builder.addNode(node);
        else request.from.forEach((from, i) => build.builder.addLinks(from, request.to[i]!));
      } catch (error) {
        build.failure = (error as Error).message;
      }
      return { value: null };
    }
    case 'finish': {
      const build = building.get(request.id);
      building.delete(request.id);
      if (!build) throw new Error(`projection ${request.id} was never begun`);
      if (build.failure) throw new Error(build.failure);
      const done = build.builder.finish(request.version);
      built.set(request.id, done);
      return {
        value: {
          nodes: done.graph.order,
          links: done.graph.size,
          buildMs: done.buildMs,
        } satisfies BuiltProjection,
      };
    }
    case 'ranking':
      return {
        value: projection(request.id).ranking(request.measure, request.allowed, request.first),
      };
    case 'listing':
      return {
        value: projection(request.id).listing(request.first, request.membersFirst, request.minSize),
      };
    case 'brokers':
      return {
        value: projection(request.id).brokerRanking(
          request.by,
          { candidates: request.candidates, required: request.required },
          request.first,
        ),
      };
    case 'communityOf': {
      const of = projection(request.id).communities().of;
      const columns: CommunityColumns = {
        uuids: [...of.keys()],
        communities: Int32Array.from(of.values()),
      };
      return { value: columns, transfer: [columns.communities.buffer as ArrayBuffer] };
    }
    case 'metrics':
      return { value: projection(request.id).metrics(request.uuids, request.asked) };
    case 'drop':
      built.delete(request.id);
      building.delete(request.id);
      return { value: null };
  }
}

parentPort?.on('message', (request: WorkerRequest) => {
  let answer: WorkerAnswer;
  let transfer: ArrayBuffer[] | undefined;
  try {
    const done = handle(request);
    answer = { call: request.call, value: done.value };
    transfer = done.transfer;
  } catch (error) {
    answer = { call: request.call, error: (error as Error).message ?? String(error) };
  }
  if (request.call !== 0) parentPort!.postMessage(answer, transfer);
});
