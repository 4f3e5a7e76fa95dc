/**
 * Domain rules of writes: slugs (given or made from the name), evidence (given, or ASSERTED by
 * the client), global ids in inputs, and the entity read back after the write.
 */
import type { Context } from '../request/context';
import { BadUserInputError } from '../../shared/errors';
import { fromGlobalId } from '../../shared/global-id';
import { withArticle, type EntityLabel, type RelationshipType } from '../../shared/model';
import type { AliasInput, EvidenceInput } from '../../shared/inputs';
import { aliasProblem } from '../../shared/text';
import { fold } from '../search/search.query';
import {
  assertedEvidence,
  type EntityWrite,
  type EntityWriteRepository,
  type EvidenceWrite,
} from './entity-write.repository';
import type { EntityRecord } from './entity.record';
import { toEntityObject, type EntityObject } from './entity.record';

/** A slug from a name: folded to ASCII, words joined by dashes ("Sitra Oy" -> "sitra-oy"). */
export function slugify(name: string): string {
  return fold(name)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/g, '');
}

/** The uuid behind a global id that must name an entity of one of the given types. */
export function entityUuidOf(
  globalId: string,
  argument: string,
  labels?: readonly EntityLabel[],
): string {
  const parsed = fromGlobalId(globalId);
  if (!parsed || (labels && !(labels as readonly string[]).includes(parsed.type))) {
    throw new BadUserInputError(
      `${argument} is not the id of ${labels ? withArticle(labels.join(' or ')) : 'an entity'}.`,
      argument,
    );
  }
  return parsed.uuid;
}

/**
 * The aliases to store, trimmed. The shared alias rule (aliasProblem) refuses one that repeats an
 * earlier alias or the entity's name given in the same input, naming it (the later one); the
 * repository checks the stored name and aliases the write leaves.
 */
function aliasesOf(
  aliases: AliasInput[],
  name: string | null | undefined,
): { name: string; language: string | null }[] {
  const problem = aliasProblem(aliases, name, (i) => `input.aliases[${i}]`);
  if (problem) {
    const argument = `input.aliases[${problem.index}]`;
    throw new BadUserInputError(`${argument} ${problem.message}`, argument);
  }
  return aliases.map((a) => ({ name: a.name.trim(), language: a.language ?? null }));
}

const DATE_FIELDS = ['startDate', 'endDate', 'date'];
const DATE_TIME_FIELDS = ['startsAt', 'endsAt'];

export interface CommonInput {
  name?: string | null;
  slug?: string | null;
  description?: string | null;
  aliases?: AliasInput[] | null;
  evidence?: EvidenceInput[] | null;
}

/**
 * What an update may change or leave out, but not clear: every entity has a name and a slug,
 * a kind (or a project's status) where its type has one, and lists whose null would be
 * ambiguous. null for them is refused; for any other field it clears the value.
 */
const NOT_CLEARABLE: Record<string, (type: string) => string> = {
  name: (type) => `every ${type} has a name; leave it out to keep the current one`,
  slug: (type) => `every ${type} has a slug; leave it out to keep the current one`,
  kind: (type) => `every ${type} has a kind; leave it out to keep the current one`,
  status: (type) =>
    `every ${type} has a status; leave it out to keep the current one (UNKNOWN for a new ${type})`,
  aliases: () => 'pass [] to remove every alias, or leave it out to keep them',
  evidence: () => 'leave it out to add none',
  timeZone: () => 'leave it out to keep the stored time zone, or give another',
};

/** A URL as the same page is written (scheme and host in lower case), or as given when not one. */
function sameUrl(url: string): string {
  try {
    return new URL(url).href;
  } catch {
    return url;
  }
}

function refuseClearing(
  label: EntityLabel,
  fields: Record<string, unknown>,
  which: readonly string[] = Object.keys(NOT_CLEARABLE),
): void {
  for (const field of which) {
    const hint = NOT_CLEARABLE[field]!;
    if (fields[field] === null)
      throw new BadUserInputError(
        `input.${field} cannot be null: ${hint(label.toLowerCase())}.`,
        `input.${field}`,
      );
  }
}

