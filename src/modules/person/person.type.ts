/** A person named in a source: the Person object type. */
import { ObjectType } from 'type-graphql';
import { EntityInterface, IMPLEMENTS_ENTITY } from '../entity/entity.type';

@ObjectType({ ...IMPLEMENTS_ENTITY, description: 'A person named in a source.' })
export class Person extends EntityInterface {}
