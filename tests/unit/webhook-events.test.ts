/** Which events an endpoint receives, and the body it is sent. */
import { eventBody, subscribed } from '../../src/modules/webhook/webhook.dispatcher';
import type { AuditEvent } from '../../src/modules/webhook/webhook.repository';

const event = (operation: string, items: AuditEvent['items']): AuditEvent => ({
  id: 'e-1',
  seq: 42,
  at: '2026-12-03T18:00:00.000Z',
  who: 'key:partner-x',
  operation,
  items,
});

describe('subscribed', () => {
  const created = event('create Organisation', [
    { id: 'o-1', type: 'Organisation', op: 'CREATE', fields: ['name', 'kind'] },
  ]);

  it('matches "*", the operation, or the type of an item changed', () => {
    expect(subscribed(['*'], created)).toBe(true);
    expect(subscribed(['create Organisation'], created)).toBe(true);
    expect(subscribed(['Person', 'Organisation'], created)).toBe(true);
    expect(subscribed(['Person', 'delete Organisation', 'AFFILIATED_WITH'], created)).toBe(false);
  });

  it('matches a link by its type, not by the types of its ends', () => {
    const linked = event('link AFFILIATED_WITH', [
      { id: 'l-1', type: 'AFFILIATED_WITH', op: 'CREATE', fields: [], from: 'p-1', to: 'o-1' },
    ]);
    expect(subscribed(['AFFILIATED_WITH'], linked)).toBe(true);
    expect(subscribed(['Organisation'], linked)).toBe(false);
  });
});

describe('eventBody', () => {
  it("is the change feed's Change as JSON: id, seq, at, who, operation, records", () => {
    const linked = event('link AFFILIATED_WITH', [
      {
        id: 'l-1',
        type: 'AFFILIATED_WITH',
        op: 'CREATE',
        fields: ['role'],
        from: 'p-1',
        to: 'o-1',
      },
    ]);
    expect(JSON.parse(eventBody(linked))).toEqual({
      id: 'e-1',
      seq: 42,
      at: '2026-12-03T18:00:00.000Z',
      who: 'key:partner-x',
      operation: 'link AFFILIATED_WITH',
      records: [
        {
          id: 'l-1',
          type: 'AFFILIATED_WITH',
          op: 'CREATE',
          fields: ['role'],
          from: 'p-1',
          to: 'o-1',
        },
      ],
    });
  });
});
