/**
 * Fuzz acceptance test: over a thousand operations generated from the real schema (every Query
 * and Mutation field with its arguments) plus garbage requests, sent over HTTP to the seeded
 * API. Values go as variables and as inline literals: random unicode, strings over 10,000
 * characters, Cypher/GraphQL injection payloads in every string argument, huge and fractional
 * numbers, real, malformed and wrong-typed ids, deep selections and deep JSON, wrong-typed and
 * missing variables, unknown fields, duplicate aliases, truncated documents and bodies that are
 * not JSON. Every answer must be below 500 and carry only coded errors without internals, and
 * every refused write must leave the graph exactly as it was.
 *
 * Scalars that look right and are wrong (impossible dates, date-times without an offset or with
 * one Neo4j cannot hold, week dates, far years, URLs that are not http(s), unknown or lower-case
 * country codes, bad language tags and slugs, Int edges, ids of the wrong kind) go to every
 * Date, DateTime, Int, ID and formatted String position of the schema, found by walking it, both
 * inline and as variables: each is answered with data or a coded refusal, never an internal
 * error, and a value that must be refused is refused with BAD_USER_INPUT naming its argument
 * path (a literal) or its variable.
 *
 * Generation is seeded (fast-check): FUZZ_SEED=<n> replays a run, FUZZ_RUNS=<n> changes its size.
 */
import fc, { type GeneratorValue } from 'fast-check';
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isUnionType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLOutputType,
  type GraphQLSchema,
} from 'graphql';
import type { Role } from '../../src/shared/principal';
import { createOfflineSchema } from '../../src/schema';
import { useSeededApi } from '../support/api';
import { assertGraphIntegrity } from '../support/integrity';
import { graphState } from '../support/db';

// One client sending READ_GROUP (4) reads at a time: its analytics share covers them all, so a
// BUSY for the share per caller (a designed 503, tested in event-loop.e2e) is not taken for a fault.
const api = useSeededApi({ ANALYTICS_PER_CALLER: '4' });

const SEED = Number(process.env.FUZZ_SEED ?? 20_251_201);
const RUNS = Number(process.env.FUZZ_RUNS ?? 1_100);
/** Reads sent at once: they never write, so only the order of writes matters. */
const READ_GROUP = 4;
/** Plausible but wrong scalars per case in the sweep over every scalar position. */
const SCALARS_PER_CASE = 3;
const REPLAY = `FUZZ_SEED=${SEED} FUZZ_RUNS=${RUNS} npx jest tests/e2e/fuzz.e2e.test.ts`;

// ---------------------------------------------------------------------------------------------
// Values: one model printed both as GraphQL literals and as JSON variables. Numbers keep their
// text, so 9007199254740993 or a 400-digit integer reach the server as written.

type Val =
  | { k: 'str'; v: string }
  | { k: 'num'; text: string }
  | { k: 'bool'; v: boolean }
  | { k: 'null' }
  | { k: 'enum'; v: string }
  | { k: 'list'; items: Val[] }
  | { k: 'obj'; fields: [string, Val][] };

const S = (v: string): Val => ({ k: 'str', v });
const N = (text: string): Val => ({ k: 'num', text });
const NAME = /^[_A-Za-z][_0-9A-Za-z]*$/;

function literal(v: Val, block = false): string {
  switch (v.k) {
    case 'str':
      // JSON escapes are GraphQL escapes; a block string keeps the text raw.
      return block ? `"""${v.v.replace(/"""/g, '\\"""')}"""` : JSON.stringify(v.v);
    case 'num':
      return v.text;
    case 'bool':
      return String(v.v);
    case 'null':
      return 'null';
    case 'enum':
      return NAME.test(v.v) ? v.v : JSON.stringify(v.v);
    case 'list':
      return `[${v.items.map((x) => literal(x, block)).join(', ')}]`;
    case 'obj':
      return `{${v.fields.map(([k, x]) => `${k}: ${literal(x, block)}`).join(', ')}}`;
  }
}

/** JSON text that keeps every number exactly as generated (used for raw bodies). */
function jsonText(v: Val): string {
  switch (v.k) {
    case 'num':
      return v.text;
    case 'list':
      return `[${v.items.map(jsonText).join(',')}]`;
    case 'obj':
      return `{${v.fields.map(([k, x]) => `${JSON.stringify(k)}:${jsonText(x)}`).join(',')}}`;
    default:
      return JSON.stringify(toJs(v));
  }
}

function variablesText(vars: Record<string, Val>): string {
  return `{${Object.entries(vars)
    .map(([k, v]) => `${JSON.stringify(k)}:${jsonText(v)}`)
    .join(',')}}`;
}

function toJs(v: Val): unknown {
  switch (v.k) {
    case 'str':
    case 'enum':
      return v.v;
    case 'num':
      return Number(v.text);
    case 'bool':
      return v.v;
    case 'null':
      return null;
    case 'list':
      return v.items.map(toJs);
    case 'obj':
      // fromEntries defines own properties, so "__proto__" and "constructor" go out as keys.
      return Object.fromEntries(v.fields.map(([k, x]) => [k, toJs(x)]));
  }
}

// ---------------------------------------------------------------------------------------------
// Randomness: every choice comes from fast-check's generator, so a seed replays the run.

class Rand {
  constructor(private readonly g: GeneratorValue) {}
  int(min: number, max: number): number {
    return this.g(fc.integer, { min, max });
  }
  chance(percent: number): boolean {
    return this.int(0, 99) < percent;
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(0, items.length - 1)]!;
  }
  some<T>(items: readonly T[], min: number, max: number): T[] {
    if (items.length === 0) return [];
    // Indexes, not the items: fast-check compares the arguments of each draw, and schema
    // objects are cyclic.
    const indexes = this.g(fc.subarray, [...items.keys()], {
      minLength: Math.min(min, items.length),
      maxLength: Math.min(max, items.length),
    });
    return indexes.map((i) => items[i]!);
  }
  from<T>(arb: fc.Arbitrary<T>): T {
    return this.g(() => arb);
  }
}

const INJECTIONS = [
  "' OR 1=1 //",
  '"}) MATCH (n) DETACH DELETE n //',
  '`) DETACH DELETE n //',
  '\u0027 RETURN 1',
  "x' }) WITH 1 AS x MATCH (n) DETACH DELETE n RETURN 1 //",
  "'; CALL db.clearQueryCaches(); //",
  '*/ MATCH (n) SET n.pwned = true /*',
  '$param',
  '$id',
  "{slug: 'x'}",
  '${__proto__}',
  '{"__proto__": {"admin": true}}',
  '__proto__',
  'constructor',
  '../../etc/passwd',
  '<script>alert(1)</script>',
  '{{7*7}}',
  '\\',
  '\\u0000',
  '%00',
  '") { __typename } mutation { deleteTopic(id: "x") }',
  '# comment\n}',
  'MATCH (n) RETURN n',
  'sitra` RETURN 1 //',
  "Robert'); DROP DATABASE neo4j; //",
];

const SPECIALS = [
  '👩‍👩‍👧‍👦',
  '🇫🇮🇪🇪',
  '\u202Eevil\u202C',
  'مجموعة الابتكار',
  'שלום עולם',
  'e\u0301\u0308\u0327\u20DD',
  'a\u200Bb\u200C\u200D\uFEFF',
  '\u0000',
  'a\u0000b',
  '\u0001\u001F\u007F\u0085\u009F',
  '\uD800',
  '\uDFFF\uD800x',
  'Ǆ ß ﬃ İ ı',
  '\u2028\u2029',
  '𝔘𝔫𝔦𝔠𝔬𝔡𝔢',
  'Z̸̢̖̝͈̗̯̞̅͆͋̽a̧̛̖l̷g̴o',
  '\t\n\r',
  '   ',
  'Леонтьевский центр',
  '北京清洁技术集群',
  '\uFFFE\uFFFF',
];

const WORDS = ['Nordic', 'Circular', 'Cluster', 'Hub', 'Fund', 'Forum', 'Baltic', 'Green', 'Tech'];
const UNKNOWN_NAMES = ['bogus', '__proto__', 'constructor', 'toString', 'id', 'where', 'cypher'];

/**
 * Where a generated case puts its effort. random: anything, faults included; benign: valid
 * values mostly, so that writes go through; inject-all: a payload in every String and ID
 * position; inject-strings: payloads in free text, valid ids and formats, so they reach Neo4j.
 */
type Mode = 'random' | 'benign' | 'inject-strings' | 'inject-all' | 'plausible';

/** Percent of optional arguments and input fields sent, by mode. */
const OPTIONAL_SHARE: Record<Mode, number> = {
  random: 50,
  benign: 35,
  'inject-strings': 60,
  'inject-all': 100,
  plausible: 35,
};

