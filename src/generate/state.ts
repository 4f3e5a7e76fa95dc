/**
 * The generator's working state, shared by its phases (places, actors, activities, evidence,
 * interactions): the records built so far, per-entity facts kept in typed arrays, the pools that
 * pick link targets, and the few primitives every phase uses: adding a node, naming it, opening
 * an evidence batch and adding a relationship once with its shared evidence.
 */
import type { EvidenceRecord } from '../modules/evidence/evidence.repository';
import type { InteractionRecord, NodeRecord, RelationshipRecord } from '../seed/plan';
import { stableId } from '../shared/ids';
import {
  ENTITY_LABELS,
  RELATIONSHIP_TYPES,
  type EntityLabel,
  type RelationshipType,
} from '../shared/model';
import { slugify } from './language';
import { CountryPool, Pool, Random } from './random';
import {
  COUNTRIES,
  RELATION_INTROS,
  type CountryDef,
  type Lang,
  type Names,
  type QuoteLang,
} from './vocabulary';

export interface City {
  node: number;
  country: number;
  en: string;
  names: Names;
  fiGen: string;
  etGen: string;
  zone: string;
}

export interface Batch {
  evidence: EvidenceRecord;
  ids: string[];
  lang: QuoteLang;
  doc: number;
  /** Entity indexes to name in the quote: pairs for relationships, singles otherwise. */
  shown: number[];
  size: number;
}

/** A shared Evidence node whose list sentence is written once all its facts are known. */
export interface Pending {
  batch: Batch;
  kind: 'pairs' | 'names';
  intro: [string, string, string, string];
}

export const LABEL_INDEX = new Map<EntityLabel, number>(ENTITY_LABELS.map((l, i) => [l, i]));
export const TYPE_INDEX = new Map<RelationshipType, number>(
  RELATIONSHIP_TYPES.map((t, i) => [t, i]),
);

export class GeneratorState {
  readonly rng: Random;
  readonly nodes: NodeRecord[] = [];
  readonly relationships: RelationshipRecord[] = [];
  readonly interactions: InteractionRecord[] = [];
  readonly evidence: EvidenceRecord[] = [];

  // Per entity, by index into `nodes` (typed arrays: a 2-million-node graph stays compact).
  readonly labelOf: Uint8Array;
  readonly countryOf: Int8Array;
  readonly cityOf: Int32Array;
  readonly sectorOf: Uint8Array;

  readonly countries: CountryDef[];
  readonly countryNodes: number[] = [];
  readonly cities: City[] = [];
  readonly cityByNode = new Map<number, City>();
  readonly cityPool: CountryPool;
  readonly topicPool = new Pool(0.4);
  readonly orgPool: CountryPool;
  readonly groupPool: CountryPool;
  readonly fundPool: CountryPool;
  readonly personPool: CountryPool;
  readonly eventPool: CountryPool;
  readonly projectPool: CountryPool;
  readonly publications: number[] = [];
  readonly documents: number[] = [];
  readonly docLang: QuoteLang[] = [];
  readonly docQuotes: number[][] = [];
  readonly awards: number[] = [];
  readonly events: number[] = [];
  readonly projects: number[] = [];
  readonly people: number[] = [];
  readonly orgs: number[] = [];

  readonly eventStart = new Map<number, number>();
  readonly eventTopic = new Map<number, number>();
  readonly eventParticipants = new Map<number, number[]>();
  readonly eventOrganiser = new Map<number, number>();
  readonly affiliation = new Map<number, number>();
  readonly projectYears = new Map<number, [number, number]>();
  /** Sessions and their parent events, linked once events are done. */
  readonly partOf: [number, number][] = [];

  readonly seen: Set<number>[] = RELATIONSHIP_TYPES.map(() => new Set<number>());
  readonly open = new Map<RelationshipType, Batch>();
  readonly pending: Pending[] = [];
  readonly batchSize = 40;

  constructor(
    total: number,
    readonly seed: number,
    places: number,
  ) {
    this.rng = new Random(seed);
    // Entities are fewer than `total` (interactions are part of it).
    this.labelOf = new Uint8Array(total);
    this.countryOf = new Int8Array(total).fill(-1);
    this.cityOf = new Int32Array(total).fill(-1);
    this.sectorOf = new Uint8Array(total);
    const countryCount = Math.min(COUNTRIES.length, Math.max(1, Math.floor(places / 3)));
    this.countries = COUNTRIES.slice(0, countryCount);
    const n = this.countries.length;
    this.cityPool = new CountryPool(n, 0.2);
    this.orgPool = new CountryPool(n, 0.2);
    this.groupPool = new CountryPool(n, 0.3);
    this.fundPool = new CountryPool(n, 0.3);
    this.personPool = new CountryPool(n, 0.35);
    this.eventPool = new CountryPool(n, 0.2);
    this.projectPool = new CountryPool(n, 0.3);
  }

