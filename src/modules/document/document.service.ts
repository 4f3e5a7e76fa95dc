/** Domain rules of documents: the text's hash, the slug, ids in inputs, pages of lists. */
import { createHash } from 'node:crypto';
import type { Context } from '../request/context';
import {
  paginate,
  readPage,
  toConnection,
  type ConnectionShape,
  type PageArgs,
} from '../../shared/connection';
import { BadUserInputError } from '../../shared/errors';
import { keepEntities } from '../request/loaders';
import { entityUuidOf, slugify } from '../entity/entity-write.service';
import { toEntityObject, type EntityObject } from '../entity/entity.record';
import type { EntityInterface } from '../entity/entity.type';
import type { AddDocumentInput, DocumentFilter } from './document.inputs';
import type { DocumentListFilter, DocumentRepository } from './document.repository';
import type { Mention } from './document.type';

export class DocumentService {
  constructor(private readonly documents: DocumentRepository) {}

  /** Stores the document once (by its text's SHA-256) and answers it as stored. */
  async add(ctx: Context, input: AddDocumentInput): Promise<EntityObject> {
    const sha256 = createHash('sha256').update(input.text).digest('hex');
    const title = input.title.trim();
    const publisher = input.publisher
      ? entityUuidOf(input.publisher, 'input.publisher', ['Organisation', 'Person'])
      : null;
    const base = slugify(title) || 'document';
    const slug = input.slug ?? `${base.slice(0, 60).replace(/-+$/, '')}-${sha256.slice(0, 8)}`;
    const titleTranslation = input.titleTranslation?.trim() || null;
    const { record } = await this.documents.add(
      {
        sha256,
        slug,
        date: input.publishedAt ?? null,
        language: input.language,
        text: input.text,
        publisher,
        props: {
          name: title,
          title,
          titleTranslation,
          language: input.language,
          text: input.text,
          translation: input.translation ?? null,
          url: input.url ?? null,
          description: input.description ?? null,
          aliasNames: titleTranslation ? [titleTranslation] : [],
          aliasLanguages: titleTranslation ? ['en'] : [],
          evidenceIds: [],
        },
      },
      ctx.client,
      ctx.requestId,
    );
    return toEntityObject(record);
  }

  /** A page of documents, newest first (undated last), narrowed by the filter. */
  async list(
    ctx: Context,
    input: (DocumentFilter & { mentions?: string | null }) | null | undefined,
    args: PageArgs,
  ): Promise<ConnectionShape<EntityObject>> {
    const scope = 'Document:DATE';
    const { size, cursor, backward } = readPage<[string, string]>(
      args,
      ['string', 'string'],
      scope,
    );
    if (input?.from && input.to && input.from > input.to)
      throw new BadUserInputError('filter.from must not be after filter.to.', 'filter.from');
    const filter: DocumentListFilter = {
      language: input?.language ?? null,
      from: input?.from ?? null,
      to: input?.to ?? null,
      publisher: input?.publisher
        ? entityUuidOf(input.publisher, 'filter.publisher', ['Organisation', 'Person'])
        : null,
      mentions: input?.mentions ?? null,
    };
    const { rows, total, beyond } = await this.documents.list(
      filter,
      cursor ? { key: cursor[0], id: cursor[1] } : null,
      size + 1,
      backward,
      ctx.requestId,
    );
    const page = rows.slice(0, size);
    keepEntities(
      ctx.loaders,
      page.map((r) => r.record),
    );
    return toConnection(
      rows,
      size,
      total,
      page.map((r) => toEntityObject(r.record)),
      (row) => [row.sortKey, row.record.uuid],
      { backward, beyond, scope },
    );
  }

  /** The documents that mention an entity, as `list` pages them. */
  mentionedIn(ctx: Context, entity: EntityInterface, args: PageArgs) {
    return this.list(ctx, { mentions: entity.uuid }, args);
  }

  /** The entities a document mentions, in order of their first mention (hand-made ones last). */
  async mentions(
    ctx: Context,
    document: EntityInterface,
    args: PageArgs,
  ): Promise<ConnectionShape<Mention>> {
    const stored = await this.documents.mentionsOf(document.uuid, ctx.requestId);
    const connection = paginate(
      stored,
      (m) => [m.spans[0]?.start ?? Number.MAX_SAFE_INTEGER, m.entityId],
      args,
      { scope: `Mention:${document.uuid}` },
    );
    const entities = await ctx.loaders.entity.loadMany(
      connection.edges.map((e) => e.node.entityId),
    );
    const edges = connection.edges.flatMap((edge, i) => {
      const record = entities[i];
      if (!record || record instanceof Error) return [];
      const first = edge.node.spans[0];
      const node: Mention = {
        entity: toEntityObject(record),
        entityId: edge.node.entityId,
        start: first?.start ?? null,
        end: first?.end ?? null,
        form: first?.form ?? null,
        spans: edge.node.spans,
      };
      return [{ cursor: edge.cursor, node }];
    });
    return { ...connection, edges };
  }
}