export class EntityWriteService {
  constructor(private readonly writes: EntityWriteRepository) {}

  /**
   * Evidence inputs -> writes; none given means the client asserts the fact itself. A document
   * makes the evidence STATED, which always has a verbatim quote: without one (or a blank one)
   * it is refused here, for every input that takes evidence.
   */
  evidence(ctx: Context, input: EvidenceInput[] | null | undefined): EvidenceWrite[] {
    if (!input || input.length === 0) return [assertedEvidence(ctx.client, 'input.evidence')];
    const sources = new Map<string, string>();
    return input.map((e, i) => {
      const argument = `input.evidence[${i}]`;
      if (!e.document && !e.url)
        throw new BadUserInputError(`${argument} needs a url or a document.`, argument);
      if (e.document && !e.quote?.trim()) {
        throw new BadUserInputError(
          `${argument}.quote is required with a document: the sentence of the document that states the fact, verbatim.`,
          `${argument}.quote`,
        );
      }
      // The same source (and quote) twice is one evidence: the later would silently win.
      const source = JSON.stringify([
        e.document ?? null,
        e.quote?.trim().replace(/\s+/g, ' ') ?? null,
        e.url ? sameUrl(e.url) : null,
      ]);
      const twin = sources.get(source);
      if (twin !== undefined)
        throw new BadUserInputError(
          `${argument} repeats ${twin}: the same ${e.document ? 'document and quote' : 'url'}. Give each source once, with its translation and confidence.`,
          argument,
        );
      sources.set(source, argument);
      return {
        kind: e.document ? 'STATED' : 'EXTERNAL',
        documentId: e.document
          ? entityUuidOf(e.document, `${argument}.document`, ['Document'])
          : null,
        quote: e.quote ?? null,
        translation: e.translation ?? null,
        url: e.url ?? null,
        confidence: e.confidence === 'INFERRED' ? 'INFERRED' : 'STATED',
        assertedBy: ctx.client,
        argument,
      };
    });
  }

  /**
   * Splits a type's own fields into plain properties, dates and zoned date-times (which the
   * repository converts to Neo4j temporal values). Undefined means "leave as it is".
   */
  private entityWrite(input: CommonInput, specific: Record<string, unknown>): EntityWrite {
    const props: Record<string, unknown> = {};
    const dates: Record<string, string | null> = {};
    const dateTimes: Record<string, string | null> = {};
    if (input.name !== undefined && input.name !== null) props.name = input.name.trim();
    if (input.description !== undefined) props.description = input.description;
    const { timeZone, ...rest } = specific;
    for (const [key, value] of Object.entries(rest)) {
      if (value === undefined) continue;
      if (DATE_FIELDS.includes(key)) dates[key] = value as string | null;
      else if (DATE_TIME_FIELDS.includes(key)) dateTimes[key] = value as string | null;
      else props[key] = value;
    }
    let zone: string | null = null;
    if (typeof timeZone === 'string') {
      try {
        // In the zone database's own spelling: europe/helsinki is Europe/Helsinki, so the same
        // zone in other letter case is no change. Another name for it (Asia/Kolkata) is kept.
        const known = new Intl.DateTimeFormat('en', { timeZone }).resolvedOptions().timeZone;
        zone = known.toLowerCase() === timeZone.toLowerCase() ? known : timeZone;
      } catch {
        throw new BadUserInputError(
          `input.timeZone must be an IANA time zone such as Europe/Moscow, got "${timeZone}".`,
          'input.timeZone',
        );
      }
    }
    return {
      props,
      aliases: input.aliases ? aliasesOf(input.aliases, input.name) : undefined,
      dates,
      dateTimes,
      timeZone: zone,
    };
  }

