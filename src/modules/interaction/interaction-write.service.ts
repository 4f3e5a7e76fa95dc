/**
 * Recording an interaction of any kind: global ids to uuids, a slug (given or made from the
 * parties), evidence, read-back. Each kind (invitation/, presentation/, ...) names its parties.
 */
import { createHash } from 'node:crypto';
import type { Context } from '../request/context';
import { fromGlobalId } from '../../shared/global-id';
import { BadUserInputError } from '../../shared/errors';
import {
  INTERACTION_LABELS,
  partyClash,
  type InteractionLabel,
  type InteractionLinkType,
} from '../../shared/model';
import { entityUuidOf, type EntityWriteService } from '../entity/entity-write.service';
import type {
  InteractionLink,
  InteractionWriteRepository,
  PreparedInteraction,
} from './interaction-write.repository';
import type { RecordInteractionBase } from './interaction.inputs';
import type { InteractionRecord } from './interaction.record';
import { keepInteractions } from '../request/loaders';

/** Links of one type; list arguments name their element ("input.invitees[1]"). */
export function partyLinks(
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

/** One interaction to record, its links already read from the input (in the order given). */
export interface InteractionWrite {
  label: InteractionLabel;
  /** The caller's idempotency key; absent: made from slugParts. */
  slug: string | null | undefined;
  slugParts: (string | null | undefined)[];
  props: { summary: string; date: string | null } & Record<string, unknown>;
  links: InteractionLink[];
  evidence: RecordInteractionBase['evidence'];
}

/** Presentations, proposals and questions: actors -> interaction -AT-> event, -ABOUT-> subjects. */
export function atEventWrite(
  label: 'Presentation' | 'Proposal' | 'Question',
  actorType: 'GAVE' | 'PUT_FORWARD' | 'ASKED',
  actors: { ids: string[]; argument: string },
  input: RecordInteractionBase & { event?: string | null; subjects?: string[] | null },
  props: Record<string, unknown> & { summary: string },
  extra: InteractionLink[],
): InteractionWrite {
  const links = [
    ...partyLinks(actorType, false, actors.ids, actors.argument),
    ...partyLinks('AT', true, input.event, 'input.event'),
    ...partyLinks('ABOUT', true, input.subjects ?? [], 'input.subjects'),
    ...extra,
  ];
  return {
    label,
    slug: input.slug,
    slugParts: [input.event, input.date, input.summary, ...[...actors.ids].sort()],
    props: { ...props, date: input.date ?? null },
    links,
    evidence: input.evidence,
  };
}

export class InteractionWriteService {
  constructor(
    private readonly writes: InteractionWriteRepository,
    private readonly entityWrites: EntityWriteService,
  ) {}

  /** Checks the evidence and the parties, and makes the slug: the write, ready for a transaction. */
  prepare(ctx: Context, write: InteractionWrite): PreparedInteraction {
    const evidence = this.entityWrites.evidence(ctx, write.evidence);
    distinctParties(write.links);
    const slug = write.slug ?? partySlug(write.label, write.slugParts);
    return { label: write.label, slug, props: write.props, links: write.links, evidence };
  }

  /** Checks the evidence and the parties, writes, and answers what the write read back. */
  async record(ctx: Context, write: InteractionWrite): Promise<InteractionRecord> {
    const p = this.prepare(ctx, write);
    const record = await this.writes.record(
      p.label,
      p.slug,
      p.props,
      p.links,
      p.evidence,
      ctx.requestId,
    );
    return this.answer(ctx, record);
  }

  async delete(ctx: Context, globalId: string): Promise<string> {
    const parsed = fromGlobalId(globalId);
    if (!parsed || !(INTERACTION_LABELS as readonly string[]).includes(parsed.type)) {
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
