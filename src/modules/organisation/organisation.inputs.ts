/** Filter of organisations(); fields combine with AND. */
import { Field, ID, InputType } from 'type-graphql';
import { OrganisationKind } from '../../shared/enums';

@InputType({
  description: 'Narrows organisations; every field is optional and they combine with AND.',
})
export class OrganisationFilter {
  @Field(() => String, {
    nullable: true,
    description: 'Part of the name or of an alias, any case.',
  })
  name?: string | null;

  @Field(() => OrganisationKind, { nullable: true })
  kind?: string | null;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2 country code, e.g. FI.' })
  country?: string | null;

  @Field(() => ID, {
    nullable: true,
    description:
      'Global id of an entity linked to the organisation, directly or through an interaction.',
  })
  relatedTo?: string | null;
}