interface Ctx {
  r: Rand;
  schema: GraphQLSchema;
  pool: IdPool;
  mode: Mode;
  /** Root field being generated: the coverage keys are "<root>(<argument path>)". */
  root: string;
  /** True while the root field's own arguments are generated (not nested field arguments). */
  tracking: boolean;
  injected: Set<string>;
  vars: { name: string; type: string; value: Val | undefined }[];
  /** Percent of arguments written inline rather than as variables. */
  inline: number;
  /** How often random cases break the document or variables (0: never, 1, 2: twice as often). */
  faults: number;
  aliases: number;
  /** Argument paths (e.g. "input.startsAt") that get a plausible but wrong value. */
  targets: Set<string>;
  /** Target paths given a wrong value while the current argument was generated. */
  hits: string[];
  /** Where wrong values went in this case: the path, and the variable when not inline. */
  wrongSent: { path: string; variable?: string }[];
}

/** A deliberate fault (wrong type, unknown field, missing variable ...) with p% per chance. */
const fault = (ctx: Ctx, p: number): boolean =>
  ctx.mode === 'random' && ctx.r.chance(p * ctx.faults);

const injecting = (ctx: Ctx): boolean => ctx.mode === 'inject-strings' || ctx.mode === 'inject-all';

function injection(ctx: Ctx, path: string): string {
  const { r } = ctx;
  if (ctx.tracking) ctx.injected.add(`${ctx.root}(${path})`);
  const payload = r.pick(INJECTIONS);
  const w = r.int(0, 99);
  if (w < 60) return payload;
  if (w < 80) return `${r.pick(WORDS)} ${payload}`;
  // Lone surrogates make a document unparsable; the sweep wants its payloads to arrive.
  if (w < 90 || injecting(ctx))
    return `${payload}${r.pick(injecting(ctx) ? SPECIALS.filter((x) => !/\p{Cs}/u.test(x)) : SPECIALS)}`;
  return payload.repeat(Math.ceil(r.int(10_001, 14_000) / payload.length));
}

function plausibleName(r: Rand): string {
  return `${r.pick(WORDS)} ${r.pick(WORDS)} ${r.int(0, 999_999)}`;
}

/** A valid value for a string argument or field whose format the API checks, by its name. */
function formattedString(r: Rand, name: string): string | undefined {
  switch (name) {
    case 'slug':
      return `fuzz-${r.int(0, 999_999)}`;
    case 'country':
    case 'countries':
      return r.pick(['FI', 'EE', 'RU', 'SE']);
    case 'language':
      return r.pick(['fi', 'en', 'ru', 'et', 'en-GB']);
    case 'website':
    case 'url':
      return `https://example.org/${r.int(0, 999)}`;
    case 'confidence':
      return r.pick(['STATED', 'INFERRED']);
    case 'query':
      return r.pick(['sitra', 'forum', 'clean', 'ab', 'Pietari']);
    case 'after':
      return r.pick(['', 'x']);
    default:
      return undefined;
  }
}

/** A string for an argument or input field at `path`. */
function str(ctx: Ctx, path: string): string {
  const { r } = ctx;
  const last = path.split('.').pop()!;
  const formatted = formattedString(r, last);
  // The sweep keeps checked formats valid, so that payloads in free text get to Neo4j.
  if (ctx.mode === 'inject-all' || (ctx.mode === 'inject-strings' && formatted === undefined))
    return injection(ctx, path);
  if (ctx.mode === 'inject-strings') return formatted!;
  if (ctx.mode === 'plausible') return formatted ?? plausibleName(r);
  const benign = ctx.mode === 'benign';
  // Valid-looking values where the input checks a format, so that some writes go through.
  if (r.chance(benign ? 70 : 20)) {
    if (formatted !== undefined) return formatted;
    if (benign) return plausibleName(r);
  }
  const w = r.int(0, 99);
  if (w < 25) return injection(ctx, path);
  if (w < 40) return plausibleName(r);
  if (w < 50) return r.from(fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }));
  if (w < 57) return r.from(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }));
  if (w < 67) return r.some(SPECIALS, 1, 3).join(r.pick(['', ' ', 'x']));
  if (w < 71) {
    const unit = r.pick(['x', 'é', '👍', 'ش', '\u200B', 'a\u0301', 'Sitra ']);
    return unit.repeat(Math.ceil(r.int(10_001, 14_000) / unit.length));
  }
  if (w < 77) return r.pick(['0', '-1', '1e308', '9007199254740993', 'NaN', 'Infinity', '0x10']);
  if (w < 84) {
    const kind = stringKind(last);
    if (kind) return wrongText(r, kind);
    return r.pick(['2019-10-25', '2019-02-30', 'fi', 'FI', 'Finland', 'sitra', 'a']);
  }
  if (w < 90) return r.pick(['https://example.org', 'javascript:alert(1)', 'file:///etc/passwd']);
  if (w < 95) return '';
  return r.from(fc.string({ unit: 'grapheme-ascii', maxLength: 12 }));
}

// ---------------------------------------------------------------------------------------------
// Ids: real global ids of seed nodes (by type), malformed ones and ones of another type.

interface IdPool {
  byType: Map<string, string[]>;
  all: string[];
}

const b64 = (text: string): string => Buffer.from(text, 'utf8').toString('base64url');
const INTERACTION_TYPES = ['Invitation', 'Presentation', 'Proposal', 'Question'];

function idHint(ctx: Ctx, path: string): string[] | undefined {
  const last = path.split('.').pop()!;
  if (last === 'document') return ['Document'];
  if (ctx.root === 'deleteInteraction') return INTERACTION_TYPES;
  const own = /^(?:update|delete)([A-Z]\w+)$/.exec(ctx.root);
  if (own && last === 'id') return [own[1]!];
  if (['inviter', 'invitees', 'onBehalfOf', 'presenter', 'proposer', 'asker'].includes(last))
    return ['Person', 'Organisation'];
  return undefined;
}

function malformedId(r: Rand, pool: IdPool): string {
  const real = r.pick(pool.all);
  const uuid = r.from(fc.uuid());
  return r.pick([
    '',
    'abc',
    '!!!',
    '====',
    'T3JnYW5pc2F0aW9u',
    b64('Organisation:not-a-uuid'),
    b64(`Hacker:${uuid}`),
    b64(`Organisation:${uuid}:x`),
    b64(`Organisation:${uuid}' OR 1=1 //`),
    b64(`Person:${uuid}`),
    b64(`Document:${uuid}`),
    b64(r.pick(INJECTIONS)),
    real.slice(0, -1),
    `${real}=`,
    real.toUpperCase(),
    Buffer.from(Buffer.from(real, 'base64url').toString('utf8')).toString('base64'),
    uuid,
    'x'.repeat(201),
    real.repeat(30),
  ]);
}

function idValue(ctx: Ctx, path: string): Val {
  const { r, pool } = ctx;
  const typed = (): string => {
    const hint = idHint(ctx, path);
    const ids = hint?.flatMap((t) => pool.byType.get(t) ?? []) ?? [];
    return ids.length > 0 ? r.pick(ids) : r.pick(pool.all);
  };
  if (ctx.mode === 'inject-all') return S(injection(ctx, path));
  if (ctx.mode === 'inject-strings' || ctx.mode === 'plausible') return S(typed());
  const w = r.int(0, 99);
  if (w < (ctx.mode === 'benign' ? 80 : 40)) return S(typed());
  if (w < 52) return S(r.pick(pool.all));
  if (w < 78) return S(malformedId(r, pool));
  if (w < 92) return S(str(ctx, path));
  if (w < 96) return N(String(r.int(-5, 1_000_000)));
  return r.pick<Val>([N('1e308'), { k: 'bool', v: true }, { k: 'list', items: [S(typed())] }]);
}

// ---------------------------------------------------------------------------------------------
// Other scalars.

/** Int edges (32 bits), doubles past 2^53, floats and exponents, and a 400-digit integer. */
const INT_TEXTS = [
  ...['0', '-0', '1', '-1', '2', '5', '10', '20', '100', '101', '500', '501', '2000', '2001'],
  ...['2147483647', '2147483648', '-2147483648', '-2147483649', '4294967296'],
  ...['9007199254740991', '9007199254740993', '-9007199254740993'],
  ...['1e3', '1e308', '-1e308', '1.5', '-1.5', '0.1', '3.0', `1${'0'.repeat(400)}`],
];

