/**
 * Webhooks in Neo4j: the endpoints (with their secret, cursor, pending event and lease), their
 * delivery log, and the audit entries their events come from. The admins' writes are audited like
 * every write; the dispatcher's (leases, cursors, the log) are bookkeeping (TxOptions.bookkeeping:
 * the graph version stays still, so caches keyed by it are not thrown away per delivery).
 */
import neo4j, { type Integer } from 'neo4j-driver';
import type { ChangeEntry } from '../change/change';
import type { ChangedItem, Database } from '../../db/database';
import type { WebhookDelivery } from './webhook.type';

export interface WebhookRecord {
  id: string;
  url: string;
  events: string[];
  description: string | null;
  enabled: boolean;
  disabledReason: string | null;
  deliveredThrough: number;
  createdAt: string;
}

/** What the dispatcher needs of an endpoint it holds the lease of. */
export interface LeasedWebhook {
  id: string;
  url: string;
  events: string[];
  secret: string;
  cursor: number;
  pendingSeq: number | null;
}

/** An audit entry as an event: the change feed's entry (events are its writes of graph data). */
export type AuditEvent = ChangeEntry;

const FIELDS = /* cypher */ `w {.id, .url, .events, .description, .enabled, .disabledReason,
  deliveredThrough: w.cursor, createdAt: toString(w.createdAt)}`;

// The cursor starts at the current graph version: an endpoint receives the changes made after it
// was registered (its own registration first).
const CREATE = /* cypher */ `
OPTIONAL MATCH (m:GraphMeta {id: 'graph'})
CREATE (w:Webhook {id: $id, url: $url, events: $events, description: $description,
  secret: $secret, enabled: true, disabledReason: null, createdAt: datetime(),
  cursor: coalesce(m.version, 0), pendingSeq: null})
RETURN ${FIELDS} AS webhook`;
const LIST = /* cypher */ `
MATCH (w:Webhook) WITH w ORDER BY w.createdAt, w.id RETURN ${FIELDS} AS webhook`;
const SET_ENABLED = /* cypher */ `
MATCH (w:Webhook {id: $id})
SET w.enabled = $enabled, w.disabledReason = $reason,
    w.nextAttemptAt = CASE WHEN $enabled THEN null ELSE w.nextAttemptAt END
RETURN ${FIELDS} AS webhook`;
const ROTATE = /* cypher */ `
MATCH (w:Webhook {id: $id}) SET w.secret = $secret RETURN ${FIELDS} AS webhook`;
const DELETE = /* cypher */ `
MATCH (w:Webhook {id: $id})
CALL (w) { MATCH (d:WebhookDelivery {webhookId: w.id}) DETACH DELETE d }
DETACH DELETE w
RETURN $id AS id`;

const DELIVERIES = /* cypher */ `
CALL () { MATCH (d:WebhookDelivery {webhookId: $id}) RETURN count(d) AS total }
CALL () {
  MATCH (d:WebhookDelivery {webhookId: $id})
  WHERE $cursor IS NULL OR (CASE WHEN $backward THEN d.seq > $cursor ELSE d.seq < $cursor END)
  WITH d ORDER BY CASE WHEN $backward THEN d.seq ELSE -d.seq END LIMIT $limit
  RETURN collect(d {.id, .eventId, .seq, type: d.operation, .status, .attempts, .statusCode, .error,
    firstAttemptAt: toString(d.firstAttemptAt), lastAttemptAt: toString(d.lastAttemptAt),
    nextAttemptAt: toString(d.nextAttemptAt), deliveredAt: toString(d.deliveredAt)}) AS rows
}
CALL () {
  WITH 1 AS given WHERE $cursor IS NOT NULL
  MATCH (d:WebhookDelivery {webhookId: $id})
  WHERE CASE WHEN $backward THEN d.seq <= $cursor ELSE d.seq >= $cursor END
  WITH d LIMIT 1
  RETURN count(d) > 0 AS beyond
}
RETURN total, rows, beyond`;

