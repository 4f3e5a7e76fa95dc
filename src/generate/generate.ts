/**
 * Deterministic synthetic graph generator behind `npm run generate`: a realistic cross-border
 * cluster-collaboration graph of any size, built from (nodes, seed) alone, in exactly the record
 * shapes the seed writer stores (NodeRecord, RelationshipRecord, InteractionRecord, evidence).
 *
 * Pure: no I/O, no clock, no Math.random. The only randomness is pure-rand's xoroshiro128+
 * seeded with `seed`, and every collection is walked in insertion order, so the same input gives
 * byte-identical output (JSON.stringify of two runs is equal).
 *
 * Shape of the graph: countries and cities with their names in several languages; organisations
 * and people tied to a country, mostly linking within it; targets chosen by preferential
 * attachment (a node is picked in proportion to the links it already has), which gives the
 * heavy-tailed degrees of real collaboration networks. Evidence is shared by batches of facts of
 * one type (a list sentence naming the first few), so a million relationships need only a few
 * tens of thousands of Evidence nodes; every quote is a verbatim part of its Document's text.
 */
import { createHash } from 'node:crypto';
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';
import type { EvidenceRecord } from '../modules/evidence/evidence.repository';
import type { InteractionRecord, NodeRecord, RelationshipRecord } from '../seed/plan';
import { stableId } from '../shared/ids';
import {
  ENTITY_LABELS,
  RELATIONSHIP_TYPES,
  type EntityLabel,
  type InteractionLabel,
  type InteractionLinkType,
  type RelationshipType,
} from '../shared/model';

export interface GenerateOptions {
  /** Entities (documents included) plus interaction nodes; evidence comes on top. */
  nodes: number;
  /** 0 .. 2^31-1; the same seed gives the same graph. */
  seed: number;
}

export interface GeneratedGraph {
  seed: number;
  /** Entities (label Entity plus one of ENTITY_LABELS), documents included. */
  nodes: NodeRecord[];
  /** Entity -> entity relationships (every type of RELATIONSHIP_RULES). */
  relationships: RelationshipRecord[];
  /** Invitation, Presentation, Proposal and Question nodes with their links. */
  interactions: InteractionRecord[];
  /** STATED evidence, each quoting its Document (documentId). */
  evidence: EvidenceRecord[];
}

export const MIN_NODES = 10;
export const MAX_NODES = 2_000_000;
export const MAX_SEED = 2_147_483_647;

// ---------------------------------------------------------------------------------------------
// Randomness: one generator per run, wrapped in the few draws the generator needs.

class Random {
  private readonly g: RandomGenerator;
  constructor(seed: number) {
    this.g = xoroshiro128plus(seed);
    // xoroshiro's first outputs follow the seed closely; a jump decorrelates nearby seeds.
    (this.g as RandomGenerator & { jump(): void }).jump();
  }
  int(min: number, max: number): number {
    return uniformInt(this.g, min, max);
  }
  float(): number {
    return uniformFloat64(this.g);
  }
  chance(p: number): boolean {
    return this.float() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(0, items.length - 1)]!;
  }
  /** Index drawn in proportion to weights. */
  weighted(weights: readonly number[]): number {
    let total = 0;
    for (const w of weights) total += w;
    let x = this.float() * total;
    for (let i = 0; i < weights.length; i++) {
      x -= weights[i]!;
      if (x < 0) return i;
    }
    return weights.length - 1;
  }
  /** A whole number with the given mean and an exponential tail. */
  count(mean: number): number {
    return Math.floor(-mean * Math.log(1 - this.float()) + 0.5);
  }
  /** Pareto factor with mean 1: most nodes are quiet, a few very active. */
  activity(alpha = 2.2): number {
    return (1 - this.float()) ** (-1 / alpha) * ((alpha - 1) / alpha);
  }
}

/**
 * Preferential attachment: `items` are the candidates, `hits` holds one entry per link a
 * candidate already has, so picking from hits favours the well connected. A share of uniform
 * picks keeps newcomers reachable.
 */
class Pool {
  readonly items: number[] = [];
  private readonly hits: number[] = [];
  constructor(private readonly uniformShare = 0.3) {}
  add(x: number, weight = 0): void {
    this.items.push(x);
    for (let k = 0; k < weight; k++) this.hits.push(x);
  }
  pick(rng: Random): number {
    if (this.items.length === 0) return -1;
    if (this.hits.length === 0 || rng.float() < this.uniformShare)
      return this.items[rng.int(0, this.items.length - 1)]!;
    return this.hits[rng.int(0, this.hits.length - 1)]!;
  }
  hit(x: number): void {
    this.hits.push(x);
  }
}

/** A pool per country plus a global one; picks stay home unless `cross` says otherwise. */
class CountryPool {
  readonly all: Pool;
  readonly byCountry: Pool[];
  constructor(countries: number, uniformShare = 0.3) {
    this.all = new Pool(uniformShare);
    this.byCountry = Array.from({ length: countries }, () => new Pool(uniformShare));
  }
  add(x: number, country: number, weight = 0): void {
    this.all.add(x, weight);
    this.byCountry[country]!.add(x, weight);
  }
  pick(rng: Random, country: number, cross: number): number {
    const home = this.byCountry[country];
    if (home && home.items.length > 0 && !rng.chance(cross)) return home.pick(rng);
    return this.all.pick(rng);
  }
  hit(x: number, country: number): void {
    this.all.hit(x);
    this.byCountry[country]?.hit(x);
  }
}

// ---------------------------------------------------------------------------------------------
// Vocabulary. Names are real where the place is real; everything else is composed from parts in
// the language of its country, with the diacritics those languages use (ä ö õ ü š ž å).

type Lang = 'en' | 'fi' | 'et' | 'ru' | 'sv' | 'de' | 'es';
type Names = Partial<Record<Lang, string>>;

interface CountryDef {
  code: string;
  en: string;
  lang: Exclude<Lang, 'en'>;
  names: Names;
  weight: number;
  zone: string;
}

const COUNTRIES: readonly CountryDef[] = [
  {
    code: 'FI',
    en: 'Finland',
    lang: 'fi',
    names: { fi: 'Suomi', et: 'Soome', ru: 'Финляндия', sv: 'Finland' },
    weight: 28,
    zone: 'Europe/Helsinki',
  },
  {
    code: 'RU',
    en: 'Russia',
    lang: 'ru',
    names: { ru: 'Россия', fi: 'Venäjä', et: 'Venemaa' },
    weight: 25,
    zone: 'Europe/Moscow',
  },
  {
    code: 'EE',
    en: 'Estonia',
    lang: 'et',
    names: { et: 'Eesti', fi: 'Viro', ru: 'Эстония' },
    weight: 22,
    zone: 'Europe/Tallinn',
  },
  {
    code: 'ES',
    en: 'Spain',
    lang: 'es',
    names: { es: 'España', fi: 'Espanja', et: 'Hispaania', ru: 'Испания' },
    weight: 10,
    zone: 'Europe/Madrid',
  },
  {
    code: 'SE',
    en: 'Sweden',
    lang: 'sv',
    names: { sv: 'Sverige', fi: 'Ruotsi', et: 'Rootsi', ru: 'Швеция' },
    weight: 8,
    zone: 'Europe/Stockholm',
  },
  {
    code: 'DE',
    en: 'Germany',
    lang: 'de',
    names: { de: 'Deutschland', fi: 'Saksa', et: 'Saksamaa', ru: 'Германия' },
    weight: 7,
    zone: 'Europe/Berlin',
  },
];

/** [English name, names by language, Finnish genitive, Estonian genitive, zone if not the country's]. */
type CityDef = [string, Names, string, string?, string?];

const CITIES: Record<string, readonly CityDef[]> = {
  FI: [
    ['Helsinki', { sv: 'Helsingfors', et: 'Helsingi', ru: 'Хельсинки' }, 'Helsingin', 'Helsingi'],
    ['Tampere', { sv: 'Tammerfors', ru: 'Тампере' }, 'Tampereen'],
    ['Turku', { sv: 'Åbo', et: 'Turu', ru: 'Турку' }, 'Turun', 'Turu'],
    ['Espoo', { sv: 'Esbo', ru: 'Эспоо' }, 'Espoon'],
    ['Oulu', { sv: 'Uleåborg', ru: 'Оулу' }, 'Oulun'],
    ['Lappeenranta', { sv: 'Villmanstrand', ru: 'Лаппеэнранта' }, 'Lappeenrannan'],
    ['Lahti', { sv: 'Lahtis', ru: 'Лахти' }, 'Lahden'],
    ['Jyväskylä', { ru: 'Ювяскюля' }, 'Jyväskylän'],
    ['Kuopio', { ru: 'Куопио' }, 'Kuopion'],
    ['Vaasa', { sv: 'Vasa', ru: 'Вааса' }, 'Vaasan'],
    ['Kotka', { ru: 'Котка' }, 'Kotkan'],
    ['Joensuu', { ru: 'Йоэнсуу' }, 'Joensuun'],
    ['Hämeenlinna', { sv: 'Tavastehus', ru: 'Хямеэнлинна' }, 'Hämeenlinnan'],
    ['Seinäjoki', { ru: 'Сейнайоки' }, 'Seinäjoen'],
    ['Rovaniemi', { ru: 'Рованиеми' }, 'Rovaniemen'],
    ['Mikkeli', { sv: 'S:t Michel', ru: 'Миккели' }, 'Mikkelin'],
  ],
  RU: [
    [
      'St Petersburg',
      { ru: 'Санкт-Петербург', fi: 'Pietari', et: 'Peterburi', sv: 'Sankt Petersburg' },
      'Pietarin',
      'Peterburi',
    ],
    ['Moscow', { ru: 'Москва', fi: 'Moskova', et: 'Moskva', de: 'Moskau' }, 'Moskovan', 'Moskva'],
    ['Vyborg', { ru: 'Выборг', fi: 'Viipuri', et: 'Viiburi', sv: 'Viborg' }, 'Viipurin', 'Viiburi'],
    ['Petrozavodsk', { ru: 'Петрозаводск', fi: 'Petroskoi', et: 'Petroskoi' }, 'Petroskoin'],
    ['Veliky Novgorod', { ru: 'Великий Новгород', fi: 'Novgorod' }, 'Novgorodin', 'Novgorodi'],
    ['Pskov', { ru: 'Псков', fi: 'Pihkova', et: 'Pihkva' }, 'Pihkovan', 'Pihkva'],
    ['Murmansk', { ru: 'Мурманск' }, 'Murmanskin', 'Murmanski'],
    ['Kaliningrad', { ru: 'Калининград' }, 'Kaliningradin', 'Kaliningradi', 'Europe/Kaliningrad'],
    ['Kazan', { ru: 'Казань', et: 'Kaasan' }, 'Kazanin', 'Kaasani'],
    [
      'Yekaterinburg',
      { ru: 'Екатеринбург', fi: 'Jekaterinburg', et: 'Jekaterinburg' },
      'Jekaterinburgin',
      'Jekaterinburgi',
      'Asia/Yekaterinburg',
    ],
    ['Arkhangelsk', { ru: 'Архангельск', fi: 'Arkangeli', et: 'Arhangelsk' }, 'Arkangelin'],
    ['Kostomuksha', { ru: 'Костомукша', fi: 'Kostamus', et: 'Kostomukša' }, 'Kostamuksen'],
    ['Sortavala', { ru: 'Сортавала' }, 'Sortavalan'],
    [
      'Ivangorod',
      { ru: 'Ивангород', fi: 'Iivananlinna', et: 'Jaanilinn' },
      'Iivananlinnan',
      'Jaanilinna',
    ],
    ['Novosibirsk', { ru: 'Новосибирск' }, 'Novosibirskin', 'Novosibirski', 'Asia/Novosibirsk'],
  ],
  EE: [
    ['Tallinn', { fi: 'Tallinna', ru: 'Таллин' }, 'Tallinnan', 'Tallinna'],
    ['Tartu', { fi: 'Tartto', ru: 'Тарту', de: 'Dorpat' }, 'Tarton'],
    ['Narva', { ru: 'Нарва' }, 'Narvan'],
    ['Pärnu', { ru: 'Пярну' }, 'Pärnun'],
    ['Kohtla-Järve', { ru: 'Кохтла-Ярве' }, 'Kohtla-Järven'],
    ['Viljandi', { ru: 'Вильянди' }, 'Viljandin'],
    ['Rakvere', { ru: 'Раквере' }, 'Rakveren'],
    ['Maardu', { ru: 'Маарду' }, 'Maardun'],
    ['Kuressaare', { ru: 'Курессааре' }, 'Kuressaaren'],
    ['Sillamäe', { ru: 'Силламяэ' }, 'Sillamäen'],
    ['Võru', { ru: 'Выру' }, 'Võrun'],
    ['Jõhvi', { ru: 'Йыхви' }, 'Jõhvin'],
    ['Haapsalu', { sv: 'Hapsal', ru: 'Хаапсалу' }, 'Haapsalun'],
  ],
  ES: [
    ['Madrid', { ru: 'Мадрид' }, 'Madridin', 'Madridi'],
    ['Barcelona', { ru: 'Барселона' }, 'Barcelonan'],
    ['Bilbao', { ru: 'Бильбао' }, 'Bilbaon'],
    ['Valencia', { ru: 'Валенсия' }, 'Valencian'],
    ['Seville', { es: 'Sevilla', fi: 'Sevilla', et: 'Sevilla', ru: 'Севилья' }, 'Sevillan'],
    ['Málaga', { ru: 'Малага' }, 'Málagan'],
    ['Zaragoza', { ru: 'Сарагоса' }, 'Zaragozan'],
    ['San Sebastián', { ru: 'Сан-Себастьян' }, 'San Sebastiánin', 'San Sebastiáni'],
    ['A Coruña', { ru: 'Ла-Корунья' }, 'A Coruñan'],
    ['Córdoba', { ru: 'Кордова' }, 'Córdoban'],
    ['Gijón', { ru: 'Хихон' }, 'Gijónin', 'Gijóni'],
    ['Pamplona', { ru: 'Памплона' }, 'Pamplonan'],
  ],
  SE: [
    ['Stockholm', { fi: 'Tukholma', ru: 'Стокгольм' }, 'Tukholman', 'Stockholmi'],
    [
      'Gothenburg',
      { sv: 'Göteborg', fi: 'Göteborg', et: 'Göteborg', ru: 'Гётеборг' },
      'Göteborgin',
    ],
    ['Malmö', { ru: 'Мальмё' }, 'Malmön'],
    ['Uppsala', { fi: 'Upsala', ru: 'Уппсала' }, 'Upsalan'],
    ['Umeå', { fi: 'Uumaja', ru: 'Умео' }, 'Uumajan'],
    ['Luleå', { fi: 'Luulaja', ru: 'Лулео' }, 'Luulajan'],
    ['Västerås', { ru: 'Вестерос' }, 'Västeråsin', 'Västeråsi'],
    ['Örebro', { ru: 'Эребру' }, 'Örebron'],
    ['Linköping', { ru: 'Линчёпинг' }, 'Linköpingin', 'Linköpingi'],
    ['Haparanda', { fi: 'Haaparanta', ru: 'Хапаранда' }, 'Haaparannan'],
  ],
  DE: [
    ['Berlin', { fi: 'Berliini', et: 'Berliin', ru: 'Берлин' }, 'Berliinin', 'Berliini'],
    ['Hamburg', { fi: 'Hampuri', ru: 'Гамбург' }, 'Hampurin', 'Hamburgi'],
    ['Munich', { de: 'München', fi: 'München', et: 'München', ru: 'Мюнхен' }, 'Münchenin'],
    ['Cologne', { de: 'Köln', fi: 'Köln', et: 'Köln', ru: 'Кёльн' }, 'Kölnin', 'Kölni'],
    ['Lübeck', { fi: 'Lyypekki', ru: 'Любек' }, 'Lyypekin', 'Lübecki'],
    ['Düsseldorf', { ru: 'Дюссельдорф' }, 'Düsseldorfin', 'Düsseldorfi'],
    ['Dresden', { ru: 'Дрезден' }, 'Dresdenin', 'Dresdeni'],
    ['Leipzig', { ru: 'Лейпциг' }, 'Leipzigin', 'Leipzigi'],
    ['Rostock', { ru: 'Росток' }, 'Rostockin', 'Rostocki'],
  ],
};

