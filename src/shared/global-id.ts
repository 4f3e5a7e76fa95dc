/**
 * Opaque global ids for the Relay `Node` interface: base64url of "<Type>:<uuid>". Clients must
 * treat them as opaque; the type prefix lets node(id:) check the label before it queries.
 */
import { ENTITY_LABELS, INTERACTION_LABELS } from './model';

export const NODE_TYPES = [...ENTITY_LABELS, ...INTERACTION_LABELS] as const;
export type NodeType = (typeof NODE_TYPES)[number];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function toGlobalId(type: NodeType, uuid: string): string {
  return Buffer.from(`${type}:${uuid}`, 'utf8').toString('base64url');
}

/** The type and uuid behind a global id, or undefined when it is not one of ours. */
export function fromGlobalId(globalId: string): { type: NodeType; uuid: string } | undefined {
  if (globalId.length > 200 || !/^[A-Za-z0-9_-]+$/.test(globalId)) return undefined;
  const [type, uuid, ...rest] = Buffer.from(globalId, 'base64url').toString('utf8').split(':');
  if (
    rest.length > 0 ||
    !uuid ||
    !UUID.test(uuid) ||
    !(NODE_TYPES as readonly string[]).includes(type ?? '')
  )
    return undefined;
  return { type: type as NodeType, uuid };
}

/**
 * An id for a relationship, which has none of its own: opaque, base64url of "<TYPE>:<from>:<to>"
 * over the global ids of its two ends (a type holds at most one link per ordered pair).
 */
export function linkKey(type: string, fromGlobalId: string, toGlobalId: string): string {
  return Buffer.from(`${type}:${fromGlobalId}:${toGlobalId}`, 'utf8').toString('base64url');
}
