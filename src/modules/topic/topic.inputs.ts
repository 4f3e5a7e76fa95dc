/** Inputs of the topic mutations. */
import { IsOptional, Length } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { CreateEntityInputBase } from '../../shared/inputs';

@InputType({ description: 'A new topic. Without slug, one is made from the name.' })
export class CreateTopicInput extends CreateEntityInputBase {}

@InputType({ description: 'Changes to a topic: only the fields given change.' })
export class UpdateTopicInput extends CreateTopicInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 300)
  declare name: string;
}
