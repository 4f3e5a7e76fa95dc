/**
 * Interaction records (Invitation, Presentation, Proposal, Question) as the repositories read
 * them: the node, its links to entities and those entities, from the `interactionRow` fragment.
 */
import { INTERACTION_LABELS, type InteractionLabel } from '../../shared/model';
import { fromEntityRow, plain, type EntityRecord, type EntityRow } from '../entity/entity.record';

/**
 * A link of an interaction to an entity. `named` is the entity as far as a `namingRow` reads
 * it, present when the statement read the parties that way (and the loaders do not have them).
 */
export interface InteractionLink {
  type: string;
  outgoing: boolean;
  entityId: string;
  named?: EntityRecord;
}

export interface InteractionRecord {
  label: InteractionLabel;
  uuid: string;
  slug: string;
  summary: string | null;
  date: string | null;
  props: Record<string, string | number | null>;
  evidenceIds: string[];
  /** Links to entities: type of relationship and whether it points from the interaction. */
  links: InteractionLink[];
  /** The linked entities themselves (read with the interaction, so no second statement). */
  parties: EntityRecord[];
}

/** The `interactionRow` Cypher fragment's value. */
export interface InteractionRow {
  node: { labels: string[]; properties: Record<string, unknown> };
  links: { type: string; outgoing: boolean; entityId: string; entity: EntityRow }[];
}

export function fromInteractionRow(row: InteractionRow, wholeParties = true): InteractionRecord {
  const p = row.node.properties;
  const props: Record<string, string | number | null> = {};
  for (const [k, v] of Object.entries(p)) if (k !== 'evidenceIds') props[k] = plain(v);
  return {
    label: INTERACTION_LABELS.find((l) => row.node.labels.includes(l))!,
    uuid: String(p.id),
    slug: String(p.slug),
    summary: (p.summary as string | undefined) ?? null,
    date: plain(p.date) as string | null,
    props,
    evidenceIds: (p.evidenceIds as string[] | undefined) ?? [],
    links: row.links.map(({ type, outgoing, entityId, entity }) =>
      wholeParties
        ? { type, outgoing, entityId }
        : { type, outgoing, entityId, named: fromEntityRow(entity) },
    ),
    parties: row.links.map((l) => fromEntityRow(l.entity)),
  };
}