function intValue(ctx: Ctx, path: string): Val {
  const { r } = ctx;
  if (ctx.mode !== 'random' && r.chance(ctx.mode === 'benign' ? 90 : 100))
    return N(String(/year/i.test(path) ? r.int(1800, 2030) : r.int(1, 10)));
  // In cases without deliberate faults, mostly values an Int can hold (edges included).
  if (ctx.faults === 0 && r.chance(60))
    return N(
      String(
        r.chance(50)
          ? r.pick([0, -1, 1, 100, 101, 2001, 2 ** 31 - 1, -(2 ** 31)])
          : r.from(fc.integer()),
      ),
    );
  const w = r.int(0, 99);
  if (w < 45) return N(r.pick(INT_TEXTS));
  if (w < 60) return S(r.pick(['5', '10', '-1', '1e308', '0x10', 'NaN', 'Infinity', '', ' 3']));
  if (w < 65) return { k: 'enum', v: r.pick(['Infinity', 'NaN', 'null_']) };
  return N(String(r.from(fc.integer())));
}

const VALID_DATES = ['2019-10-25', '2019-10-29', '2020-01-01', '2018-06-15', '2024-02-29'];
const BAD_DATES = [
  '2019-02-30',
  '2019-13-01',
  '2019-00-10',
  '0000-00-00',
  '99999-01-01',
  '2019-1-1',
  '25.10.2019',
  '2019-10-25T00:00:00Z',
  '+002019-10-25',
  '2019-10-25\n',
  '２０１９-１０-２５',
  '',
];

function dateValue(ctx: Ctx, path: string, time: boolean): Val {
  const { r } = ctx;
  const valid = (): string => {
    const day = r.chance(50)
      ? r.pick(VALID_DATES)
      : r
          .from(
            fc.date({
              min: new Date('1900-01-01T00:00:00Z'),
              max: new Date('2100-12-31T00:00:00Z'),
              noInvalidDate: true,
            }),
          )
          .toISOString()
          .slice(0, 10);
    return time ? `${day}T11:30:00+03:00` : day;
  };
  if (ctx.mode !== 'random') return S(valid());
  const w = r.int(0, 99);
  if (w < 55) return S(valid());
  if (w < 70) return S(wrongText(r, time ? 'DateTime' : 'Date'));
  if (w < 85)
    return S(time ? r.pick(['yesterday', '2019-10-29T25:00:00Z', '1e308']) : r.pick(BAD_DATES));
  if (w < 95) return S(str(ctx, path));
  return N(r.pick(INT_TEXTS));
}

// ---------------------------------------------------------------------------------------------
// Scalars that look right and are wrong, by the kind of position they go to. The lists for
// kinds the API must refuse hold only values that are wrong by its documented rules.

type ScalarKind =
  | 'Date'
  | 'DateTime'
  | 'Int'
  | 'ID'
  | 'url'
  | 'country'
  | 'language'
  | 'slug'
  | 'timeZone'
  | 'confidence'
  | 'cursor';

const WRONG_DATES = [
  ...['2019-02-30', '2019-02-29', '2021-02-29', '1900-02-29', '2019-04-31', '2019-06-31'],
  ...['2019-09-31', '2019-11-31', '2019-13-01', '2019-00-10', '2019-10-00', '2019-10-32'],
  ...['2019-W44', '2019-W44-2', '2019-302', '+002019-10-25', '-0001-01-01', '+275760-09-13'],
  ...['275760-09-13', '0000-00-00', '2019-10-29T00:00:00Z', '2019-10-29 ', ' 2019-10-29'],
  ...['20191029', '2019/10/29', '2019-1-9', '29.10.2019', '１９１９-10-29', '2019-10', ''],
];

const WRONG_DATE_TIMES = [
  ...['2019-02-30T11:30:00+03:00', '2021-02-29T11:30:00Z', '2019-04-31T00:00:00+02:00'],
  ...['2019-13-01T11:30:00+03:00', '2019-10-29T24:00:00Z', '2019-10-29T23:60:00Z'],
  ...['2019-10-29T23:59:61+03:00', '2016-12-31T23:59:60Z', '2015-06-30T23:59:60+00:00'],
  // Without an offset, or with a space: Neo4j would read these as UTC without a word.
  ...['2019-10-29T11:30', '2019-10-29T11:30:00', '2019-10-29T11:30:00.123', '2019-10-29 11:30'],
  ...['2019-10-29 11:30:00+03:00', '2019-10-29T11:30:00+25:00', '2019-10-29T11:30:00+18:30'],
  ...['2019-10-29T11:30:00-19:00', '2019-10-29T11:30:00+03:60', '2019-10-29T11:30:00+0300'],
  ...['2019-10-29T11:30:00+3:00', '2019-10-29T11:30:00 +03:00', '2019-10-29T11:30:00 Z'],
  ...['2019-W44-2T11:30:00+03:00', '2019-302T11:30:00Z', '+275760-09-13T00:00:00Z'],
  ...['-000001-01-01T00:00:00Z', '0000-00-00T00:00:00Z', '2019-10-29T11:30:00.1234567890Z'],
  ...['2019-10-29t11:30:00z', '2019-10-29T11:30:00+03:00[Europe/Moscow]', '2019-10-29'],
  ...['11:30:00+03:00', 'Tue, 29 Oct 2019 11:30:00 GMT', '1572338000', '2019-10-29T', ''],
];

const WRONG_TEXT: Record<Exclude<ScalarKind, 'Date' | 'DateTime' | 'Int' | 'ID'>, string[]> = {
  url: [
    ...['javascript:alert(1)', 'JAVASCRIPT:alert(1)', 'data:text/html,<b>x</b>', 'vbscript:x'],
    ...['/relative/path', 'example.org', 'example.org/page', '//example.org/x', 'http://'],
    ...['https://', 'http:// example.org', 'https://exa mple.org/', 'ftp://example.org/x'],
    ...['file:///etc/passwd', 'https://example', 'http://localhost:99999/', 'https:/example.org'],
    ...['mailto:x@example.org', 'https://example.org/\n', '', ' '],
    `https://example.org/${'a'.repeat(3_000)}`,
  ],
  country: [
    'fi',
    'Fi',
    'fI',
    'FIN',
    'SWE',
    'XX',
    'ZZ',
    'AA',
    'F',
    'F1',
    '12',
    ' FI',
    'FI ',
    'ＦＩ',
    '',
  ],
  language: ['FI', 'EN', 'english', 'en_GB', 'e', 'en-', '-en', 'en--GB', 'fi ', ' fi', '12', ''],
  slug: [
    ...['Nordic-Hub', 'nordic hub', 'nordic--hub', '-nordic', 'nordic-', 'nordic_hub', 'a.b'],
    ...['ñandú', 'kiertotalous-é', 'слаг', 'nordic/hub', '', ' ', 'x'.repeat(101)],
  ],
  timeZone: ['Europe/Mars', 'Moscow', 'UTC+3', 'Mars/Olympus_Mons', 'x'.repeat(65)],
  confidence: ['stated', 'Stated', 'STATED ', 'ASSERTED', 'EXTERNAL', 'CERTAIN', ''],
  cursor: [
    '',
    'x',
    'bm90IGEgY3Vyc29y',
    b64('{"k":1}'),
    b64('Organisation:x'),
    '====',
    'a'.repeat(300),
  ],
};

/** Values a Date or DateTime can never take: every one must be refused. */
function wrongText(r: Rand, kind: Exclude<ScalarKind, 'Int' | 'ID'>): string {
  if (kind === 'Date') return r.pick(WRONG_DATES);
  if (kind === 'DateTime') return r.pick(WRONG_DATE_TIMES);
  return r.pick(WRONG_TEXT[kind]);
}

function stringKind(last: string): keyof typeof WRONG_TEXT | undefined {
  if (last === 'url' || last === 'website') return 'url';
  if (last === 'country' || last === 'countries') return 'country';
  if (last === 'language') return 'language';
  if (last === 'slug') return 'slug';
  if (last === 'timeZone') return 'timeZone';
  if (last === 'confidence') return 'confidence';
  if (last === 'after') return 'cursor';
  return undefined;
}

/** The kind of a scalar position, by its type, and for a String by its name. */
function scalarKind(type: string, path: string): ScalarKind | undefined {
  if (type === 'Date' || type === 'DateTime' || type === 'Int' || type === 'ID') return type;
  if (type === 'String') return stringKind(path.split('.').pop()!);
  return undefined;
}

