/** The model's closed lists as GraphQL enums (registered once, used by every module). */
import { registerEnumType } from 'type-graphql';
import {
  ENTITY_LABELS,
  EVENT_KINDS,
  EVIDENCE_KINDS,
  ORGANISATION_KINDS,
  PLACE_KINDS,
  PROJECT_STATUSES,
  PUBLICATION_KINDS,
  type EntityLabel,
} from './model';

function asEnum<T extends string>(values: readonly T[]): { [K in T]: K } {
  return Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };
}

/** EntityType values are the labels in upper case (ORGANISATION -> Organisation). */
export const EntityType = asEnum(
  ENTITY_LABELS.map((l) => l.toUpperCase()) as Uppercase<EntityLabel>[],
);
export type EntityType = keyof typeof EntityType;
export const labelOfType = (type: EntityType): EntityLabel =>
  ENTITY_LABELS.find((l) => l.toUpperCase() === type)!;

export const OrganisationKind = asEnum(ORGANISATION_KINDS);
export const EventKind = asEnum(EVENT_KINDS);
export const PlaceKind = asEnum(PLACE_KINDS);
export const ProjectStatus = asEnum(PROJECT_STATUSES);
export const PublicationKind = asEnum(PUBLICATION_KINDS);
export const EvidenceKind = asEnum(EVIDENCE_KINDS);

registerEnumType(EntityType, {
  name: 'EntityType',
  description: 'The kinds of entity in the graph.',
});
registerEnumType(OrganisationKind, { name: 'OrganisationKind' });
registerEnumType(EventKind, { name: 'EventKind' });
registerEnumType(PlaceKind, { name: 'PlaceKind' });
registerEnumType(ProjectStatus, { name: 'ProjectStatus' });
registerEnumType(PublicationKind, { name: 'PublicationKind' });
registerEnumType(EvidenceKind, {
  name: 'EvidenceKind',
  description:
    'STATED: quoted from a source document; EXTERNAL: a public page; ASSERTED: written through the API by a client.',
});
