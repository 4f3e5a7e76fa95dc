/**
 * Country codes given to queries, checked as writes check them (their inputs use /^[A-Z]{2}$/
 * and IsISO31661Alpha2): an ISO 3166-1 alpha-2 code that exists, in capitals as stored. A
 * filter on "fi" or "XX" would match nothing and say nothing; it is refused instead.
 */
import { isISO31661Alpha2 } from 'class-validator';

/** Why `code` is refused (a sentence naming `argument`, e.g. "countries[1]"), or undefined. */
export function countryProblem(code: string, argument: string): string | undefined {
  if (/^[A-Z]{2}$/.test(code) && isISO31661Alpha2(code)) return undefined;
  const shown = code.length > 20 ? `${JSON.stringify(code.slice(0, 20))}...` : JSON.stringify(code);
  return `${argument} must be an ISO 3166-1 alpha-2 country code in capitals, such as FI; got ${shown}.`;
}