function wrongScalar(ctx: Ctx, kind: ScalarKind, path: string): Val {
  const { r, pool } = ctx;
  if (kind === 'Int') {
    const last = path.split('.').pop()!;
    const edges = /year/i.test(last) ? ['999', '1799', '2101', '0', '-2019'] : ['0', '-1', '101'];
    return N(r.pick([...edges, '1001', '2147483647', '-2147483648', '10001', '10000001']));
  }
  if (kind === 'ID') {
    const uuid = r.from(fc.uuid());
    const real = r.pick(pool.all);
    // Well-formed ids of no node or of another kind, and near misses of real ones.
    return S(
      r.pick([
        b64(`Organisation:${uuid}`),
        b64(`Person:${uuid}`),
        b64(`Invitation:${uuid}`),
        b64(`Document:${uuid}`),
        b64('Organisation:not-a-uuid'),
        b64(`organisation:${uuid}`),
        b64(`Organisation:${uuid.toUpperCase()}`),
        b64(` Organisation:${uuid}`),
        r.pick(pool.all),
        `${real}==`,
        real.slice(0, -2),
        ` ${real}`,
        uuid,
      ]),
    );
  }
  return S(wrongText(r, kind));
}

/**
 * What the API owes a wrong value at a position. named: refused with BAD_USER_INPUT naming the
 * position (the value is checked before anything else: by the scalar, or by the input's
 * validation); refused: refused, possibly for another reason first; open: data, or a coded
 * refusal (a filter may simply match nothing, an id may name nothing).
 */
type Duty = 'named' | 'refused' | 'open';

interface ScalarPosition {
  root: string;
  path: string;
  kind: ScalarKind;
  duty: Duty;
}

function dutyOf(kind: ScalarKind, mutation: boolean): Duty {
  if (kind === 'Date' || kind === 'DateTime') return 'named';
  if (!mutation) return 'open';
  if (['url', 'country', 'language', 'slug', 'confidence'].includes(kind)) return 'named';
  return kind === 'timeZone' ? 'refused' : 'open';
}

/** Every scalar position of every root field's arguments whose value has a format or bounds. */
function scalarPositions(schema: GraphQLSchema): ScalarPosition[] {
  const positions: ScalarPosition[] = [];
  const mutations = new Set(Object.keys(schema.getMutationType()!.getFields()));
  const walk = (root: string, type: GraphQLInputType, path: string, seen: Set<string>): void => {
    const named = getNamedType(type);
    const kind = scalarKind(named.name, path);
    if (kind) positions.push({ root, path, kind, duty: dutyOf(kind, mutations.has(root)) });
    if (isInputObjectType(named) && !seen.has(named.name))
      for (const f of Object.values(named.getFields()))
        walk(root, f.type, `${path}.${f.name}`, new Set([...seen, named.name]));
  };
  for (const type of [schema.getQueryType()!, schema.getMutationType()!])
    for (const field of Object.values(type.getFields()))
      for (const arg of field.args) walk(field.name, arg.type, arg.name, new Set());
  return positions;
}

/** A value of the wrong shape: object or list for a scalar, scalar for an object, deep JSON. */
function wrongValue(ctx: Ctx, path: string): Val {
  const { r } = ctx;
  switch (r.int(0, 7)) {
    case 0:
      return { k: 'obj', fields: [[r.pick(UNKNOWN_NAMES), S(str(ctx, path))]] };
    case 1:
      return { k: 'list', items: [N('1'), S('two'), { k: 'null' }] };
    case 2:
      return S(str(ctx, path));
    case 3:
      return N(r.pick(INT_TEXTS));
    case 4:
      return { k: 'bool', v: r.chance(50) };
    case 5:
      return { k: 'null' };
    case 6:
      return { k: 'list', items: [{ k: 'list', items: [{ k: 'list', items: [S('x')] }] }] };
    default:
      return deepValue(r, r.int(5, 400));
  }
}

function deepValue(r: Rand, depth: number): Val {
  const lists = r.chance(50);
  let v: Val = S('bottom');
  for (let i = 0; i < depth; i++)
    v = lists ? { k: 'list', items: [v] } : { k: 'obj', fields: [['n', v]] };
  return v;
}

/** True when the path is a target or leads to one (so it must be sent, and lists not empty). */
function towardTarget(ctx: Ctx, path: string): boolean {
  if (!ctx.tracking) return false;
  for (const t of ctx.targets) if (t === path || t.startsWith(`${path}.`)) return true;
  return false;
}

function inputValue(ctx: Ctx, type: GraphQLInputType, path: string, depth = 0): Val {
  const { r } = ctx;
  const wild = ctx.mode === 'random';
  if (fault(ctx, 3)) return wrongValue(ctx, path);
  if (isNonNullType(type)) return inputValue(ctx, type.ofType, path, depth);
  if (fault(ctx, 3)) return { k: 'null' };
  if (isListType(type)) {
    // GraphQL coerces a single value to a list of one; send that now and then.
    if (wild && r.chance(10)) return inputValue(ctx, type.ofType, path, depth);
    // Plausible cases send no empty lists: a list that must not be empty would be refused first.
    const n = injecting(ctx) || ctx.mode === 'plausible' ? r.int(1, 2) : r.int(0, 3);
    return {
      k: 'list',
      items: Array.from({ length: n }, () => inputValue(ctx, type.ofType, path, depth)),
    };
  }
  if (isInputObjectType(type)) {
    const fields: [string, Val][] = [];
    for (const f of Object.values(type.getFields())) {
      const required = isNonNullType(f.type) && f.defaultValue === undefined;
      // A quote goes with every plausible evidence: a document without one is refused first.
      const include = required
        ? !fault(ctx, 3)
        : towardTarget(ctx, `${path}.${f.name}`) ||
          (ctx.mode === 'plausible' && f.name === 'quote') ||
          r.chance(OPTIONAL_SHARE[ctx.mode]);
      if (include && depth < 6)
        fields.push([f.name, inputValue(ctx, f.type, `${path}.${f.name}`, depth + 1)]);
    }
    if (fault(ctx, 4)) fields.push([r.pick(UNKNOWN_NAMES), S(str(ctx, path))]);
    if (fault(ctx, 2) && fields.length > 0) fields.push(fields[0]!);
    return { k: 'obj', fields };
  }
  if (isEnumType(type)) {
    if (fault(ctx, 8))
      return {
        k: 'enum',
        v: r.chance(50) ? r.pick(['GUILD', 'cluster', 'TRUE', 'null_']) : str(ctx, path),
      };
    return { k: 'enum', v: r.pick(type.getValues()).name };
  }
  const kind = ctx.tracking && ctx.targets.has(path) ? scalarKind(type.name, path) : undefined;
  if (kind) {
    ctx.hits.push(path);
    return wrongScalar(ctx, kind, path);
  }
  switch (type.name) {
    case 'ID':
      return idValue(ctx, path);
    case 'Int':
    case 'Float':
      return intValue(ctx, path);
    case 'Boolean':
      if (fault(ctx, 10)) return r.pick<Val>([S('true'), N('1'), N('0'), { k: 'enum', v: 'yes' }]);
      return { k: 'bool', v: r.chance(50) };
    case 'Date':
      return dateValue(ctx, path, false);
    case 'DateTime':
      return dateValue(ctx, path, true);
    default:
      return S(str(ctx, path));
  }
}

// ---------------------------------------------------------------------------------------------
// Documents.

/** An argument as an inline literal or as a (sometimes mis-declared or missing) variable. */
function argument(ctx: Ctx, type: GraphQLInputType, path: string): string {
  const { r } = ctx;
  ctx.hits = [];
  const value = inputValue(ctx, type, path);
  const hits = [...new Set(ctx.hits)];
  if (r.chance(ctx.inline)) {
    for (const h of hits) ctx.wrongSent.push({ path: h });
    return literal(value, ctx.mode === 'random' && r.chance(8));
  }
  const name = `v${ctx.vars.length}`;
  for (const h of hits) ctx.wrongSent.push({ path: h, variable: name });
  const declared = fault(ctx, 5)
    ? r.pick(['String', 'String!', 'Int', 'ID!', '[String]', 'Boolean', 'NoSuchType', 'Float'])
    : String(type);
  ctx.vars.push({ name, type: declared, value: fault(ctx, 4) ? undefined : value });
  return `$${name}`;
}

function argumentsOf(ctx: Ctx, field: GraphQLField<unknown, unknown>, root: boolean): string {
  const { r } = ctx;
  const parts: string[] = [];
  ctx.tracking = root;
  for (const arg of field.args) {
    const required = isNonNullType(arg.type) && arg.defaultValue === undefined;
    const include = required
      ? !fault(ctx, 3)
      : (root && towardTarget(ctx, arg.name)) || r.chance(root ? OPTIONAL_SHARE[ctx.mode] : 45);
    if (include) parts.push(`${arg.name}: ${argument(ctx, arg.type, arg.name)}`);
  }
  ctx.tracking = false;
  if (fault(ctx, 3)) parts.push(`${r.pick(UNKNOWN_NAMES)}: ${literal(S(str(ctx, 'bogus')))}`);
  if (fault(ctx, 2) && parts.length > 0) parts.push(parts[0]!);
  return parts.length > 0 ? `(${parts.join(', ')})` : '';
}

