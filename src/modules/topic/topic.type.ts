/** Subjects such as the circular economy: the Topic object type. */
import { ObjectType } from 'type-graphql';
import { EntityInterface, IMPLEMENTS_ENTITY } from '../entity/entity.type';

@ObjectType({
  ...IMPLEMENTS_ENTITY,
  description:
    'A subject that projects, events, publications and interactions are about (ABOUT), such as the circular economy or cleantech.',
})
export class Topic extends EntityInterface {}
