/**
 * The backdrop every other entity links to: countries, their real cities (named in several
 * languages, round robin by country so small graphs still span borders) and invented towns, and
 * the topics of cooperation, from the classic subjects to combinations of subject, field and aspect.
 */
import { capitalise, endsWithVowel, lowerFirst, transliterate } from './language';
import type { City, GeneratorState } from './state';
import {
  CITIES,
  TOPIC_ASPECTS,
  TOPIC_FIELDS,
  TOPICS,
  TOWN_PARTS,
  type CityDef,
  type Names,
} from './vocabulary';

export function makePlaces(state: GeneratorState, count: number): void {
  const n = state.countries.length;
  for (let c = 0; c < n; c++) {
    const def = state.countries[c]!;
    const names = Object.entries(def.names).map(
      ([lang, value]) => [value, lang] as [string, string],
    );
    const i = state.addNode(
      'Place',
      def.en,
      names,
      `${def.en}, a country in Europe.`,
      { kind: 'COUNTRY', country: def.code },
      {},
      {},
      c,
    );
    state.countryNodes.push(i);
  }
  // Real cities first, round robin by country so small graphs still span borders; then towns.
  const cityTarget = count - n;
  const real: [number, CityDef][] = [];
  const longest = Math.max(...state.countries.map((c) => CITIES[c.code]!.length));
  for (let k = 0; k < longest; k++)
    for (let c = 0; c < n; c++) {
      const def = CITIES[state.countries[c]!.code]![k];
      if (def) real.push([c, def]);
    }
  for (let k = 0; k < cityTarget; k++) {
    if (k < real.length) {
      const [c, [en, names, fiGen, etGen, zone]] = real[k]!;
      const country = state.countries[c]!;
      const local = names[country.lang] ?? en;
      const allNames: Names = { ...names, [country.lang]: local };
      const rank = Math.floor(k / n);
      addCity(
        state,
        c,
        en,
        allNames,
        fiGen,
        etGen ?? etGenitive(allNames.et ?? local),
        zone ?? country.zone,
        'CITY',
        Math.max(2, 40 - rank * 4),
      );
    } else {
      addTown(state, state.pickCountry());
    }
  }
}

function etGenitive(name: string): string {
  return endsWithVowel(name) ? name : `${name}i`;
}

function addTown(state: GeneratorState, c: number): void {
  const country = state.countries[c]!;
  const [heads, tails] = TOWN_PARTS[country.code]!;
  const head = state.rng.pick(heads);
  const [tail, tailGen] = state.rng.pick(tails);
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
  addCity(state, c, en, names, fiGen, etGenitive(names.et ?? local), country.zone, 'TOWN', 0);
}

function addCity(
  state: GeneratorState,
  c: number,
  en: string,
  names: Names,
  fiGen: string,
  etGen: string,
  zone: string,
  kind: 'CITY' | 'TOWN',
  weight: number,
): void {
  const country = state.countries[c]!;
  const aliases = Object.entries(names).map(([lang, value]) => [value, lang] as [string, string]);
  const i = state.addNode(
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
  state.cities.push(city);
  state.cityByNode.set(i, city);
  state.cityOf[i] = i;
  // Real cities start with weight, so capitals draw most organisations and events.
  state.cityPool.add(i, c, weight);
}

export function makeTopics(state: GeneratorState, count: number): void {
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
    const i = state.addNode(
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
    state.topicPool.add(i, k < base ? Math.max(1, 12 - k) : 0);
  }
}

export function linkPlaces(state: GeneratorState): void {
  for (const city of state.cities)
    state.link('PART_OF', city.node, state.countryNodes[city.country]!);
}
