/** Inputs of linkEntities / unlinkEntities. */
import { ArrayMaxSize, IsOptional, Length, ValidateNested } from 'class-validator';
import { Field, ID, InputType, registerEnumType } from 'type-graphql';
import { EvidenceInput } from '../../shared/inputs';
import { SafeText } from '../../shared/text';
import {
  RELATIONSHIP_RULES,
  RELATIONSHIP_TYPES,
  type RelationshipType as Type,
} from '../../shared/model';
import { DateScalar } from '../../shared/scalars';

/** Every relationship type but MENTIONS (written only by document imports). */
export const RelationshipType = Object.fromEntries(
  RELATIONSHIP_TYPES.filter((t) => t !== 'MENTIONS').map((t) => [t, t]),
) as { [K in Exclude<Type, 'MENTIONS'>]: K };
registerEnumType(RelationshipType, {
  name: 'RelationshipType',
  description: 'Relationship types an API client may write.',
  valuesConfig: Object.fromEntries(
    Object.keys(RelationshipType).map((t) => [
      t,
      { description: RELATIONSHIP_RULES[t as Type].meaning },
    ]),
  ),
});

@InputType({ description: 'The two ends and the type of a relationship.' })
export class UnlinkInput {
  @Field(() => RelationshipType, {
    description: 'The relationship type; it fixes which entity types may stand at each end.',
  })
  type!: Exclude<Type, 'MENTIONS'>;

  @Field(() => ID, { description: 'Global id of the start entity.' })
  @Length(1, 200)
  from!: string;

  @Field(() => ID, {
    description: 'Global id of the end entity; linkEntities refuses the start entity itself.',
  })
  @Length(1, 200)
  to!: string;
}

@InputType({
  description: 'A relationship to record, with its evidence (or ASSERTED by the client).',
})
export class LinkInput extends UnlinkInput {
  @Field(() => String, {
    nullable: true,
    description:
      'The role, in English, 1 to 200 characters on one line (e.g. lead partner, speaker); null for none.',
  })
  @IsOptional()
  @Length(1, 200)
  @SafeText()
  role?: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description:
      'First day the relationship held; null when open or unknown. Date windows of the analytics read it.',
  })
  startDate?: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Last day the relationship held, not before startDate; null while it lasts.',
  })
  endDate?: string | null;

  @Field(() => [EvidenceInput], {
    nullable: true,
    description:
      'Sources of the relationship, at most 20; without any, it is recorded as ASSERTED by the calling client.',
  })
  @IsOptional()
  @ValidateNested({ each: true })
  @ArrayMaxSize(20)
  evidence?: EvidenceInput[] | null;
}
