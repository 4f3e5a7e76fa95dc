/**
 * Global ids of the Node interface: base64url of "<Type>:<uuid>", for every entity and
 * interaction type; anything else (other types, malformed uuids, extra parts, other alphabets,
 * over-long text) is not one of ours.
 */
import { NODE_TYPES, fromGlobalId, toGlobalId } from '../../src/shared/global-id';
import { ENTITY_LABELS, INTERACTION_LABELS } from '../../src/shared/model';

const UUID = '6241884d-44dd-5138-9b55-e2e0c2c66a05';
const b64 = (text: string): string => Buffer.from(text, 'utf8').toString('base64url');

describe('global ids', () => {
  it('covers every entity and interaction type', () => {
    expect([...NODE_TYPES].sort()).toEqual([...ENTITY_LABELS, ...INTERACTION_LABELS].sort());
  });

  it.each([...NODE_TYPES])('round-trips a %s id', (type) => {
    const id = toGlobalId(type, UUID);
    expect(id).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(fromGlobalId(id)).toEqual({ type, uuid: UUID });
  });

  it('is the base64url of "<Type>:<uuid>", with no padding', () => {
    expect(toGlobalId('Person', UUID)).toBe(b64(`Person:${UUID}`));
    expect(toGlobalId('Person', UUID)).not.toContain('=');
  });

  it('gives different ids to one uuid under two types', () => {
    expect(toGlobalId('Person', UUID)).not.toBe(toGlobalId('Organisation', UUID));
  });

  it.each([
    ['an empty string', ''],
    ['a raw uuid', UUID],
    ['a type that is not a node type', b64(`Migration:${UUID}`)],
    ['the Entity supertype', b64(`Entity:${UUID}`)],
    ['a type in other case', b64(`person:${UUID}`)],
    ['no uuid', b64('Person:')],
    ['no colon', b64(`Person${UUID}`)],
    ['a uuid in capitals', b64(`Person:${UUID.toUpperCase()}`)],
    ['a uuid cut short', b64(`Person:${UUID.slice(0, -1)}`)],
    ['a uuid with more after it', b64(`Person:${UUID}:x`)],
    ['a slug instead of a uuid', b64('Person:elena-belova')],
    ['standard base64 with padding', Buffer.from(`Person:${UUID}x`).toString('base64')],
    ['text with characters outside base64url', `${toGlobalId('Person', UUID)}!`],
    ['a 201-character id', 'A'.repeat(201)],
  ])('is not one of ours: %s', (_what, id) => {
    expect(fromGlobalId(id)).toBeUndefined();
  });
});