/** Splits a list written as one string: "a|b|c". Keeps the vocabulary tables compact. */
const list = (text: string): readonly string[] => text.split('|');

/** Parts of invented town names, in the country's language: prefixes, then suffix:Finnish-genitive. */
const TOWN_PARTS: Record<string, [readonly string[], readonly (readonly [string, string?])[]]> = {
  FI: [
    list('Kivi|Koski|Mänty|Koivu|Kuusi|Haapa|Paju|Ylä|Ala|Vähä|Iso'),
    list(
      'lahti:lahden|joki:joen|järvi:järven|mäki:mäen|salmi:salmen|niemi:niemen|vaara:vaaran|kylä:kylän|harju:harjun|saari:saaren',
    ).map((pair) => pair.split(':') as [string, string]),
  ],
  RU: [
    list('Ново|Старо|Красно|Бело|Верхне|Нижне|Светло|Лесо'),
    list('озёрск|горск|речинск|сосновск|полянск|борск|град|ключинск').map((x) => [x]),
  ],
  EE: [
    list('Kivi|Järve|Metsa|Kase|Männi|Lepa|Vana|Kõrve|Põllu|Ülem'),
    list('küla|vere|mäe|jõe|pää|saare|oja|nõmme').map((x) => [x]),
  ],
  ES: [
    list('Villanueva|San Martín|Torre|Puebla|Castillo|Fuente|Santa María|Valle'),
    list(' del Río| de la Sierra| de Arriba| del Mar| de los Ángeles| del Campo| del Monte').map(
      (x) => [x],
    ),
  ],
  SE: [
    list('Björk|Gran|Sjö|Ek|Lind|Ål|Häll|Strand|Öst|Väst'),
    list('by|torp|vik|sund|holm|ås|hamn|berga').map((x) => [x]),
  ],
  DE: [
    list('Ober|Unter|Neu|Alt|Groß|Klein|Nieder|Hoch'),
    list('dorf|hausen|feld|bach|burg|heim|stadt|brück').map((x) => [x]),
  ],
};

