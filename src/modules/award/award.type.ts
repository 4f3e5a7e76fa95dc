/** Who received an award: AwardRecipient, the entity at the other end of RECEIVED. */
import { Field, ObjectType } from 'type-graphql';
import { EntityInterface } from '../entity/entity.type';

@ObjectType({ description: 'One who received an award, with the evidence of it.' })
export class AwardRecipient {
  @Field(() => EntityInterface, {
    description: 'The person, organisation or project that received the award.',
  })
  entity!: EntityInterface;

  evidenceIds!: string[];
}