// The dispatcher. Endpoints with work: events past the cursor, or a pending event now due; and
// no other instance holding their lease.
const DUE = /* cypher */ `
OPTIONAL MATCH (m:GraphMeta {id: 'graph'})
WITH coalesce(m.version, 0) AS head
MATCH (w:Webhook)
WHERE w.enabled
  AND (w.leaseUntil IS NULL OR w.leaseUntil < datetime() OR w.leaseOwner = $owner)
  AND CASE WHEN w.pendingSeq IS NULL THEN w.cursor < head
           ELSE w.nextAttemptAt IS NULL OR w.nextAttemptAt <= datetime() END
RETURN w.id AS id, head`;
// The node's write lock is taken (SET _lock) before the lease is read, so of two instances
// asking at once the second sees the first's lease (Neo4j's remedy for lost updates).
const LEASE = /* cypher */ `
MATCH (w:Webhook {id: $id})
SET w._lock = true
REMOVE w._lock
WITH w
WHERE w.enabled AND (w.leaseUntil IS NULL OR w.leaseUntil < datetime() OR w.leaseOwner = $owner)
SET w.leaseOwner = $owner, w.leaseUntil = datetime() + duration({milliseconds: $leaseMs})
RETURN w {.id, .url, .events, .secret, .cursor, .pendingSeq} AS webhook`;
const RELEASE = /* cypher */ `
MATCH (w:Webhook) WHERE w.leaseOwner = $owner
SET w.leaseOwner = null, w.leaseUntil = null`;
const EVENTS_AFTER = /* cypher */ `
MATCH (a:AuditEntry) WHERE a.seq > $after AND a.seq <= $head AND a.items IS NOT NULL
WITH a ORDER BY a.seq LIMIT $limit
RETURN a {.id, .seq, at: toString(a.at), .who, .operation, .items} AS event`;
const EVENT_AT = /* cypher */ `
MATCH (a:AuditEntry {seq: $seq})
RETURN a {.id, .seq, at: toString(a.at), .who, .operation, .items} AS event`;
/**
 * Passes over events the endpoint did not subscribe to, or a pending one whose audit entry is
 * gone; never over a pending event before it.
 */
const ADVANCE = /* cypher */ `
MATCH (w:Webhook {id: $id})
WHERE w.leaseOwner = $owner AND w.enabled AND (w.pendingSeq IS NULL OR w.pendingSeq <= $seq)
SET w.cursor = CASE WHEN $seq > w.cursor THEN $seq ELSE w.cursor END,
    w.pendingSeq = null, w.nextAttemptAt = null,
    w.leaseUntil = datetime() + duration({milliseconds: $leaseMs})
RETURN w.id AS id`;
/**
 * An attempt's outcome, in the log and on the endpoint at once: delivered moves the cursor past
 * the event; a failure keeps it pending until the next attempt, and disables the endpoint once
 * the event has failed for longer than the maximum age (0: never).
 */
const RECORD = /* cypher */ `
MATCH (w:Webhook {id: $id}) WHERE w.leaseOwner = $owner AND w.enabled
MERGE (d:WebhookDelivery {id: w.id + ':' + $eventId})
  ON CREATE SET d.webhookId = w.id, d.eventId = $eventId, d.seq = $seq, d.operation = $operation,
                d.attempts = 0, d.firstAttemptAt = datetime()
SET d.attempts = d.attempts + 1
WITH w, d, $baseMs * 2.0 ^ (d.attempts - 1) AS backoff
// Exponential back-off from the attempts so far, capped, with jitter (a factor 0.5 to 1).
SET d.lastAttemptAt = datetime(), d.statusCode = $statusCode,
    d.error = $error, d.status = CASE WHEN $ok THEN 'DELIVERED' ELSE 'PENDING' END,
    d.deliveredAt = CASE WHEN $ok THEN datetime() END,
    d.nextAttemptAt = CASE WHEN $ok THEN null
      ELSE datetime() + duration({milliseconds:
        toInteger($jitter * CASE WHEN backoff < $capMs THEN backoff ELSE $capMs END)}) END
WITH w, d, NOT $ok AND $maxAgeSeconds > 0
           AND d.firstAttemptAt < datetime() - duration({seconds: $maxAgeSeconds}) AS expired
SET w.cursor = CASE WHEN $ok AND $seq > w.cursor THEN $seq ELSE w.cursor END,
    w.pendingSeq = CASE WHEN $ok THEN null ELSE $seq END,
    w.nextAttemptAt = d.nextAttemptAt,
    w.leaseUntil = datetime() + duration({milliseconds: $leaseMs}),
    w.enabled = NOT expired,
    w.disabledReason = CASE WHEN expired
      THEN 'failing: event ' + $eventId + ' (seq ' + toString($seq) + ') has failed since '
           + toString(d.firstAttemptAt) + ', longer than WEBHOOK_MAX_AGE_SECONDS; enableWebhook retries it'
      ELSE w.disabledReason END
RETURN d.attempts AS attempts, expired,
       CASE WHEN d.nextAttemptAt IS NULL THEN null
            ELSE duration.inSeconds(datetime(), d.nextAttemptAt).milliseconds END AS retryInMs`;

