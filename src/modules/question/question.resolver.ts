/** recordQuestion and the parties of a question: who asked, at which event, about what, with evidence. */
import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { Context } from '../request/context';
import { EntityInterface } from '../entity/entity.type';
import type { EntityService } from '../entity/entity.service';
import { Event } from '../event/event.type';
import { Evidence } from '../evidence/evidence.type';
import { RecordQuestionInput } from './question.inputs';
import type { QuestionService } from './question.service';
import { Question } from './question.type';

@Resolver(() => Question)
export class QuestionResolver {
  constructor(
    private readonly entities: EntityService,
    private readonly questions: QuestionService,
  ) {}

  @Authorized('editor')
  @Mutation(() => Question, {
    description:
      'Records a question asked at an event, in one transaction, and answers it as stored; recording the same slug again updates that question (idempotent). Needs an editor or admin credential.',
  })
  recordQuestion(
    @Arg('input', () => RecordQuestionInput, {
      description: 'The askers, event, subjects, question, answer, date and evidence.',
    })
    input: RecordQuestionInput,
    @Ctx() ctx: Context,
  ): Promise<Question> {
    return this.questions.record(ctx, input);
  }

  @FieldResolver(() => [EntityInterface], {
    description: 'The people and organisations that asked the question, at least one.',
  })
  askers(@Root() q: Question, @Ctx() ctx: Context): Promise<EntityInterface[]> {
    return this.entities.partiesOf(ctx, q.links, 'ASKED', false);
  }

  @FieldResolver(() => Event, {
    nullable: true,
    description: 'The event it was asked at; null when the sources do not say.',
  })
  event(@Root() q: Question, @Ctx() ctx: Context): Promise<Event | null> {
    return this.entities.eventOf(ctx, q.links);
  }

  @FieldResolver(() => [EntityInterface], {
    description:
      'What the question is about: topics, projects, publications, organisations, places or events.',
  })
  subjects(@Root() q: Question, @Ctx() ctx: Context): Promise<EntityInterface[]> {
    return this.entities.partiesOf(ctx, q.links, 'ABOUT', true);
  }

  @FieldResolver(() => [Evidence], {
    description:
      'The sources stating the question: quotes, public pages, or the client that asserted it.',
  })
  evidence(@Root() q: Question, @Ctx() ctx: Context): Promise<Evidence[]> {
    return this.entities.evidence(ctx, q.evidenceIds);
  }
}
