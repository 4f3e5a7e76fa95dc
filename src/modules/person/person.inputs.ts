/** Filter of people(); fields combine with AND. */
import { Field, ID, InputType } from 'type-graphql';

@InputType({ description: 'Narrows people; every field is optional and they combine with AND.' })
export class PersonFilter {
  @Field(() => String, {
    nullable: true,
    description: 'Part of the name or of an alias, any case.',
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