  private slugFor(label: EntityLabel, input: CommonInput): string {
    const slug = input.slug ?? slugify(input.name ?? '');
    if (!slug) {
      throw new BadUserInputError(
        `The name gives no slug (it has no Latin letters or digits): pass input.slug for this ${label}.`,
        'input.slug',
      );
    }
    return slug;
  }

  /** create: CONFLICT when the slug is taken; upsert: the slug's entity is created or updated. */
  async save(
    ctx: Context,
    mode: 'create' | 'upsert',
    label: EntityLabel,
    input: CommonInput,
    specific: Record<string, unknown>,
  ): Promise<EntityObject> {
    const { slug, write, evidence } = this.prepare(ctx, label, input, specific);
    const record = await this.writes.save(mode, label, slug, write, evidence, ctx.requestId);
    return this.answer(ctx, record);
  }

  /**
   * The domain rules of a create or upsert before anything is read or written (slug, aliases,
   * time zone, evidence): what to write, or a BadUserInputError naming the input. Bulk import
   * runs each line through it too.
   */
  prepare(
    ctx: Context,
    label: EntityLabel,
    input: CommonInput,
    specific: Record<string, unknown>,
  ): { slug: string; write: EntityWrite; evidence: EvidenceWrite[] } {
    // At creation, null slug, aliases and evidence mean none; a stored field cannot be null.
    refuseClearing(label, { ...input, ...specific }, ['name', 'kind', 'status']);
    return {
      slug: this.slugFor(label, input),
      write: this.entityWrite(input, specific),
      evidence: this.evidence(ctx, input.evidence),
    };
  }

  /** BAD_USER_INPUT naming input.endDate when a relationship's dates are the wrong way round. */
  checkLinkDates(input: { startDate?: string | null; endDate?: string | null }): void {
    if (input.startDate && input.endDate && input.startDate > input.endDate) {
      throw new BadUserInputError('input.endDate is before input.startDate.', 'input.endDate');
    }
  }

  async update(
    ctx: Context,
    label: EntityLabel,
    globalId: string,
    input: CommonInput,
    specific: Record<string, unknown>,
  ): Promise<EntityObject> {
    const uuid = entityUuidOf(globalId, 'id', [label]);
    refuseClearing(label, { ...input, ...specific });
    const evidence = input.evidence ? this.evidence(ctx, input.evidence) : [];
    const record = await this.writes.update(
      label,
      uuid,
      input.slug ?? null,
      this.entityWrite(input, specific),
      evidence,
      ctx.requestId,
    );
    return this.answer(ctx, record);
  }

  async delete(
    ctx: Context,
    label: EntityLabel,
    globalId: string,
    detach: boolean,
  ): Promise<string> {
    await this.writes.delete(entityUuidOf(globalId, 'id', [label]), detach, ctx.requestId);
    return globalId;
  }

  async link(
    ctx: Context,
    input: {
      type: RelationshipType;
      from: string;
      to: string;
      role?: string | null;
      startDate?: string | null;
      endDate?: string | null;
      evidence?: EvidenceInput[] | null;
    },
  ): Promise<void> {
    this.checkLinkDates(input);
    await this.writes.link(
      input.type,
      entityUuidOf(input.from, 'input.from'),
      entityUuidOf(input.to, 'input.to'),
      {
        role: input.role ?? null,
        startDate: input.startDate ?? null,
        endDate: input.endDate ?? null,
      },
      this.evidence(ctx, input.evidence),
      ctx.requestId,
    );
  }

  async unlink(
    ctx: Context,
    input: { type: RelationshipType; from: string; to: string },
  ): Promise<void> {
    await this.writes.unlink(
      input.type,
      entityUuidOf(input.from, 'input.from'),
      entityUuidOf(input.to, 'input.to'),
      ctx.requestId,
    );
  }

  /**
   * The entity as the write's own transaction read it back: what this caller stored, even when
   * another write commits right after. The request's loader may hold it as it was before.
   */
  private answer(ctx: Context, record: EntityRecord): EntityObject {
    ctx.loaders.entity.clear(record.uuid).prime(record.uuid, record);
    return toEntityObject(record);
  }
}
