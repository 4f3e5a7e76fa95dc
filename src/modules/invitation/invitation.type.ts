/** Who invited whom to what: the Invitation node, its connection and filter. */
import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { connectionType } from '../../shared/connection';
import { DateScalar } from '../../shared/scalars';
import { NodeInterface } from '../entity/entity.type';
import type { InteractionLink } from '../interaction/interaction.record';

@ObjectType({
  implements: NodeInterface,
  description:
    'An invitation as a node of its own: an inviter (possibly on behalf of an organisation) invited one or more invitees to an event, project or group.',
})
export class Invitation extends NodeInterface {
  @Field(() => DateScalar, {
    nullable: true,
    description: 'Day the invitation was made; null when the sources do not say.',
  })
  date!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'What happened, in one or two sentences of English; null when none was written.',
  })
  summary!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Who exactly was invited, as the source puts it (e.g. "Sitra\'s experts").',
  })
  inviteeNote!: string | null;

  typeName!: 'Invitation';
  uuid!: string;
  evidenceIds!: string[];
  links!: InteractionLink[];
}

export const InvitationConnection = connectionType('Invitation', Invitation);

@InputType({
  description: 'Narrows invitations; every field is optional and they combine with AND.',
})
export class InvitationFilter {
  @Field(() => ID, {
    nullable: true,
    description: 'Global id of the inviting person or organisation.',
  })
  inviter?: string | null;

  @Field(() => ID, { nullable: true, description: 'Global id of an invitee.' })
  invitee?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'Global id of the event, project or group invited to.',
  })
  target?: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Invitations made on or after this date.',
  })
  from?: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Invitations made on or before this date.',
  })
  to?: string | null;
}
