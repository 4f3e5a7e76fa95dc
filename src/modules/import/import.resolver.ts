/** importJob(id): a bulk import's progress, for editors. */
import { Arg, Authorized, ID, Query, Resolver } from 'type-graphql';
import type { ImportJobRecord, ImportService } from './import.service';
import { ImportJob } from './import.type';

@Resolver()
export class ImportResolver {
  constructor(private readonly imports: ImportService) {}

  @Authorized('editor')
  @Query(() => ImportJob, {
    nullable: true,
    description:
      'A bulk import (POST /import) by the job id its report starts with: state, lines read, created, updated, unchanged, refused, batches committed. null when this API instance does not know the id. Needs an editor or admin credential.',
  })
  importJob(
    @Arg('id', () => ID, { description: "The job id: the report's first line, or X-Import-Job." })
    id: string,
  ): ImportJobRecord | null {
    return this.imports.job(id) ?? null;
  }
}