/** Fields of work: English, Finnish compound stem, Estonian (nominative, genitive), Russian, Swedish, German, Spanish. */
interface Sector {
  en: string;
  fi: string;
  etNom: string;
  et: string;
  ru: string;
  sv: string;
  de: string;
  es: string;
}
/** One sector from "en|fi stem|et nominative|et genitive|ru|sv|de|es". */
function sector(fields: string): Sector {
  const [en, fi, etNom, et, ru, sv, de, es] = fields.split('|') as [
    string,
    string,
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  return { en, fi, etNom, et, ru, sv, de, es };
}

const SECTORS: readonly Sector[] = [
  sector(
    'Circular Economy|kiertotalous|ringmajandus|ringmajanduse|Циркулярная экономика|cirkulär ekonomi|Kreislaufwirtschaft|Economía Circular',
  ),
  sector(
    'Cleantech|cleantech-|puhastehnoloogia|puhastehnoloogia|Чистые технологии|miljöteknik|Umwelttechnik|Tecnologías Limpias',
  ),
  sector(
    'Water Technology|vesiteknologia|veetehnoloogia|veetehnoloogia|Водные технологии|vattenteknik|Wassertechnik|Tecnologías del Agua',
  ),
  sector(
    'Bioeconomy|biotalous|biomajandus|biomajanduse|Биоэкономика|bioekonomi|Bioökonomie|Bioeconomía',
  ),
  sector(
    'Renewable Energy|uusiutuvan energian |taastuvenergia|taastuvenergia|Возобновляемая энергетика|förnybar energi|Erneuerbare Energien|Energías Renovables',
  ),
  sector(
    'Energy Efficiency|energiatehokkuus|energiatõhusus|energiatõhususe|Энергоэффективность|energieffektivitet|Energieeffizienz|Eficiencia Energética',
  ),
  sector(
    'Smart City|älykaupunki|tark linn|targa linna|Умный город|smarta städer|Smart City|Ciudades Inteligentes',
  ),
  sector('Hydrogen|vety|vesinik|vesiniku|Водородная энергетика|vätgas|Wasserstoff|Hidrógeno'),
  sector(
    'Waste Management|jätehuolto|jäätmekäitlus|jäätmekäitluse|Обращение с отходами|avfallshantering|Abfallwirtschaft|Gestión de Residuos',
  ),
  sector(
    'Urban Environment|kaupunkiympäristö|linnakeskkond|linnakeskkonna|Городская среда|stadsmiljö|Stadtumwelt|Medio Ambiente Urbano',
  ),
  sector(
    'Forest Industry|metsäteollisuus|metsatööstus|metsatööstuse|Лесная промышленность|skogsindustri|Forstwirtschaft|Industria Forestal',
  ),
  sector(
    'Industrial Symbiosis|teollisen symbioosin |tööstussümbioos|tööstussümbioosi|Промышленный симбиоз|industriell symbios|Industrielle Symbiose|Simbiosis Industrial',
  ),
];

type OrgKind =
  | 'FUND'
  | 'RESEARCH_CENTRE'
  | 'INCUBATOR'
  | 'TECHNOPARK'
  | 'CLUSTER'
  | 'ASSOCIATION'
  | 'COMPETENCE_CENTRE'
  | 'EXPERT_GROUP'
  | 'COMPANY'
  | 'COMPANY_GROUP'
  | 'PUBLIC_BODY'
  | 'UNIVERSITY'
  | 'OTHER';

/** A word in every language, from "en|fi|et|ru|sv|de|es". */
function words(fields: string): Record<Lang, string> {
  const [en, fi, et, ru, sv, de, es] = fields.split('|') as [
    string,
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  return { en, fi, et, ru, sv, de, es };
}

/** Organisation kinds named "<city> <sector> <kind word>", with their words per language. */
const KIND_WORDS: Partial<Record<OrgKind, Record<Lang, string>>> = {
  CLUSTER: words('Cluster|klusteri|klaster|Кластер|Kluster|Cluster|Clúster'),
  RESEARCH_CENTRE: words(
    'Research Centre|tutkimuskeskus|teaduskeskus|Научный центр|Forskningscentrum|Forschungszentrum|Centro de Investigación',
  ),
  INCUBATOR: words(
    'Business Incubator|yrityshautomo|äriinkubaator|Бизнес-инкубатор|Företagsinkubator|Gründerzentrum|Incubadora',
  ),
  TECHNOPARK: words(
    'Technopark|teknologiapuisto|tehnopark|Технопарк|Teknikpark|Technologiepark|Parque Tecnológico',
  ),
  FUND: words(
    'Innovation Fund|innovaatiorahasto|innovatsioonifond|Фонд инноваций|Innovationsfond|Innovationsfonds|Fondo de Innovación',
  ),
  ASSOCIATION: words('Association|yhdistys|ühing|Ассоциация|Förening|Verband|Asociación'),
  COMPETENCE_CENTRE: words(
    'Competence Centre|osaamiskeskus|kompetentsikeskus|Компетенционный центр|Kompetenscentrum|Kompetenzzentrum|Centro de Competencia',
  ),
  EXPERT_GROUP: words(
    'Expert Group|asiantuntijaryhmä|ekspertrühm|Экспертная группа|Expertgrupp|Expertengruppe|Grupo de Expertos',
  ),
  PUBLIC_BODY: words('Agency|virasto|amet|Агентство|Myndighet|Agentur|Agencia'),
  OTHER: words('Centre|keskus|keskus|Центр|Centrum|Zentrum|Centro'),
};

const ORG_KIND_WEIGHTS: readonly [OrgKind, number][] = [
  ['COMPANY', 30],
  ['CLUSTER', 12],
  ['RESEARCH_CENTRE', 8],
  ['ASSOCIATION', 8],
  ['PUBLIC_BODY', 7],
  ['INCUBATOR', 6],
  ['UNIVERSITY', 5],
  ['FUND', 5],
  ['COMPETENCE_CENTRE', 5],
  ['TECHNOPARK', 4],
  ['EXPERT_GROUP', 3],
  ['COMPANY_GROUP', 3],
  ['OTHER', 4],
];

/** Company names: [prefixes, suffixes, legal forms] per country (Russian ones in Cyrillic). */
const COMPANY_PARTS: Record<string, [readonly string[], readonly string[], readonly string[]]> = {
  FI: [
    list('Eko|Bio|Puhdas|Kierto|Vesi|Metsä|Aurinko|Tuuli|Järvi|Lämpö|Sisu'),
    list('vesi|virta|kierto|tekniikka|energia|materiaali|metalli|kuitu|voima'),
    list('Oy|Oy|Oyj'),
  ],
  RU: [
    list('Эко|Био|Нева|Ладога|Балт|Север|Гидро|Энерго|Жил|Чисто'),
    list('тех|ресурс|сервис|инвест|проект|строй|вод|пласт|шлак|щит'),
    list('ООО|АО'),
  ],
  EE: [
    list('Öko|Puhas|Ring|Vee|Metsa|Päikese|Tuule|Järve|Kivi|Põhja'),
    list('tehnika|energia|lahendused|materjal|vesi|kiud|metall|jõud'),
    list('OÜ|OÜ|AS'),
  ],
  ES: [
    list('Eco|Verde|Agua|Sol|Viento|Tierra|Mar|Norte|Ría'),
    list(' Tec| Energía| Reciclaje| Soluciones| Materiales| Ingeniería'),
    list('S.L.|S.A.'),
  ],
  SE: [
    list('Grön|Ren|Kretslopp|Vatten|Skog|Sol|Vind|Norr|Älv|Sjö'),
    list('teknik|energi|återvinning|material|lösningar|kraft'),
    list('AB'),
  ],
  DE: [
    list('Öko|Grün|Kreis|Wasser|Wald|Sonnen|Wind|Nord|Rhein|Elb'),
    list('technik|energie|werk|stoffe|lösungen|kraft'),
    list('GmbH|GmbH|AG'),
  ],
};

/** Person names per country: [female first, male first, surnames (male form)]; Russian in Cyrillic. */
const PERSON_NAMES: Record<string, [readonly string[], readonly string[], readonly string[]]> = {
  FI: [
    list('Päivi|Tiina|Sari|Minna|Kirsi|Hanna|Riikka|Sanna|Liisa|Elina|Mervi|Säde'),
    list('Jari|Juha|Mikko|Timo|Matti|Pekka|Jukka|Antti|Jyrki|Väinö|Eero|Pääkkö'),
    list(
      'Mäkelä|Virtanen|Korhonen|Nieminen|Hämäläinen|Heikkinen|Järvinen|Räsänen|Kärkkäinen|Pöyhönen|' +
        'Söderström|Åberg|Väisänen|Kääriäinen|Hyvönen|Jääskeläinen|Lindqvist|Ylä-Anttila',
    ),
  ],
  RU: [
    list('Елена|Ольга|Наталья|Татьяна|Анна|Мария|Ирина|Светлана|Юлия|Ксения|Дарья'),
    list('Александр|Сергей|Дмитрий|Андрей|Алексей|Максим|Михаил|Юрий|Олег|Евгений|Игорь'),
    list(
      'Иванов|Смирнов|Кузнецов|Соколов|Лебедев|Козлов|Морозов|Волков|Белов|Жуков|Щербаков|Крылов|' +
        'Чернышёв|Журавлёв|Баланев|Леонтьев|Цветков|Фёдоров|Рыбаков|Зайцев',
    ),
  ],
  EE: [
    list('Margit|Mari|Kadri|Triin|Piret|Ülle|Kärt|Liina|Tiiu|Pille|Reet'),
    list('Tõnu|Jüri|Mart|Rein|Andres|Peeter|Priit|Tõnis|Ülo|Märt|Indrek'),
    list(
      'Rüütelmann|Tamm|Saar|Sepp|Mägi|Kask|Kukk|Põld|Rebane|Ilves|Pärn|Kõiv|Lõhmus|Jõgi|Nõmm|Külm|' +
        'Sõber|Õunapuu',
    ),
  ],
  ES: [
    list('María|Lucía|Sofía|Inés|Begoña|Núria|Ainhoa|Marta|Carmen|Raquel'),
    list('José|Jesús|Ángel|Iñaki|Raúl|Andrés|Martín|Álvaro|Javier|Óscar'),
    list(
      'García|Fernández|González|Rodríguez|López|Martínez|Sánchez|Pérez|Muñoz|Jiménez|Ibáñez|Núñez|' +
        'Echeverría|Larrañaga',
    ),
  ],
  SE: [
    list('Åsa|Märta|Linnéa|Maja|Karin|Ingrid|Sofia|Elin|Astrid'),
    list('Björn|Göran|Håkan|Jörgen|Sören|Erik|Lars|Nils|Olof'),
    list('Öberg|Åström|Lindström|Bäckström|Sjöberg|Ekström|Nyström|Holmgren|Wåhlin'),
  ],
  DE: [
    list('Käthe|Anke|Sabine|Jana|Ute|Jördis|Heike|Lena|Brigitte'),
    list('Jürgen|Jörg|Günter|Uwe|Lukas|Matthias|Klaus|Stefan|Björn'),
    list('Müller|Schröder|Bäcker|Groß|Köhler|Weiß|Krüger|Schäfer|Böhm|Hoffmann'),
  ],
};

const TOPICS: readonly [string, string, string, string][] = [
  ['Circular economy', 'kiertotalous', 'ringmajandus', 'циркулярная экономика'],
  ['Cleantech', 'cleantech', 'puhastehnoloogia', 'чистые технологии'],
  ['Industrial symbiosis', 'teollinen symbioosi', 'tööstussümbioos', 'промышленный симбиоз'],
  ['Bioeconomy', 'biotalous', 'biomajandus', 'биоэкономика'],
  ['Water treatment', 'vedenpuhdistus', 'veepuhastus', 'водоочистка'],
  ['Waste management', 'jätehuolto', 'jäätmekäitlus', 'обращение с отходами'],
  ['Renewable energy', 'uusiutuva energia', 'taastuvenergia', 'возобновляемая энергетика'],
  ['Energy efficiency', 'energiatehokkuus', 'energiatõhusus', 'энергоэффективность'],
  ['Smart cities', 'älykkäät kaupungit', 'targad linnad', 'умные города'],
  ['Hydrogen economy', 'vetytalous', 'vesinikumajandus', 'водородная экономика'],
  ['Plastics recycling', 'muovien kierrätys', 'plastide ringlussevõtt', 'переработка пластика'],
  ['Urban environment', 'kaupunkiympäristö', 'linnakeskkond', 'городская среда'],
  [
    'Sustainable construction',
    'kestävä rakentaminen',
    'kestlik ehitus',
    'устойчивое строительство',
  ],
  ['Textile recycling', 'tekstiilien kierrätys', 'tekstiilide ringlus', 'переработка текстиля'],
  ['Food waste', 'ruokahävikki', 'toidujäätmed', 'пищевые отходы'],
  ['Battery materials', 'akkumateriaalit', 'akumaterjalid', 'материалы для аккумуляторов'],
  ['Air quality', 'ilmanlaatu', 'õhukvaliteet', 'качество воздуха'],
  [
    'Digitalisation of industry',
    'teollisuuden digitalisaatio',
    'tööstuse digitaliseerimine',
    'цифровизация промышленности',
  ],
  [
    'Carbon capture',
    'hiilidioksidin talteenotto',
    'süsinikdioksiidi püüdmine',
    'улавливание углерода',
  ],
  ['Phosphorus recovery', 'fosforin talteenotto', 'fosfori taaskasutus', 'извлечение фосфора'],
  ['Sludge treatment', 'lietteenkäsittely', 'mudatöötlus', 'обработка осадка'],
  [
    'Green public procurement',
    'vihreät julkiset hankinnat',
    'keskkonnahoidlikud riigihanked',
    'зелёные государственные закупки',
  ],
  [
    'Circular business models',
    'kiertotalouden liiketoimintamallit',
    'ringmajanduse ärimudelid',
    'циркулярные бизнес-модели',
  ],
  ['Environmental education', 'ympäristökasvatus', 'keskkonnaharidus', 'экологическое просвещение'],
  [
    'Cross-border cooperation',
    'rajat ylittävä yhteistyö',
    'piiriülene koostöö',
    'приграничное сотрудничество',
  ],
];
const TOPIC_FIELDS: readonly [string, string, string, string][] = [
  ['in construction', 'rakentamisessa', 'ehituses', 'в строительстве'],
  [
    'in the food industry',
    'elintarviketeollisuudessa',
    'toiduainetööstuses',
    'в пищевой промышленности',
  ],
  ['in mining', 'kaivosteollisuudessa', 'kaevandustööstuses', 'в горнодобывающей промышленности'],
  ['in shipping', 'merenkulussa', 'laevanduses', 'в судоходстве'],
  ['in municipalities', 'kunnissa', 'omavalitsustes', 'в муниципалитетах'],
  ['in SMEs', 'pk-yrityksissä', 'väikeettevõtetes', 'в малом и среднем бизнесе'],
  ['in agriculture', 'maataloudessa', 'põllumajanduses', 'в сельском хозяйстве'],
  [
    'in the chemical industry',
    'kemianteollisuudessa',
    'keemiatööstuses',
    'в химической промышленности',
  ],
  ['in housing', 'asumisessa', 'elamumajanduses', 'в жилищном хозяйстве'],
  ['in tourism', 'matkailussa', 'turismis', 'в туризме'],
  ['in logistics', 'logistiikassa', 'logistikas', 'в логистике'],
  ['in the energy sector', 'energia-alalla', 'energeetikas', 'в энергетике'],
];
const TOPIC_ASPECTS: readonly [string, string, string, string][] = [
  ['financing', 'rahoitus', 'rahastamine', 'финансирование'],
  ['policy', 'politiikka', 'poliitika', 'политика'],
  ['standards', 'standardit', 'standardid', 'стандарты'],
  ['pilots', 'pilotit', 'pilootprojektid', 'пилотные проекты'],
  ['education', 'koulutus', 'koolitus', 'обучение'],
  ['research', 'tutkimus', 'teadustöö', 'исследования'],
];

type EventKind =
  | 'MEETING'
  | 'FORUM'
  | 'CONFERENCE'
  | 'SESSION'
  | 'WORKING_GROUP'
  | 'AWARD_CEREMONY'
  | 'SERIES'
  | 'OTHER';
const EVENT_KIND_WEIGHTS: readonly [EventKind, number][] = [
  ['MEETING', 30],
  ['FORUM', 14],
  ['CONFERENCE', 14],
  ['SESSION', 16],
  ['WORKING_GROUP', 10],
  ['AWARD_CEREMONY', 4],
  ['SERIES', 5],
  ['OTHER', 7],
];
/** Event kind words: [en, fi (compounds with the sector), et, ru, sv, de, es]. */
const EVENT_WORDS: Record<EventKind, Record<Lang, string>> = {
  MEETING: words('Meeting|tapaaminen|kohtumine|Встреча|Möte|Treffen|Encuentro'),
  FORUM: words('Forum|foorumi|foorum|Форум|Forum|Forum|Foro'),
  CONFERENCE: words('Conference|konferenssi|konverents|Конференция|Konferens|Konferenz|Congreso'),
  SESSION: words('Session|sessio|sessioon|Секция|Session|Sitzung|Sesión'),
  WORKING_GROUP: words(
    'Working Group|työryhmä|töörühm|Рабочая группа|Arbetsgrupp|Arbeitsgruppe|Grupo de Trabajo',
  ),
  AWARD_CEREMONY: words(
    'Awards|palkintogaala|auhinnagala|Церемония награждения|Prisutdelning|Preisverleihung|Premios',
  ),
  SERIES: words(
    'Breakfast Series|aamiaissarja|hommikusöökide sari|Цикл встреч|Frukostserie|Frühstücksreihe|Ciclo de Desayunos',
  ),
  OTHER: words('Day|päivä|päev|День|Dag|Tag|Jornada'),
};

type PublicationKind =
  'REPORT' | 'CONCEPT' | 'VIDEO' | 'DOCUMENTATION' | 'PHOTO' | 'PROGRAMME' | 'OTHER';
const PUBLICATION_KIND_WEIGHTS: readonly [PublicationKind, number][] = [
  ['REPORT', 30],
  ['CONCEPT', 10],
  ['VIDEO', 10],
  ['DOCUMENTATION', 15],
  ['PHOTO', 15],
  ['PROGRAMME', 10],
  ['OTHER', 10],
];

const PROGRAMMES = list(
  'Interreg Baltic Sea Region|Interreg Central Baltic|Interreg Estonia–Russia|South-East Finland–Russia CBC|' +
    'Karelia CBC|Kolarctic CBC|Horizon 2020|Horizon Europe|LIFE|Erasmus+|Interreg Europe|Nordic Council of Ministers',
);
const REGIONS: readonly [string, string, string, string][] = [
  ['the Baltic Sea Region', 'Itämeren alue', 'Läänemere piirkond', 'Балтийский регион'],
  ['the Gulf of Finland', 'Suomenlahti', 'Soome laht', 'Финский залив'],
  ['the Barents Region', 'Barentsin alue', 'Barentsi piirkond', 'Баренцев регион'],
  ['Karelia', 'Karjala', 'Karjala', 'Карелия'],
  ['the Lake Peipus area', 'Peipsijärven alue', 'Peipsi järve piirkond', 'Чудское озеро'],
  ['the Nordic countries', 'Pohjoismaat', 'Põhjamaad', 'Северные страны'],
  ['Southern Europe', 'Etelä-Eurooppa', 'Lõuna-Euroopa', 'Южная Европа'],
];
const ACRONYM_HEADS = list('CIRC|ECO|GREEN|BALT|NORD|AQUA|BIO|URB|SYM|HYDRO|LOOP|CLEAN|SMART|RE');
const ACRONYM_TAILS = list('-BSR|-NET|-LAB|-HUB|UP|-FIN|-EST|-RUS|PULT|LINK|2030|WAYS');

const PERSON_ROLES = list(
  'expert|project manager|researcher|director|coordinator|CEO|advisor|analyst|engineer|' +
    'executive manager|chair of the board|board member',
);
const COLLABORATION_ROLES = list(
  'partner|memorandum of understanding|joint project|wish to collaborate',
);

/** The source languages of documents and quotes. */
type QuoteLang = 'fi' | 'et' | 'ru';
const DOC_LANGS: readonly QuoteLang[] = ['fi', 'et', 'ru'];
const DOC_LANG_WEIGHTS = [45, 30, 25];

/** List sentences for evidence shared by a batch of facts: [fi, et, ru, en] intro, then "and others". */
const RELATION_INTROS: Record<RelationshipType, [string, string, string, string]> = {
  AFFILIATED_WITH: [
    'Organisaatioiden edustajat',
    'Organisatsioonide esindajad',
    'Представители организаций',
    'Representatives of organisations',
  ],
  PART_OF: [
    'Kokonaisuuksien osat',
    'Üksuste koosseis',
    'Состав подразделений',
    'Parts and what they belong to',
  ],
  ORGANISED: [
    'Tapahtumien järjestäjät',
    'Ürituste korraldajad',
    'Организаторы мероприятий',
    'Organisers of the events',
  ],
  PARTICIPATED_IN: [
    'Tapahtumiin osallistuneet',
    'Üritustel osalenud',
    'Участники мероприятий',
    'Participants in the events',
  ],
  HELD_IN: ['Tapahtumapaikat', 'Toimumiskohad', 'Места проведения', 'Venues'],
  BASED_IN: ['Kotipaikat', 'Asukohad', 'Местонахождение', 'Where they are based'],
  WORKS_ON: [
    'Hankkeiden kumppanit',
    'Projektide partnerid',
    'Партнёры проектов',
    'Project partners',
  ],
  PUBLISHED: [
    'Julkaisijat ja julkaisut',
    'Väljaandjad ja väljaanded',
    'Издатели и публикации',
    'Publishers and publications',
  ],
  ABOUT: ['Käsitellyt aiheet', 'Käsitletud teemad', 'Рассмотренные темы', 'Subjects dealt with'],
  COLLABORATES_WITH: [
    'Yhteistyökumppanit',
    'Koostööpartnerid',
    'Партнёры по сотрудничеству',
    'Partners working together',
  ],
  RECEIVED: ['Palkitut', 'Auhinnatud', 'Лауреаты', 'Award winners'],
  AWARDED_AT: [
    'Palkintojenjakotilaisuudet',
    'Auhinnatseremooniad',
    'Церемонии вручения',
    'Award ceremonies',
  ],
  AUDIENCE_FROM: [
    'Osallistujien kotiseudut',
    'Osalejate päritolu',
    'Откуда приехали участники',
    'Where the participants came from',
  ],
  MENTIONS: [
    'Tekstissä mainitaan',
    'Tekstis mainitakse',
    'В тексте упоминаются',
    'The text mentions',
  ],
};
const ENTITY_INTROS: Record<EntityLabel, [string, string, string, string]> = {
  Person: [
    'Mukana olivat muun muassa',
    'Kohal olid teiste hulgas',
    'Среди присутствовавших',
    'Those present included',
  ],
  Organisation: [
    'Kumppaneina ovat muun muassa',
    'Partnerite hulgas on',
    'Среди партнёров',
    'The partners include',
  ],
  Event: [
    'Tapahtumakalenterissa ovat',
    'Ürituste kalendris on',
    'В календаре мероприятий',
    'The events calendar lists',
  ],
  Project: [
    'Hankkeita ovat muun muassa',
    'Projektide hulgas on',
    'Среди проектов',
    'The projects include',
  ],
  Publication: [
    'Julkaisuja ovat muun muassa',
    'Väljaannete hulgas on',
    'Среди публикаций',
    'The publications include',
  ],
  Place: [
    'Toiminta-alueeseen kuuluvat',
    'Tegevuspiirkonda kuuluvad',
    'В регион деятельности входят',
    'The area of operation includes',
  ],
  Topic: [
    'Keskustelun aiheina olivat',
    'Arutelu teemad olid',
    'Темы обсуждения',
    'The topics of discussion were',
  ],
  Award: [
    'Jaettuja palkintoja ovat',
    'Välja antud auhinnad on',
    'Вручённые премии',
    'The awards given include',
  ],
  Document: [
    'Lähteinä mainitaan',
    'Allikatena on nimetatud',
    'В качестве источников названы',
    'The sources named are',
  ],
};
const AND_OTHERS: Record<QuoteLang | 'en', string> = {
  fi: 'ym.',
  et: 'jt',
  ru: 'и др.',
  en: 'and others',
};

// ---------------------------------------------------------------------------------------------
// Small text helpers.

const CYRILLIC: Record<string, [string, string, string]> = {
  // [English, Finnish (SFS 4900), Estonian] for each lower-case letter.
  а: ['a', 'a', 'a'],
  б: ['b', 'b', 'b'],
  в: ['v', 'v', 'v'],
  г: ['g', 'g', 'g'],
  д: ['d', 'd', 'd'],
  е: ['e', 'e', 'e'],
  ё: ['yo', 'jo', 'jo'],
  ж: ['zh', 'ž', 'ž'],
  з: ['z', 'z', 'z'],
  и: ['i', 'i', 'i'],
  й: ['y', 'i', 'i'],
  к: ['k', 'k', 'k'],
  л: ['l', 'l', 'l'],
  м: ['m', 'm', 'm'],
  н: ['n', 'n', 'n'],
  о: ['o', 'o', 'o'],
  п: ['p', 'p', 'p'],
  р: ['r', 'r', 'r'],
  с: ['s', 's', 's'],
  т: ['t', 't', 't'],
  у: ['u', 'u', 'u'],
  ф: ['f', 'f', 'f'],
  х: ['kh', 'h', 'h'],
  ц: ['ts', 'ts', 'ts'],
  ч: ['ch', 'tš', 'tš'],
  ш: ['sh', 'š', 'š'],
  щ: ['shch', 'štš', 'štš'],
  ъ: ['', '', ''],
  ы: ['y', 'y', 'õ'],
  ь: ['', '', ''],
  э: ['e', 'e', 'e'],
  ю: ['yu', 'ju', 'ju'],
  я: ['ya', 'ja', 'ja'],
};
const VOWELS = 'аеёиоуыэюяaeiouy';

/** Russian Cyrillic in Latin letters: English (zh, sh), Finnish or Estonian (ž, š, tš; Estonian õ for ы). */
export function transliterate(text: string, to: 'en' | 'fi' | 'et'): string {
  const column = to === 'en' ? 0 : to === 'fi' ? 1 : 2;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    const lower = ch.toLowerCase();
    const row = CYRILLIC[lower];
    if (!row) {
      out += ch;
      continue;
    }
    const prev = (text[i - 1] ?? ' ').toLowerCase();
    const next = (text[i + 1] ?? ' ').toLowerCase();
    let latin = row[column];
    const atStart = !/\p{L}/u.test(prev);
    if (to !== 'en') {
      // Finnish and Estonian write е as je at the start and after a vowel or ь, ё as o after the
      // hushing consonants, and -ий at the end of a name as -i.
      if (lower === 'е' && (atStart || VOWELS.includes(prev) || prev === 'ь' || prev === 'ъ'))
        latin = 'je';
      // я, ю, е, ё carry their own j (ья -> ja, йя -> ija); before the other vowels й/ь say j.
      if ((lower === 'й' || lower === 'ь') && 'аоуыэи'.includes(next)) latin = 'j';
      if (lower === 'ё' && 'жчшщ'.includes(prev)) latin = 'o';
      if (lower === 'и' && next === 'й' && !/\p{L}/u.test(text[i + 2] ?? ' ')) latin = 'i';
      if (lower === 'й' && prev === 'и' && !/\p{L}/u.test(next)) latin = '';
    }
    if (ch !== lower && latin.length > 0) latin = latin[0]!.toUpperCase() + latin.slice(1);
    out += latin;
  }
  return out;
}

const FOLD: Record<string, string> = { ß: 'ss', ø: 'o', æ: 'ae', œ: 'oe', đ: 'd', ł: 'l' };

/** Lower-case ASCII slug: diacritics folded (ä -> a, ß -> ss), everything else a single dash. */
export function slugify(text: string): string {
  const folded = text
    .toLowerCase()
    .replace(/[ßøæœđł]/g, (c) => FOLD[c] ?? c)
    .normalize('NFD')
    .replace(/\p{M}/gu, '');
  return folded
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
}

/** ASCII rendering of a Latin name (the form foreign sources often print). */
function ascii(text: string): string {
  return text
    .replace(/[ßøæœđł]/g, (c) => FOLD[c] ?? c)
    .normalize('NFD')
    .replace(/\p{M}/gu, '');
}

const capitalise = (s: string): string => (s.length === 0 ? s : s[0]!.toUpperCase() + s.slice(1));
const lowerFirst = (s: string): string => (s.length === 0 ? s : s[0]!.toLowerCase() + s.slice(1));
const pad = (n: number): string => String(n).padStart(2, '0');
const endsWithVowel = (s: string): boolean => /[aeiouyäöüõåáéíóú]$/i.test(s);

/**
 * Finnish compound of a sector stem and a word: "kiertotalous" + "klusteri", "cleantech-" +
 * "foorumi"; the same vowel on both sides of the seam takes a hyphen ("jätehuolto-osaamiskeskus").
 */
const fiCompound = (stem: string, word: string): string =>
  /[aeiouyäö]$/.test(stem) && stem.slice(-1) === word[0] ? `${stem}-${word}` : `${stem}${word}`;

/** Russian female surname from the male form. */
function ruFemale(surname: string): string {
  if (/(ов|ев|ёв|ин|ын)$/.test(surname)) return `${surname}а`;
  if (/ский$/.test(surname)) return surname.replace(/ский$/, 'ская');
  if (/ой$/.test(surname)) return surname.replace(/ой$/, 'ая');
  return surname;
}

const MONTHS = list(
  'January|February|March|April|May|June|July|August|September|October|November|December',
);

/** Day number since 1970-01-01 <-> ISO date, in UTC arithmetic so no local clock is involved. */
const DAY_MS = 86_400_000;
const isoDay = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);
const dayOf = (y: number, m: number, d: number): number => Date.UTC(y, m - 1, d) / DAY_MS;
const FIRST_DAY = dayOf(2015, 1, 1);
const LAST_DAY = dayOf(2025, 12, 31);

