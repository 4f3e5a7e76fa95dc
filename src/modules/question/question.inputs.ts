/** The input of recordQuestion. */
import { ArrayMaxSize, ArrayMinSize, IsOptional, Length, MaxLength } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { SafeText } from '../../shared/text';
import { RecordInteractionBase } from '../interaction/interaction.inputs';

@InputType({ description: 'A question to record: who asked what, where, and the answer.' })
export class RecordQuestionInput extends RecordInteractionBase {
  @Field(() => [ID], {
    description: 'Global ids of the people or organisations who asked, each once.',
  })
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  askers!: string[];

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
      'Global ids of what the question is about (topics, projects, publications, organisations, places or events), each once.',
  })
  @IsOptional()
  @ArrayMaxSize(50)
  subjects?: string[] | null;

  @Field(() => String, {
    nullable: true,
    description:
      'The answer the source gives, rendered in English, up to 2000 characters; null when none is given.',
  })
  @IsOptional()
  @MaxLength(2000)
  @SafeText('prose')
  answer?: string | null;
}
