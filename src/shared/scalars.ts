/**
 * Date scalars. `Date` is a calendar date (YYYY-MM-DD); `DateTime` an ISO 8601 date-time with
 * its UTC offset (the IANA zone is a separate `timeZone` field where a source gives one).
 */
import { GraphQLScalarType, Kind } from 'graphql';
import { BadUserInputError } from './errors';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function parseDate(value: unknown): string {
  if (
    typeof value !== 'string' ||
    !DATE.test(value) ||
    Number.isNaN(Date.parse(`${value}T00:00:00Z`))
  ) {
    throw new BadUserInputError(
      `A Date is written YYYY-MM-DD, e.g. 2019-10-25; got ${JSON.stringify(value)}.`,
    );
  }
  const [y, m, d] = value.split('-').map(Number);
  const check = new Date(Date.UTC(y!, m! - 1, d!));
  if (check.getUTCMonth() !== m! - 1 || check.getUTCDate() !== d) {
    throw new BadUserInputError(`${value} is not a real calendar date.`);
  }
  return value;
}

export const DateScalar = new GraphQLScalarType({
  name: 'Date',
  description: 'A calendar date, YYYY-MM-DD (ISO 8601).',
  serialize: (value) => String(value),
  parseValue: parseDate,
  parseLiteral: (ast) => parseDate(ast.kind === Kind.STRING ? ast.value : undefined),
});

export const DateTimeScalar = new GraphQLScalarType({
  name: 'DateTime',
  description: 'A date-time with UTC offset, ISO 8601, e.g. 2019-10-29T11:30:00+03:00.',
  serialize: (value) => String(value),
  parseValue: (value) => {
    if (typeof value !== 'string' || Number.isNaN(Date.parse(value))) {
      throw new BadUserInputError(
        `A DateTime is written like 2019-10-29T11:30:00+03:00; got ${JSON.stringify(value)}.`,
      );
    }
    return value;
  },
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING || Number.isNaN(Date.parse(ast.value))) {
      throw new BadUserInputError('A DateTime is written like 2019-10-29T11:30:00+03:00.');
    }
    return ast.value;
  },
});