interface Shape {
  /** Ordinary nesting still allowed. */
  depth: number;
  /** Levels of a forced deep chain still to go (deep selections over the depth limit). */
  chain: number;
}

function hasObjectFields(type: GraphQLNamedType): boolean {
  if (isUnionType(type)) return true;
  if (!isObjectType(type) && !isInterfaceType(type)) return false;
  return Object.values(type.getFields()).some((f) => !isLeafType(getNamedType(f.type)));
}

function selection(ctx: Ctx, type: GraphQLOutputType, shape: Shape): string {
  const { r, schema } = ctx;
  const named = getNamedType(type);
  if (isLeafType(named)) return fault(ctx, 1) ? '{ id }' : '';
  const parts: string[] = [];
  let chain = shape.chain;
  if (isUnionType(named) || isInterfaceType(named)) {
    for (const t of r.some(schema.getPossibleTypes(named), 1, 2)) {
      parts.push(`... on ${t.name} ${selection(ctx, t, { depth: shape.depth, chain })}`);
      chain = 0;
    }
  }
  if (isObjectType(named) || isInterfaceType(named)) {
    const fields = Object.values(named.getFields());
    const leaves = fields.filter((f) => isLeafType(getNamedType(f.type)));
    const nested = fields.filter((f) => !isLeafType(getNamedType(f.type)));
    for (const f of r.some(leaves, 0, 4)) parts.push(fieldText(ctx, f, { depth: 0, chain: 0 }));
    const onward = nested.filter((f) => hasObjectFields(getNamedType(f.type)));
    if (chain > 0 && onward.length > 0)
      parts.push(fieldText(ctx, r.pick(onward), { depth: 0, chain: chain - 1 }));
    else if (shape.depth > 0)
      for (const f of r.some(nested, 0, 2))
        parts.push(fieldText(ctx, f, { depth: shape.depth - 1, chain: 0 }));
  }
  if (parts.length === 0 || r.chance(15)) parts.push('__typename');
  if (fault(ctx, 2)) parts.push('dup: __typename dup: id');
  if (fault(ctx, 2)) parts.push(r.pick(UNKNOWN_NAMES.filter((n) => n !== 'id')));
  return `{ ${parts.join(' ')} }`;
}

function fieldText(ctx: Ctx, field: GraphQLField<unknown, unknown>, shape: Shape): string {
  const alias = ctx.r.chance(10) ? `a${ctx.aliases++}: ` : '';
  const args = argumentsOf(ctx, field, false);
  return `${alias}${field.name}${args} ${selection(ctx, field.type, shape)}`;
}

function operationText(ctx: Ctx, kind: 'query' | 'mutation', body: string): string {
  const { r } = ctx;
  if (fault(ctx, 2)) ctx.vars.push({ name: 'unused', type: 'String', value: S('x') });
  const header =
    ctx.vars.length > 0 ? `(${ctx.vars.map((v) => `$${v.name}: ${v.type}`).join(', ')})` : '';
  const name = r.chance(30) ? ` Fuzz${r.int(0, 999)}` : '';
  const directive = fault(ctx, 3) ? r.pick([' @bogus', ' @skip(if: "yes")']) : '';
  let text =
    kind === 'query' && !header && !name && r.chance(50)
      ? `{ ${body} }`
      : `${kind}${name}${header}${directive} { ${body} }`;
  if (fault(ctx, 3)) text += ` query Other { __typename }`;
  if (fault(ctx, 2)) text += ' fragment A on Query { ...B } fragment B on Query { ...A }';
  return text;
}

function variablesOf(ctx: Ctx): Record<string, Val> {
  const vars: Record<string, Val> = {};
  for (const v of ctx.vars) if (v.value !== undefined) vars[v.name] = v.value;
  if (fault(ctx, 3)) vars.extra = deepValue(ctx.r, ctx.r.int(5, 300));
  return vars;
}

// ---------------------------------------------------------------------------------------------
// Cases.

type Token = Role | 'none';

interface FuzzCase {
  kind: 'query' | 'mutation' | 'garbage';
  label: string;
  token: Token;
  document?: string;
  variables?: Record<string, Val>;
  /** Plausible but wrong scalars: the positions targeted and where their values went. */
  wrong?: { positions: ScalarPosition[]; sent: { path: string; variable?: string }[] };
  /** Sent as written instead of through api.gql (numbers kept as text, garbage bodies). */
  raw?: { method: 'GET' | 'POST'; query?: string; headers: Record<string, string>; body?: string };
}

function newCtx(
  r: Rand,
  schema: GraphQLSchema,
  pool: IdPool,
  injected: Set<string>,
  mode: Mode,
  root: string,
): Ctx {
  return {
    r,
    schema,
    pool,
    mode,
    root,
    tracking: false,
    injected,
    vars: [],
    inline: r.int(0, 100),
    faults: r.pick([0, 0, 1, 1, 2]),
    aliases: 0,
    targets: new Set(),
    hits: [],
    wrongSent: [],
  };
}

function queryCase(ctx: Ctx, fields: GraphQLField<unknown, unknown>[]): FuzzCase {
  const { r } = ctx;
  const deep = ctx.mode === 'random' && r.chance(10);
  const body = fields
    .map((f, i) => {
      ctx.root = f.name;
      const alias = fields.length > 1 && r.chance(70) ? `q${i}: ` : '';
      const args = argumentsOf(ctx, f, true);
      const shape = deep ? { depth: 0, chain: r.int(6, 40) } : { depth: r.int(0, 3), chain: 0 };
      return `${alias}${f.name}${args} ${selection(ctx, f.type, shape)}`;
    })
    .join(' ');
  const document = operationText(ctx, 'query', body);
  // The sweep reads as admin (two fields are admins' only); random reads are mostly anonymous.
  const token: Token =
    injecting(ctx) || ctx.mode === 'plausible'
      ? 'admin'
      : r.chance(70)
        ? 'none'
        : r.pick(['reader', 'reader', 'admin']);
  return finish(ctx, {
    kind: 'query',
    label: `query ${fields.map((f) => f.name).join('+')} (${ctx.mode}${deep ? ', deep' : ''})`,
    token,
    document,
  });
}

function mutationCase(ctx: Ctx, field: GraphQLField<unknown, unknown>): FuzzCase {
  const { r } = ctx;
  ctx.root = field.name;
  const alias = r.chance(20) ? 'm: ' : '';
  const args = argumentsOf(ctx, field, true);
  const sel = selection(ctx, field.type, { depth: r.int(0, 1), chain: 0 });
  const document = operationText(ctx, 'mutation', `${alias}${field.name}${args} ${sel}`);
  // Now and then a write without the right to write: it must be refused like any other.
  const token: Token =
    ctx.mode === 'plausible'
      ? 'admin'
      : injecting(ctx) || r.chance(95)
        ? 'editor'
        : r.pick(['reader', 'none']);
  return finish(ctx, {
    kind: 'mutation',
    label: `mutation ${field.name} (${ctx.mode}, ${token})`,
    token,
    document,
  });
}

/** Most cases go through api.gql; some as raw JSON, which keeps huge numbers as written. */
function finish(ctx: Ctx, c: FuzzCase): FuzzCase {
  const variables = variablesOf(ctx);
  if (!ctx.r.chance(15)) return { ...c, variables };
  return {
    ...c,
    variables,
    raw: {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: `{"query":${JSON.stringify(c.document)},"variables":${variablesText(variables)}}`,
    },
  };
}

const VALID_QUERY = '{ organisations(first: 2) { edges { node { id name } } } }';

function deepJson(r: Rand, depth: number): string {
  return r.chance(50)
    ? `${'['.repeat(depth)}1${']'.repeat(depth)}`
    : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
}

