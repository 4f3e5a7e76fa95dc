/** Who presented what where: the Presentation node and its connection. */
import { Field, ObjectType } from 'type-graphql';
import { connectionType } from '../../shared/connection';
import { DateScalar } from '../../shared/scalars';
import { NodeInterface } from '../entity/entity.type';
import type { InteractionLink } from '../interaction/interaction.record';

@ObjectType({
  implements: NodeInterface,
  description: 'A presentation: presenters, at an event, about subjects.',
})
export class Presentation extends NodeInterface {
  @Field(() => DateScalar, { nullable: true })
  date!: string | null;

  @Field(() => String, { nullable: true, description: 'One or two sentences in English.' })
  summary!: string | null;

  typeName!: 'Presentation';
  uuid!: string;
  evidenceIds!: string[];
  links!: InteractionLink[];
}

export const PresentationConnection = connectionType('Presentation', Presentation);
