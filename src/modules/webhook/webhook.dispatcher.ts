/**
 * Delivers the changes to the endpoints, from the audit entries (one event per entry, its id the
 * entry's): every poll interval, and at once when nudged after a local write. For each enabled
 * endpoint with work it takes the endpoint's lease in Neo4j (one instance delivers to an
 * endpoint at a time), then sends the events past its cursor in seq (commit) order, one at a
 * time: an event waits until the one before it was delivered (head of line), which keeps each
 * entity's changes in order. A failed event is retried with exponential back-off and jitter;
 * all of it (cursor, pending event, next attempt, log) lives in Neo4j, so a restarted or another
 * instance carries on where this one stopped. At least once: an event delivered just before a
 * crash, not yet recorded, is sent again.
 */
import { randomUUID } from 'node:crypto';
import type { WebhookConfig } from '../../config';
import type { ChangedItem } from '../../db/database';
import { within } from '../../db/watchdog';
import type { Logger } from '../../shared/logger';
import { requestScope } from '../../shared/request-scope';
import { toChange } from '../change/change';
import { Allowlist } from './webhook.address';
import { deliver, type DeliveryOutcome, type DeliveryRequest } from './webhook.delivery';
import type { AuditEvent, LeasedWebhook, WebhookRepository } from './webhook.repository';

/** Events read per round trip. */
const BATCH = 100;

/**
 * The records of an event an endpoint subscribed to: all of them for "*"; else those whose type
 * it names ("Organisation", "AFFILIATED_WITH") or whose type and operation it names ("create
 * Organisation", "delete AFFILIATED_WITH"), whichever write made them (a mutation or an import).
 */
export function subscribedRecords(events: readonly string[], event: AuditEvent): ChangedItem[] {
  if (events.includes('*')) return event.items;
  return event.items.filter(
    (item) =>
      events.includes(item.type) || events.includes(`${item.op.toLowerCase()} ${item.type}`),
  );
}

/**
 * The JSON body of an event for one endpoint: the change feed's Change, with the records the
 * endpoint subscribed to (as changes(types:) keeps only those of its types).
 */
export function eventBody(event: AuditEvent, events: readonly string[] = ['*']): string {
  return JSON.stringify(toChange({ ...event, items: subscribedRecords(events, event) }));
}

export class WebhookDispatcher {
  /** This instance, as lease holder. */
  private readonly owner = randomUUID();
  private readonly allowlist: Allowlist;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  /** When the earliest retry scheduled in this round is due (ms from now), if sooner than a poll. */
  private soonest: number | undefined;
  private stopped = true;

  constructor(
    private readonly repository: WebhookRepository,
    private readonly config: Readonly<WebhookConfig>,
    private readonly logger: Logger,
    private readonly send: (request: DeliveryRequest) => Promise<DeliveryOutcome> = deliver,
  ) {
    this.allowlist = new Allowlist(config.allowlist);
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.nudge();
  }

  /** Look for work now (after a local write), or right after the round under way. */
  nudge(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    clearTimeout(this.timer);
    // Outside the request that nudged: the dispatcher's own writes are not that request's.
    this.running = requestScope
      .exit(() => this.round())
      .catch((error: unknown) => this.logger.warn({ err: error }, 'webhook round failed; retried'))
      .finally(() => {
        this.running = undefined;
        if (this.stopped) return;
        if (this.again) {
          this.again = false;
          this.nudge();
        } else {
          // A retry due before the next poll is tried when due, not at the poll after it.
          const wait = Math.min(this.config.pollMs, Math.max(this.soonest ?? Infinity, 10));
          this.timer = setTimeout(() => this.nudge(), wait);
          this.timer.unref();
        }
      });
  }

  /**
   * Waits for the delivery under way (bounded by the timeout), then gives up the leases so
   * another instance takes over at once. Both waits are bounded: a database gone (or a driver
   * closed first) never answers, and must not hold the shutdown.
   */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    const bound = this.config.timeoutMs + 5_000;
    await within(this.running ?? Promise.resolve(), bound, undefined);
    const released = await within(
      this.repository.release(this.owner).then(() => true),
      5_000,
      false,
    );
    if (!released) this.logger.warn('webhook leases not released; they expire by themselves');
  }

  private async round(): Promise<void> {
    this.soonest = undefined;
    const { ids, head } = await this.repository.due(this.owner);
    for (const id of ids) {
      if (this.stopped) return;
      const webhook = await this.repository.lease(id, this.owner, this.config.leaseMs);
      if (webhook) await this.serve(webhook, head);
    }
  }

  /** Delivers to one endpoint what is due, up to `head`, until a failure or the end. */
  private async serve(webhook: LeasedWebhook, head: number): Promise<void> {
    if (webhook.pendingSeq !== null) {
      const event = await this.repository.eventAt(webhook.pendingSeq);
      // The entry is gone (the log was cleared): nothing left to deliver for it.
      if (!event) {
        if (!(await this.advance(webhook, webhook.pendingSeq))) return;
      } else if (!(await this.attempt(webhook, event))) return;
    }
    let cursor = Math.max(webhook.cursor, webhook.pendingSeq ?? 0);
    let stored = cursor;
    while (cursor < head && !this.stopped) {
      const events = await this.repository.eventsAfter(cursor, head, BATCH);
      for (const event of events) {
        if (this.stopped) return;
        // A delivery recorded moves the cursor over the events passed over before it.
        if (subscribedRecords(webhook.events, event).length > 0) {
          if (!(await this.attempt(webhook, event))) return;
          stored = event.seq;
        }
        cursor = event.seq;
      }
      // Up to head, the rest were changes without an audit entry (seeds, migrations, keys).
      if (events.length < BATCH) cursor = head;
    }
    if (cursor > stored) await this.advance(webhook, cursor);
  }

  /** Moves the cursor over what needs no delivery; false when the lease was lost meanwhile. */
  private advance(webhook: LeasedWebhook, seq: number): Promise<boolean> {
    return this.repository.advance(webhook.id, this.owner, seq, this.config.leaseMs);
  }

  /** One attempt and its record; true when delivered (the next event may go). */
  private async attempt(webhook: LeasedWebhook, event: AuditEvent): Promise<boolean> {
    const outcome = await this.send({
      url: webhook.url,
      secret: webhook.secret,
      eventId: event.id,
      body: eventBody(event, webhook.events),
      timeoutMs: this.config.timeoutMs,
      allowlist: this.allowlist,
    });
    const recorded = await this.record(webhook, event, outcome);
    if (recorded?.retryInMs != null && !recorded.expired)
      this.soonest = Math.min(this.soonest ?? Infinity, recorded.retryInMs);
    if (!outcome.ok)
      this.logger.info(
        {
          webhook: webhook.id,
          event: event.id,
          seq: event.seq,
          attempts: recorded?.attempts,
          error: outcome.error,
        },
        recorded?.expired
          ? 'webhook failing for too long; disabled'
          : 'webhook delivery failed; retried later',
      );
    return outcome.ok && recorded !== null;
  }

  private record(
    webhook: LeasedWebhook,
    event: AuditEvent,
    outcome: DeliveryOutcome,
  ): ReturnType<WebhookRepository['record']> {
    return this.repository.record({
      id: webhook.id,
      owner: this.owner,
      event,
      ...outcome,
      baseMs: this.config.retryBaseMs,
      capMs: this.config.retryCapMs,
      jitter: 0.5 + Math.random() * 0.5,
      leaseMs: this.config.leaseMs,
      maxAgeSeconds: this.config.maxAgeSeconds,
    });
  }
}
