/** Recording interactions: global ids to uuids, a slug (given or made from the parties), evidence, read-back. */
import { createHash } from 'node:crypto';
import type { Context } from '../request/context';
import { fromGlobalId } from '../../shared/global-id';
import { BadUserInputError } from '../../shared/errors';
import { partyClash, type InteractionLabel, type InteractionLinkType } from '../../shared/model';
import { entityUuidOf, type EntityWriteService } from '../entity/entity-write.service';
import { toPresentation } from '../presentation/presentation.resolver';
import type { Presentation } from '../presentation/presentation.type';
import type { InteractionLink, InteractionWriteRepository } from './interaction-write.repository';
import type {
  RecordInvitationInput,
  RecordPresentationInput,
  RecordProposalInput,
  RecordQuestionInput,
} from './interaction.inputs';
import type { InteractionRecord } from './interaction.repository';
import { keepInteractions } from '../request/loaders';
import { toProposal, toQuestion } from '../proposal/proposal.resolver';
import type { Proposal, Question } from '../proposal/proposal.type';
import { toInvitation } from './invitation.service';
import type { Invitation } from './invitation.type';

/** Links of one type; list arguments name their element ("input.invitees[1]"). */
function links(
  type: InteractionLinkType,
  outgoing: boolean,
  ids: string | null | undefined | string[],
  argument: string,
): InteractionLink[] {
  const list = Array.isArray(ids)
    ? ids.map((id, i) => [id, `${argument}[${i}]`] as const)
    : ids
      ? [[ids, argument] as const]
      : [];
  return list.map(([id, where]) => ({
    type,
    outgoing,
    entityId: entityUuidOf(id, where),
    argument: where,
  }));
}

/**
 * Refuses parties that name one entity twice where they must differ (an inviter who is also an
 * invitee, a presenter on its own behalf, an invitee listed twice), naming the later one; after
 * the ids and the evidence are checked, before anything is read or written.
 */
function distinctParties(all: readonly InteractionLink[]): void {
  const clash = partyClash(all);
  if (clash) throw new BadUserInputError(`${clash.message}.`, clash.argument);
}

/** A slug from the parties and the date, so the same interaction recorded twice meets itself. */
function partySlug(label: InteractionLabel, parts: (string | null | undefined)[]): string {
  const hash = createHash('sha256')
    .update(parts.map((p) => p ?? '').join('|'))
    .digest('hex')
    .slice(0, 16);
  return `${label.toLowerCase()}-${hash}`;
}

export class InteractionWriteService {
  constructor(
    private readonly writes: InteractionWriteRepository,
    private readonly entityWrites: EntityWriteService,
  ) {}

  async recordInvitation(ctx: Context, input: RecordInvitationInput): Promise<Invitation> {
    const all = [
      ...links('EXTENDED', false, input.inviter, 'input.inviter'),
      ...links('INVITES', true, input.invitees, 'input.invitees'),
      ...links('TO', true, input.target, 'input.target'),
      ...links('ON_BEHALF_OF', true, input.onBehalfOf, 'input.onBehalfOf'),
    ];
    const evidence = this.entityWrites.evidence(ctx, input.evidence);
    distinctParties(all);
    const slug =
      input.slug ??
      partySlug('Invitation', [
        input.inviter,
        input.target,
        input.date,
        ...[...input.invitees].sort(),
      ]);
    const record = await this.writes.record(
      'Invitation',
      slug,
      { summary: input.summary, date: input.date ?? null, inviteeNote: input.inviteeNote ?? null },
      all,
      evidence,
      ctx.requestId,
    );
    return toInvitation(this.answer(ctx, record));
  }

  recordPresentation(ctx: Context, input: RecordPresentationInput): Promise<Presentation> {
    return this.recordAtEvent(
      ctx,
      'Presentation',
      'GAVE',
      input.presenters,
      input,
      { summary: input.summary },
      toPresentation,
      [...links('ON_BEHALF_OF', true, input.onBehalfOf, 'input.onBehalfOf')],
    );
  }

  recordProposal(ctx: Context, input: RecordProposalInput): Promise<Proposal> {
    return this.recordAtEvent(
      ctx,
      'Proposal',
      'PUT_FORWARD',
      input.proposers,
      input,
      { summary: input.summary },
      toProposal,
      [],
    );
  }

  recordQuestion(ctx: Context, input: RecordQuestionInput): Promise<Question> {
    return this.recordAtEvent(
      ctx,
      'Question',
      'ASKED',
      input.askers,
      input,
      { summary: input.summary, answer: input.answer ?? null },
      toQuestion,
      [],
    );
  }

  /** Presentations, proposals and questions: actors -> interaction -AT-> event, -ABOUT-> subjects. */
  private async recordAtEvent<T>(
    ctx: Context,
    label: 'Presentation' | 'Proposal' | 'Question',
    actorType: 'GAVE' | 'PUT_FORWARD' | 'ASKED',
    actors: string[],
    input: {
      slug?: string | null;
      date?: string | null;
      summary: string;
      event?: string | null;
      subjects?: string[] | null;
      evidence?: RecordInvitationInput['evidence'];
    },
    props: Record<string, unknown> & { summary: string },
    convert: (record: InteractionRecord) => T,
    extra: InteractionLink[],
  ): Promise<T> {
    const argument = `input.${{ Presentation: 'presenters', Proposal: 'proposers', Question: 'askers' }[label]}`;
    const all = [
      ...links(actorType, false, actors, argument),
      ...links('AT', true, input.event, 'input.event'),
      ...links('ABOUT', true, input.subjects ?? [], 'input.subjects'),
      ...extra,
    ];
    const evidence = this.entityWrites.evidence(ctx, input.evidence);
    distinctParties(all);
    const slug =
      input.slug ??
      partySlug(label, [input.event, input.date, input.summary, ...[...actors].sort()]);
    const record = await this.writes.record(
      label,
      slug,
      { ...props, date: input.date ?? null },
      all,
      evidence,
      ctx.requestId,
    );
    return convert(this.answer(ctx, record));
  }

  async delete(ctx: Context, globalId: string): Promise<string> {
    const parsed = fromGlobalId(globalId);
    if (!parsed || !['Invitation', 'Presentation', 'Proposal', 'Question'].includes(parsed.type)) {
      throw new BadUserInputError('id is not the id of an interaction.', 'id');
    }
    await this.writes.delete(parsed.uuid, ctx.requestId);
    return globalId;
  }

  /** The interaction as the write's own transaction read it back, kept for the request. */
  private answer(ctx: Context, record: InteractionRecord): InteractionRecord {
    ctx.loaders.interaction.clear(record.uuid);
    keepInteractions(ctx.loaders, [record]);
    return record;
  }
}
