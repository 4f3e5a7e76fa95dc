/**
 * Organisations and people: their names in the language of their country (Russian ones
 * transliterated), and their links: bases, memberships, partnerships, jobs, event attendance and
 * colleagues, mostly at home and chosen by preferential attachment.
 */
import { ascii, capitalise, dayOf, fiCompound, isoDay, ruFemale, transliterate } from './language';
import type { City, GeneratorState } from './state';
import {
  COLLABORATION_ROLES,
  COMPANY_PARTS,
  KIND_WORDS,
  ORG_KIND_WEIGHTS,
  PERSON_NAMES,
  PERSON_ROLES,
  SECTORS,
  type CountryDef,
  type Lang,
  type OrgKind,
  type Sector,
} from './vocabulary';

export function makeOrganisations(state: GeneratorState, count: number): void {
  const kinds = ORG_KIND_WEIGHTS.map(([k]) => k);
  const weights = ORG_KIND_WEIGHTS.map(([, w]) => w);
  for (let k = 0; k < count; k++) {
    const c = state.pickCountry();
    const country = state.countries[c]!;
    const city = state.pickCity(c);
    // The first few are clusters, so even a tiny graph has something to be a member of.
    const kind = k < 2 ? 'CLUSTER' : kinds[state.rng.weighted(weights)]!;
    const s = state.rng.int(0, SECTORS.length - 1);
    const sec = SECTORS[s]!;
    const { name, aliases } = organisationName(state, kind, country, city, sec);
    const foundedYear = state.rng.int(1990, 2022);
    const kindText = kind.toLowerCase().replace(/_/g, ' ');
    const i = state.addNode(
      'Organisation',
      name,
      aliases,
      `${capitalise(kindText)} in ${city.en}, ${country.en}, working on ${sec.en.toLowerCase()}.`,
      { kind, country: country.code, foundedYear },
      {},
      {},
      c,
    );
    state.cityOf[i] = city.node;
    state.sectorOf[i] = s;
    state.orgs.push(i);
    state.orgPool.add(i, c);
    if (
      kind === 'CLUSTER' ||
      kind === 'ASSOCIATION' ||
      kind === 'COMPETENCE_CENTRE' ||
      kind === 'EXPERT_GROUP'
    )
      state.groupPool.add(i, c);
    if (kind === 'FUND' || kind === 'PUBLIC_BODY') state.fundPool.add(i, c);
  }
}

function organisationName(
  state: GeneratorState,
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
    const display = `${state.rng.pick(heads)}${state.rng.pick(tails)}`;
    const form = state.rng.pick(forms);
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
    if (/[^\x20-\x7e]/.test(display) && state.rng.chance(0.3)) aliases.push([ascii(display), 'en']);
    return { name: `${display} ${form}`, aliases };
  }
  if (kind === 'UNIVERSITY') {
    const applied = state.rng.chance(0.5);
    const fiGen = city.fiGen;
    const etGen = city.etGen;
    const local: Record<Lang, string> = applied
      ? {
          en: `${cityEn} University of Applied Sciences`,
          fi: `${fiGen} ammattikorkeakoulu`,
          et: `${etGen} Rakenduskõrgkool`,
          ru: `Университет прикладных наук (${state.cityName(city, 'ru')})`,
          sv: `Yrkeshögskolan i ${state.cityName(city, 'sv')}`,
          de: `Hochschule ${state.cityName(city, 'de')}`,
          es: `Escuela Universitaria de ${state.cityName(city, 'es')}`,
        }
      : {
          en: `${cityEn} University of Technology`,
          fi: `${fiGen} teknillinen yliopisto`,
          et: `${etGen} Tehnikaülikool`,
          ru: `Политехнический университет (${state.cityName(city, 'ru')})`,
          sv: `Tekniska högskolan i ${state.cityName(city, 'sv')}`,
          de: `Technische Universität ${state.cityName(city, 'de')}`,
          es: `Universidad Politécnica de ${state.cityName(city, 'es')}`,
        };
    aliases.push([local[lang], lang]);
    if (lang !== 'fi') aliases.push([local.fi, 'fi']);
    if (lang === 'et' && state.rng.chance(0.3)) aliases.push([local.ru, 'ru']);
    return { name: local.en, aliases };
  }
  const kindWords = KIND_WORDS[kind]!;
  const byLang: Record<Lang, string> = {
    en: `${cityEn} ${sec.en} ${kindWords.en}`,
    fi: `${city.fiGen} ${fiCompound(sec.fi, kindWords.fi)}`,
    et: `${city.etGen} ${sec.et} ${kindWords.et}`,
    ru: `${kindWords.ru} «${sec.ru}» (${state.cityName(city, 'ru')})`,
    sv: `${kindWords.sv} för ${sec.sv} i ${state.cityName(city, 'sv')}`,
    de: `${kindWords.de} ${sec.de} ${state.cityName(city, 'de')}`,
    es: `${kindWords.es} de ${sec.es} de ${state.cityName(city, 'es')}`,
  };
  aliases.push([byLang[lang], lang]);
  if (lang !== 'fi') aliases.push([byLang.fi, 'fi']);
  if (lang === 'et' && state.rng.chance(0.3)) aliases.push([byLang.ru, 'ru']);
  if (lang === 'ru' && state.rng.chance(0.3)) aliases.push([byLang.et, 'et']);
  return { name: byLang.en, aliases };
}

