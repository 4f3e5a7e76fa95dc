/**
 * Documents: stored once by the SHA-256 of their text (a MERGE under the uniqueness constraint of
 * migration 007, so concurrent adds of one text meet one node), the mentions found in them
 * written in the same transaction, and the lists of documents and mentions.
 */
import { randomUUID } from 'node:crypto';
import { int, type ManagedTransaction } from 'neo4j-driver';
import { UniqueValueTakenError, type ChangedItem, type Database } from '../../db/database';
import { FULLTEXT_INDEX as NAMES_INDEX } from '../../db/migrations/002_graph_model';
import { entityRow, whereOf } from '../../shared/cypher';
import { ConflictError, NotFoundError } from '../../shared/errors';
import { toGlobalId } from '../../shared/global-id';
import { quoteProblem } from '../../shared/text';
import { assertedEvidence, type EntityWriteRepository } from '../entity/entity-write.repository';
import { fromEntityRow, type EntityRecord, type EntityRow } from '../entity/entity.record';
import {
  findMentions,
  lookupTerms,
  stemmerFor,
  tokenize,
  type Candidate,
  type FoundMention,
} from './mention-finder';
import { sentenceAround } from './sentence';

// A CREATE of the node only when no document holds the text: its id tells which happened.
const MERGE_DOCUMENT = /* cypher */ `
MERGE (d:Entity:Document {sha256: $sha256})
ON CREATE SET d += $props, d.id = $id, d.createdAt = datetime(),
  d.date = CASE WHEN $date IS NULL THEN null ELSE date($date) END
RETURN d.id = $id AS created, ${entityRow('d')} AS row`;

const SLUG_OWNER = /* cypher */ `MATCH (d:Entity:Document {slug: $slug}) RETURN d.id AS id`;

const PUBLISHER = /* cypher */ `
MATCH (p:Entity {id: $publisher}) WHERE p:Organisation OR p:Person
RETURN p.id AS id`;

const LINK_PUBLISHER = /* cypher */ `
MATCH (p:Entity {id: $publisher}), (d:Document {id: $document})
MERGE (p)-[r:PUBLISHED]->(d)
SET r.role = 'publisher', r.evidenceIds = $evidenceIds`;

/** Candidate entities for a text: any name or alias with a word the text's words may inflect. */
const CANDIDATES = /* cypher */ `
CALL db.index.fulltext.queryNodes('${NAMES_INDEX}', $lucene, {limit: $limit}) YIELD node
WHERE NOT node:Document
RETURN node.id AS id, [node.name] + coalesce(node.aliasNames, []) AS names`;

const WRITE_MENTIONS = /* cypher */ `
UNWIND $mentions AS m
MATCH (d:Document {id: $document}), (x:Entity {id: m.entityId})
MERGE (d)-[r:MENTIONS]->(x)
SET r.start = m.spans[0].start, r.end = m.spans[0].end, r.form = m.spans[0].form,
    r.starts = [s IN m.spans | s.start], r.ends = [s IN m.spans | s.end],
    r.forms = [s IN m.spans | s.form], r.evidenceIds = m.evidenceIds`;

const MENTIONS_OF = /* cypher */ `
MATCH (d:Document {id: $document})-[r:MENTIONS]->(x:Entity)
RETURN x.id AS entityId, r.starts AS starts, r.ends AS ends, r.forms AS forms`;

/** The documents list's filters, each a predicate on `d` (only those given are sent). */
const FILTERS = {
  language: '(d.language = $language OR d.language STARTS WITH $language + "-")',
  from: 'd.date >= date($from)',
  to: 'd.date <= date($to)',
  publisher: 'EXISTS { (:Entity {id: $publisher})-[:PUBLISHED]->(d) }',
  mentions: 'EXISTS { (d)-[:MENTIONS]->(:Entity {id: $mentions}) }',
};

/** Newest first, undated last; ties by id. The key is the date's text ("" when undated). */
const SORT_KEY = "coalesce(toString(d.date), '')";
const listDocuments = (where: string, backward: boolean, cursor: boolean): string => {
  const [cmp, dir] = backward ? ['>', 'ASC'] : ['<', 'DESC'];
  const after = cursor ? `WHERE k ${cmp} $key OR (k = $key AND d.id ${cmp} $id)` : '';
  return /* cypher */ `
MATCH (d:Document) ${where}
WITH d, ${SORT_KEY} AS k ${after}
RETURN k AS sortKey, ${entityRow('d')} AS row ORDER BY k ${dir}, d.id ${dir} LIMIT $limit`;
};
/** Whether an item lies at or behind the cursor (the other side of the page). */
const behindCursor = (where: string, backward: boolean): string => {
  const [cmp, eq] = backward ? ['<', '<='] : ['>', '>='];
  return /* cypher */ `
MATCH (d:Document) ${where}
WITH d, ${SORT_KEY} AS k WHERE k ${cmp} $key OR (k = $key AND d.id ${eq} $id)
RETURN count(*) > 0 AS beyond`;
};
const countDocuments = (where: string): string =>
  `MATCH (d:Document) ${where} RETURN count(d) AS total`;

