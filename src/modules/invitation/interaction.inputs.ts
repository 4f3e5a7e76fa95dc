/** Inputs of recordInvitation and recordPresentation. */
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsOptional,
  Length,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { EvidenceInput, SLUG_PATTERN } from '../../shared/inputs';
import { DateScalar } from '../../shared/scalars';
import { SafeText } from '../../shared/text';

@InputType({
  description: 'Fields every recorded interaction has (not used as an argument itself).',
})
abstract class RecordInteractionBase {
  @Field(() => String, {
    nullable: true,
    description:
      'Idempotency key: recording the same slug again updates that interaction. Made from the parties when absent.',
  })
  @IsOptional()
  @Matches(SLUG_PATTERN, { message: 'slug must be lower-case letters, digits and single dashes' })
  @MaxLength(100)
  slug?: string | null;

  @Field({ description: 'One or two sentences in English.' })
  @Length(1, 2000)
  @SafeText('prose')
  summary!: string;

  @Field(() => DateScalar, { nullable: true })
  date?: string | null;

  @Field(() => [EvidenceInput], {
    nullable: true,
    description: 'Sources; without any, the fact is ASSERTED by the client.',
  })
  @IsOptional()
  @ValidateNested({ each: true })
  @ArrayMaxSize(20)
  evidence?: EvidenceInput[] | null;
}

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

@InputType({ description: 'A presentation to record: who presented what, where.' })
export class RecordPresentationInput extends RecordInteractionBase {
  @Field(() => [ID], {
    description: 'Global ids of the presenting people or organisations, each once.',
  })
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  presenters!: string[];

  @Field(() => ID, { nullable: true, description: 'Global id of the event.' })
  @IsOptional()
  @Length(1, 200)
  event?: string | null;

  @Field(() => [ID], {
    nullable: true,
    description:
      'Global ids of the topics, projects, publications, organisations, places or events presented, each once.',
  })
  @IsOptional()
  @ArrayMaxSize(50)
  subjects?: string[] | null;

  @Field(() => ID, {
    nullable: true,
    description: "Global id of the presenter's organisation: not a presenter itself.",
  })
  @IsOptional()
  @Length(1, 200)
  onBehalfOf?: string | null;
}

@InputType({
  description: 'A proposal to record: an idea put forward, by whom, where, about what.',
})
export class RecordProposalInput extends RecordInteractionBase {
  @Field(() => [ID], {
    description: 'Global ids of the people or organisations who put it forward, each once.',
  })
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  proposers!: string[];

  @Field(() => ID, { nullable: true, description: 'Global id of the event.' })
  @IsOptional()
  @Length(1, 200)
  event?: string | null;

  @Field(() => [ID], {
    nullable: true,
    description:
      'Global ids of what the idea is about (topics, projects, publications, organisations, places or events), each once.',
  })
  @IsOptional()
  @ArrayMaxSize(50)
  subjects?: string[] | null;
}

@InputType({ description: 'A question to record: who asked what, where, and the answer.' })
export class RecordQuestionInput extends RecordInteractionBase {
  @Field(() => [ID], {
    description: 'Global ids of the people or organisations who asked, each once.',
  })
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  askers!: string[];

  @Field(() => ID, { nullable: true, description: 'Global id of the event.' })
  @IsOptional()
  @Length(1, 200)
  event?: string | null;

  @Field(() => [ID], {
    nullable: true,
    description:
      'Global ids of what the question is about (topics, projects, publications, organisations, places or events), each once.',
  })
  @IsOptional()
  @ArrayMaxSize(50)
  subjects?: string[] | null;

  @Field(() => String, { nullable: true, description: 'The answer, in English.' })
  @IsOptional()
  @MaxLength(2000)
  @SafeText('prose')
  answer?: string | null;
}
