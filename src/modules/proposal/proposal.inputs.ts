/** The input of recordProposal. */
import { ArrayMaxSize, ArrayMinSize, IsOptional, Length } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { RecordInteractionBase } from '../interaction/interaction.inputs';

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
      'Global ids of what the idea is about (topics, projects, publications, organisations, places or events), each once.',
  })
  @IsOptional()
  @ArrayMaxSize(50)
  subjects?: string[] | null;
}
