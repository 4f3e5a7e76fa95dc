/** Inputs of the project mutations. */
import { IsOptional, Max, MaxLength, Min } from 'class-validator';
import { Field, InputType, Int } from 'type-graphql';
import { ProjectStatus } from '../../shared/enums';
import { CreateEntityInputBase, UrlField, OptionalName } from '../../shared/inputs';
import { SafeText } from '../../shared/text';

@InputType({ description: 'A new project. Without slug, one is made from the name.' })
export class CreateProjectInput extends CreateEntityInputBase {
  @Field(() => ProjectStatus, {
    nullable: true,
    defaultValue: 'UNKNOWN',
    description: 'Where the project stands; UNKNOWN (the default) when the sources do not say.',
  })
  status?: string;

  @Field(() => Int, {
    nullable: true,
    description: 'Year it started, 1800 to 2100; null when unknown.',
  })
  @IsOptional()
  @Min(1800)
  @Max(2100)
  startYear?: number | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'Year it ended or is planned to end, 1800 to 2100 and not before startYear; null when unknown.',
  })
  @IsOptional()
  @Min(1800)
  @Max(2100)
  endYear?: number | null;

  @Field(() => String, {
    nullable: true,
    description:
      'The funding programme it runs under, up to 300 characters on one line; null for none.',
  })
  @IsOptional()
  @MaxLength(300)
  @SafeText()
  programme?: string | null;

  @UrlField("The project's web page.")
  website?: string | null;
}

@InputType({
  description:
    'Changes to a project: only the fields given change; null clears an optional field. The name, slug, kind, status, aliases and evidence cannot be cleared, so null is refused for them.',
})
export class UpdateProjectInput extends CreateProjectInput {
  @OptionalName()
  declare name: string;

  @Field(() => ProjectStatus, {
    nullable: true,
    description: 'A new status; absent keeps the current one, null is refused.',
  })
  @IsOptional()
  declare status: string;
}

export const PROJECT_FIELDS = ['status', 'startYear', 'endYear', 'programme', 'website'] as const;