export function makePeople(state: GeneratorState, count: number): void {
  for (let k = 0; k < count; k++) {
    const c = state.pickCountry();
    const country = state.countries[c]!;
    const city = state.pickCity(c);
    const female = state.rng.chance(0.5);
    // A quarter of Estonia's people carry Russian names, written the Estonian way.
    const russian = country.code === 'RU' || (country.code === 'EE' && state.rng.chance(0.25));
    const [fem, male, surnames] = PERSON_NAMES[russian ? 'RU' : country.code]!;
    const first = state.rng.pick(female ? fem : male);
    const surname = state.rng.pick(surnames);
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
      if (country.code === 'ES') last = `${surname} ${state.rng.pick(surnames)}`;
      name = `${first} ${last}`;
      const plain =
        country.code === 'DE'
          ? name.replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/ß/g, 'ss')
          : ascii(name);
      if (plain !== name && state.rng.chance(0.5)) aliases.push([plain, 'en']);
    }
    const role = state.rng.pick(PERSON_ROLES);
    const sec = SECTORS[state.rng.int(0, SECTORS.length - 1)]!;
    const i = state.addNode(
      'Person',
      name,
      aliases,
      `${capitalise(sec.en.toLowerCase())} ${role} based in ${city.en}, ${country.en}.`,
      {},
      {},
      {},
      c,
    );
    state.cityOf[i] = city.node;
    state.people.push(i);
    state.personPool.add(i, c);
  }
}

export function linkOrganisations(state: GeneratorState): void {
  for (const o of state.orgs) {
    const c = state.countryOf[o]!;
    state.link('BASED_IN', o, state.cityOf[o]!);
    state.cityPool.hit(state.cityOf[o]!, c);
    const kind = state.nodes[o]!.props.kind as OrgKind;
    // Members of clusters and associations, mostly at home.
    if (kind !== 'CLUSTER' && kind !== 'ASSOCIATION') {
      const memberships = state.rng.count(1.2);
      for (let k = 0; k < memberships; k++) {
        const g = state.groupPool.pick(state.rng, c, 0.08);
        if (state.link('AFFILIATED_WITH', o, g, 'member', yearDate(state, 2008, 2024)))
          state.groupPool.hit(g, state.countryOf[g]!);
      }
    }
    if (state.rng.chance(0.04)) {
      const parent = state.orgPool.pick(state.rng, c, 0.02);
      state.link('PART_OF', o, parent, kind === 'COMPANY' ? 'subsidiary' : 'unit');
    }
    const partners = Math.round(state.rng.count(2.6) * state.rng.activity());
    for (let k = 0; k < partners; k++) {
      const p = state.orgPool.pick(state.rng, c, 0.1);
      if (
        state.link(
          'COLLABORATES_WITH',
          o,
          p,
          state.rng.pick(COLLABORATION_ROLES),
          state.rng.chance(0.5) ? yearDate(state, 2012, 2025) : null,
        )
      ) {
        state.orgPool.hit(p, state.countryOf[p]!);
        state.orgPool.hit(o, c);
      }
    }
    const subjects = state.rng.count(1);
    for (let k = 0; k < subjects; k++) state.about(o);
  }
}

function yearDate(state: GeneratorState, from: number, to: number): string {
  return isoDay(dayOf(state.rng.int(from, to), state.rng.int(1, 12), 1));
}

export function linkPeople(state: GeneratorState): void {
  for (const p of state.people) {
    const c = state.countryOf[p]!;
    const activity = state.rng.activity();
    if (state.rng.chance(0.7)) {
      state.link('BASED_IN', p, state.cityOf[p]!);
      state.cityPool.hit(state.cityOf[p]!, c);
    }
    const jobs = 1 + (state.rng.chance(0.4) ? 1 : 0) + (state.rng.chance(0.1) ? 1 : 0);
    for (let k = 0; k < jobs; k++) {
      const o = state.orgPool.pick(state.rng, c, 0.06);
      const start = state.rng.int(2005, 2024);
      const end = state.rng.chance(0.2) ? Math.min(2025, start + state.rng.int(1, 6)) : null;
      const ok = state.link(
        'AFFILIATED_WITH',
        p,
        o,
        state.rng.pick(PERSON_ROLES),
        isoDay(dayOf(start, state.rng.int(1, 12), 1)),
        end === null ? null : isoDay(dayOf(end, state.rng.int(1, 12), 28)),
      );
      if (ok) {
        state.orgPool.hit(o, state.countryOf[o]!);
        if (!state.affiliation.has(p)) state.affiliation.set(p, o);
      }
    }
    const events = Math.round(state.rng.count(9) * activity);
    for (let k = 0; k < events; k++) {
      const e = state.eventPool.pick(state.rng, c, 0.15);
      const roll = state.rng.float();
      const role =
        roll < 0.8
          ? 'participant'
          : roll < 0.95
            ? 'speaker'
            : roll < 0.98
              ? 'moderator'
              : 'panellist';
      if (state.link('PARTICIPATED_IN', p, e, role)) state.participated(p, e);
    }
    const colleagues = Math.round(state.rng.count(2.2) * activity);
    for (let k = 0; k < colleagues; k++) {
      const q = state.personPool.pick(state.rng, c, 0.12);
      if (state.link('COLLABORATES_WITH', p, q, state.rng.pick(COLLABORATION_ROLES))) {
        state.personPool.hit(q, state.countryOf[q]!);
        state.personPool.hit(p, c);
      }
    }
    if (state.rng.chance(0.25)) {
      const o = state.orgPool.pick(state.rng, c, 0.1);
      if (state.link('COLLABORATES_WITH', p, o, state.rng.pick(COLLABORATION_ROLES)))
        state.orgPool.hit(o, state.countryOf[o]!);
    }
  }
}