export interface DocumentWrite {
  sha256: string;
  slug: string;
  props: Record<string, unknown>;
  date: string | null;
  language: string;
  text: string;
  publisher: string | null;
}

export interface DocumentListFilter {
  language?: string | null;
  from?: string | null;
  to?: string | null;
  publisher?: string | null;
  mentions?: string | null;
}

export interface StoredMention {
  entityId: string;
  spans: { start: number; end: number; form: string }[];
}

/** The fields addDocument sets on a new document, as the change feed tells them. */
const DOCUMENT_FIELDS = [
  'title',
  'name',
  'language',
  'text',
  'sha256',
  'slug',
  'url',
  'date',
  'titleTranslation',
  'translation',
  'description',
  'aliases',
];

/** Names the lookup asks the index about at once (Lucene allows 1024 clauses). */
const TERMS_PER_LOOKUP = 400;
/** At most this many candidate entities per lookup: bounds the work on a very large graph. */
const CANDIDATES_PER_LOOKUP = 5_000;

export class DocumentRepository {
  constructor(
    private readonly db: Database,
    private readonly entityWrites: EntityWriteRepository,
  ) {}

  /**
   * Stores the document unless its text is stored already, and then, in the same transaction,
   * finds and writes its mentions (each with a STATED evidence: the sentence around the first
   * one, INFERRED) and its publisher link. Answers the document and whether it was created.
   */
  async add(
    write: DocumentWrite,
    client: string | null,
    requestId?: string,
  ): Promise<{ record: EntityRecord; created: boolean; mentions: number }> {
    try {
      return await this.db.write(
        async (tx) => {
          const id = randomUUID();
          const existing = await tx.run('MATCH (d:Document {sha256: $sha256}) RETURN d.id AS id', {
            sha256: write.sha256,
          });
          if (existing.records.length === 0) {
            const owner = await tx.run(SLUG_OWNER, { slug: write.slug });
            if (owner.records.length > 0) throw slugTaken(write.slug);
          }
          const result = await tx.run(MERGE_DOCUMENT, {
            sha256: write.sha256,
            props: { ...write.props, slug: write.slug },
            date: write.date,
            id,
          });
          const created = result.records[0]!.get('created') as boolean;
          const record = fromEntityRow(result.records[0]!.get('row') as EntityRow);
          if (!created) return { record, created, mentions: 0 };
          if (write.publisher) await this.linkPublisher(tx, id, write.publisher, client);
          const mentions = await this.writeMentions(tx, id, write.text, write.language, client);
          return { record, created, mentions };
        },
        {
          operation: 'add Document',
          requestId,
          describe: ({ record, created }): ChangedItem[] =>
            created
              ? [
                  {
                    id: toGlobalId('Document', record.uuid),
                    type: 'Document',
                    op: 'CREATE',
                    fields: DOCUMENT_FIELDS.filter(
                      (f) => f === 'aliases' || f === 'slug' || record.props[f] != null,
                    ),
                  },
                ]
              : [],
        },
      );
    } catch (error) {
      // Two adds of different texts under one slug: the constraint refuses the later one.
      if (error instanceof UniqueValueTakenError) throw slugTaken(write.slug);
      throw error;
    }
  }

  private async linkPublisher(
    tx: ManagedTransaction,
    document: string,
    publisher: string,
    client: string | null,
  ): Promise<void> {
    if ((await tx.run(PUBLISHER, { publisher })).records.length === 0)
      throw new NotFoundError(
        'No organisation or person has the id given as input.publisher.',
        'input.publisher',
      );
    const evidenceIds = await this.entityWrites.writeEvidence(
      tx,
      `PUBLISHED|${publisher}|${document}`,
      [assertedEvidence(client, 'input.publisher')],
    );
    await tx.run(LINK_PUBLISHER, { publisher, document, evidenceIds });
  }

