/** A person named in a source: the Person object type. */
import { ObjectType } from 'type-graphql';
import { connectionType } from '../../shared/connection';
import { EntityInterface, IMPLEMENTS_ENTITY } from '../entity/entity.type';

@ObjectType({
  ...IMPLEMENTS_ENTITY,
  description:
    'A person named in a source: invites, presents, takes part in events and belongs to organisations (see affiliations).',
})
export class Person extends EntityInterface {}

export const PersonConnection = connectionType('Person', Person);
