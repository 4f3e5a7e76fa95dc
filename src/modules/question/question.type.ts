/** Questions asked at meetings, with their answers: the Question node. */
import { Field, ObjectType } from 'type-graphql';
import { DateScalar } from '../../shared/scalars';
import { NodeInterface } from '../entity/entity.type';
import type { InteractionLink } from '../interaction/interaction.record';

@ObjectType({
  implements: NodeInterface,
  description: 'A question asked at a meeting, with the answer the source gives.',
})
export class Question extends NodeInterface {
  @Field(() => DateScalar, {
    nullable: true,
    description:
      'Day the question was asked; null when the sources do not say (see event for its dates).',
  })
  date!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The question, rendered in English; null when none was written.',
  })
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
