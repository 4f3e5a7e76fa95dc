/** Inputs of the award mutations. */
import { IsOptional, Max, Min } from 'class-validator';
import { Field, InputType, Int } from 'type-graphql';
import { CreateEntityInputBase, OptionalName } from '../../shared/inputs';

@InputType({ description: 'A new award. Without slug, one is made from the name.' })
export class CreateAwardInput extends CreateEntityInputBase {
  @Field(() => Int, {
    nullable: true,
    description: 'The year the award is for, 1800 to 2100; null when unknown.',
  })
  @IsOptional()
  @Min(1800)
  @Max(2100)
  year?: number | null;
}

@InputType({
  description:
    'Changes to an award: only the fields given change; null clears an optional field. The name, slug, kind, status, aliases and evidence cannot be cleared, so null is refused for them.',
})
export class UpdateAwardInput extends CreateAwardInput {
  @OptionalName()
  declare name: string;
}

export const AWARD_FIELDS = ['year'] as const;
