/**
 * Date scalars. `Date` is a calendar date (YYYY-MM-DD); `DateTime` an ISO 8601 date-time with
 * an explicit UTC offset (the IANA zone is a separate `timeZone` field where a source gives one).
 *
 * Both refuse, in parseValue and parseLiteral alike, anything Neo4j's date() and datetime()
 * would not store as written: impossible days, times past 23:59:59 (leap seconds included),
 * a missing offset (which Neo4j would silently read as UTC), offsets beyond +-18:00, week and
 * ordinal dates, years outside 0000-9999. The refusal is a ScalarValueError; formatError
 * answers it as BAD_USER_INPUT naming the argument path (a literal) or the variable.
 */
import {
  GraphQLError,
  GraphQLScalarType,
  Kind,
  print,
  type GraphQLFormattedError,
  type ValueNode,
} from 'graphql';
import { argumentPath, variableArgument } from './argument-path';

/** A value a date scalar refuses; the message is a sentence for the client. */
export class ScalarValueError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ScalarValueError';
  }
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** Seconds and their fraction are optional (ISO 8601); nanoseconds are Neo4j's finest unit. */
const DATE_TIME =
  /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-](\d{2}):(\d{2}))?$/;
const DATE_TIME_EXAMPLE = '2019-10-29T11:30:00+03:00';

const isLeapYear = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

function daysIn(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Why YYYY-MM-DD text is not a calendar date, or undefined when it is one. */
function calendarFault(text: string): string | undefined {
  const [, y, m, d] = DATE.exec(text)!.map(Number);
  if (m! < 1 || m! > 12)
    return `${text} is not a real calendar date: there is no month ${m} (months run 01-12).`;
  if (d! < 1 || d! > daysIn(y!, m!))
    return `${text} is not a real calendar date (month ${m} of ${y} has ${daysIn(y!, m!)} days).`;
  return undefined;
}

function parseDate(value: unknown): string {
  if (typeof value !== 'string' || !DATE.test(value)) {
    throw new ScalarValueError(
      `A Date is written YYYY-MM-DD, e.g. 2019-10-25; got ${JSON.stringify(value) ?? 'nothing'}.`,
    );
  }
  const fault = calendarFault(value);
  if (fault) throw new ScalarValueError(fault);
  return value;
}

function parseDateTime(value: unknown): string {
  const shown = JSON.stringify(value) ?? 'nothing';
  const match = typeof value === 'string' ? DATE_TIME.exec(value) : null;
  if (!match) {
    throw new ScalarValueError(
      `A DateTime is written YYYY-MM-DDThh:mm[:ss[.fraction]] with its UTC offset (Z or +hh:mm), e.g. ${DATE_TIME_EXAMPLE}; got ${shown}.`,
    );
  }
  const [, date, hh, mm, ss, offset, oh, om] = match;
  if (offset === undefined) {
    throw new ScalarValueError(
      `${shown} has no UTC offset; add Z or +hh:mm, e.g. ${DATE_TIME_EXAMPLE} (the zone's name goes in timeZone).`,
    );
  }
  const fault = calendarFault(date!);
  if (fault) throw new ScalarValueError(fault);
  if (Number(hh) > 23 || Number(mm) > 59 || Number(ss ?? 0) > 59) {
    throw new ScalarValueError(
      `${shown} is not a time of day: hours are 00-23, minutes and seconds 00-59 (leap seconds are not stored).`,
    );
  }
  // java.time (and so Neo4j) holds offsets up to +-18:00.
  if (oh !== undefined && (Number(om) > 59 || Number(oh) * 60 + Number(om) > 18 * 60)) {
    throw new ScalarValueError(
      `${shown} has the offset ${offset}; offsets run from -18:00 to +18:00.`,
    );
  }
  return value as string;
}

/** The text of a string literal; any other literal (5, true, an object) is refused as written. */
function literalText(type: string, ast: ValueNode): string {
  if (ast.kind === Kind.STRING) return ast.value;
  throw new ScalarValueError(`A ${type} is written as a string; got ${print(ast)}.`);
}

export const DateScalar = new GraphQLScalarType({
  name: 'Date',
  description:
    'A calendar date without a time or zone, written YYYY-MM-DD (RFC 3339 full-date, the ISO 8601 extended format), e.g. 2019-10-25. Years 0000 to 9999; the day must exist (2019-02-30 is refused).',
  specifiedByURL: 'https://www.rfc-editor.org/rfc/rfc3339#section-5.6',
  // A JavaScript Date (not only a stored string) is answered in the format, never as its toString.
  serialize: (value) => (value instanceof Date ? value.toISOString().slice(0, 10) : String(value)),
  parseValue: parseDate,
  parseLiteral: (ast) => parseDate(literalText('Date', ast)),
});

export const DateTimeScalar = new GraphQLScalarType({
  name: 'DateTime',
  description: `An instant with the UTC offset it was written in, RFC 3339 date-time: YYYY-MM-DDThh:mm:ss[.fraction] then Z or +hh:mm (offsets up to 18 hours), e.g. ${DATE_TIME_EXAMPLE}. As input, the seconds may be left out (ISO 8601 allows it) and the fraction holds up to 9 digits; a value without an offset, with a space for the T, or with a leap second is refused.`,
  specifiedByURL: 'https://www.rfc-editor.org/rfc/rfc3339#section-5.6',
  serialize: (value) => (value instanceof Date ? value.toISOString() : String(value)),
  parseValue: parseDateTime,
  parseLiteral: (ast) => parseDateTime(literalText('DateTime', ast)),
});

// ---------------------------------------------------------------------------------------------
// The answer to a refused scalar value.

function scalarCause(error: unknown): ScalarValueError | undefined {
  for (let e = error, depth = 0; e instanceof Error && depth < 5; depth++) {
    if (e instanceof ScalarValueError) return e;
    e = (e as GraphQLError).originalError;
  }
  return undefined;
}

/**
 * BAD_USER_INPUT for a value a date scalar refused, or undefined for any other error. graphql-js
 * reports a literal as a validation failure and a variable as a coercion failure; both are the
 * client's bad value, so both get the same code, with `argument` (literal) or `variable`.
 */
export function scalarRefusal(
  formatted: GraphQLFormattedError,
  error: unknown,
): GraphQLFormattedError | undefined {
  const cause = scalarCause(error);
  if (!cause || !(error instanceof GraphQLError)) return undefined;
  const node = error.nodes?.[0];
  if (node?.kind === Kind.VARIABLE_DEFINITION) {
    return {
      message: formatted.message,
      locations: formatted.locations,
      extensions: { code: 'BAD_USER_INPUT', ...variableArgument(error) },
    };
  }
  let argument: string | undefined;
  try {
    argument = node ? argumentPath(node) : undefined;
  } catch {
    argument = undefined;
  }
  return {
    message: argument ? `${argument}: ${cause.message}` : cause.message,
    locations: formatted.locations,
    extensions: { code: 'BAD_USER_INPUT', ...(argument ? { argument } : {}) },
  };
}
