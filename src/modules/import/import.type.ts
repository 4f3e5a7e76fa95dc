/** importJob(id): the progress and counts of a bulk import (POST /import). */
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateTimeScalar } from '../../shared/scalars';

export const ImportJobState = {
  RUNNING: 'RUNNING',
  DONE: 'DONE',
  FAILED: 'FAILED',
  ABORTED: 'ABORTED',
} as const;
registerEnumType(ImportJobState, {
  name: 'ImportJobState',
  description: 'Where a bulk import is.',
  valuesConfig: {
    RUNNING: { description: 'Lines are being read and batches written.' },
    DONE: { description: 'Every line was read and has its outcome; every batch committed.' },
    FAILED: {
      description:
        'Stopped by an error (the database away, the body over its limit): batches committed before it stay, see committedThroughLine.',
    },
    ABORTED: {
      description:
        'The client went away: batches committed before stay, see committedThroughLine; nothing after.',
    },
  },
});

@ObjectType({
  description:
    'A bulk import sent to POST /import, as this API instance knows it (jobs live in its memory while it runs, the last 200 kept).',
})
export class ImportJob {
  @Field(() => ID, { description: 'The job id, given in the first line of the import report.' })
  id!: string;

  @Field(() => ImportJobState, { description: 'Running, done, failed or aborted.' })
  state!: keyof typeof ImportJobState;

  @Field({ description: 'true: a dry run, which checks every line and writes nothing.' })
  dryRun!: boolean;

  @Field({ description: 'Who sent it ("key:<name>", "jwt:<sub>").' })
  startedBy!: string;

  @Field(() => DateTimeScalar, { description: 'When the request came.' })
  startedAt!: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: 'null while RUNNING.' })
  finishedAt!: Date | null;

  @Field(() => Int, { description: 'Lines read so far (blank lines not counted).' })
  linesRead!: number;

  @Field(() => Int, { description: 'Records created (in a dry run: that would be).' })
  created!: number;

  @Field(() => Int, { description: 'Records that existed and had fields changed.' })
  updated!: number;

  @Field(() => Int, { description: 'Records that existed with every field equal: not written.' })
  unchanged!: number;

  @Field(() => Int, { description: 'Lines refused; the report names each (line, field, reason).' })
  refused!: number;

  @Field(() => Int, { description: 'Batches committed, each one transaction.' })
  batchesCommitted!: number;

  @Field(() => Int, {
    description:
      'Every line up to this one is written or refused; nothing after it was written (0 for dry runs).',
  })
  committedThroughLine!: number;

  @Field(() => String, { nullable: true, description: 'Why it stopped early; null otherwise.' })
  error!: string | null;
}
