/**
 * Per-request DataLoaders: nested fields ask for records by id, and each loader sends one
 * UNWIND query per batch, so the number of Neo4j round trips follows the depth of a query,
 * not the number of rows. Built fresh for every request (no cache shared between users).
 */
import DataLoader from 'dataloader';
import {
  interactionKey,
  linkKey,
  type InteractionKey,
  type LinkKey,
  type CollaboratorRecord,
  type LinkRecord,
  type RelationshipRepository,
} from '../relationship/relationship.repository';
import type { EntityRecord } from '../entity/entity.record';
import type { EntityRepository } from '../entity/entity.repository';
import type { EffectiveFacts, EventRepository } from '../event/event.repository';
import type { EvidenceRecord, EvidenceRepository } from '../evidence/evidence.repository';
import type { InteractionRecord } from '../interaction/interaction.record';
import type { InteractionRepository } from '../interaction/interaction.repository';

export interface Loaders {
  entity: DataLoader<string, EntityRecord | null>;
  evidence: DataLoader<string, EvidenceRecord | null>;
  /** Evidence ids of the documents that mention an entity, per entity id. */
  mentionEvidence: DataLoader<string, string[]>;
  interaction: DataLoader<string, InteractionRecord | null>;
  /** Relationships of one type and direction of an entity. */
  links: DataLoader<LinkKey, LinkRecord[], string>;
  /** The interactions of one label an entity is linked to by one type. */
  interactionsOf: DataLoader<InteractionKey, InteractionRecord[], string>;
  /** Others met at the same events or projects, per entity id. */
  collaborators: DataLoader<string, CollaboratorRecord[]>;
  /** An event's effective place and days, stated or derived along PART_OF, per event id. */
  effective: DataLoader<string, EffectiveFacts>;
}

export interface Repositories {
  entities: EntityRepository;
  evidence: EvidenceRepository;
  interactions: InteractionRepository;
  relationships: RelationshipRepository;
  events: EventRepository;
}

/** What an id that is no event (any more) has. */
const NO_FACTS: EffectiveFacts = { place: null, startDate: null, endDate: null };

function batch<T>(
  find: (ids: readonly string[]) => Promise<Map<string, T>>,
): DataLoader<string, T | null> {
  return new DataLoader<string, T | null>(async (ids) => {
    const found = await find(ids);
    return ids.map((id) => found.get(id) ?? null);
  });
}

/** Keeps entities a statement returned whole, so that loading them by id costs nothing. */
export function keepEntities(loaders: Loaders, records: Iterable<EntityRecord>): void {
  for (const record of records) loaders.entity.prime(record.uuid, record);
}

/**
 * Keeps interactions a statement returned with their parties whole, and those entities.
 * Interactions read with parties only named are not kept: another field loading the same
 * interaction may ask more of its parties.
 */
export function keepInteractions(loaders: Loaders, records: Iterable<InteractionRecord>): void {
  for (const record of records) {
    if (record.links.some((link) => link.named)) continue;
    loaders.interaction.prime(record.uuid, record);
    keepEntities(loaders, record.parties);
  }
}

/**
 * Statements that find entities or interactions through a relationship return them whole; the
 * loaders keep them, so a nested field asking for one by id costs no further round trip.
 */
export function createLoaders(repos: Repositories, requestId: string): Loaders {
  const loaders: Loaders = {
    entity: batch((ids) => repos.entities.findByIds(ids, requestId)),
    interaction: batch(async (ids) => {
      const found = await repos.interactions.findByIds(ids, requestId);
      keepInteractions(loaders, found.values());
      return found;
    }),
    evidence: batch((ids) => repos.evidence.findByIds(ids, requestId)),
    mentionEvidence: new DataLoader(async (ids) => {
      const found = await repos.entities.mentionEvidence(ids, requestId);
      return ids.map((id) => found.get(id) ?? []);
    }),
    links: new DataLoader(
      async (keys) => {
        const found = await repos.relationships.links(keys, requestId);
        // Entities read only named are not kept: another field may ask more of them.
        for (const key of keys)
          if (key.parties === 'whole')
            keepEntities(
              loaders,
              (found.get(linkKey(key)) ?? []).map((l) => l.other),
            );
        return keys.map((k) => found.get(linkKey(k)) ?? []);
      },
      { cacheKeyFn: linkKey },
    ),
    interactionsOf: new DataLoader(
      async (keys) => {
        const found = await repos.relationships.interactions(keys, requestId);
        for (const records of found.values()) keepInteractions(loaders, records);
        return keys.map((k) => found.get(interactionKey(k)) ?? []);
      },
      { cacheKeyFn: interactionKey },
    ),
    collaborators: new DataLoader(async (ids) => {
      const found = await repos.relationships.collaborators(ids, requestId);
      return ids.map((id) => found.get(id) ?? []);
    }),
    effective: new DataLoader(async (ids) => {
      const found = await repos.events.effectiveFacts(ids, requestId);
      // The places and chains come whole: a nested field asking for one costs no statement.
      for (const { place, startDate, endDate } of found.values()) {
        for (const fact of [place, startDate, endDate]) if (fact) keepEntities(loaders, fact.chain);
        if (place) keepEntities(loaders, [place.value]);
      }
      return ids.map((id) => found.get(id) ?? NO_FACTS);
    }),
  };
  return loaders;
}
