/** Inputs of the project mutations. */
import { IsOptional, IsUrl, Length, Max, MaxLength, Min } from 'class-validator';
import { Field, InputType, Int } from 'type-graphql';
import { ProjectStatus } from '../../shared/enums';
import { CreateEntityInputBase } from '../../shared/inputs';

@InputType({ description: 'A new project. Without slug, one is made from the name.' })
export class CreateProjectInput extends CreateEntityInputBase {
  @Field(() => ProjectStatus, { nullable: true, defaultValue: 'UNKNOWN' })
  status?: string;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @Min(1800)
  @Max(2100)
  startYear?: number | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @Min(1800)
  @Max(2100)
  endYear?: number | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(300)
  programme?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsUrl(
    { protocols: ['http', 'https'], require_protocol: true },
    { message: 'website must be an http(s) URL' },
  )
  website?: string | null;
}

@InputType({ description: 'Changes to a project: only the fields given change.' })
export class UpdateProjectInput extends CreateProjectInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 300)
  declare name: string;

  @Field(() => ProjectStatus, { nullable: true })
  @IsOptional()
  declare status: string;
}

export const PROJECT_FIELDS = ['status', 'startYear', 'endYear', 'programme', 'website'] as const;
