/** Ideas put forward and questions asked at meetings: Proposal and Question nodes. */
import { Field, ObjectType } from 'type-graphql';
import { DateScalar } from '../../shared/scalars';
import { NodeInterface } from '../entity/entity.type';
import type { InteractionLink } from '../invitation/interaction.repository';

@ObjectType({
  implements: NodeInterface,
  description: 'An idea put forward at a meeting (e.g. holding WCEF in St Petersburg).',
})
export class Proposal extends NodeInterface {
  @Field(() => DateScalar, { nullable: true })
  date!: string | null;

  @Field(() => String, { nullable: true, description: 'One or two sentences in English.' })
  summary!: string | null;

  typeName!: 'Proposal';
  uuid!: string;
  evidenceIds!: string[];
  links!: InteractionLink[];
}

@ObjectType({
  implements: NodeInterface,
  description: 'A question asked at a meeting, with the answer the source gives.',
})
export class Question extends NodeInterface {
  @Field(() => DateScalar, { nullable: true })
  date!: string | null;

  @Field(() => String, { nullable: true, description: 'The question, in English.' })
  summary!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The answer, in English, when the source gives one.',
  })
  answer!: string | null;

  typeName!: 'Question';
  uuid!: string;
  evidenceIds!: string[];
  links!: InteractionLink[];
}