const toNumber = (value: unknown): number =>
  neo4j.isInt(value) ? (value as Integer).toNumber() : Number(value);

function toWebhook(raw: Record<string, unknown>): WebhookRecord {
  return {
    ...(raw as unknown as WebhookRecord),
    deliveredThrough: toNumber(raw.deliveredThrough ?? 0),
  };
}

function toEvent(raw: Record<string, unknown>): AuditEvent {
  return {
    id: raw.id as string,
    seq: toNumber(raw.seq),
    at: raw.at as string,
    who: raw.who as string,
    operation: raw.operation as string,
    items: typeof raw.items === 'string' ? (JSON.parse(raw.items) as ChangedItem[]) : [],
  };
}

export class WebhookRepository {
  constructor(private readonly db: Database) {}

  async create(input: {
    id: string;
    url: string;
    events: string[];
    description: string | null;
    secret: string;
  }): Promise<WebhookRecord> {
    return this.db.write(
      async (tx) => toWebhook((await tx.run(CREATE, input)).records[0]!.get('webhook')),
      // Audited, but no `describe`: administration is not a change of graph data, so it is
      // neither in the change feed nor delivered as an event.
      { operation: 'create Webhook' },
    );
  }

  async list(): Promise<WebhookRecord[]> {
    const result = await this.db.query(LIST, {}, { operation: 'webhook.list' });
    return result.records.map((r) => toWebhook(r.get('webhook')));
  }

  /** The endpoint as changed, or null when there is none with this id. */
  async setEnabled(
    id: string,
    enabled: boolean,
    reason: string | null,
  ): Promise<WebhookRecord | null> {
    return this.db.write(
      async (tx) => {
        const record = (await tx.run(SET_ENABLED, { id, enabled, reason })).records[0];
        return record ? toWebhook(record.get('webhook')) : null;
      },
      { operation: `${enabled ? 'enable' : 'disable'} Webhook` },
    );
  }

  async rotate(id: string, secret: string): Promise<WebhookRecord | null> {
    return this.db.write(
      async (tx) => {
        const record = (await tx.run(ROTATE, { id, secret })).records[0];
        return record ? toWebhook(record.get('webhook')) : null;
      },
      { operation: 'rotate Webhook secret' },
    );
  }

  /** True when an endpoint was deleted (with its delivery log). */
  async delete(id: string): Promise<boolean> {
    return this.db.write(async (tx) => (await tx.run(DELETE, { id })).records.length > 0, {
      operation: 'delete Webhook',
    });
  }

  /** One page of an endpoint's log, newest event first (keyset on seq). */
  async deliveries(
    id: string,
    cursor: number | null,
    limit: number,
    backward: boolean,
  ): Promise<{ rows: WebhookDelivery[]; total: number; beyond: boolean }> {
    const result = await this.db.query(
      DELIVERIES,
      { id, cursor: cursor === null ? null : neo4j.int(cursor), limit: neo4j.int(limit), backward },
      { operation: 'webhook.deliveries' },
    );
    const record = result.records[0];
    const rows = ((record?.get('rows') ?? []) as Record<string, unknown>[]).map((row) => ({
      ...(row as unknown as WebhookDelivery),
      seq: toNumber(row.seq),
      attempts: toNumber(row.attempts),
      statusCode: row.statusCode === null ? null : toNumber(row.statusCode),
    }));
    return {
      rows,
      total: toNumber(record?.get('total') ?? 0),
      beyond: record?.get('beyond') === true,
    };
  }

