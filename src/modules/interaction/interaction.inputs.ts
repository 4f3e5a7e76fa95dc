/** What every recorded interaction input has; each kind adds its parties (invitation/, ...). */
import {
  ArrayMaxSize,
  IsOptional,
  Length,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { EvidenceInput, SLUG_PATTERN } from '../../shared/inputs';
import { DateScalar } from '../../shared/scalars';
import { SafeText } from '../../shared/text';

@InputType({
  description: 'Fields every recorded interaction has (not used as an argument itself).',
})
export abstract class RecordInteractionBase {
  @Field(() => String, {
    nullable: true,
    description:
      'Idempotency key: recording the same slug again updates that interaction. Made from the parties when absent.',
  })
  @IsOptional()
  @Matches(SLUG_PATTERN, { message: 'slug must be lower-case letters, digits and single dashes' })
  @MaxLength(100)
  slug?: string | null;

  @Field({
    description:
      'What happened, in one or two sentences of English (1 to 2000 characters), e.g. "Sitra presented the Circular Economy Playbook."',
  })
  @Length(1, 2000)
  @SafeText('prose')
  summary!: string;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Day it happened; null when the sources do not say.',
  })
  date?: string | null;

  @Field(() => [EvidenceInput], {
    nullable: true,
    description:
      'Sources of the interaction, at most 20; without any, it is recorded as ASSERTED by the calling client.',
  })
  @IsOptional()
  @ValidateNested({ each: true })
  @ArrayMaxSize(20)
  evidence?: EvidenceInput[] | null;
}
