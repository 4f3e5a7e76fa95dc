/** A prize or recognition (the Award object type) and who received it (AwardRecipient). */
import { Field, Int, ObjectType } from 'type-graphql';
import { EntityInterface, IMPLEMENTS_ENTITY } from '../entity/entity.type';

@ObjectType({ ...IMPLEMENTS_ENTITY, description: 'A prize or recognition.' })
export class Award extends EntityInterface {
  @Field(() => Int, { nullable: true })
  year!: number | null;
}

@ObjectType({ description: 'One who received an award, with the evidence of it.' })
export class AwardRecipient {
  @Field(() => EntityInterface, {
    description: 'The person, organisation or project that received the award.',
  })
  entity!: EntityInterface;

  evidenceIds!: string[];
}
