/** Which events an endpoint receives, and the body it is sent. */
import { eventBody, subscribedRecords } from '../../src/modules/webhook/webhook.dispatcher';
import { eventNameProblem } from '../../src/modules/webhook/webhook.service';
import type { AuditEvent } from '../../src/modules/webhook/webhook.repository';

const event = (operation: string, items: AuditEvent['items']): AuditEvent => ({
  id: 'e-1',
  seq: 42,
  at: '2026-12-03T18:00:00.000Z',
  who: 'key:partner-x',
  operation,
  items,
});

const subscribed = (events: string[], e: AuditEvent): boolean =>
  subscribedRecords(events, e).length > 0;

describe('subscribedRecords', () => {
  const created = event('create Organisation', [
    { id: 'o-1', type: 'Organisation', op: 'CREATE', fields: ['name', 'kind'] },
  ]);

  it('matches "*", the type of a record changed, or its operation and type', () => {
    expect(subscribed(['*'], created)).toBe(true);
    expect(subscribed(['create Organisation'], created)).toBe(true);
    expect(subscribed(['Person', 'Organisation'], created)).toBe(true);
    expect(subscribed(['Person', 'delete Organisation', 'AFFILIATED_WITH'], created)).toBe(false);
  });

  it('matches the records of an import or a delete by their own operation, and keeps only those', () => {
    const imported = event('import', [
      { id: 't-1', type: 'Topic', op: 'CREATE', fields: ['name'] },
      { id: 'p-1', type: 'Person', op: 'UPDATE', fields: ['name'] },
    ]);
    expect(subscribedRecords(['create Topic'], imported).map((r) => r.id)).toEqual(['t-1']);
    expect(subscribedRecords(['Topic'], imported).map((r) => r.id)).toEqual(['t-1']);
    expect(subscribed(['update Topic'], imported)).toBe(false);
    const deleted = event('delete entity', [
      { id: 't-1', type: 'Topic', op: 'DELETE', fields: [] },
    ]);
    expect(subscribed(['delete Topic'], deleted)).toBe(true);
    const body = JSON.parse(eventBody(imported, ['Topic'])) as { records: { id: string }[] };
    expect(body.records.map((r) => r.id)).toEqual(['t-1']);
  });
});

describe('eventNameProblem', () => {
  it('takes "*", a type, or create/update/delete and a type; names anything else', () => {
    for (const ok of ['*', 'Organisation', 'AFFILIATED_WITH', 'create Topic', 'delete Invitation'])
      expect(eventNameProblem(ok)).toBeUndefined();
    for (const bad of [
      'Spaceship',
      'create Spaceship',
      'organisation',
      'link affiliated_with',
      'create Topic now',
      'import',
    ])
      expect(eventNameProblem(bad)).toContain(JSON.stringify(bad));
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
