/** Ideas put forward at meetings: the Proposal node. */
import { Field, ObjectType } from 'type-graphql';
import { DateScalar } from '../../shared/scalars';
import { NodeInterface } from '../entity/entity.type';
import type { InteractionLink } from '../interaction/interaction.record';

@ObjectType({
  implements: NodeInterface,
  description:
    'An idea or suggestion put forward by people or organisations, usually at a meeting (e.g. holding WCEF in St Petersburg), with what it is about.',
})
export class Proposal extends NodeInterface {
  @Field(() => DateScalar, {
    nullable: true,
    description:
      'Day the idea was put forward; null when the sources do not say (see event for its dates).',
  })
  date!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The idea, in one or two sentences of English; null when none was written.',
  })
  summary!: string | null;

  typeName!: 'Proposal';
  uuid!: string;
  evidenceIds!: string[];
  links!: InteractionLink[];
}
