/** A prize or recognition (the Award object type) and who received it (AwardRecipient). */
import { Field, Int, ObjectType } from 'type-graphql';
import { EntityInterface, IMPLEMENTS_ENTITY } from '../entity/entity.type';

@ObjectType({
  ...IMPLEMENTS_ENTITY,
  description:
    'A prize or recognition, given at an event (AWARDED_AT) to people, organisations or projects (see recipients).',
})
export class Award extends EntityInterface {
  @Field(() => Int, {
    nullable: true,
    description:
      'The year the award is for (e.g. 2016 for "Cluster Manager of the Year 2016"); null when unknown.',
  })
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
