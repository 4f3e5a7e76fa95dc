/** Ideas put forward at meetings: the Proposal node. */
import { Field, ObjectType } from 'type-graphql';
import { DateScalar } from '../../shared/scalars';
import { NodeInterface } from '../entity/entity.type';
import type { InteractionLink } from '../interaction/interaction.record';

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