function garbageCase(
  r: Rand,
  schema: GraphQLSchema,
  pool: IdPool,
  injected: Set<string>,
): FuzzCase {
  const token: Token = r.pick(['none', 'reader', 'editor']);
  const json = { 'content-type': 'application/json' };
  const post = (label: string, body: string, headers: Record<string, string> = json): FuzzCase => ({
    kind: 'garbage',
    label,
    token,
    raw: { method: 'POST', headers, body },
  });
  switch (r.int(0, 13)) {
    case 0: {
      const tokens = [...'{ } ( ) [ ] : = ! @ # " """ ... $x on'.split(' '), '\n'];
      tokens.push('query', 'mutation', 'fragment', 'organisations', '__schema');
      const text = r.chance(50)
        ? r.from(fc.array(fc.constantFrom(...tokens), { maxLength: 40 })).join(' ')
        : r.from(fc.string({ unit: 'binary', maxLength: 200 }));
      return {
        kind: 'garbage',
        label: 'random document text',
        token,
        document: text,
        variables: {},
      };
    }
    case 1: {
      const ctx = newCtx(r, schema, pool, injected, 'random', 'truncated');
      const fields = Object.values(schema.getQueryType()!.getFields());
      const full = queryCase(ctx, [r.pick(fields)]);
      const cut = full.document!.slice(0, r.int(0, full.document!.length - 1));
      return {
        kind: 'garbage',
        label: 'truncated document',
        token,
        document: cut,
        variables: full.variables ?? {},
      };
    }
    case 2:
      return post('body that is not JSON', r.from(fc.string({ unit: 'binary', maxLength: 300 })));
    case 3:
      return post(
        'wrong-typed JSON body',
        r.pick([
          '{"query": 123}',
          '{"query": null}',
          '{"query": ["{ __typename }"]}',
          '{"query": {"a": 1}}',
          '{}',
          '[]',
          'null',
          '"{ __typename }"',
          '123',
          'true',
          '{"query": "{ __typename }", "variables": "x"}',
          '{"query": "{ __typename }", "variables": [1]}',
          '{"query": "{ __typename }", "variables": 5}',
          '{"query": "{ __typename }", "operationName": 5}',
          '{"query": "{ __typename }", "operationName": {}}',
          '{"query": "{ __typename }", "operationName": "Nope"}',
          '{"query": "{ __typename }", "extensions": "x"}',
          '{"query": "{ __typename }", "extensions": {"persistedQuery": {"version": 1, "sha256Hash": "abc"}}}',
          '{"extensions": {"persistedQuery": {"version": 1, "sha256Hash": "abc"}}}',
          '{"query": "{ __typename }", "extensions": {"persistedQuery": {"version": 2}}}',
          '{"query": "{ __typename }", "query": "{ version { api } }"}',
          '{"__proto__": {"query": "{ __typename }"}}',
          '{"query": "{ __typename }", "variables": {"__proto__": {"polluted": true}}}',
          '{"constructor": {"prototype": {"polluted": true}}, "query": "{ __typename }"}',
          '{"query": "", "variables": {}}',
          '{"query": "   "}',
          `[{"query": "{ __typename }"}, {"query": "{ __typename }"}]`,
          '{"query": "{ __typename }"',
          '{"query": "{ __typename }"}}',
          '\u0000',
        ]),
      );
    case 4: {
      const declared = r.pick([
        '',
        '($v: String)',
        '($v: [String!])',
        '($v: EventFilter)',
        '($v: OrganisationFilter)',
      ]);
      const use = declared ? '(filter: $v)' : '';
      const query = declared.includes('Filter')
        ? `query${declared} { ${declared.includes('Event') ? 'events' : 'organisations'}${use} { totalCount } }`
        : `query${declared} { search(query: ${declared ? '$v' : '"sitra"'}) { matched } }`;
      return post(
        'deeply nested JSON variable',
        `{"query":${JSON.stringify(query)},"variables":{"v":${deepJson(r, r.int(500, 40_000))}}}`,
      );
    }
    case 5: {
      // A valid write whose body also carries a deep (unused) variable.
      const query = 'mutation($input: CreateTopicInput!) { upsertTopic(input: $input) { id } }';
      const input = JSON.stringify({ name: plausibleName(r) });
      return {
        ...post(
          'valid write with a deep extra variable',
          `{"query":${JSON.stringify(query)},"variables":{"input":${input},"pad":${deepJson(r, r.int(1_000, 20_000))}}}`,
        ),
        kind: 'mutation',
        token: 'editor',
      };
    }
    case 6: {
      const n = r.pick([
        '1e400',
        '-1e400',
        '9007199254740993',
        `1${'0'.repeat(400)}`,
        '1.0',
        '1e2',
        '-0',
        '0.1e1',
        '2147483648',
        '-1',
        '0',
      ]);
      const query = r.chance(50)
        ? 'query($n: Int) { organisations(first: $n) { totalCount } }'
        : 'query($n: Int!) { neighbourhood(id: "x", depth: $n, limit: $n) { truncated } }';
      return post(
        `huge number ${n.slice(0, 20)} as written`,
        `{"query":${JSON.stringify(query)},"variables":{"n":${n}}}`,
      );
    }
    case 7: {
      const body = JSON.stringify({ query: VALID_QUERY });
      const [label, headers, text] = r.pick<[string, Record<string, string>, string]>([
        ['text/plain', { 'content-type': 'text/plain' }, body],
        [
          'form-urlencoded',
          { 'content-type': 'application/x-www-form-urlencoded' },
          `query=${encodeURIComponent(VALID_QUERY)}`,
        ],
        ['application/graphql', { 'content-type': 'application/graphql' }, VALID_QUERY],
        ['multipart without parts', { 'content-type': 'multipart/form-data; boundary=x' }, '--x--'],
        ['latin1 charset', { 'content-type': 'application/json; charset=latin1' }, body],
        [
          'gzip that is not gzip',
          { 'content-type': 'application/json', 'content-encoding': 'gzip' },
          body,
        ],
        [
          'unknown encoding',
          { 'content-type': 'application/json', 'content-encoding': 'br2' },
          body,
        ],
        ['no content type', {}, body],
        ['json with a BOM', { 'content-type': 'application/json' }, `\uFEFF${body}`],
      ]);
      return post(`content type: ${label}`, text, headers);
    }
    case 8: {
      const query = r.pick([
        VALID_QUERY,
        'mutation { deleteTopic(id: "x") }',
        `{ search(query: ${JSON.stringify(r.pick(INJECTIONS))}) { matched } }`,
        r.from(fc.string({ unit: 'binary', maxLength: 100 })),
        `{ search(query: "${'x'.repeat(r.int(1_000, 20_000))}") { matched } }`,
      ]);
      const variables = r.pick([
        '',
        '&variables=not-json',
        `&variables=${encodeURIComponent('{"a":[1,{"b":null}]}')}`,
      ]);
      return {
        kind: 'garbage',
        label: 'GET',
        token,
        raw: {
          method: 'GET',
          query: `query=${encodeURIComponent(query)}${variables}`,
          headers: { 'apollo-require-preflight': 'true' },
        },
      };
    }
    case 9: {
      const authorization = r.pick([
        'Bearer ',
        'Bearer x',
        'Bearer cgk_',
        `Bearer cgk_${'a'.repeat(40)}`,
        `Bearer ${"' OR 1=1 //".replace(/ /g, '')}xxxxxxxxxx`,
        'Basic Zm9vOmJhcg==',
        'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJhZG1pbiIsInJvbGUiOiJhZG1pbiJ9.',
        `Bearer ${'a'.repeat(5_000)}`,
        'Bearer   cgk_x y z',
        'Token abc',
      ]);
      return post(
        `authorization ${authorization.slice(0, 30)}`,
        JSON.stringify({ query: VALID_QUERY }),
        { ...json, authorization },
      );
    }
    case 10: {
      const n = r.int(20, 300);
      const fields = Array.from(
        { length: n },
        (_, i) =>
          `a${i}: ${r.pick(['__typename', 'version { api }', 'organisations(first: 100) { totalCount }'])}`,
      );
      return {
        kind: 'garbage',
        label: `${n} aliases`,
        token,
        document: `{ ${fields.join(' ')} }`,
        variables: {},
      };
    }
    case 11: {
      const name = r.pick([...INJECTIONS, 'Organisation', 'Query', '__Schema']);
      return {
        kind: 'garbage',
        label: 'introspection',
        token,
        document: r.chance(50)
          ? '{ __schema { types { name fields { name } } } }'
          : `query($n: String!) { __type(name: $n) { name kind } }`,
        variables: { n: S(name) },
      };
    }
    case 12: {
      // Many definitions, selections and directives: the parser and validation under load.
      const n = r.int(50, 2_500);
      const doc = r.pick([
        `{ ${'__typename '.repeat(n)}}`,
        `{ __typename ${'@skip(if: false) '.repeat(n)}}`,
        Array.from({ length: n }, (_, i) => `fragment F${i} on Query { __typename }`).join(' '),
        `query(${Array.from({ length: n }, (_, i) => `$v${i}: Int`).join(' ')}) { __typename }`,
      ]);
      return { kind: 'garbage', label: `${n} repeated parts`, token, document: doc, variables: {} };
    }
    default: {
      const body = JSON.stringify({ query: VALID_QUERY, variables: { x: 1 } }).replace(
        '"x"',
        `"${'k'.repeat(r.int(1, 5))}"`,
      );
      const cut = body.slice(0, r.int(1, body.length - 1));
      return post('truncated JSON body', cut);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Checks.

interface Answer {
  status: number;
  contentType: string;
  text: string;
  json?: { data?: Record<string, unknown> | null; errors?: unknown[] };
}

/** Text that reveals internals; only counted when the request did not contain it itself. */
const LEAKS = [
  'Neo4jError',
  'Neo.ClientError',
  'Neo.DatabaseError',
  'Neo.TransientError',
  'neo4j-driver',
  'MATCH (',
  'DETACH DELETE',
  ' at /',
  'node_modules',
  '.ts:',
  '.js:',
  'TypeError',
  'RangeError',
  'ReferenceError',
  'Cannot read properties',
  'is not a function',
  'Maximum call stack',
];

function problemsOf(c: FuzzCase, answer: Answer): string[] {
  const problems: string[] = [];
  const query = new URLSearchParams(c.raw?.query ?? '');
  const sent = `${c.document ?? ''} ${variablesText(c.variables ?? {})} ${c.raw?.body ?? ''} ${[...query.values()].join(' ')}`;
  if (answer.status >= 500) problems.push(`HTTP ${answer.status}: ${answer.text.slice(0, 300)}`);
  const leaks = (text: string): string[] =>
    LEAKS.filter((m) => text.includes(m) && !sent.includes(m));
  // Node's HTTP parser answers this itself (request headers over 16 KiB, a long GET URL here),
  // before the application sees the request.
  if (answer.status === 431) return problems;
  if (!answer.json) {
    // Every answer of /graphql, refusals of the body included, is in the GraphQL error shape.
    problems.push(`HTTP ${answer.status} answer is not GraphQL JSON (${answer.contentType})`);
    const leaked = leaks(answer.text);
    if (leaked.length > 0)
      problems.push(`it reveals ${leaked.join(', ')}: ${answer.text.slice(0, 300)}`);
    return problems;
  }
  const errors = answer.json.errors ?? [];
  if (!Array.isArray(errors))
    return [...problems, `errors is not a list: ${answer.text.slice(0, 200)}`];
  for (const e of errors as { message?: unknown; extensions?: Record<string, unknown> }[]) {
    const code = e.extensions?.code;
    const message = e.message;
    if (typeof code !== 'string')
      problems.push(`error without a code: ${JSON.stringify(e).slice(0, 300)}`);
    if (code === 'INTERNAL_SERVER_ERROR')
      problems.push(`INTERNAL_SERVER_ERROR: ${JSON.stringify(e).slice(0, 300)}`);
    if (typeof message !== 'string' || message.trim() === '')
      problems.push(`error without a message: ${JSON.stringify(e).slice(0, 300)}`);
    if (e.extensions && 'stacktrace' in e.extensions) problems.push('error with a stack trace');
    const leaked = typeof message === 'string' ? leaks(message) : [];
    if (leaked.length > 0)
      problems.push(`message reveals ${leaked.join(', ')}: ${String(message).slice(0, 300)}`);
  }
  return problems;
}

/** Codes a case whose only faults are plausible but wrong scalars may be answered with. */
const WRONG_SCALAR_CODES = new Set([
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'CONFLICT',
  'QUERY_TOO_COMPLEX',
]);

/**
 * What a case with plausible but wrong scalars owes beyond problemsOf: a coded refusal of the
 * client's fault (never a validation failure or an internal error), a refusal where the value
 * can never be right, and then an error that names the position (argument path, list indexes
 * aside) or the variable that carried it.
 */
function wrongScalarProblems(c: FuzzCase, answer: Answer): string[] {
  if (!c.wrong || !answer.json || c.wrong.sent.length === 0) return [];
  const problems: string[] = [];
  const errors = (answer.json.errors ?? []) as { extensions?: Record<string, unknown> }[];
  for (const e of errors) {
    const code = String(e.extensions?.code);
    if (!WRONG_SCALAR_CODES.has(code))
      problems.push(`a wrong scalar was answered ${code}: ${JSON.stringify(e).slice(0, 300)}`);
  }
  const sent = c.wrong.sent;
  const reached = c.wrong.positions.filter((p) => sent.some((w) => w.path === p.path));
  const owed = reached.filter((p) => p.duty !== 'open');
  if (owed.length > 0 && !(refused(answer) && errors.length > 0))
    problems.push(`wrong values in ${owed.map((p) => p.path).join(', ')} were accepted`);
  const named = reached.filter((p) => p.duty === 'named');
  // Any wrong value of the case may be the one named first (they are all wrong).
  const names = (e: { extensions?: Record<string, unknown> }): boolean => {
    const { code, argument, variable } = e.extensions ?? {};
    if (code !== 'BAD_USER_INPUT') return false;
    if (typeof argument === 'string')
      return reached.some((p) => p.path === argument.replace(/\[\d+\]/g, ''));
    if (typeof variable === 'string') return sent.some((w) => w.variable === variable);
    return false;
  };
  if (named.length > 0 && !errors.some(names))
    problems.push(
      `no BAD_USER_INPUT names ${named.map((p) => p.path).join(' or ')}: ${answer.text.slice(0, 300)}`,
    );
  return problems;
}

/**
 * A write is refused when nothing ran (no data) or an error sits at its root field; errors
 * deeper down come from the selection on a write that was already made.
 */
function refused(answer: Answer): boolean {
  if (!answer.json || !('data' in answer.json)) return true;
  const errors = (answer.json.errors ?? []) as { path?: unknown }[];
  return errors.some((e) => !Array.isArray(e.path) || e.path.length <= 1);
}

async function nodeCount(): Promise<number> {
  return api.db().read(async (tx) => {
    const result = await tx.run(
      'MATCH (n) WHERE NOT n:GraphMeta AND NOT n:AuditEntry RETURN count(n) AS c',
    );
    return Number(result.records[0]!.get('c'));
  });
}

async function send(c: FuzzCase): Promise<Answer> {
  const token = c.token === 'none' ? null : api.keys()[c.token];
  if (!c.raw) {
    const variables = Object.fromEntries(
      Object.entries(c.variables ?? {}).map(([k, v]) => [k, toJs(v)]),
    );
    try {
      const { status, ...json } = await api.gql(c.document!, variables, token);
      return { status, contentType: 'application/json', text: JSON.stringify(json), json };
    } catch (error) {
      // api.gql reads JSON; anything else is reported like a raw answer would be.
      return { status: 0, contentType: 'application/json', text: String(error) };
    }
  }
  const url = `${api.origin()}/graphql${c.raw.query ? `?${c.raw.query}` : ''}`;
  const res = await fetch(url, {
    method: c.raw.method,
    headers: {
      ...c.raw.headers,
      ...(token && !c.raw.headers.authorization ? { authorization: `Bearer ${token}` } : {}),
    },
    body: c.raw.body,
  });
  const text = await res.text();
  const contentType = res.headers.get('content-type') ?? '';
  let json: Answer['json'];
  if (contentType.includes('json')) {
    try {
      json = JSON.parse(text) as Answer['json'];
    } catch {
      json = undefined;
    }
  }
  return { status: res.status, contentType, text, json };
}

/** Every String or ID position in the arguments of every root field: "<field>(<path>)". */
function stringPositions(schema: GraphQLSchema): string[] {
  const keys: string[] = [];
  const walk = (root: string, type: GraphQLInputType, path: string, seen: Set<string>): void => {
    const named = getNamedType(type);
    if (named.name === 'String' || named.name === 'ID') keys.push(`${root}(${path})`);
    if (isInputObjectType(named) && !seen.has(named.name))
      for (const f of Object.values(named.getFields()))
        walk(root, f.type, `${path}.${f.name}`, new Set([...seen, named.name]));
  };
  for (const type of [schema.getQueryType()!, schema.getMutationType()!])
    for (const field of Object.values(type.getFields()))
      for (const arg of field.args) walk(field.name, arg.type, arg.name, new Set());
  return keys;
}

async function idPool(): Promise<IdPool> {
  type Page = {
    edges: {
      node: { id: string; __typename: string; evidence?: { document: { id: string } | null }[] };
    }[];
  };
  const lists = await api.gql<Record<'organisations' | 'people' | 'events' | 'invitations', Page>>(
    `{ organisations(first: 10) { edges { node { __typename id evidence { document { id } } } } }
       people(first: 10) { edges { node { __typename id } } }
       events(first: 10) { edges { node { __typename id } } }
       invitations(first: 5) { edges { node { __typename id } } } }`,
  );
  const byType = new Map<string, string[]>();
  const add = (type: string, id: string): void => {
    const ids = byType.get(type) ?? [];
    if (!ids.includes(id)) byType.set(type, [...ids, id]);
  };
  for (const page of Object.values(lists.data!))
    for (const { node } of page.edges) {
      add(node.__typename, node.id);
      for (const e of node.evidence ?? []) if (e.document) add('Document', e.document.id);
    }
  const around = await api.gql<{ neighbourhood: { nodes: { __typename: string; id: string }[] } }>(
    'query($id: ID!) { neighbourhood(id: $id, depth: 2, limit: 300) { nodes { __typename id } } }',
    { id: byType.get('Organisation')![0] },
  );
  for (const n of around.data!.neighbourhood.nodes) add(n.__typename, n.id);
  return { byType, all: [...byType.values()].flat() };
}

// ---------------------------------------------------------------------------------------------

describe('fuzz', () => {
  it(`answers ${RUNS} generated operations without a 5xx, an internal error or a changed graph (seed ${SEED})`, async () => {
    if (!Number.isInteger(SEED) || !Number.isInteger(RUNS))
      throw new Error('FUZZ_SEED and FUZZ_RUNS must be integers');
    const schema = await createOfflineSchema();
    const pool = await idPool();
    const injected = new Set<string>();
    const queries = Object.values(schema.getQueryType()!.getFields());
    const mutations = Object.values(schema.getMutationType()!.getFields());
    // A sweep first: every root field once with a payload in every String and ID position, and
    // twice with payloads in its free text and valid values elsewhere, so they reach Neo4j.
    const sweep: {
      field: GraphQLField<unknown, unknown>;
      mode: Mode;
      group?: ScalarPosition[];
      inline?: number;
    }[] = [...queries, ...mutations].flatMap((f) =>
      (['inject-all', 'inject-strings', 'inject-strings'] as const).map((mode) => ({
        field: f,
        mode,
      })),
    );
    // Then plausible but wrong scalars: every position, a few at a time, once written inline
    // and once as variables; the other values of the case are valid.
    const positions = scalarPositions(schema);
    for (const field of [...queries, ...mutations]) {
      const own = positions.filter((p) => p.root === field.name);
      for (let i = 0; i < own.length; i += SCALARS_PER_CASE) {
        const group = own.slice(i, i + SCALARS_PER_CASE);
        for (const inline of [100, 0]) sweep.push({ field, mode: 'plausible', group, inline });
      }
    }
    const cases = fc
      .sample(fc.gen(), { seed: SEED, numRuns: Math.max(RUNS, sweep.length) })
      .map((g, i): FuzzCase => {
        const r = new Rand(g);
        const planned = sweep[i];
        if (planned) {
          const ctx = newCtx(r, schema, pool, injected, planned.mode, planned.field.name);
          if (planned.group) {
            ctx.targets = new Set(planned.group.map((p) => p.path));
            ctx.inline = planned.inline!;
            ctx.faults = 0;
          }
          const c = mutations.includes(planned.field)
            ? mutationCase(ctx, planned.field)
            : queryCase(ctx, [planned.field]);
          return planned.group
            ? { ...c, wrong: { positions: planned.group, sent: ctx.wrongSent } }
            : c;
        }
        const w = r.int(0, 99);
        if (w < 12) return garbageCase(r, schema, pool, injected);
        const mode: Mode = r.chance(30) ? 'benign' : 'random';
        if (w < 45) {
          const field = r.pick(mutations);
          return mutationCase(newCtx(r, schema, pool, injected, mode, field.name), field);
        }
        const fields = r.some(queries, 1, r.chance(20) ? 3 : 1);
        return queryCase(newCtx(r, schema, pool, injected, mode, fields[0]!.name), fields);
      });

    const stats = {
      sent: 0,
      executed: 0,
      queries: 0,
      queriesWithData: 0,
      accepted: 0,
      refused: 0,
      garbage: 0,
      wrongScalars: 0,
    };
    const codes = new Map<string, number>();
    const misformed = new Set<string>();
    const failures: string[] = [];
    const fail = (i: number, c: FuzzCase, problems: string[]): void => {
      const request = c.raw
        ? `${c.raw.method} ${JSON.stringify(c.raw.headers)} ${(c.raw.body ?? c.raw.query ?? '').slice(0, 600)}`
        : `${c.document?.slice(0, 600)}\n    variables: ${variablesText(c.variables ?? {}).slice(0, 600)}`;
      failures.push(`#${i} ${c.label}: ${problems.join('; ')}\n    ${request}`);
    };
    const record = (i: number, c: FuzzCase, answer: Answer): void => {
      stats.sent += 1;
      // Past parsing, validation and the limits: resolvers ran.
      if (answer.json && 'data' in answer.json) stats.executed += 1;
      for (const e of (answer.json?.errors ?? []) as { extensions?: { code?: unknown } }[]) {
        const code = String(e.extensions?.code);
        codes.set(code, (codes.get(code) ?? 0) + 1);
      }
      if (c.kind === 'query') {
        stats.queries += 1;
        const data = answer.json?.data;
        if (data && Object.values(data).some((v) => v !== null && v !== undefined))
          stats.queriesWithData += 1;
      } else if (c.kind === 'garbage') stats.garbage += 1;
      if (c.wrong) stats.wrongScalars += 1;
      const problems = [...problemsOf(c, answer), ...wrongScalarProblems(c, answer)];
      if (problems.length > 0) fail(i, c, problems);
      for (const w of c.wrong?.sent ?? [])
        misformed.add(
          `${c.wrong!.positions[0]!.root}(${w.path}) ${w.variable ? 'variable' : 'literal'}`,
        );
    };
    let baseline = await graphState(api.db());
    let baselineNodes = await nodeCount();
    let readsFrom: number | undefined;
    for (let i = 0; i < cases.length;) {
      const c = cases[i]!;
      if (c.kind === 'mutation') {
        const answer = await send(c);
        record(i, c, answer);
        const after = await graphState(api.db());
        if (refused(answer)) {
          stats.refused += 1;
          if (after.fingerprint !== baseline.fingerprint)
            fail(i, c, [
              readsFrom === undefined
                ? 'a refused write changed the graph'
                : `a refused write (or a read since #${readsFrom}) changed the graph`,
            ]);
        } else {
          stats.accepted += 1;
          // One write deletes at most one node (its relationships go with it): a payload that
          // ran as Cypher would take more.
          const nodes = await nodeCount();
          if (nodes < baselineNodes - 1)
            fail(i, c, [`an accepted write removed ${baselineNodes - nodes} nodes`]);
          baselineNodes = nodes;
        }
        baseline = after;
        readsFrom = undefined;
        i += 1;
        continue;
      }
      // Reads (and garbage) go a few at a time; they never write, so the graph is compared
      // once every 25 of them and after the last case (and by the next write's check).
      readsFrom ??= i;
      const group: number[] = [];
      while (i < cases.length && cases[i]!.kind !== 'mutation' && group.length < READ_GROUP)
        group.push(i++);
      const answers = await Promise.all(group.map((j) => send(cases[j]!)));
      group.forEach((j, n) => record(j, cases[j]!, answers[n]!));
      if (i - readsFrom >= 25 || i >= cases.length) {
        const after = await graphState(api.db());
        if (after.fingerprint !== baseline.fingerprint)
          failures.push(`the graph changed during the reads #${readsFrom} to #${i - 1}`);
        baseline = after;
        readsFrom = undefined;
      }
    }

    const missing = stringPositions(schema).filter((k) => !injected.has(k));
    if (missing.length > 0)
      failures.push(`no injection payload was sent in: ${missing.join(', ')}`);
    const unsent = positions
      .flatMap((p) => [`${p.root}(${p.path}) literal`, `${p.root}(${p.path}) variable`])
      .filter((k) => !misformed.has(k));
    if (unsent.length > 0)
      failures.push(`no plausible but wrong scalar was sent as: ${unsent.join(', ')}`);
    if (stats.sent < 1_000) failures.push(`only ${stats.sent} cases were sent`);
    if (stats.accepted === 0)
      failures.push('no write was accepted, so accepted writes went untested');
    if (stats.refused === 0) failures.push('no write was refused, so refused writes went untested');
    if (stats.queriesWithData < 50)
      failures.push(`only ${stats.queriesWithData} queries answered with data`);
    const summary = `${JSON.stringify(stats)}, codes ${JSON.stringify(Object.fromEntries(codes))}`;
    if (failures.length > 0)
      throw new Error(
        `fuzz seed ${SEED} failed (replay: ${REPLAY})\n${summary}\n${failures.length} failures, the first 25:\n${failures.slice(0, 25).join('\n')}`,
      );
    process.stdout.write(`fuzz seed ${SEED}: ${summary}\n`);
  }, 600_000);

  // Runs after the fuzz run (tests of a file run in order): whatever the writes it sent were,
  // accepted or refused, the graph still keeps every integrity rule.
  it('leaves a graph that keeps every integrity rule', async () => {
    await assertGraphIntegrity(api.db());
  });
});
