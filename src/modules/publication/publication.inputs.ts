/** Inputs of the publication mutations. */
import { IsOptional } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { PublicationKind } from '../../shared/enums';
import { DateScalar } from '../../shared/scalars';
import { CreateEntityInputBase, UrlField, OptionalName } from '../../shared/inputs';

@InputType({ description: 'A new publication. Without slug, one is made from the name.' })
export class CreatePublicationInput extends CreateEntityInputBase {
  @Field(() => PublicationKind, { description: 'What form it takes; OTHER if none fits.' })
  kind!: string;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Day it was published; null when unknown.',
  })
  date?: string | null;

  @UrlField('Where it can be read or watched.')
  url?: string | null;
}

@InputType({
  description:
    'Changes to a publication: only the fields given change; null clears an optional field. The name, slug, kind, status, aliases and evidence cannot be cleared, so null is refused for them.',
})
export class UpdatePublicationInput extends CreatePublicationInput {
  @OptionalName()
  declare name: string;

  @Field(() => PublicationKind, {
    nullable: true,
    description: 'A new kind; absent keeps the current one, null is refused.',
  })
  @IsOptional()
  declare kind: string;
}

export const PUBLICATION_FIELDS = ['kind', 'date', 'url'] as const;
