/** The input of recordPresentation. */
import { ArrayMaxSize, ArrayMinSize, IsOptional, Length } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { RecordInteractionBase } from '../interaction/interaction.inputs';

@InputType({ description: 'A presentation to record: who presented what, where.' })
export class RecordPresentationInput extends RecordInteractionBase {
  @Field(() => [ID], {
    description: 'Global ids of the presenting people or organisations, each once.',
  })
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  presenters!: string[];

  @Field(() => ID, {
    nullable: true,
    description: 'Global id of the event it happened at; null when the sources do not say.',
  })
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
