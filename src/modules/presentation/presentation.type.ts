/** Who presented what where: the Presentation node and its connection. */
import { Field, ObjectType } from 'type-graphql';
import { connectionType } from '../../shared/connection';
import { DateScalar } from '../../shared/scalars';
import { NodeInterface } from '../entity/entity.type';
import type { InteractionLink } from '../interaction/interaction.record';

@ObjectType({
  implements: NodeInterface,
  description:
    'A presentation as a node of its own: one or more presenters (possibly on behalf of an organisation) presented subjects, usually at an event.',
})
export class Presentation extends NodeInterface {
  @Field(() => DateScalar, {
    nullable: true,
    description:
      'Day the presentation was given; null when the sources do not say (see event for its dates).',
  })
  date!: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'What was presented, in one or two sentences of English; null when none was written.',
  })
  summary!: string | null;

  typeName!: 'Presentation';
  uuid!: string;
  evidenceIds!: string[];
  links!: InteractionLink[];
}

export const PresentationConnection = connectionType('Presentation', Presentation);