const offsetFormats = new Map<string, Intl.DateTimeFormat>();
/** UTC offset ("+03:00") in force in `zone` at a local date and time (never at a DST gap: events run by day). */
function offsetAt(zone: string, isoDate: string, hour: number, minute: number): string {
  let format = offsetFormats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' });
    offsetFormats.set(zone, format);
  }
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const local = Date.UTC(y, m - 1, d, hour, minute);
  const read = (instant: number): number => {
    const name = format.formatToParts(new Date(instant)).find((p) => p.type === 'timeZoneName');
    const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name?.value ?? '');
    if (!match) return 0;
    return (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3]));
  };
  // The offset at the instant the local time denotes: guess with the local time read as UTC, then refine.
  const minutes = read(local - read(local) * 60_000);
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

function zoned(zone: string, isoDate: string, hour: number, minute: number): string {
  return `${isoDate}T${pad(hour)}:${pad(minute)}:00${offsetAt(zone, isoDate, hour, minute)}[${zone}]`;
}

// ---------------------------------------------------------------------------------------------
// The generator.

interface City {
  node: number;
  country: number;
  en: string;
  names: Names;
  fiGen: string;
  etGen: string;
  zone: string;
}

interface Batch {
  evidence: EvidenceRecord;
  ids: string[];
  lang: QuoteLang;
  doc: number;
  /** Entity indexes to name in the quote: pairs for relationships, singles otherwise. */
  shown: number[];
  size: number;
}

/** A shared Evidence node whose list sentence is written once all its facts are known. */
interface Pending {
  batch: Batch;
  kind: 'pairs' | 'names';
  intro: [string, string, string, string];
}

const LABEL_INDEX = new Map<EntityLabel, number>(ENTITY_LABELS.map((l, i) => [l, i]));
const TYPE_INDEX = new Map<RelationshipType, number>(RELATIONSHIP_TYPES.map((t, i) => [t, i]));
const QUOTE_COLUMN: Record<QuoteLang, 0 | 1 | 2> = { fi: 0, et: 1, ru: 2 };

/** Entity counts by label, from the requested total (interactions ~5% of it). */
export function plannedCounts(
  nodes: number,
): { interactions: number } & Record<EntityLabel, number> {
  const interactions = Math.floor(nodes * 0.05);
  const entities = nodes - interactions;
  const share = (p: number, min = 0): number => Math.max(min, Math.floor(entities * p));
  const counts = {
    interactions,
    // Small graphs still get a few countries with cities, and a handful of topics.
    Place: Math.max(share(0.01, 2), Math.min(24, Math.floor(entities / 20))),
    Topic: Math.max(share(0.01, 1), Math.min(12, Math.floor(entities / 40))),
    Document: share(0.015, 1),
    Award: share(0.005),
    Organisation: share(0.2, 2),
    Event: share(0.15, 1),
    Project: share(0.08),
    Publication: share(0.06),
    Person: 0,
  };
  counts.Person =
    entities -
    counts.Place -
    counts.Topic -
    counts.Document -
    counts.Award -
    counts.Organisation -
    counts.Event -
    counts.Project -
    counts.Publication;
  return counts;
}

class Generator {
  private readonly rng: Random;
  readonly nodes: NodeRecord[] = [];
  readonly relationships: RelationshipRecord[] = [];
  readonly interactions: InteractionRecord[] = [];
  readonly evidence: EvidenceRecord[] = [];

  // Per entity, by index into `nodes` (typed arrays: a 2-million-node graph stays compact).
  private readonly labelOf: Uint8Array;
  private readonly countryOf: Int8Array;
  private readonly cityOf: Int32Array;
  private readonly sectorOf: Uint8Array;

  private readonly countries: CountryDef[];
  private readonly countryNodes: number[] = [];
  private readonly cities: City[] = [];
  private readonly cityByNode = new Map<number, City>();
  private readonly cityPool: CountryPool;
  private readonly topicPool = new Pool(0.4);
  private readonly orgPool: CountryPool;
  private readonly groupPool: CountryPool;
  private readonly fundPool: CountryPool;
  private readonly personPool: CountryPool;
  private readonly eventPool: CountryPool;
  private readonly projectPool: CountryPool;
  private readonly publications: number[] = [];
  private readonly documents: number[] = [];
  private readonly docLang: QuoteLang[] = [];
  private readonly docQuotes: number[][] = [];
  private readonly awards: number[] = [];
  private readonly events: number[] = [];
  private readonly projects: number[] = [];
  private readonly people: number[] = [];
  private readonly orgs: number[] = [];

  private readonly eventStart = new Map<number, number>();
  private readonly eventTopic = new Map<number, number>();
  private readonly eventParticipants = new Map<number, number[]>();
  private readonly eventOrganiser = new Map<number, number>();
  private readonly affiliation = new Map<number, number>();
  private readonly projectYears = new Map<number, [number, number]>();
  /** Sessions and their parent events, linked once events are done. */
  private readonly partOf: [number, number][] = [];

  private readonly seen: Set<number>[] = RELATIONSHIP_TYPES.map(() => new Set<number>());
  private readonly open = new Map<RelationshipType, Batch>();
  private readonly pending: Pending[] = [];
  private readonly batchSize = 40;

