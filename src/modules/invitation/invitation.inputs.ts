/** The input of recordInvitation. */
import { ArrayMaxSize, ArrayMinSize, IsOptional, Length, MaxLength } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { SafeText } from '../../shared/text';
import { RecordInteractionBase } from '../interaction/interaction.inputs';

@InputType({ description: 'An invitation to record: who invited whom to what.' })
export class RecordInvitationInput extends RecordInteractionBase {
  @Field(() => ID, { description: 'Global id of the inviting person or organisation.' })
  @Length(1, 200)
  inviter!: string;

  @Field(() => ID, {
    nullable: true,
    description: "Global id of the inviter's organisation: neither the inviter nor an invitee.",
  })
  @IsOptional()
  @Length(1, 200)
  onBehalfOf?: string | null;

  @Field(() => [ID], {
    description: 'Global ids of the invited people or organisations, each once; not the inviter.',
  })
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  invitees!: string[];

  @Field(() => String, {
    nullable: true,
    description: 'Who exactly was invited, as the source puts it.',
  })
  @IsOptional()
  @MaxLength(300)
  @SafeText()
  inviteeNote?: string | null;

  @Field(() => ID, {
    description: 'Global id of the event, project or group invited to; not an invitee.',
  })
  @Length(1, 200)
  target!: string;
}