  addNode(
    label: EntityLabel,
    name: string,
    aliases: [string, string][],
    description: string | null,
    extra: Record<string, unknown> = {},
    dates: Record<string, string | null> = {},
    dateTimes: Record<string, string | null> = {},
    country = -1,
  ): number {
    const i = this.nodes.length;
    // Aliases equal to the name, or repeated, say nothing.
    const names: string[] = [];
    const langs: string[] = [];
    for (const [alias, lang] of aliases) {
      if (alias === name || names.includes(alias)) continue;
      names.push(alias);
      langs.push(lang);
    }
    this.nodes.push({
      id: stableId(`generated-${label}`, `${this.seed}:${i}`),
      label,
      slug: `g${this.seed}-${slugify(name) || label.toLowerCase()}-${i}`,
      props: { name, description, aliasNames: names, aliasLanguages: langs, ...extra },
      dates,
      dateTimes,
      evidenceIds: [],
    });
    this.labelOf[i] = LABEL_INDEX.get(label)!;
    this.countryOf[i] = country;
    return i;
  }

  name(i: number): string {
    return this.nodes[i]!.props.name as string;
  }

  /** The entity's name in a language (its alias there), else its main name. */
  nameIn(i: number, lang: QuoteLang | 'en'): string {
    if (lang === 'en') return this.name(i);
    const props = this.nodes[i]!.props;
    const langs = props.aliasLanguages as string[];
    const at = langs.indexOf(lang);
    return at >= 0 ? (props.aliasNames as string[])[at]! : this.name(i);
  }

  pickCountry(): number {
    return this.rng.weighted(this.countries.map((c) => c.weight));
  }

  pickCity(c: number): City {
    const node = this.cityPool.pick(this.rng, c, 0);
    return this.cityByNode.get(node)!;
  }

  cityName(city: City, lang: Lang): string {
    return city.names[lang] ?? city.en;
  }

  /** A new Evidence node quoting a document (a random one unless given). */
  newBatch(doc?: number): Batch {
    const d = doc ?? this.rng.int(0, this.documents.length - 1);
    const lang = this.docLang[d]!;
    const k = this.evidence.length;
    const evidence: EvidenceRecord = {
      id: stableId('generated-Evidence', `${this.seed}:${k}`),
      kind: 'STATED',
      confidence: 'STATED',
      documentId: this.nodes[this.documents[d]!]!.id,
      quote: null,
      language: lang,
      translation: null,
      url: null,
      note: null,
      assertedBy: null,
    };
    this.evidence.push(evidence);
    this.docQuotes[d]!.push(k);
    return { evidence, ids: [evidence.id], lang, doc: d, shown: [], size: 0 };
  }

  /** Adds `from -type-> to` once; false when it exists already (or would be a loop). */
  link(
    type: RelationshipType,
    from: number,
    to: number,
    role: string | null = null,
    startDate: string | null = null,
    endDate: string | null = null,
  ): boolean {
    if (from < 0 || to < 0 || from === to) return false;
    const t = TYPE_INDEX.get(type)!;
    const seen = this.seen[t]!;
    const key = from * this.nodes.length + to;
    if (seen.has(key)) return false;
    if (type === 'COLLABORATES_WITH' && seen.has(to * this.nodes.length + from)) return false;
    seen.add(key);
    let batch = this.open.get(type);
    if (!batch || batch.size >= this.batchSize) {
      batch = this.newBatch();
      this.open.set(type, batch);
      this.pending.push({ batch, kind: 'pairs', intro: RELATION_INTROS[type] });
    }
    if (batch.shown.length < 8) batch.shown.push(from, to);
    batch.size += 1;
    this.relationships.push({
      type,
      fromId: this.nodes[from]!.id,
      toId: this.nodes[to]!.id,
      role,
      startDate,
      endDate,
      evidenceIds: batch.ids,
    });
    return true;
  }

  about(from: number): void {
    const t = this.topicPool.pick(this.rng);
    if (this.link('ABOUT', from, t)) this.topicPool.hit(t);
  }

  participated(actor: number, event: number): void {
    this.eventPool.hit(event, this.countryOf[event]!);
    let list = this.eventParticipants.get(event);
    if (!list) {
      list = [];
      this.eventParticipants.set(event, list);
    }
    list.push(actor);
  }
}
