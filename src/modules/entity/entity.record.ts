/**
 * Plain records read from Neo4j, before they become GraphQL objects: the repository's output.
 * Converts driver values (Integer, Date, DateTime) into numbers and ISO strings here, once.
 */
import { isDate, isDateTime, isInt, type Node as Neo4jNode } from 'neo4j-driver';
import type { EntityType } from '../../shared/enums';
import { toGlobalId } from '../../shared/global-id';
import { ENTITY_LABELS, type EntityLabel } from '../../shared/model';
import type { EntityOf } from './entity.registry';
import type { EntityInterface } from './entity.type';

export interface EntityRecord {
  label: EntityLabel;
  uuid: string;
  slug: string;
  name: string;
  description: string | null;
  aliases: { name: string; language: string | null }[];
  /** Own evidence (that of the documents mentioning it is read on demand: mentionEvidence). */
  evidenceIds: string[];
  props: Record<string, string | number | null>;
}

/** Neo4j value -> JSON-friendly value: numbers, ISO dates, "2019-10-29T11:30:00+03:00". */
export function plain(value: unknown): string | number | null {
  // Most properties are strings: answered before the driver's type checks.
  if (typeof value === 'string' || typeof value === 'number') return value;
  if (value === null || value === undefined) return null;
  if (isInt(value)) return value.toNumber();
  if (isDateTime(value)) return String(value).replace(ZONE_ID, '');
  if (isDate(value)) return String(value);
  return String(value);
}

/** The `entityRow` Cypher fragment's value. */
export interface EntityRow {
  node: Record<string, unknown>;
  evidenceIds: string[];
}

export const fromEntityRow = (row: EntityRow): EntityRecord =>
  toEntityRecord(row.node, row.evidenceIds);

/** Date-time properties; as strings they carry a zone id in brackets, which the API leaves out. */
const ZONED = ['startsAt', 'endsAt'] as const;
const ZONE_ID = /\[[^\]]+\]$/;

/** Stored properties that become fields of their own, not props. */
const NOT_PROPS = new Set(['aliasNames', 'aliasLanguages', 'evidenceIds']);

export function toEntityRecord(
  node: Neo4jNode | Record<string, unknown>,
  evidenceIds?: string[],
): EntityRecord {
  const raw = ('properties' in node ? (node as Neo4jNode).properties : node) as Record<
    string,
    unknown
  >;
  const labels = ('labels' in node ? (node.labels as string[]) : []) as string[];
  const label = ENTITY_LABELS.find((l) => labels.includes(l));
  if (!label) throw new Error(`node ${String(raw.id)} has no entity label`);
  const names = (raw.aliasNames as string[] | undefined) ?? [];
  const languages = (raw.aliasLanguages as string[] | undefined) ?? [];
  const props: Record<string, string | number | null> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (!NOT_PROPS.has(key)) props[key] = plain(value);
  }
  const startsAt = raw.startsAt;
  // Read through lightNode, date-times are ISO strings with the zone in brackets, and timeZone
  // came along; read as a driver Node (writes), they are DateTime values.
  const endsAt = raw.endsAt;
  if (typeof raw.timeZone === 'string') props.timeZone = raw.timeZone;
  else if (isDateTime(startsAt) && startsAt.timeZoneId) props.timeZone = startsAt.timeZoneId;
  else if (isDateTime(endsAt) && endsAt.timeZoneId) props.timeZone = endsAt.timeZoneId;
  else props.timeZone = null;
  for (const key of ZONED) {
    const value = props[key];
    if (typeof value === 'string' && value.endsWith(']')) props[key] = value.replace(ZONE_ID, '');
  }
  return {
    label,
    uuid: String(raw.id),
    slug: String(raw.slug),
    name: String(raw.name),
    description: (raw.description as string | null | undefined) ?? null,
    aliases: names.map((name, i) => ({ name, language: languages[i] || null })),
    evidenceIds: evidenceIds ?? (raw.evidenceIds as string[] | undefined) ?? [],
    props,
  };
}

/** An entity as a GraphQL object: its record's fields, its own props, its global id. */
export type EntityObject = EntityInterface & Record<string, unknown>;

export function toEntityObject(record: EntityRecord): EntityObject {
  return {
    ...record.props,
    id: toGlobalId(record.label, record.uuid),
    uuid: record.uuid,
    typeName: record.label,
    type: record.label.toUpperCase() as EntityType,
    slug: record.slug,
    name: record.name,
    description: record.description,
    aliases: record.aliases,
    evidenceIds: record.evidenceIds,
  };
}

/**
 * The object as its label's GraphQL type (Event, Organisation ...), or null when it is of
 * another label or absent: its props are the fields that type declares (toEntityObject).
 */
export function entityOf<L extends EntityLabel>(
  label: L,
  object: EntityObject | null | undefined,
): EntityOf<L> | null {
  return object?.typeName === label ? (object as EntityObject & EntityOf<L>) : null;
}

/** The object as its label's GraphQL type, where nothing else can stand (an Event's own root). */
export function expectEntity<L extends EntityLabel>(label: L, object: EntityObject): EntityOf<L> {
  const typed = entityOf(label, object);
  if (!typed) throw new Error(`expected a ${label}, got a ${object.typeName} (${object.uuid})`);
  return typed;
}
