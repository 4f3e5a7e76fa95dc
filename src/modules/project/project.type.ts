/** Projects and programmes: the Project object type. */
import { Field, Int, ObjectType } from 'type-graphql';
import { ProjectStatus } from '../../shared/enums';
import { EntityInterface, IMPLEMENTS_ENTITY } from '../entity/entity.type';

@ObjectType({
  ...IMPLEMENTS_ENTITY,
  description:
    'A project, programme or joint initiative that organisations and people work on (WORKS_ON), e.g. Cata3Pult or Energy in Water.',
})
export class Project extends EntityInterface {
  @Field(() => ProjectStatus, {
    description: 'Where the project stands as its sources last said; UNKNOWN when they do not.',
  })
  status!: string;

  @Field(() => Int, { nullable: true, description: 'Year it started; null when unknown.' })
  startYear!: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Year it ended or is planned to end, not before startYear; null when unknown.',
  })
  endYear!: number | null;

  @Field(() => String, {
    nullable: true,
    description:
      'The funding programme it runs under, as its sources name it (e.g. an Interreg programme); null when none is known.',
  })
  programme!: string | null;

  @Field(() => String, {
    nullable: true,
    description: "The project's web page, an http(s) URL; null when none is known.",
  })
  website!: string | null;
}