  /** Finds the entities the text names and writes one MENTIONS link each; answers how many. */
  private async writeMentions(
    tx: ManagedTransaction,
    document: string,
    text: string,
    language: string,
    client: string | null,
  ): Promise<number> {
    const found = await this.find(tx, text, language);
    const byEntity = new Map<string, StoredMention>();
    for (const m of found) {
      const entry = byEntity.get(m.entityId) ?? { entityId: m.entityId, spans: [] };
      entry.spans.push({ start: m.start, end: m.end, form: m.form });
      byEntity.set(m.entityId, entry);
    }
    const mentions = [];
    for (const m of byEntity.values()) {
      const first = m.spans[0]!;
      const quote = sentenceAround(text, first.start, first.end);
      // A text of one word states nothing about it: no evidence, so no mention.
      if (quoteProblem(text, quote)) continue;
      const evidenceIds = await this.entityWrites.writeEvidence(
        tx,
        `MENTIONS|${document}|${m.entityId}`,
        [
          {
            kind: 'STATED',
            documentId: document,
            quote,
            translation: null,
            url: null,
            confidence: 'INFERRED',
            assertedBy: client,
            argument: 'input.text',
          },
        ],
      );
      mentions.push({ ...m, evidenceIds });
    }
    if (mentions.length > 0) await tx.run(WRITE_MENTIONS, { document, mentions });
    return mentions.length;
  }

  /**
   * The mentions of known entities (documents aside) in a text: candidates from the names
   * index (prefix terms of the text's stems, a few hundred terms per lookup), then the finder.
   */
  async find(tx: ManagedTransaction, text: string, language: string): Promise<FoundMention[]> {
    const terms = lookupTerms(tokenize(text, stemmerFor(language)));
    const candidates = new Map<string, Candidate>();
    for (let i = 0; i < terms.length; i += TERMS_PER_LOOKUP) {
      const lucene = terms.slice(i, i + TERMS_PER_LOOKUP).join(' OR ');
      const rows = await tx.run(CANDIDATES, { lucene, limit: int(CANDIDATES_PER_LOOKUP) });
      for (const r of rows.records)
        candidates.set(r.get('id') as string, {
          id: r.get('id') as string,
          names: r.get('names') as string[],
        });
    }
    return findMentions(text, language, [...candidates.values()]);
  }

  /** `find` in a read transaction of its own: what addDocument would find, writing nothing. */
  findIn(text: string, language: string, requestId?: string): Promise<FoundMention[]> {
    return this.db.read((tx) => this.find(tx, text, language), {
      operation: 'document.findMentions',
      requestId,
    });
  }

  /** Every mention of a document, spans in text order (hand-made ones without spans). */
  async mentionsOf(document: string, requestId?: string): Promise<StoredMention[]> {
    const result = await this.db.query(
      MENTIONS_OF,
      { document },
      {
        operation: 'document.mentions',
        requestId,
      },
    );
    return result.records.map((r) => {
      const starts = (r.get('starts') as number[] | null) ?? [];
      const ends = (r.get('ends') as number[] | null) ?? [];
      const forms = (r.get('forms') as string[] | null) ?? [];
      return {
        entityId: r.get('entityId') as string,
        spans: starts.map((start, i) => ({
          start: Number(start),
          end: Number(ends[i]),
          form: forms[i]!,
        })),
      };
    });
  }

  /** One page of documents: rows (size + 1 asked), the total and whether items lie behind. */
  async list(
    filter: DocumentListFilter,
    cursor: { key: string; id: string } | null,
    limit: number,
    backward: boolean,
    requestId?: string,
  ): Promise<{
    rows: { sortKey: string; record: EntityRecord }[];
    total: number;
    beyond: boolean;
  }> {
    const where = whereOf(filter, FILTERS);
    const params = {
      ...filter,
      key: cursor?.key ?? null,
      id: cursor?.id ?? null,
      limit: int(limit),
    };
    return this.db.read(
      async (tx) => {
        const page = await tx.run(listDocuments(where, backward, cursor !== null), params);
        const total = await tx.run(countDocuments(where), params);
        const beyond = cursor
          ? ((await tx.run(behindCursor(where, backward), params)).records[0]!.get(
              'beyond',
            ) as boolean)
          : false;
        return {
          rows: page.records.map((r) => ({
            sortKey: r.get('sortKey') as string,
            record: fromEntityRow(r.get('row') as EntityRow),
          })),
          total: Number(total.records[0]!.get('total')),
          beyond,
        };
      },
      { operation: 'documents', requestId },
    );
  }
}

const slugTaken = (slug: string): ConflictError =>
  new ConflictError(`slug "${slug}" is already taken by another Document.`, 'input.slug');
