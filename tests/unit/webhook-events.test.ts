/** Which events an endpoint receives, and the body it is sent. */
import { eventBody, subscribed } from '../../src/modules/webhook/webhook.dispatcher';
import type { AuditEvent } from '../../src/modules/webhook/webhook.repository';

const event = (operation: string, items: AuditEvent['items']): AuditEvent => ({
  id: 'e-1',
  seq: 42,
  at: '2026-12-03T18:00:00.000Z',
  who: 'key:partner-x',
  operation,
  ids: ['o-1'],
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

  it('matches a write without items by the type its operation names', () => {
    expect(subscribed(['AFFILIATED_WITH'], event('link AFFILIATED_WITH', null))).toBe(true);
    expect(subscribed(['Organisation'], event('link AFFILIATED_WITH', null))).toBe(false);
  });
});

describe('eventBody', () => {
  it('is the documented JSON: id, type, seq, at, who, ids, items', () => {
    expect(JSON.parse(eventBody(event('link AFFILIATED_WITH', null)))).toEqual({
      id: 'e-1',
      type: 'link AFFILIATED_WITH',
      seq: 42,
      at: '2026-12-03T18:00:00.000Z',
      who: 'key:partner-x',
      ids: ['o-1'],
      items: null,
    });
  });
});