  constructor(
    private readonly total: number,
    private readonly seed: number,
  ) {
    this.rng = new Random(seed);
    // Entities are fewer than `total` (interactions are part of it).
    this.labelOf = new Uint8Array(total);
    this.countryOf = new Int8Array(total).fill(-1);
    this.cityOf = new Int32Array(total).fill(-1);
    this.sectorOf = new Uint8Array(total);
    const counts = plannedCounts(total);
    const countryCount = Math.min(COUNTRIES.length, Math.max(1, Math.floor(counts.Place / 3)));
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

  run(): GeneratedGraph {
    const counts = plannedCounts(this.total);
    this.makeDocuments(counts.Document);
    this.makePlaces(counts.Place);
    this.makeTopics(counts.Topic);
    this.makeOrganisations(counts.Organisation);
    this.makePeople(counts.Person);
    this.makeProjects(counts.Project);
    this.makeEvents(counts.Event);
    this.makePublications(counts.Publication);
    this.makeAwards(counts.Award);
    this.entityEvidence();

    this.linkPlaces();
    this.linkOrganisations();
    this.linkPeople();
    this.linkProjects();
    this.linkEvents();
    this.linkPublications();
    this.linkAwards();
    this.linkDocuments();
    this.makeInteractions(counts.interactions);

    this.finishEvidence();
    return {
      seed: this.seed,
      nodes: this.nodes,
      relationships: this.relationships,
      interactions: this.interactions,
      evidence: this.evidence,
    };
  }

  // --- entities ------------------------------------------------------------------------------

  private addNode(
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

  private name(i: number): string {
    return this.nodes[i]!.props.name as string;
  }

  /** The entity's name in a language (its alias there), else its main name. */
  private nameIn(i: number, lang: QuoteLang | 'en'): string {
    if (lang === 'en') return this.name(i);
    const props = this.nodes[i]!.props;
    const langs = props.aliasLanguages as string[];
    const at = langs.indexOf(lang);
    return at >= 0 ? (props.aliasNames as string[])[at]! : this.name(i);
  }

  private pickCountry(): number {
    return this.rng.weighted(this.countries.map((c) => c.weight));
  }

  private makeDocuments(count: number): void {
    for (let k = 0; k < count; k++) {
      const lang = DOC_LANGS[this.rng.weighted(DOC_LANG_WEIGHTS)]!;
      const day = this.rng.int(FIRST_DAY, LAST_DAY);
      const date = isoDay(day);
      const [y, m, d] = date.split('-');
      const dmy = `${Number(d)}.${Number(m)}.${y}`;
      const ddmmy = `${d}.${m}.${y}`;
      const longDate = `${Number(d)} ${MONTHS[Number(m) - 1]} ${y}`;
      const issue = `${this.rng.int(1, 12)}/${y}`;
      const templates: Record<QuoteLang, [string, string][]> = {
        fi: [
          [`Kuvakollaasi ${dmy}`, `Photo collage, ${longDate}`],
          [`Uutiskirje ${issue}`, `Newsletter ${issue}`],
          [`Tapaamisen muistio ${dmy}`, `Minutes of the meeting, ${longDate}`],
          [`Tiedote ${dmy}`, `Press release, ${longDate}`],
          [`Vuosikertomus ${y}`, `Annual report ${y}`],
        ],
        et: [
          [`Fotokollaaž ${ddmmy}`, `Photo collage, ${longDate}`],
          [`Uudiskiri ${issue}`, `Newsletter ${issue}`],
          [`Koosoleku protokoll ${ddmmy}`, `Minutes of the meeting, ${longDate}`],
          [`Pressiteade ${ddmmy}`, `Press release, ${longDate}`],
          [`Aastaaruanne ${y}`, `Annual report ${y}`],
        ],
        ru: [
          [`Фотоотчёт ${ddmmy}`, `Photo report, ${longDate}`],
          [`Информационный бюллетень ${issue}`, `Newsletter ${issue}`],
          [`Протокол встречи ${ddmmy}`, `Minutes of the meeting, ${longDate}`],
          [`Пресс-релиз ${ddmmy}`, `Press release, ${longDate}`],
          [`Годовой отчёт ${y}`, `Annual report ${y}`],
        ],
      };
      const [title, titleTranslation] = this.rng.pick(templates[lang]);
      const i = this.addNode(
        'Document',
        title,
        [[titleTranslation, 'en']],
        `Generated source document in ${lang === 'fi' ? 'Finnish' : lang === 'et' ? 'Estonian' : 'Russian'}, ${longDate}.`,
        {
          title,
          titleTranslation,
          language: lang,
          url: `https://example.org/generated/${this.seed}/documents/${k + 1}`,
          file: null,
          // text, translation and sha256 are filled in once every quote is known (finishEvidence).
          text: '',
          translation: '',
          sha256: '',
        },
        { date },
      );
      this.documents.push(i);
      this.docLang.push(lang);
      this.docQuotes.push([]);
    }
  }

  private makePlaces(count: number): void {
    const n = this.countries.length;
    for (let c = 0; c < n; c++) {
      const def = this.countries[c]!;
      const names = Object.entries(def.names).map(
        ([lang, value]) => [value, lang] as [string, string],
      );
      const i = this.addNode(
        'Place',
        def.en,
        names,
        `${def.en}, a country in Europe.`,
        { kind: 'COUNTRY', country: def.code },
        {},
        {},
        c,
      );
      this.countryNodes.push(i);
    }
    // Real cities first, round robin by country so small graphs still span borders; then towns.
    const cityTarget = count - n;
    const real: [number, CityDef][] = [];
    const longest = Math.max(...this.countries.map((c) => CITIES[c.code]!.length));
    for (let k = 0; k < longest; k++)
      for (let c = 0; c < n; c++) {
        const def = CITIES[this.countries[c]!.code]![k];
        if (def) real.push([c, def]);
      }
    for (let k = 0; k < cityTarget; k++) {
      if (k < real.length) {
        const [c, [en, names, fiGen, etGen, zone]] = real[k]!;
        const country = this.countries[c]!;
        const local = names[country.lang] ?? en;
        const allNames: Names = { ...names, [country.lang]: local };
        const rank = Math.floor(k / n);
        this.addCity(
          c,
          en,
          allNames,
          fiGen,
          etGen ?? this.etGenitive(allNames.et ?? local),
          zone ?? country.zone,
          'CITY',
          Math.max(2, 40 - rank * 4),
        );
      } else {
        this.addTown(this.pickCountry());
      }
    }
  }

  private etGenitive(name: string): string {
    return endsWithVowel(name) ? name : `${name}i`;
  }

  private addTown(c: number): void {
    const country = this.countries[c]!;
    const [heads, tails] = TOWN_PARTS[country.code]!;
    const head = this.rng.pick(heads);
    const [tail, tailGen] = this.rng.pick(tails);
    const local = capitalise(`${head}${tail}`);
    const names: Names = { [country.lang]: local };
    let en = local;
    if (country.code === 'RU') {
      en = transliterate(local, 'en');
      names.fi = transliterate(local, 'fi');
      names.et = transliterate(local, 'et');
    }
    const fiName = names.fi ?? local;
    const fiGen =
      country.code === 'FI' && tailGen
        ? `${head}${tailGen}`
        : endsWithVowel(fiName)
          ? `${fiName}n`
          : `${fiName}in`;
    this.addCity(c, en, names, fiGen, this.etGenitive(names.et ?? local), country.zone, 'TOWN', 0);
  }

  private addCity(
    c: number,
    en: string,
    names: Names,
    fiGen: string,
    etGen: string,
    zone: string,
    kind: 'CITY' | 'TOWN',
    weight: number,
  ): void {
    const country = this.countries[c]!;
    const aliases = Object.entries(names).map(([lang, value]) => [value, lang] as [string, string]);
    const i = this.addNode(
      'Place',
      en,
      aliases,
      `${kind === 'CITY' ? 'City' : 'Town'} in ${country.en}.`,
      { kind, country: country.code },
      {},
      {},
      c,
    );
    const city: City = { node: i, country: c, en, names, fiGen, etGen, zone };
    this.cities.push(city);
    this.cityByNode.set(i, city);
    this.cityOf[i] = i;
    // Real cities start with weight, so capitals draw most organisations and events.
    this.cityPool.add(i, c, weight);
  }

  private makeTopics(count: number): void {
    const base = TOPICS.length;
    const combos = base * TOPIC_FIELDS.length;
    for (let k = 0; k < count; k++) {
      let parts: [string, string, string, string];
      if (k < base) parts = TOPICS[k]!;
      else {
        const j = (k - base) % (combos * (TOPIC_ASPECTS.length + 1));
        const round = Math.floor((k - base) / (combos * (TOPIC_ASPECTS.length + 1)));
        const t = TOPICS[j % base]!;
        const f = TOPIC_FIELDS[Math.floor(j / base) % TOPIC_FIELDS.length]!;
        const aspectIndex = Math.floor(j / combos);
        const a = aspectIndex > 0 ? TOPIC_ASPECTS[aspectIndex - 1] : undefined;
        const more = round > 0 ? ` (${round + 1})` : '';
        const join = (x: number, sep: string): string =>
          `${t[x]} ${f[x]}${a ? `${sep}${a[x]}` : ''}${more}`;
        parts = [join(0, ': '), join(1, ' – '), join(2, ' – '), join(3, ' — ')];
      }
      const [en, fi, et, ru] = parts;
      const i = this.addNode(
        'Topic',
        en,
        [
          [fi, 'fi'],
          [et, 'et'],
          [ru, 'ru'],
        ],
        `A subject of cross-border cluster cooperation: ${lowerFirst(en)}.`,
      );
      // The classic subjects are the hubs from the start.
      this.topicPool.add(i, k < base ? Math.max(1, 12 - k) : 0);
    }
  }

  private pickCity(c: number): City {
    const node = this.cityPool.pick(this.rng, c, 0);
    return this.cityByNode.get(node)!;
  }

  private cityName(city: City, lang: Lang): string {
    return city.names[lang] ?? city.en;
  }

  private makeOrganisations(count: number): void {
    const kinds = ORG_KIND_WEIGHTS.map(([k]) => k);
    const weights = ORG_KIND_WEIGHTS.map(([, w]) => w);
    for (let k = 0; k < count; k++) {
      const c = this.pickCountry();
      const country = this.countries[c]!;
      const city = this.pickCity(c);
      // The first few are clusters, so even a tiny graph has something to be a member of.
      const kind = k < 2 ? 'CLUSTER' : kinds[this.rng.weighted(weights)]!;
      const s = this.rng.int(0, SECTORS.length - 1);
      const sec = SECTORS[s]!;
      const { name, aliases } = this.organisationName(kind, country, city, sec);
      const foundedYear = this.rng.int(1990, 2022);
      const kindText = kind.toLowerCase().replace(/_/g, ' ');
      const i = this.addNode(
        'Organisation',
        name,
        aliases,
        `${capitalise(kindText)} in ${city.en}, ${country.en}, working on ${sec.en.toLowerCase()}.`,
        { kind, country: country.code, foundedYear },
        {},
        {},
        c,
      );
      this.cityOf[i] = city.node;
      this.sectorOf[i] = s;
      this.orgs.push(i);
      this.orgPool.add(i, c);
      if (
        kind === 'CLUSTER' ||
        kind === 'ASSOCIATION' ||
        kind === 'COMPETENCE_CENTRE' ||
        kind === 'EXPERT_GROUP'
      )
        this.groupPool.add(i, c);
      if (kind === 'FUND' || kind === 'PUBLIC_BODY') this.fundPool.add(i, c);
    }
  }

  private organisationName(
    kind: OrgKind,
    country: CountryDef,
    city: City,
    sec: Sector,
  ): { name: string; aliases: [string, string][] } {
    const lang = country.lang;
    const aliases: [string, string][] = [];
    const cityEn = city.en;
    if (kind === 'COMPANY' || kind === 'COMPANY_GROUP') {
      const [heads, tails, forms] = COMPANY_PARTS[country.code]!;
      const display = `${this.rng.pick(heads)}${this.rng.pick(tails)}`;
      const form = this.rng.pick(forms);
      if (country.code === 'RU') {
        const en = transliterate(display, 'en');
        const fi = transliterate(display, 'fi');
        const et = transliterate(display, 'et');
        if (kind === 'COMPANY_GROUP') {
          aliases.push(
            [`Группа компаний «${display}»`, 'ru'],
            [`${fi}-konserni`, 'fi'],
            [`${et} grupp`, 'et'],
          );
          return { name: `${en} Group`, aliases };
        }
        aliases.push([`${form} «${display}»`, 'ru'], [fi, 'fi'], [et, 'et']);
        return { name: `${en} ${form === 'ООО' ? 'LLC' : 'JSC'}`, aliases };
      }
      if (kind === 'COMPANY_GROUP') {
        const group: Record<string, string> = {
          FI: `${display}-konserni`,
          EE: `${display} grupp`,
          ES: `Grupo ${display}`,
          SE: `${display}koncernen`,
          DE: `${display} Gruppe`,
        };
        aliases.push([group[country.code]!, lang]);
        if (country.code !== 'FI') aliases.push([`${display}-konserni`, 'fi']);
        return { name: `${display} Group`, aliases };
      }
      aliases.push([display, lang]);
      if (/[^\x20-\x7e]/.test(display) && this.rng.chance(0.3))
        aliases.push([ascii(display), 'en']);
      return { name: `${display} ${form}`, aliases };
    }
    if (kind === 'UNIVERSITY') {
      const applied = this.rng.chance(0.5);
      const fiGen = city.fiGen;
      const etGen = city.etGen;
      const local: Record<Lang, string> = applied
        ? {
            en: `${cityEn} University of Applied Sciences`,
            fi: `${fiGen} ammattikorkeakoulu`,
            et: `${etGen} Rakenduskõrgkool`,
            ru: `Университет прикладных наук (${this.cityName(city, 'ru')})`,
            sv: `Yrkeshögskolan i ${this.cityName(city, 'sv')}`,
            de: `Hochschule ${this.cityName(city, 'de')}`,
            es: `Escuela Universitaria de ${this.cityName(city, 'es')}`,
          }
        : {
            en: `${cityEn} University of Technology`,
            fi: `${fiGen} teknillinen yliopisto`,
            et: `${etGen} Tehnikaülikool`,
            ru: `Политехнический университет (${this.cityName(city, 'ru')})`,
            sv: `Tekniska högskolan i ${this.cityName(city, 'sv')}`,
            de: `Technische Universität ${this.cityName(city, 'de')}`,
            es: `Universidad Politécnica de ${this.cityName(city, 'es')}`,
          };
      aliases.push([local[lang], lang]);
      if (lang !== 'fi') aliases.push([local.fi, 'fi']);
      if (lang === 'et' && this.rng.chance(0.3)) aliases.push([local.ru, 'ru']);
      return { name: local.en, aliases };
    }
    const kindWords = KIND_WORDS[kind]!;
    const byLang: Record<Lang, string> = {
      en: `${cityEn} ${sec.en} ${kindWords.en}`,
      fi: `${city.fiGen} ${fiCompound(sec.fi, kindWords.fi)}`,
      et: `${city.etGen} ${sec.et} ${kindWords.et}`,
      ru: `${kindWords.ru} «${sec.ru}» (${this.cityName(city, 'ru')})`,
      sv: `${kindWords.sv} för ${sec.sv} i ${this.cityName(city, 'sv')}`,
      de: `${kindWords.de} ${sec.de} ${this.cityName(city, 'de')}`,
      es: `${kindWords.es} de ${sec.es} de ${this.cityName(city, 'es')}`,
    };
    aliases.push([byLang[lang], lang]);
    if (lang !== 'fi') aliases.push([byLang.fi, 'fi']);
    if (lang === 'et' && this.rng.chance(0.3)) aliases.push([byLang.ru, 'ru']);
    if (lang === 'ru' && this.rng.chance(0.3)) aliases.push([byLang.et, 'et']);
    return { name: byLang.en, aliases };
  }

  private makePeople(count: number): void {
    for (let k = 0; k < count; k++) {
      const c = this.pickCountry();
      const country = this.countries[c]!;
      const city = this.pickCity(c);
      const female = this.rng.chance(0.5);
      // A quarter of Estonia's people carry Russian names, written the Estonian way.
      const russian = country.code === 'RU' || (country.code === 'EE' && this.rng.chance(0.25));
      const [fem, male, surnames] = PERSON_NAMES[russian ? 'RU' : country.code]!;
      const first = this.rng.pick(female ? fem : male);
      const surname = this.rng.pick(surnames);
      let name: string;
      const aliases: [string, string][] = [];
      if (russian) {
        const cyr = `${first} ${female ? ruFemale(surname) : surname}`;
        const en = transliterate(cyr, 'en');
        const fi = transliterate(cyr, 'fi');
        const et = transliterate(cyr, 'et');
        name = country.code === 'EE' ? et : en;
        aliases.push([cyr, 'ru'], [fi, 'fi'], [et, 'et'], [en, 'en']);
      } else {
        let last = surname;
        if (country.code === 'ES') last = `${surname} ${this.rng.pick(surnames)}`;
        name = `${first} ${last}`;
        const plain =
          country.code === 'DE'
            ? name.replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/ß/g, 'ss')
            : ascii(name);
        if (plain !== name && this.rng.chance(0.5)) aliases.push([plain, 'en']);
      }
      const role = this.rng.pick(PERSON_ROLES);
      const sec = SECTORS[this.rng.int(0, SECTORS.length - 1)]!;
      const i = this.addNode(
        'Person',
        name,
        aliases,
        `${capitalise(sec.en.toLowerCase())} ${role} based in ${city.en}, ${country.en}.`,
        {},
        {},
        {},
        c,
      );
      this.cityOf[i] = city.node;
      this.people.push(i);
      this.personPool.add(i, c);
    }
  }

  private makeProjects(count: number): void {
    for (let k = 0; k < count; k++) {
      const c = this.pickCountry();
      const s = this.rng.int(0, SECTORS.length - 1);
      const sec = SECTORS[s]!;
      const region = this.rng.pick(REGIONS);
      const acronym = `${this.rng.pick(ACRONYM_HEADS)}${this.rng.pick(ACRONYM_TAILS)}${this.rng.chance(0.2) ? ` ${this.rng.int(2, 4)}` : ''}`;
      const startYear = this.rng.int(2012, 2025);
      const endYear = startYear + this.rng.int(1, 5);
      const roll = this.rng.float();
      const status =
        roll < 0.05
          ? 'UNKNOWN'
          : startYear >= 2025 && roll < 0.5
            ? 'PROPOSED'
            : endYear < 2025
              ? 'COMPLETED'
              : 'ACTIVE';
      const programme = this.rng.pick(PROGRAMMES);
      const i = this.addNode(
        'Project',
        `${acronym} – ${sec.en} cooperation in ${region[0]}`,
        [
          [`${acronym} – ${fiCompound(sec.fi, 'yhteistyö')}: ${region[1]}`, 'fi'],
          [`${acronym} – ${sec.et} koostöö: ${region[2]}`, 'et'],
          [`${acronym} — сотрудничество в сфере «${sec.ru}»: ${region[3]}`, 'ru'],
        ],
        `${programme} project on ${sec.en.toLowerCase()}, ${startYear}–${endYear}.`,
        { status, startYear, endYear, programme },
        {},
        {},
        c,
      );
      this.sectorOf[i] = s;
      this.projects.push(i);
      this.projectPool.add(i, c);
      this.projectYears.set(i, [startYear, endYear]);
    }
  }

  private makeEvents(count: number): void {
    const kinds = EVENT_KIND_WEIGHTS.map(([k]) => k);
    const weights = EVENT_KIND_WEIGHTS.map(([, w]) => w);
    const parents: number[] = [];
    for (let k = 0; k < count; k++) {
      let kind = kinds[this.rng.weighted(weights)]!;
      let parent = -1;
      if (kind === 'SESSION') {
        if (parents.length === 0) kind = 'MEETING';
        else parent = this.rng.pick(parents);
      }
      const c = parent >= 0 ? this.countryOf[parent]! : this.pickCountry();
      const country = this.countries[c]!;
      const city = parent >= 0 ? this.cityByNode.get(this.cityOf[parent]!)! : this.pickCity(c);
      const s = parent >= 0 ? this.sectorOf[parent]! : this.rng.int(0, SECTORS.length - 1);
      const sec = SECTORS[s]!;
      let startDay =
        parent >= 0 ? this.eventStart.get(parent)! : this.rng.int(FIRST_DAY, LAST_DAY - 3);
      let endDay = startDay;
      if (kind === 'FORUM' || kind === 'CONFERENCE') endDay = startDay + this.rng.int(0, 2);
      if (kind === 'SERIES') endDay = Math.min(LAST_DAY, startDay + this.rng.int(30, 300));
      if (parent >= 0) {
        // A session falls on one of its parent's days.
        const parentEnd = this.nodes[parent]!.dates.endDate!;
        const span = Math.round((Date.parse(parentEnd) - startDay * DAY_MS) / DAY_MS);
        startDay += this.rng.int(0, Math.max(0, span));
        endDay = startDay;
      }
      const startDate = isoDay(startDay);
      const endDate = isoDay(endDay);
      const year = startDate.slice(0, 4);
      const [, m, d] = startDate.split('-');
      const longDate = `${Number(d)} ${MONTHS[Number(m) - 1]} ${year}`;
      const kindWords = EVENT_WORDS[kind];
      let name: string;
      let aliases: [string, string][];
      if (parent >= 0) {
        const topic = TOPICS[this.rng.int(0, TOPICS.length - 1)]!;
        name = `${this.name(parent)}: session on ${lowerFirst(topic[0])}`;
        aliases = [
          [`${this.nameIn(parent, 'fi')} – sessio: ${topic[1]}`, 'fi'],
          [`${this.nameIn(parent, 'et')} – sessioon: ${topic[2]}`, 'et'],
          [`${this.nameIn(parent, 'ru')} — секция «${topic[3]}»`, 'ru'],
        ];
      } else if (kind === 'MEETING') {
        name = `${sec.en} meeting in ${city.en}, ${longDate}`;
        aliases = [
          [
            `${city.fiGen} ${fiCompound(sec.fi, 'tapaaminen')} ${Number(d)}.${Number(m)}.${year}`,
            'fi',
          ],
          [`${city.etGen} ${sec.et} kohtumine ${d}.${m}.${year}`, 'et'],
          [`Встреча «${sec.ru}» — ${this.cityName(city, 'ru')}, ${d}.${m}.${year}`, 'ru'],
        ];
      } else {
        const suffix = ` ${year}`;
        const local: Record<Lang, string> = {
          en: `${city.en} ${sec.en} ${kindWords.en}${suffix}`,
          fi: `${city.fiGen} ${fiCompound(sec.fi, kindWords.fi)}${suffix}`,
          et: `${city.etGen} ${sec.et} ${kindWords.et}${suffix}`,
          ru: `${kindWords.ru} «${sec.ru}» — ${this.cityName(city, 'ru')}${suffix}`,
          sv: `${kindWords.sv} för ${sec.sv} i ${this.cityName(city, 'sv')}${suffix}`,
          de: `${kindWords.de} ${sec.de} ${this.cityName(city, 'de')}${suffix}`,
          es: `${kindWords.es} de ${sec.es} de ${this.cityName(city, 'es')}${suffix}`,
        };
        name = local.en;
        aliases = [[local.fi, 'fi']];
        if (country.lang !== 'fi') aliases.push([local[country.lang], country.lang]);
        if (country.lang !== 'ru' && this.rng.chance(0.3)) aliases.push([local.ru, 'ru']);
      }
      const extra: Record<string, unknown> = { kind };
      if (this.rng.chance(0.4)) extra.participantsAtLeast = this.rng.int(2, 50) * 10;
      if ((kind === 'FORUM' || kind === 'CONFERENCE') && this.rng.chance(0.5))
        extra.edition = this.rng.int(1, 15);
      const dateTimes: Record<string, string | null> = {};
      if (kind !== 'SERIES' && this.rng.chance(0.7)) {
        const startHour = this.rng.int(8, 14);
        const startMinute = this.rng.pick([0, 0, 15, 30, 45]);
        const endHour = Math.min(21, startHour + this.rng.int(1, 7));
        dateTimes.startsAt = zoned(city.zone, startDate, startHour, startMinute);
        dateTimes.endsAt = zoned(city.zone, endDate, endHour, this.rng.pick([0, 15, 30, 45]));
      }
      const i = this.addNode(
        'Event',
        name,
        aliases,
        `${capitalise(kind.toLowerCase().replace(/_/g, ' '))} on ${sec.en.toLowerCase()} in ${city.en}, ${country.en}, ${longDate}.`,
        extra,
        { startDate, endDate },
        dateTimes,
        c,
      );
      this.cityOf[i] = city.node;
      this.sectorOf[i] = s;
      this.eventStart.set(i, startDay);
      this.events.push(i);
      if (parent >= 0) this.partOf.push([i, parent]);
      if (kind === 'FORUM' || kind === 'CONFERENCE') parents.push(i);
      this.eventPool.add(i, c);
    }
  }

  private makePublications(count: number): void {
    const kinds = PUBLICATION_KIND_WEIGHTS.map(([k]) => k);
    const weights = PUBLICATION_KIND_WEIGHTS.map(([, w]) => w);
    for (let k = 0; k < count; k++) {
      const c = this.pickCountry();
      const city = this.pickCity(c);
      const kind = kinds[this.rng.weighted(weights)]!;
      const s = this.rng.int(0, SECTORS.length - 1);
      const sec = SECTORS[s]!;
      const date = isoDay(this.rng.int(FIRST_DAY, LAST_DAY));
      const [y, m, d] = date.split('-');
      const dmy = `${Number(d)}.${Number(m)}.${y}`;
      const issue = `${this.rng.int(1, 12)}/${y}`;
      const ru = this.cityName(city, 'ru');
      const t: Record<PublicationKind, [string, string, string, string]> = {
        REPORT: [
          `${sec.en} in ${city.en}: status report ${y}`,
          `${city.fiGen} ${fiCompound(sec.fi, 'katsaus')} ${y}`,
          `${city.etGen} ${sec.et} ülevaade ${y}`,
          `Обзор «${sec.ru}» — ${ru}, ${y}`,
        ],
        CONCEPT: [
          `${sec.en} concept for ${city.en}`,
          `${city.fiGen} ${fiCompound(sec.fi, 'konsepti')}`,
          `${city.etGen} ${sec.et} kontseptsioon`,
          `Концепция «${sec.ru}» — ${ru}`,
        ],
        VIDEO: [
          `Video: ${sec.en.toLowerCase()} in ${city.en}`,
          `Video: ${city.fiGen} ${fiCompound(sec.fi, 'ratkaisut')}`,
          `Video: ${city.etGen} ${sec.etNom}`,
          `Видео: «${sec.ru}» — ${ru}`,
        ],
        DOCUMENTATION: [
          `${sec.en} workshop documentation, ${city.en} ${y}`,
          `${city.fiGen} ${fiCompound(sec.fi, 'työpajan')} dokumentaatio ${y}`,
          `${city.etGen} ${sec.et} töötoa dokumentatsioon ${y}`,
          `Материалы семинара «${sec.ru}» — ${ru}, ${y}`,
        ],
        PHOTO: [
          `Photo collage, ${city.en} ${dmy}`,
          `${this.cityName(city, 'fi')}, kuvakollaasi ${dmy}`,
          `${this.cityName(city, 'et')}, fotokollaaž ${d}.${m}.${y}`,
          `Фотоотчёт: ${ru}, ${d}.${m}.${y}`,
        ],
        PROGRAMME: [
          `Programme of the ${city.en} ${sec.en} Days ${y}`,
          `${city.fiGen} ${fiCompound(sec.fi, 'päivien')} ohjelma ${y}`,
          `${city.etGen} ${sec.et} päevade programm ${y}`,
          `Программа дней «${sec.ru}» — ${ru}, ${y}`,
        ],
        OTHER: [
          `${sec.en} newsletter ${issue}`,
          capitalise(`${fiCompound(sec.fi, 'uutiskirje')} ${issue}`),
          capitalise(`${sec.et} uudiskiri ${issue}`),
          `Бюллетень «${sec.ru}» ${issue}`,
        ],
      };
      const [en, fi, et, ruName] = t[kind];
      const aliases: [string, string][] = [[fi, 'fi']];
      const code = this.countries[c]!.code;
      if (code === 'EE' || this.rng.chance(0.3)) aliases.push([et, 'et']);
      if (code === 'RU' || this.rng.chance(0.3)) aliases.push([ruName, 'ru']);
      const i = this.addNode(
        'Publication',
        en,
        aliases,
        `${capitalise(kind.toLowerCase())} on ${sec.en.toLowerCase()}, ${y}.`,
        { kind },
        { date },
        {},
        c,
      );
      this.cityOf[i] = city.node;
      this.sectorOf[i] = s;
      this.publications.push(i);
    }
  }

  private makeAwards(count: number): void {
    for (let k = 0; k < count; k++) {
      const c = this.pickCountry();
      const s = this.rng.int(0, SECTORS.length - 1);
      const sec = SECTORS[s]!;
      const year = this.rng.int(2015, 2025);
      const i = this.addNode(
        'Award',
        `${sec.en} Award ${year}`,
        [
          [`${capitalise(fiCompound(sec.fi, 'palkinto'))} ${year}`, 'fi'],
          [`${capitalise(sec.et)} auhind ${year}`, 'et'],
          [`Премия «${sec.ru}» ${year}`, 'ru'],
        ],
        `Annual award for ${sec.en.toLowerCase()}, ${year}.`,
        { year },
        {},
        {},
        c,
      );
      this.sectorOf[i] = s;
      this.awards.push(i);
    }
  }

  // --- evidence ------------------------------------------------------------------------------

  /** A new Evidence node quoting a document (a random one unless given). */
  private newBatch(doc?: number): Batch {
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

  /** Entities share list evidence in groups of the same label ("Those present included A, B ..."). */
  private entityEvidence(): void {
    let batch: Batch | undefined;
    let label = -1;
    for (let i = 0; i < this.nodes.length; i++) {
      if (!batch || batch.size >= 12 || this.labelOf[i] !== label) {
        label = this.labelOf[i]!;
        batch = this.newBatch();
        this.pending.push({ batch, kind: 'names', intro: ENTITY_INTROS[ENTITY_LABELS[label]!] });
      }
      if (batch.shown.length < 5) batch.shown.push(i);
      batch.size += 1;
      this.nodes[i]!.evidenceIds = batch.ids;
    }
  }

  /** Builds every pending quote and each document's text from the quotes it holds. */
  private finishEvidence(): void {
    for (const p of this.pending) {
      const { batch } = p;
      const intro = p.intro[QUOTE_COLUMN[batch.lang]];
      const more = batch.size > (p.kind === 'pairs' ? batch.shown.length / 2 : batch.shown.length);
      const render = (lang: QuoteLang | 'en'): string => {
        const parts: string[] = [];
        if (p.kind === 'pairs') {
          for (let k = 0; k < batch.shown.length; k += 2)
            parts.push(
              `${this.nameIn(batch.shown[k]!, lang)} – ${this.nameIn(batch.shown[k + 1]!, lang)}`,
            );
        } else for (const i of batch.shown) parts.push(this.nameIn(i, lang));
        const sep = p.kind === 'pairs' ? '; ' : ', ';
        return `${parts.join(sep)}${more ? ` ${AND_OTHERS[lang]}` : ''}`;
      };
      // "ym." and "и др." already end the sentence.
      const end = (text: string): string => (text.endsWith('.') ? text : `${text}.`);
      batch.evidence.quote = end(`${intro}: ${render(batch.lang)}`);
      batch.evidence.translation = end(`${p.intro[3]}: ${render('en')}`);
    }
    for (let d = 0; d < this.documents.length; d++) {
      const node = this.nodes[this.documents[d]!]!;
      const quotes = this.docQuotes[d]!.map((k) => this.evidence[k]!);
      const text = [node.props.title as string, ...quotes.map((e) => e.quote!)].join('\n\n');
      const translation = [
        node.props.titleTranslation as string,
        ...quotes.map((e) => e.translation!),
      ].join('\n\n');
      node.props.text = `${text}\n`;
      node.props.translation = `${translation}\n`;
      node.props.sha256 = createHash('sha256')
        .update(node.props.text as string)
        .digest('hex');
    }
  }

  // --- relationships -------------------------------------------------------------------------

  /** Adds `from -type-> to` once; false when it exists already (or would be a loop). */
  private link(
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

  private linkPlaces(): void {
    for (const city of this.cities)
      this.link('PART_OF', city.node, this.countryNodes[city.country]!);
  }

  private yearDate(from: number, to: number): string {
    return isoDay(dayOf(this.rng.int(from, to), this.rng.int(1, 12), 1));
  }

  private linkOrganisations(): void {
    for (const o of this.orgs) {
      const c = this.countryOf[o]!;
      this.link('BASED_IN', o, this.cityOf[o]!);
      this.cityPool.hit(this.cityOf[o]!, c);
      const kind = this.nodes[o]!.props.kind as OrgKind;
      // Members of clusters and associations, mostly at home.
      if (kind !== 'CLUSTER' && kind !== 'ASSOCIATION') {
        const memberships = this.rng.count(1.2);
        for (let k = 0; k < memberships; k++) {
          const g = this.groupPool.pick(this.rng, c, 0.08);
          if (this.link('AFFILIATED_WITH', o, g, 'member', this.yearDate(2008, 2024)))
            this.groupPool.hit(g, this.countryOf[g]!);
        }
      }
      if (this.rng.chance(0.04)) {
        const parent = this.orgPool.pick(this.rng, c, 0.02);
        this.link('PART_OF', o, parent, kind === 'COMPANY' ? 'subsidiary' : 'unit');
      }
      const partners = Math.round(this.rng.count(2.6) * this.rng.activity());
      for (let k = 0; k < partners; k++) {
        const p = this.orgPool.pick(this.rng, c, 0.1);
        if (
          this.link(
            'COLLABORATES_WITH',
            o,
            p,
            this.rng.pick(COLLABORATION_ROLES),
            this.rng.chance(0.5) ? this.yearDate(2012, 2025) : null,
          )
        ) {
          this.orgPool.hit(p, this.countryOf[p]!);
          this.orgPool.hit(o, c);
        }
      }
      const subjects = this.rng.count(1);
      for (let k = 0; k < subjects; k++) this.about(o);
    }
  }

  private about(from: number): void {
    const t = this.topicPool.pick(this.rng);
    if (this.link('ABOUT', from, t)) this.topicPool.hit(t);
  }

  private linkPeople(): void {
    for (const p of this.people) {
      const c = this.countryOf[p]!;
      const activity = this.rng.activity();
      if (this.rng.chance(0.7)) {
        this.link('BASED_IN', p, this.cityOf[p]!);
        this.cityPool.hit(this.cityOf[p]!, c);
      }
      const jobs = 1 + (this.rng.chance(0.4) ? 1 : 0) + (this.rng.chance(0.1) ? 1 : 0);
      for (let k = 0; k < jobs; k++) {
        const o = this.orgPool.pick(this.rng, c, 0.06);
        const start = this.rng.int(2005, 2024);
        const end = this.rng.chance(0.2) ? Math.min(2025, start + this.rng.int(1, 6)) : null;
        const ok = this.link(
          'AFFILIATED_WITH',
          p,
          o,
          this.rng.pick(PERSON_ROLES),
          isoDay(dayOf(start, this.rng.int(1, 12), 1)),
          end === null ? null : isoDay(dayOf(end, this.rng.int(1, 12), 28)),
        );
        if (ok) {
          this.orgPool.hit(o, this.countryOf[o]!);
          if (!this.affiliation.has(p)) this.affiliation.set(p, o);
        }
      }
      const events = Math.round(this.rng.count(9) * activity);
      for (let k = 0; k < events; k++) {
        const e = this.eventPool.pick(this.rng, c, 0.15);
        const roll = this.rng.float();
        const role =
          roll < 0.8
            ? 'participant'
            : roll < 0.95
              ? 'speaker'
              : roll < 0.98
                ? 'moderator'
                : 'panellist';
        if (this.link('PARTICIPATED_IN', p, e, role)) this.participated(p, e);
      }
      const colleagues = Math.round(this.rng.count(2.2) * activity);
      for (let k = 0; k < colleagues; k++) {
        const q = this.personPool.pick(this.rng, c, 0.12);
        if (this.link('COLLABORATES_WITH', p, q, this.rng.pick(COLLABORATION_ROLES))) {
          this.personPool.hit(q, this.countryOf[q]!);
          this.personPool.hit(p, c);
        }
      }
      if (this.rng.chance(0.25)) {
        const o = this.orgPool.pick(this.rng, c, 0.1);
        if (this.link('COLLABORATES_WITH', p, o, this.rng.pick(COLLABORATION_ROLES)))
          this.orgPool.hit(o, this.countryOf[o]!);
      }
    }
  }

  private participated(actor: number, event: number): void {
    this.eventPool.hit(event, this.countryOf[event]!);
    let list = this.eventParticipants.get(event);
    if (!list) {
      list = [];
      this.eventParticipants.set(event, list);
    }
    list.push(actor);
  }

  private linkProjects(): void {
    for (const pr of this.projects) {
      const c = this.countryOf[pr]!;
      const [startYear, endYear] = this.projectYears.get(pr)!;
      const start = `${startYear}-01-01`;
      const end = endYear < 2025 ? `${endYear}-12-31` : null;
      // Cross-border projects are the point of these programmes, so partners cross more often.
      const lead = this.orgPool.pick(this.rng, c, 0.05);
      if (this.link('WORKS_ON', lead, pr, 'lead partner', start, end))
        this.orgPool.hit(lead, this.countryOf[lead]!);
      const partners = 1 + Math.round(this.rng.count(3.5) * this.rng.activity());
      for (let k = 0; k < partners; k++) {
        const o = this.orgPool.pick(this.rng, c, 0.2);
        if (this.link('WORKS_ON', o, pr, 'partner', start, end))
          this.orgPool.hit(o, this.countryOf[o]!);
      }
      if (this.rng.chance(0.6)) {
        const f = this.fundPool.pick(this.rng, c, 0.1);
        this.link('WORKS_ON', f, pr, 'funder', start, end);
      }
      const people = this.rng.count(2.5);
      for (let k = 0; k < people; k++) {
        const p = this.personPool.pick(this.rng, c, 0.15);
        if (
          this.link(
            'WORKS_ON',
            p,
            pr,
            this.rng.pick(['project manager', 'expert', 'coordinator']),
            start,
            end,
          )
        )
          this.personPool.hit(p, this.countryOf[p]!);
      }
      const subjects = 1 + this.rng.count(1);
      for (let k = 0; k < subjects; k++) this.about(pr);
      if (this.rng.chance(0.4)) this.link('BASED_IN', pr, this.pickCity(c).node);
      if (this.rng.chance(0.05))
        this.link('PART_OF', pr, this.projectPool.pick(this.rng, c, 0.2), 'sub-project');
    }
  }

  private linkEvents(): void {
    for (const [session, parent] of this.partOf) this.link('PART_OF', session, parent, 'session');
    for (const e of this.events) {
      const c = this.countryOf[e]!;
      this.link('HELD_IN', e, this.cityOf[e]!);
      const organiser = this.orgPool.pick(this.rng, c, 0.05);
      if (this.link('ORGANISED', organiser, e, 'organiser')) {
        this.orgPool.hit(organiser, this.countryOf[organiser]!);
        this.eventOrganiser.set(e, organiser);
      }
      if (this.rng.chance(0.4)) {
        const co = this.orgPool.pick(this.rng, c, 0.15);
        this.link('ORGANISED', co, e, this.rng.chance(0.5) ? 'co-organiser' : 'host');
      }
      if (this.rng.chance(0.15))
        this.link('ORGANISED', this.personPool.pick(this.rng, c, 0.05), e, 'organiser');
      const orgs = Math.round(this.rng.count(5.5) * this.rng.activity());
      for (let k = 0; k < orgs; k++) {
        const o = this.orgPool.pick(this.rng, c, 0.15);
        const role = this.rng.chance(0.85)
          ? 'participant'
          : this.rng.chance(0.6)
            ? 'exhibitor'
            : 'partner';
        if (this.link('PARTICIPATED_IN', o, e, role)) {
          this.participated(o, e);
          this.orgPool.hit(o, this.countryOf[o]!);
        }
      }
      const subjects = 1 + this.rng.count(0.6);
      for (let k = 0; k < subjects; k++) {
        const t = this.topicPool.pick(this.rng);
        if (this.link('ABOUT', e, t)) {
          this.topicPool.hit(t);
          if (!this.eventTopic.has(e)) this.eventTopic.set(e, t);
        }
      }
      if (this.rng.chance(0.2)) {
        const places = 1 + (this.rng.chance(0.3) ? 1 : 0);
        for (let k = 0; k < places; k++) {
          const target = this.rng.chance(0.5)
            ? this.countryNodes[this.rng.int(0, this.countryNodes.length - 1)]!
            : this.pickCity(this.rng.int(0, this.countries.length - 1)).node;
          this.link('AUDIENCE_FROM', e, target);
        }
      }
      if (this.rng.chance(0.1) && this.projects.length > 0)
        this.link('ABOUT', e, this.projectPool.pick(this.rng, c, 0.1));
    }
  }

  private linkPublications(): void {
    for (const pub of this.publications) {
      const c = this.countryOf[pub]!;
      const kind = this.nodes[pub]!.props.kind as PublicationKind;
      const publishers = 1 + (this.rng.chance(0.35) ? 1 : 0);
      for (let k = 0; k < publishers; k++) {
        if (kind === 'PHOTO' || this.rng.chance(0.2)) {
          const p = this.personPool.pick(this.rng, c, 0.05);
          this.link('PUBLISHED', p, pub, kind === 'PHOTO' ? 'photographer' : 'author');
        } else {
          const o = this.orgPool.pick(this.rng, c, 0.05);
          if (this.link('PUBLISHED', o, pub, 'publisher')) this.orgPool.hit(o, this.countryOf[o]!);
        }
      }
      const subjects = 1 + this.rng.count(0.8);
      for (let k = 0; k < subjects; k++) this.about(pub);
      if (this.rng.chance(0.3)) this.link('ABOUT', pub, this.eventPool.pick(this.rng, c, 0.1));
      else if (this.rng.chance(0.2) && this.projects.length > 0)
        this.link('ABOUT', pub, this.projectPool.pick(this.rng, c, 0.1));
    }
  }

  private linkAwards(): void {
    const ceremonies = this.events.filter((e) => this.nodes[e]!.props.kind === 'AWARD_CEREMONY');
    for (const a of this.awards) {
      const c = this.countryOf[a]!;
      if (ceremonies.length > 0) this.link('AWARDED_AT', a, this.rng.pick(ceremonies));
      else if (this.events.length > 0)
        this.link('AWARDED_AT', a, this.eventPool.pick(this.rng, c, 0.2));
      const winners = 1 + this.rng.count(0.7);
      for (let k = 0; k < winners; k++) {
        const roll = this.rng.float();
        const w =
          roll < 0.5
            ? this.orgPool.pick(this.rng, c, 0.1)
            : roll < 0.85 || this.projects.length === 0
              ? this.personPool.pick(this.rng, c, 0.1)
              : this.projectPool.pick(this.rng, c, 0.1);
        this.link('RECEIVED', w, a);
      }
      this.link('ABOUT', a, this.topicPool.pick(this.rng));
    }
  }

  private linkDocuments(): void {
    const home: Record<QuoteLang, string> = { fi: 'FI', et: 'EE', ru: 'RU' };
    for (let d = 0; d < this.documents.length; d++) {
      const doc = this.documents[d]!;
      const lang = this.docLang[d]!;
      const found = this.countries.findIndex((c) => c.code === home[lang]);
      const c = found >= 0 ? found : 0;
      const publisher = this.orgPool.pick(this.rng, c, 0.05);
      this.link('PUBLISHED', publisher, doc, 'publisher');
      this.link('ABOUT', doc, this.topicPool.pick(this.rng));
      // A few documents name some entities outright; the evidence of a mention is that document's own.
      const batch = this.newBatch(d);
      this.pending.push({ batch, kind: 'names', intro: RELATION_INTROS.MENTIONS });
      const mentions = 2 + this.rng.count(4);
      for (let k = 0; k < mentions; k++) {
        const roll = this.rng.float();
        const target =
          roll < 0.4
            ? this.orgPool.pick(this.rng, c, 0.1)
            : roll < 0.7
              ? this.personPool.pick(this.rng, c, 0.1)
              : this.eventPool.pick(this.rng, c, 0.1);
        const key = doc * this.nodes.length + target;
        const seen = this.seen[TYPE_INDEX.get('MENTIONS')!]!;
        if (target < 0 || seen.has(key)) continue;
        seen.add(key);
        if (batch.shown.length < 6) batch.shown.push(target);
        batch.size += 1;
        this.relationships.push({
          type: 'MENTIONS',
          fromId: this.nodes[doc]!.id,
          toId: this.nodes[target]!.id,
          role: null,
          startDate: null,
          endDate: null,
          evidenceIds: batch.ids,
        });
      }
      if (batch.size === 0) batch.shown.push(publisher);
    }
  }

  // --- interactions --------------------------------------------------------------------------

  private makeInteractions(count: number): void {
    const withParticipants = this.events.filter(
      (e) => (this.eventParticipants.get(e)?.length ?? 0) >= 2,
    );
    if (withParticipants.length === 0 || count === 0) return;
    const labels: InteractionLabel[] = ['Invitation', 'Presentation', 'Proposal', 'Question'];
    const weights = [45, 45, 5, 5];
    for (let j = 0; j < count; j++) {
      const label = labels[this.rng.weighted(weights)]!;
      const event = this.rng.pick(withParticipants);
      if (label === 'Invitation') this.invitation(j, event);
      else this.eventInteraction(j, label, event);
    }
  }

  private addInteraction(
    j: number,
    label: InteractionLabel,
    date: string,
    props: Record<string, unknown>,
    links: { type: InteractionLinkType; entity: number; outgoing: boolean }[],
    quote: (lang: QuoteLang | 'en') => string,
  ): void {
    const batch = this.newBatch();
    batch.evidence.quote = quote(batch.lang);
    batch.evidence.translation = quote('en');
    const slug = `g${this.seed}-${label.toLowerCase()}-${j}`;
    const seen = new Set<string>();
    this.interactions.push({
      id: stableId(`generated-${label}`, `${this.seed}:${j}`),
      label,
      slug,
      props: { summary: batch.evidence.translation, ...props },
      date,
      evidenceIds: batch.ids,
      links: links
        .filter((l) => {
          const key = `${l.type}:${l.entity}`;
          if (seen.has(key)) return false;
          seen.add(key);
          return true;
        })
        .map((l) => ({ type: l.type, entityId: this.nodes[l.entity]!.id, outgoing: l.outgoing })),
    });
  }

  private otherParticipants(event: number, not: number, n: number): number[] {
    const list = this.eventParticipants.get(event)!;
    const out: number[] = [];
    for (let tries = 0; tries < n * 4 && out.length < n; tries++) {
      const x = this.rng.pick(list);
      if (x !== not && !out.includes(x)) out.push(x);
    }
    return out;
  }

  private invitation(j: number, event: number): void {
    const participants = this.eventParticipants.get(event)!;
    const organiser = this.eventOrganiser.get(event);
    const inviter =
      organiser !== undefined && this.rng.chance(0.4) ? organiser : this.rng.pick(participants);
    const invitees = this.otherParticipants(event, inviter, 1 + (this.rng.chance(0.3) ? 1 : 0));
    if (invitees.length === 0)
      invitees.push(this.orgPool.pick(this.rng, this.countryOf[event]!, 0.5));
    if (invitees.includes(inviter) || invitees[0]! < 0)
      return this.eventInteraction(j, 'Presentation', event);
    // Most invitations point at the event; some at a project or an expert group.
    let target = event;
    const roll = this.rng.float();
    if (roll < 0.12 && this.projects.length > 0)
      target = this.projectPool.pick(this.rng, this.countryOf[event]!, 0.2);
    else if (roll < 0.2) {
      const g = this.groupPool.pick(this.rng, this.countryOf[event]!, 0.2);
      if (g >= 0 && g !== inviter && !invitees.includes(g)) target = g;
    }
    const behalf =
      this.labelOf[inviter] === LABEL_INDEX.get('Person') && this.rng.chance(0.6)
        ? this.affiliation.get(inviter)
        : undefined;
    const startDay = this.eventStart.get(event)!;
    const date = isoDay(Math.max(FIRST_DAY - 60, startDay - this.rng.int(3, 60)));
    const targetLabel = ENTITY_LABELS[this.labelOf[target]!]!;
    const props: Record<string, unknown> = {
      inviteeNote: this.rng.chance(0.3) ? `${this.name(invitees[0]!)}'s experts` : null,
    };
    const list = (lang: QuoteLang | 'en'): string =>
      invitees
        .map((x) => this.nameIn(x, lang))
        .join(lang === 'ru' ? ' и ' : lang === 'en' ? ' and ' : ' ja ');
    const quote = (lang: QuoteLang | 'en'): string => {
      const who = this.nameIn(inviter, lang);
      const what = this.nameIn(target, lang);
      if (lang === 'fi') {
        const place =
          targetLabel === 'Event'
            ? `tapahtumaan ${what}`
            : targetLabel === 'Project'
              ? `hankkeeseen ${what}`
              : `ryhmän ${what} työhön`;
        return `${who} kutsui seuraavat osallistumaan ${place}: ${list(lang)}.`;
      }
      if (lang === 'et') {
        const place =
          targetLabel === 'Event'
            ? `osalema üritusel ${what}`
            : targetLabel === 'Project'
              ? `osalema projektis ${what}`
              : `liituma rühmaga ${what}`;
        return `${who} kutsus ${place} järgmised: ${list(lang)}.`;
      }
      if (lang === 'ru') {
        const place =
          targetLabel === 'Event'
            ? `в мероприятии «${what}»`
            : targetLabel === 'Project'
              ? `в проекте «${what}»`
              : `в работе группы «${what}»`;
        return `Инициатор приглашения — ${who}; к участию ${place} приглашены: ${list(lang)}.`;
      }
      return `${who} invited ${list(lang)} to take part in ${what}.`;
    };
    const links: { type: InteractionLinkType; entity: number; outgoing: boolean }[] = [
      { type: 'EXTENDED', entity: inviter, outgoing: false },
      ...invitees.map((x) => ({ type: 'INVITES' as const, entity: x, outgoing: true })),
      { type: 'TO', entity: target, outgoing: true },
    ];
    if (behalf !== undefined) links.push({ type: 'ON_BEHALF_OF', entity: behalf, outgoing: true });
    this.addInteraction(j, 'Invitation', date, props, links, quote);
  }

  private eventInteraction(j: number, label: InteractionLabel, event: number): void {
    const participants = this.eventParticipants.get(event)!;
    const actors = [this.rng.pick(participants)];
    if (label === 'Presentation' && this.rng.chance(0.2))
      actors.push(...this.otherParticipants(event, actors[0]!, 1));
    const subjects: number[] = [this.eventTopic.get(event) ?? this.topicPool.pick(this.rng)];
    if (label === 'Presentation' && this.rng.chance(0.35)) {
      const extra =
        this.rng.chance(0.5) && this.projects.length > 0
          ? this.projectPool.pick(this.rng, this.countryOf[event]!, 0.2)
          : this.topicPool.pick(this.rng);
      if (!subjects.includes(extra)) subjects.push(extra);
    }
    const date = this.nodes[event]!.dates.startDate!;
    const actorType: InteractionLinkType =
      label === 'Presentation' ? 'GAVE' : label === 'Proposal' ? 'PUT_FORWARD' : 'ASKED';
    const links: { type: InteractionLinkType; entity: number; outgoing: boolean }[] = [
      ...actors.map((a) => ({ type: actorType, entity: a, outgoing: false })),
      { type: 'AT', entity: event, outgoing: true },
      ...subjects.map((s) => ({ type: 'ABOUT' as const, entity: s, outgoing: true })),
    ];
    const presenter = actors[0]!;
    if (
      label === 'Presentation' &&
      this.labelOf[presenter] === LABEL_INDEX.get('Person') &&
      this.rng.chance(0.5)
    ) {
      const org = this.affiliation.get(presenter);
      if (org !== undefined) links.push({ type: 'ON_BEHALF_OF', entity: org, outgoing: true });
    }
    const props: Record<string, unknown> = {};
    if (label === 'Question')
      props.answer = this.rng.chance(0.5)
        ? 'The answer pointed to the next joint funding call.'
        : null;
    const quote = (lang: QuoteLang | 'en'): string => {
      const who = actors
        .map((a) => this.nameIn(a, lang))
        .join(lang === 'ru' ? ' и ' : lang === 'en' ? ' and ' : ' ja ');
      const at = this.nameIn(event, lang);
      const about = subjects.map((s) => this.nameIn(s, lang)).join(', ');
      const t: Record<QuoteLang | 'en', Record<string, string>> = {
        fi: {
          Presentation: `${who} esitteli tapahtumassa ${at} aihetta ${about}.`,
          Proposal: `${who} ehdotti tapahtumassa ${at} yhteistyötä aiheesta ${about}.`,
          Question: `${who} kysyi tapahtumassa ${at}, miten aiheessa ${about} voisi edetä.`,
        },
        et: {
          Presentation: `${who} tutvustas üritusel ${at} teemat ${about}.`,
          Proposal: `${who} tegi üritusel ${at} ettepaneku teha koostööd teemal ${about}.`,
          Question: `${who} küsis üritusel ${at}, kuidas teemaga ${about} edasi minna.`,
        },
        ru: {
          Presentation: `На мероприятии «${at}» с докладом на тему «${about}» выступили: ${who}.`,
          Proposal: `На мероприятии «${at}» предложение о сотрудничестве по теме «${about}» внесли: ${who}.`,
          Question: `На мероприятии «${at}» прозвучал вопрос о теме «${about}»; автор вопроса — ${who}.`,
        },
        en: {
          Presentation: `${who} presented ${about} at ${at}.`,
          Proposal: `${who} proposed cooperation on ${about} at ${at}.`,
          Question: `${who} asked at ${at} how ${about} could move forward.`,
        },
      };
      return t[lang][label]!;
    };
    this.addInteraction(j, label, date, props, links, quote);
  }
}

/** Builds the graph for (nodes, seed): the same pair always gives the same records. */
export function generateGraph(options: GenerateOptions): GeneratedGraph {
  const { nodes, seed } = options;
  if (!Number.isInteger(nodes) || nodes < MIN_NODES || nodes > MAX_NODES)
    throw new RangeError(`nodes must be a whole number from ${MIN_NODES} to ${MAX_NODES}`);
  if (!Number.isInteger(seed) || seed < 0 || seed > MAX_SEED)
    throw new RangeError(`seed must be a whole number from 0 to ${MAX_SEED}`);
  return new Generator(nodes, seed).run();
}
