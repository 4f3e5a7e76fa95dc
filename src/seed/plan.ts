/**
 * Reads and checks the seed files, and turns them into a write plan: one unit per file, with
 * stable ids (UUID v5 of label and slug) so that loading twice writes the same nodes. Nothing
 * here touches the database; every problem is a SeedError naming the file, the record and
 * what is wrong.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import {
  checkEndpoints,
  INTERACTION_PARTIES,
  partyClash,
  selfLinkProblem,
  type EntityLabel,
  type InteractionLabel,
  type InteractionLinkType,
  type RelationshipType,
} from '../shared/model';
import type { EvidenceRecord as StoredEvidence } from '../modules/evidence/evidence.repository';
import { stableId } from '../shared/ids';
import { quoteProblem } from '../shared/text';
import { seedFileSchema, type EntityInput, type EvidenceInput, type SeedFile } from './seed.schema';

export class SeedError extends Error {
  override name = 'SeedError';
  constructor(
    readonly file: string,
    readonly record: string,
    readonly problem: string,
  ) {
    super(`${file}: ${record}: ${problem}`);
  }
}

/** Evidence as the seeds state it: never ASSERTED (no API client wrote it). */
export type EvidenceRecord = Omit<StoredEvidence, 'kind' | 'assertedBy' | 'confidence'> & {
  kind: 'STATED' | 'EXTERNAL';
  confidence: 'STATED' | 'INFERRED';
};

export interface NodeRecord {
  id: string;
  label: EntityLabel;
  slug: string;
  /** Plain properties (strings, numbers, string lists). */
  props: Record<string, unknown>;
  /** Date-valued properties, as ISO strings, converted to Neo4j Date/DateTime by the writer. */
  dates: Record<string, string | null>;
  dateTimes: Record<string, string | null>;
  evidenceIds: string[];
}

export interface RelationshipRecord {
  type: RelationshipType;
  fromId: string;
  toId: string;
  role: string | null;
  startDate: string | null;
  endDate: string | null;
  evidenceIds: string[];
}

export interface InteractionRecord {
  id: string;
  label: InteractionLabel;
  slug: string;
  props: Record<string, unknown>;
  date: string | null;
  evidenceIds: string[];
  /** actor -[type]-> interaction (out = false) or interaction -[type]-> entity (out = true). */
  links: { type: string; entityId: string; outgoing: boolean }[];
}

export interface FilePlan {
  file: string;
  documentSlug: string | null;
  nodes: NodeRecord[];
  evidence: EvidenceRecord[];
  relationships: RelationshipRecord[];
  interactions: InteractionRecord[];
}

interface Known {
  label: EntityLabel;
  id: string;
  file: string;
}

interface ParsedFile {
  file: string;
  data: SeedFile;
  documentText?: string;
}

/** Dates an entity carries, by field name, and whether they are zoned date-times. */
const DATE_FIELDS = ['startDate', 'endDate', 'date'] as const;
const DATE_TIME_FIELDS = ['startsAt', 'endsAt'] as const;

function zodProblem(error: z.ZodError): { record: string; problem: string } {
  const issue = error.issues[0]!;
  const where = issue.path.reduce<string>(
    (acc, part) =>
      typeof part === 'number' ? `${acc}[${part}]` : acc ? `${acc}.${String(part)}` : String(part),
    '',
  );
  return { record: where || '(file)', problem: issue.message };
}

