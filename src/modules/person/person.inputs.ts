/** Inputs of the people queries and mutations. */
import { Field, ID, InputType } from 'type-graphql';
import { CreateEntityInputBase, OptionalName } from '../../shared/inputs';

@InputType({ description: 'Narrows people; every field is optional and they combine with AND.' })
export class PersonFilter {
  @Field(() => String, {
    nullable: true,
    description:
      'Keeps people whose name or an alias contains this text, in any case (a substring, not a search: search tolerates diacritics and typos).',
  })
  name?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'Global id of an organisation the person is affiliated with.',
  })
  affiliatedWith?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'Global id of an entity linked to the person, directly or through an interaction.',
  })
  relatedTo?: string | null;
}

@InputType({
  description:
    'A new person. Without slug, one is made from the name. Without evidence, the fact is ASSERTED by the client.',
})
export class CreatePersonInput extends CreateEntityInputBase {}

@InputType({
  description:
    'Changes to a person: only the fields given change; null clears an optional field. The name, slug, kind, status, aliases and evidence cannot be cleared, so null is refused for them.',
})
export class UpdatePersonInput extends CreatePersonInput {
  @OptionalName()
  declare name: string;
}
