/**
 * Every entity type's declaration, one per label of the graph model: a label without one fails
 * to compile here. The schema registers the object types and write mutations from it, the seed
 * loader its record shapes, the generator its words; migrate gives each label its constraints
 * from the same label list (shared/model.ts).
 */
import 'reflect-metadata';
import type { EntityLabel } from '../../shared/model';
import { AWARD_ENTITY } from '../award/award.entity';
import { DOCUMENT_ENTITY } from '../document/document.entity';
import { EVENT_ENTITY } from '../event/event.entity';
import { ORGANISATION_ENTITY } from '../organisation/organisation.entity';
import { PERSON_ENTITY } from '../person/person.entity';
import { PLACE_ENTITY } from '../place/place.entity';
import { PROJECT_ENTITY } from '../project/project.entity';
import { PUBLICATION_ENTITY } from '../publication/publication.entity';
import { TOPIC_ENTITY } from '../topic/topic.entity';
import type { EntityDeclaration } from './entity.declaration';

export const ENTITY_TYPES = {
  Organisation: ORGANISATION_ENTITY,
  Person: PERSON_ENTITY,
  Event: EVENT_ENTITY,
  Project: PROJECT_ENTITY,
  Publication: PUBLICATION_ENTITY,
  Place: PLACE_ENTITY,
  Topic: TOPIC_ENTITY,
  Award: AWARD_ENTITY,
  Document: DOCUMENT_ENTITY,
} as const satisfies { [L in EntityLabel]: EntityDeclaration<L> };

/** The declarations in the model's label order. */
export const ENTITY_DECLARATIONS: readonly EntityDeclaration[] = Object.values(ENTITY_TYPES);

/** The GraphQL object type of a label (Event for 'Event' ...). */
export type EntityOf<L extends EntityLabel> = InstanceType<(typeof ENTITY_TYPES)[L]['type']>;