export function readSeedFiles(seedDir: string): ParsedFile[] {
  const graphDir = path.join(seedDir, 'graph');
  if (!existsSync(graphDir))
    throw new SeedError(graphDir, '(folder)', 'the seed folder has no graph/ subfolder');
  const files = readdirSync(graphDir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort();
  return files.map((name) => {
    const file = path.join('graph', name);
    let raw: unknown;
    try {
      raw = parseYaml(readFileSync(path.join(graphDir, name), 'utf8'));
    } catch (error) {
      throw new SeedError(
        file,
        '(file)',
        `is not valid YAML: ${(error as Error).message.split('\n')[0]}`,
      );
    }
    const parsed = seedFileSchema.safeParse(raw ?? {});
    if (!parsed.success) {
      const { record, problem } = zodProblem(parsed.error);
      throw new SeedError(file, record, problem);
    }
    const data = parsed.data;
    let documentText: string | undefined;
    if (data.document) {
      const docPath = path.join(seedDir, data.document.file);
      if (!existsSync(docPath))
        throw new SeedError(file, 'document.file', `no such file ${data.document.file}`);
      documentText = readFileSync(docPath, 'utf8');
    }
    return { file, data, documentText };
  });
}

/** Validates the whole seed set and returns one write unit per file, in file order. */
export function planSeeds(seedDir: string): FilePlan[] {
  const parsed = readSeedFiles(seedDir);

  // Pass 1: every entity and document slug, unique across the seed set.
  const known = new Map<string, Known>();
  const define = (file: string, record: string, slug: string, label: EntityLabel): void => {
    const existing = known.get(slug);
    if (existing)
      throw new SeedError(file, record, `slug "${slug}" is already defined in ${existing.file}`);
    known.set(slug, { label, id: stableId(label, slug), file });
  };
  for (const { file, data } of parsed) {
    if (data.document) define(file, 'document', data.document.slug, 'Document');
    data.entities.forEach((e, i) => define(file, `entities[${i}] (${e.slug})`, e.slug, e.type));
  }
  const interactionSlugs = new Map<string, string>();
  const fileOrder = new Map(parsed.map(({ file }, i) => [file, i]));

  return parsed.map(({ file, data, documentText }) => {
    const plan: FilePlan = {
      file,
      documentSlug: data.document?.slug ?? null,
      nodes: [],
      evidence: [],
      relationships: [],
      interactions: [],
    };
    const doc = data.document;
    const docId = doc ? known.get(doc.slug)!.id : null;

    const ref = (record: string, slug: string, allowed?: readonly EntityLabel[]): Known => {
      const found = known.get(slug);
      if (!found) throw new SeedError(file, record, `unknown reference "${slug}"`);
      // Files are written in order, one transaction each: a fact can only point back.
      if (fileOrder.get(found.file)! > fileOrder.get(file)!) {
        throw new SeedError(
          file,
          record,
          `"${slug}" is defined in ${found.file}, which loads later; define it in an earlier file`,
        );
      }
      if (allowed && !allowed.includes(found.label)) {
        throw new SeedError(
          file,
          record,
          `"${slug}" is a ${found.label}, expected ${allowed.join(' or ')}`,
        );
      }
      return found;
    };

    const evidence = (record: string, factKey: string, items: EvidenceInput[]): string[] =>
      items.map((item, i) => {
        const where = `${record}.evidence[${i}]`;
        const kind = item.kind ?? (item.url && !item.quote ? 'EXTERNAL' : 'STATED');
        let language: string | null = null;
        if (kind === 'STATED') {
          if (!doc || documentText === undefined) {
            throw new SeedError(
              file,
              where,
              'STATED evidence needs a document, and this file has none (use kind: EXTERNAL with a url)',
            );
          }
          const problem = quoteProblem(documentText, item.quote!);
          if (problem) {
            throw new SeedError(
              file,
              where,
              `the quote ${problem.replace('the document', doc.file)}: "${item.quote!.slice(0, 80)}"`,
            );
          }
          if (doc.language !== 'en' && item.translation === undefined) {
            throw new SeedError(
              file,
              where,
              `a quote in "${doc.language}" needs its English translation`,
            );
          }
          language = doc.language;
        }
        const record_: EvidenceRecord = {
          id: stableId(
            'Evidence',
            [factKey, kind, docId ?? '', item.quote ?? '', item.url ?? ''].join('|'),
          ),
          kind,
          confidence: item.confidence ?? 'STATED',
          documentId: kind === 'STATED' ? docId : null,
          quote: item.quote ?? null,
          language,
          translation: item.translation ?? null,
          url: item.url ?? null,
          note: item.note ?? null,
        };
        if (!plan.evidence.some((e) => e.id === record_.id)) plan.evidence.push(record_);
        return record_.id;
      });

    const relationship = (
      record: string,
      type: RelationshipType,
      fromSlug: string,
      toSlug: string,
      extra: { role?: string; startDate?: string; endDate?: string },
      items: EvidenceInput[],
    ): void => {
      const from = ref(`${record}.from`, fromSlug);
      const to = ref(`${record}.to`, toSlug);
      const wrong = checkEndpoints(type, from.label, to.label);
      if (wrong) throw new SeedError(file, record, wrong);
      if (from.id === to.id) throw new SeedError(file, record, selfLinkProblem(type));
      if (extra.startDate && extra.endDate && extra.startDate > extra.endDate) {
        throw new SeedError(file, record, 'endDate is before startDate');
      }
      plan.relationships.push({
        type,
        fromId: from.id,
        toId: to.id,
        role: extra.role ?? null,
        startDate: extra.startDate ?? null,
        endDate: extra.endDate ?? null,
        evidenceIds: evidence(record, `${type}:${fromSlug}:${toSlug}`, items),
      });
    };

    if (doc && documentText !== undefined) {
      plan.nodes.push({
        id: docId!,
        label: 'Document',
        slug: doc.slug,
        props: {
          name: doc.title,
          description: doc.description ?? null,
          title: doc.title,
          titleTranslation: doc.titleTranslation ?? null,
          language: doc.language,
          url: doc.url ?? null,
          file: doc.file,
          sha256: createHash('sha256').update(documentText).digest('hex'),
          text: documentText,
          translation: doc.translation,
          aliasNames: doc.titleTranslation ? [doc.titleTranslation] : [],
          aliasLanguages: doc.titleTranslation ? ['en'] : [],
        },
        dates: { date: doc.date },
        dateTimes: {},
        evidenceIds: [],
      });
      if (doc.publisher) {
        if (!doc.publisherEvidence?.length)
          throw new SeedError(file, 'document.publisherEvidence', 'the publisher needs evidence');
        relationship(
          'document.publisher',
          'PUBLISHED',
          doc.publisher,
          doc.slug,
          { role: 'publisher' },
          doc.publisherEvidence,
        );
      }
    }

    data.entities.forEach((e, i) => {
      const node = entityNode(
        e,
        evidence(`entities[${i}] (${e.slug})`, `entity:${e.slug}`, e.evidence),
      );
      plan.nodes.push(node);
      // An entity introduced by a document is mentioned by it, with the same quotes as evidence.
      const stated = plan.evidence
        .filter((ev) => node.evidenceIds.includes(ev.id) && ev.kind === 'STATED')
        .map((ev) => ev.id);
      if (doc && stated.length > 0) {
        plan.relationships.push({
          type: 'MENTIONS',
          fromId: docId!,
          toId: node.id,
          role: null,
          startDate: null,
          endDate: null,
          evidenceIds: stated,
        });
      }
    });

    data.mentions.forEach((m, i) => {
      if (!doc)
        throw new SeedError(file, `mentions[${i}]`, 'mentions need a document in the same file');
      relationship(`mentions[${i}] (${m.entity})`, 'MENTIONS', doc.slug, m.entity, {}, [
        { quote: m.quote, translation: m.translation },
      ]);
    });

    data.relationships.forEach((r, i) =>
      relationship(
        `relationships[${i}] (${r.type} ${r.from} -> ${r.to})`,
        r.type,
        r.from,
        r.to,
        r,
        r.evidence,
      ),
    );

    const interaction = (
      label: InteractionLabel,
      index: number,
      item: { slug: string; summary: string; date?: string; evidence: EvidenceInput[] },
      props: Record<string, unknown>,
      links: {
        type: InteractionLinkType;
        slugs: string[];
        outgoing: boolean;
        field: string;
      }[],
    ): void => {
      const record = `${label.toLowerCase()}s[${index}] (${item.slug})`;
      const seenIn = interactionSlugs.get(`${label}:${item.slug}`);
      if (seenIn)
        throw new SeedError(
          file,
          record,
          `slug "${item.slug}" is already used by a ${label} in ${seenIn}`,
        );
      interactionSlugs.set(`${label}:${item.slug}`, file);
      const evidenceIds = evidence(record, `${label}:${item.slug}`, item.evidence);
      const parties = links.flatMap((l) =>
        l.slugs.map((s, j) => {
          const argument = `${l.field}${l.slugs.length > 1 ? `[${j}]` : ''}`;
          return {
            type: l.type,
            outgoing: l.outgoing,
            entityId: ref(`${record}.${argument}`, s, INTERACTION_PARTIES[l.type]).id,
            argument,
          };
        }),
      );
      // The API's rule: one entity is not, e.g., both the inviter and an invitee.
      const clash = partyClash(parties);
      if (clash) throw new SeedError(file, record, clash.message);
      plan.interactions.push({
        id: stableId(label, item.slug),
        label,
        slug: item.slug,
        props: { summary: item.summary, ...props },
        date: item.date ?? null,
        evidenceIds,
        links: parties.map(({ type, outgoing, entityId }) => ({ type, outgoing, entityId })),
      });
    };
    const opt = (slug: string | undefined): string[] => (slug ? [slug] : []);

    data.invitations.forEach((inv, i) =>
      interaction('Invitation', i, inv, { inviteeNote: inv.inviteeNote ?? null }, [
        {
          type: 'EXTENDED',
          slugs: [inv.inviter],
          outgoing: false,
          field: 'inviter',
        },
        {
          type: 'INVITES',
          slugs: inv.invitees,
          outgoing: true,
          field: 'invitees',
        },
        {
          type: 'TO',
          slugs: [inv.target],
          outgoing: true,
          field: 'target',
        },
        {
          type: 'ON_BEHALF_OF',
          slugs: opt(inv.onBehalfOf),
          outgoing: true,
          field: 'onBehalfOf',
        },
      ]),
    );
    data.presentations.forEach((p, i) =>
      interaction('Presentation', i, p, {}, [
        {
          type: 'GAVE',
          slugs: p.presenters,
          outgoing: false,
          field: 'presenters',
        },
        { type: 'AT', slugs: opt(p.event), outgoing: true, field: 'event' },
        { type: 'ABOUT', slugs: p.subjects, outgoing: true, field: 'subjects' },
        {
          type: 'ON_BEHALF_OF',
          slugs: opt(p.onBehalfOf),
          outgoing: true,
          field: 'onBehalfOf',
        },
      ]),
    );
    data.proposals.forEach((p, i) =>
      interaction('Proposal', i, p, {}, [
        {
          type: 'PUT_FORWARD',
          slugs: p.proposers,
          outgoing: false,
          field: 'proposers',
        },
        { type: 'AT', slugs: opt(p.event), outgoing: true, field: 'event' },
        { type: 'ABOUT', slugs: p.subjects, outgoing: true, field: 'subjects' },
      ]),
    );
    data.questions.forEach((q, i) =>
      interaction('Question', i, q, { answer: q.answer ?? null }, [
        { type: 'ASKED', slugs: q.askers, outgoing: false, field: 'askers' },
        { type: 'AT', slugs: opt(q.event), outgoing: true, field: 'event' },
        { type: 'ABOUT', slugs: q.subjects, outgoing: true, field: 'subjects' },
      ]),
    );
    return plan;
  });
}

function entityNode(e: EntityInput, evidenceIds: string[]): NodeRecord {
  const { type, slug, aliases, evidence: _evidence, ...rest } = e;
  const props: Record<string, unknown> = {
    aliasNames: aliases.map((a) => a.name),
    aliasLanguages: aliases.map((a) => a.language ?? ''),
  };
  const dates: Record<string, string | null> = {};
  const dateTimes: Record<string, string | null> = {};
  for (const [key, value] of Object.entries(rest)) {
    if ((DATE_FIELDS as readonly string[]).includes(key)) dates[key] = value as string;
    else if ((DATE_TIME_FIELDS as readonly string[]).includes(key))
      dateTimes[key] = value as string;
    else props[key] = value ?? null;
  }
  props.description ??= null;
  return { id: stableId(type, slug), label: type, slug, props, dates, dateTimes, evidenceIds };
}
