/** Projects and programmes: the Project object type. */
import { Field, Int, ObjectType } from 'type-graphql';
import { ProjectStatus } from '../../shared/enums';
import { EntityInterface, IMPLEMENTS_ENTITY } from '../entity/entity.type';

@ObjectType({ ...IMPLEMENTS_ENTITY, description: 'A project, programme or joint initiative.' })
export class Project extends EntityInterface {
  @Field(() => ProjectStatus)
  status!: string;

  @Field(() => Int, { nullable: true })
  startYear!: number | null;

  @Field(() => Int, { nullable: true })
  endYear!: number | null;

  @Field(() => String, { nullable: true })
  programme!: string | null;

  @Field(() => String, { nullable: true })
  website!: string | null;
}