  // The dispatcher's bookkeeping.

  async due(owner: string): Promise<{ ids: string[]; head: number }> {
    const result = await this.db.read((tx) => tx.run(DUE, { owner }), {
      operation: 'webhook.due',
      bookkeeping: true,
    });
    return {
      ids: result.records.map((r) => r.get('id') as string),
      head: toNumber(result.records[0]?.get('head') ?? 0),
    };
  }

  async lease(id: string, owner: string, leaseMs: number): Promise<LeasedWebhook | null> {
    return this.db.write(
      async (tx) => {
        const record = (await tx.run(LEASE, { id, owner, leaseMs: neo4j.int(leaseMs) })).records[0];
        if (!record) return null;
        const raw = record.get('webhook') as Record<string, unknown>;
        return {
          ...(raw as unknown as LeasedWebhook),
          cursor: toNumber(raw.cursor ?? 0),
          pendingSeq: raw.pendingSeq === null ? null : toNumber(raw.pendingSeq),
        };
      },
      { operation: 'webhook.lease', bookkeeping: true },
    );
  }

  async release(owner: string): Promise<void> {
    await this.db.write((tx) => tx.run(RELEASE, { owner }), {
      operation: 'webhook.release',
      bookkeeping: true,
    });
  }

  async eventsAfter(after: number, head: number, limit: number): Promise<AuditEvent[]> {
    const result = await this.db.read(
      (tx) =>
        tx.run(EVENTS_AFTER, {
          after: neo4j.int(after),
          head: neo4j.int(head),
          limit: neo4j.int(limit),
        }),
      { operation: 'webhook.events', bookkeeping: true },
    );
    return result.records.map((r) => toEvent(r.get('event')));
  }

  async eventAt(seq: number): Promise<AuditEvent | null> {
    const result = await this.db.read((tx) => tx.run(EVENT_AT, { seq: neo4j.int(seq) }), {
      operation: 'webhook.event',
      bookkeeping: true,
    });
    const record = result.records[0];
    return record ? toEvent(record.get('event')) : null;
  }

  /** False when the lease was lost (or the endpoint disabled or deleted) meanwhile. */
  async advance(id: string, owner: string, seq: number, leaseMs: number): Promise<boolean> {
    const result = await this.db.write(
      (tx) => tx.run(ADVANCE, { id, owner, seq: neo4j.int(seq), leaseMs: neo4j.int(leaseMs) }),
      { operation: 'webhook.advance', bookkeeping: true },
    );
    return result.records.length > 0;
  }

  /** The attempt's outcome; null when the lease was lost (or the endpoint disabled) meanwhile. */
  async record(attempt: {
    id: string;
    owner: string;
    event: AuditEvent;
    ok: boolean;
    statusCode: number | null;
    error: string | null;
    /** Back-off: base and cap in milliseconds, and the jitter factor (0.5 to 1). */
    baseMs: number;
    capMs: number;
    jitter: number;
    leaseMs: number;
    maxAgeSeconds: number;
  }): Promise<{ attempts: number; expired: boolean; retryInMs: number | null } | null> {
    const result = await this.db.write(
      (tx) =>
        tx.run(RECORD, {
          id: attempt.id,
          owner: attempt.owner,
          eventId: attempt.event.id,
          seq: neo4j.int(attempt.event.seq),
          operation: attempt.event.operation,
          ok: attempt.ok,
          statusCode: attempt.statusCode === null ? null : neo4j.int(attempt.statusCode),
          error: attempt.error,
          baseMs: attempt.baseMs,
          capMs: attempt.capMs,
          jitter: attempt.jitter,
          leaseMs: neo4j.int(attempt.leaseMs),
          maxAgeSeconds: neo4j.int(attempt.maxAgeSeconds),
        }),
      { operation: 'webhook.record', bookkeeping: true },
    );
    const record = result.records[0];
    return record
      ? {
          attempts: toNumber(record.get('attempts')),
          expired: record.get('expired') === true,
          retryInMs: record.get('retryInMs') === null ? null : toNumber(record.get('retryInMs')),
        }
      : null;
  }
}
