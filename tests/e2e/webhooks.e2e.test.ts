/**
 * Webhooks on the real server: every change delivered to a loopback receiver (allowlisted for
 * these tests) that fails and then is down for a while, each with a valid signature by the
 * documented check, in order, none lost; deliveries that survive a killed API; URLs that would
 * reach inside refused; admins only.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifyWebhookSignature } from '../../src/shared/webhook-signature';
import { useSeededApi, type TestApi } from '../support/api';

interface Received {
  eventId: string;
  signature: string | undefined;
  body: string;
}

/** A receiver on 127.0.0.1 that answers `status()` (or is down), keeping every request. */
class Receiver {
  readonly received: Received[] = [];
  status = 200;
  private server: http.Server | undefined;
  port = 0;

  async up(port = this.port): Promise<void> {
    this.server = http.createServer((req, res) => {
      let body = '';
      req.setEncoding('utf8');
      req.on('data', (c: string) => (body += c));
      req.on('end', () => {
        this.received.push({
          eventId: String(req.headers['x-cluster-graph-event-id']),
          signature: req.headers['x-cluster-graph-signature'] as string | undefined,
          body,
        });
        res.writeHead(this.status, { connection: 'close' }).end(this.status < 300 ? 'ok' : 'nope');
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(port, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  async down(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}/hook`;
  }
}

async function until<T>(
  what: string,
  probe: () => Promise<T | undefined> | T | undefined,
  ms = 30_000,
): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const CREATE = /* GraphQL */ `
  mutation ($input: CreateWebhookInput!) {
    createWebhook(input: $input) {
      id
      url
      events
      enabled
      secret
      deliveredThrough
    }
  }
`;
const DELIVERIES = /* GraphQL */ `
  query {
    webhooks {
      id
      enabled
      disabledReason
      secret
      deliveredThrough
      deliveries(first: 100) {
        totalCount
        edges {
          node {
            eventId
            seq
            type
            status
            attempts
            statusCode
            error
            deliveredAt
            nextAttemptAt
          }
        }
      }
    }
  }
`;

interface WebhookShape {
  id: string;
  secret: string | null;
  deliveredThrough: number;
  enabled: boolean;
  disabledReason: string | null;
  deliveries: {
    totalCount: number;
    edges: {
      node: {
        eventId: string;
        seq: number;
        type: string;
        status: string;
        attempts: number;
        statusCode: number | null;
        error: string | null;
      };
    }[];
  };
}

async function createWebhook(
  api: TestApi,
  url: string,
  events: string[] = ['*'],
): Promise<{ id: string; secret: string; deliveredThrough: number }> {
  const res = await api.gql<{
    createWebhook: { id: string; secret: string; deliveredThrough: number };
  }>(CREATE, { input: { url, events, description: 'test receiver' } }, api.keys().admin);
  expect(res.errors).toBeUndefined();
  return res.data!.createWebhook;
}

async function webhook(api: TestApi, id: string): Promise<WebhookShape> {
  const res = await api.gql<{ webhooks: WebhookShape[] }>(DELIVERIES, {}, api.keys().admin);
  expect(res.errors).toBeUndefined();
  return res.data!.webhooks.find((w) => w.id === id)!;
}

/** The audit entries after `seq`, in commit order: what must be delivered. */
async function changesAfter(
  api: TestApi,
  seq: number,
): Promise<{ id: string; seq: number; operation: string }[]> {
  const result = await api
    .db()
    .query(
      'MATCH (a:AuditEntry) WHERE a.seq > $seq RETURN a.id AS id, a.seq AS seq, a.operation AS operation ORDER BY a.seq',
      { seq },
    );
  return result.records.map((r) => ({
    id: r.get('id') as string,
    seq: Number(r.get('seq')),
    operation: r.get('operation') as string,
  }));
}

const FAST = {
  WEBHOOK_ALLOWLIST: '127.0.0.1',
  WEBHOOK_RETRY_BASE_MS: '50',
  WEBHOOK_RETRY_CAP_MS: '400',
  WEBHOOK_POLL_MS: '100',
  WEBHOOK_TIMEOUT_MS: '1000',
  WEBHOOK_LEASE_MS: '2000',
};

describe('webhooks: delivery', () => {
  const api = useSeededApi(FAST);
  const receiver = new Receiver();
  let secret = '';
  afterAll(() => receiver.down());

  it('a receiver that fails three deliveries and is then down gets every change once back: signed, in order, none lost', async () => {
    await receiver.up();
    receiver.status = 500;
    const hook = await createWebhook(api, receiver.url);
    expect(hook.secret).toMatch(/^whsec_/);
    secret = hook.secret;
    // Three failed deliveries (of the registration itself, the first change after it).
    await until('three failed deliveries', () =>
      receiver.received.length >= 3 ? true : undefined,
    );
    await receiver.down();
    // Changes while the receiver is down: three organisations, each changed twice after.
    const ids: string[] = [];
    for (const n of [1, 2, 3]) {
      const created = await api.gql<{ createOrganisation: { id: string } }>(
        'mutation ($input: CreateOrganisationInput!) { createOrganisation(input: $input) { id } }',
        { input: { name: `Hook Receiver Test ${n}`, kind: 'CLUSTER' } },
      );
      expect(created.errors).toBeUndefined();
      ids.push(created.data!.createOrganisation.id);
    }
    for (const round of [1, 2])
      for (const id of ids) {
        const updated = await api.gql(
          'mutation ($id: ID!, $d: String) { updateOrganisation(id: $id, input: { description: $d }) { id } }',
          { id, d: `round ${round}` },
        );
        expect(updated.errors).toBeUndefined();
      }
    // Meanwhile the first event is retried, refused at the door, and nothing behind it is sent.
    const failing = await until('a refused attempt in the log', async () => {
      const state = await webhook(api, hook.id);
      const first = state.deliveries.edges.at(-1)?.node;
      return first && first.attempts > 4 && /ECONNREFUSED/.test(first.error ?? '')
        ? state
        : undefined;
    });
    expect(failing.deliveries.totalCount).toBe(1);
    expect(failing.deliveries.edges[0]!.node).toMatchObject({
      status: 'PENDING',
      statusCode: null,
    });
    const expected = await changesAfter(api, hook.deliveredThrough);
    expect(expected.map((e) => e.operation)).toEqual([
      'create Webhook',
      ...ids.map(() => 'create Organisation'),
      ...[...ids, ...ids].map(() => 'update Organisation'),
    ]);

    receiver.status = 200;
    await receiver.up();
    await until('every change delivered', () => {
      const got = new Set(receiver.received.map((r) => r.eventId));
      return expected.every((e) => got.has(e.id)) ? true : undefined;
    });

    // Every request carries a valid signature over exactly the body it brought.
    for (const r of receiver.received)
      expect(verifyWebhookSignature(hook.secret, r.body, r.signature)).toBe(true);
    // Events arrive in commit order (each event's first arrival), so each entity's too.
    const firstArrivals = [...new Set(receiver.received.map((r) => r.eventId))];
    expect(firstArrivals).toEqual(expected.map((e) => e.id));
    const bodies = new Map(
      receiver.received.map((r) => [r.eventId, JSON.parse(r.body) as Record<string, unknown>]),
    );
    for (const id of ids) {
      const about = expected.filter((e) => (bodies.get(e.id)!.ids as string[]).includes(id));
      expect(about.map((e) => (bodies.get(e.id)!.items as { op: string }[])[0]!.op)).toEqual(
        ['CREATE', 'UPDATE', 'UPDATE'].slice(0, about.length),
      );
      expect(about.map((e) => e.seq)).toEqual([...about.map((e) => e.seq)].sort((a, b) => a - b));
    }
    const first = bodies.get(expected[1]!.id)!;
    expect(first).toMatchObject({
      id: expected[1]!.id,
      type: 'create Organisation',
      seq: expected[1]!.seq,
      who: 'key:test-editor',
    });

    // The log: one entry per event, all delivered, the first after its failed attempts.
    const state = await until('the log up to date', async () => {
      const s = await webhook(api, hook.id);
      return s.deliveries.edges.every((e) => e.node.status === 'DELIVERED') &&
        s.deliveries.totalCount === expected.length
        ? s
        : undefined;
    });
    expect(state.secret).toBeNull();
    expect(state.deliveredThrough).toBeGreaterThanOrEqual(expected.at(-1)!.seq);
    expect(state.deliveries.edges.map((e) => e.node.seq)).toEqual(
      expected.map((e) => e.seq).reverse(),
    );
    const registration = state.deliveries.edges.at(-1)!.node;
    expect(registration.attempts).toBeGreaterThan(4);
    expect(registration).toMatchObject({
      status: 'DELIVERED',
      statusCode: 200,
      error: null,
      nextAttemptAt: null,
    });
  }, 60_000);

  it('a tampered body fails the documented check', () => {
    const sample = receiver.received.find((r) => r.body.includes('create Organisation'))!;
    expect(sample).toBeDefined();
    // The same check that accepted every delivery above.
    expect(verifyWebhookSignature(secret, sample.body, sample.signature)).toBe(true);
    const tampered = sample.body.replace('create Organisation', 'delete Organisation');
    expect(tampered).not.toBe(sample.body);
    expect(verifyWebhookSignature(secret, tampered, sample.signature)).toBe(false);
  });
});
