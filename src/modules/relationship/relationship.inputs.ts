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
  @Field(() => RelationshipType)
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
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 200)
  @SafeText()
  role?: string | null;

  @Field(() => DateScalar, { nullable: true })
  startDate?: string | null;

  @Field(() => DateScalar, { nullable: true })
  endDate?: string | null;

  @Field(() => [EvidenceInput], { nullable: true })
  @IsOptional()
  @ValidateNested({ each: true })
  @ArrayMaxSize(20)
  evidence?: EvidenceInput[] | null;
}
