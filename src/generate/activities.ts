/**
 * What organisations and people do together: projects, events (sessions within forums and
 * conferences, with zoned start and end times), publications and awards, and the links that tie
 * them to their partners, organisers, participants, publishers, winners and topics.
 */
import {
  capitalise,
  DAY_MS,
  FIRST_DAY,
  fiCompound,
  isoDay,
  LAST_DAY,
  lowerFirst,
  zoned,
} from './language';
import type { GeneratorState } from './state';
import {
  ACRONYM_HEADS,
  ACRONYM_TAILS,
  EVENT_KIND_WEIGHTS,
  EVENT_WORDS,
  MONTHS,
  PROGRAMMES,
  PUBLICATION_KIND_WEIGHTS,
  REGIONS,
  SECTORS,
  TOPICS,
  type Lang,
  type PublicationKind,
} from './vocabulary';

export function makeProjects(state: GeneratorState, count: number): void {
  for (let k = 0; k < count; k++) {
    const c = state.pickCountry();
    const s = state.rng.int(0, SECTORS.length - 1);
    const sec = SECTORS[s]!;
    const region = state.rng.pick(REGIONS);
    const acronym = `${state.rng.pick(ACRONYM_HEADS)}${state.rng.pick(ACRONYM_TAILS)}${state.rng.chance(0.2) ? ` ${state.rng.int(2, 4)}` : ''}`;
    const startYear = state.rng.int(2012, 2025);
    const endYear = startYear + state.rng.int(1, 5);
    const roll = state.rng.float();
    const status =
      roll < 0.05
        ? 'UNKNOWN'
        : startYear >= 2025 && roll < 0.5
          ? 'PROPOSED'
          : endYear < 2025
            ? 'COMPLETED'
            : 'ACTIVE';
    const programme = state.rng.pick(PROGRAMMES);
    const i = state.addNode(
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
    state.sectorOf[i] = s;
    state.projects.push(i);
    state.projectPool.add(i, c);
    state.projectYears.set(i, [startYear, endYear]);
  }
}

export function makeEvents(state: GeneratorState, count: number): void {
  const kinds = EVENT_KIND_WEIGHTS.map(([k]) => k);
  const weights = EVENT_KIND_WEIGHTS.map(([, w]) => w);
  const parents: number[] = [];
  for (let k = 0; k < count; k++) {
    let kind = kinds[state.rng.weighted(weights)]!;
    let parent = -1;
    if (kind === 'SESSION') {
      if (parents.length === 0) kind = 'MEETING';
      else parent = state.rng.pick(parents);
    }
    const c = parent >= 0 ? state.countryOf[parent]! : state.pickCountry();
    const country = state.countries[c]!;
    const city = parent >= 0 ? state.cityByNode.get(state.cityOf[parent]!)! : state.pickCity(c);
    const s = parent >= 0 ? state.sectorOf[parent]! : state.rng.int(0, SECTORS.length - 1);
    const sec = SECTORS[s]!;
    let startDay =
      parent >= 0 ? state.eventStart.get(parent)! : state.rng.int(FIRST_DAY, LAST_DAY - 3);
    let endDay = startDay;
    if (kind === 'FORUM' || kind === 'CONFERENCE') endDay = startDay + state.rng.int(0, 2);
    if (kind === 'SERIES') endDay = Math.min(LAST_DAY, startDay + state.rng.int(30, 300));
    if (parent >= 0) {
      // A session falls on one of its parent's days.
      const parentEnd = state.nodes[parent]!.dates.endDate!;
      const span = Math.round((Date.parse(parentEnd) - startDay * DAY_MS) / DAY_MS);
      startDay += state.rng.int(0, Math.max(0, span));
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
      const topic = TOPICS[state.rng.int(0, TOPICS.length - 1)]!;
      name = `${state.name(parent)}: session on ${lowerFirst(topic[0])}`;
      aliases = [
        [`${state.nameIn(parent, 'fi')} – sessio: ${topic[1]}`, 'fi'],
        [`${state.nameIn(parent, 'et')} – sessioon: ${topic[2]}`, 'et'],
        [`${state.nameIn(parent, 'ru')} — секция «${topic[3]}»`, 'ru'],
      ];
    } else if (kind === 'MEETING') {
      name = `${sec.en} meeting in ${city.en}, ${longDate}`;
      aliases = [
        [
          `${city.fiGen} ${fiCompound(sec.fi, 'tapaaminen')} ${Number(d)}.${Number(m)}.${year}`,
          'fi',
        ],
        [`${city.etGen} ${sec.et} kohtumine ${d}.${m}.${year}`, 'et'],
        [`Встреча «${sec.ru}» — ${state.cityName(city, 'ru')}, ${d}.${m}.${year}`, 'ru'],
      ];
    } else {
      const suffix = ` ${year}`;
      const local: Record<Lang, string> = {
        en: `${city.en} ${sec.en} ${kindWords.en}${suffix}`,
        fi: `${city.fiGen} ${fiCompound(sec.fi, kindWords.fi)}${suffix}`,
        et: `${city.etGen} ${sec.et} ${kindWords.et}${suffix}`,
        ru: `${kindWords.ru} «${sec.ru}» — ${state.cityName(city, 'ru')}${suffix}`,
        sv: `${kindWords.sv} för ${sec.sv} i ${state.cityName(city, 'sv')}${suffix}`,
        de: `${kindWords.de} ${sec.de} ${state.cityName(city, 'de')}${suffix}`,
        es: `${kindWords.es} de ${sec.es} de ${state.cityName(city, 'es')}${suffix}`,
      };
      name = local.en;
      aliases = [[local.fi, 'fi']];
      if (country.lang !== 'fi') aliases.push([local[country.lang], country.lang]);
      if (country.lang !== 'ru' && state.rng.chance(0.3)) aliases.push([local.ru, 'ru']);
    }
    const extra: Record<string, unknown> = { kind };
    if (state.rng.chance(0.4)) extra.participantsAtLeast = state.rng.int(2, 50) * 10;
    if ((kind === 'FORUM' || kind === 'CONFERENCE') && state.rng.chance(0.5))
      extra.edition = state.rng.int(1, 15);
    const dateTimes: Record<string, string | null> = {};
    if (kind !== 'SERIES' && state.rng.chance(0.7)) {
      const startHour = state.rng.int(8, 14);
      const startMinute = state.rng.pick([0, 0, 15, 30, 45]);
      const endHour = Math.min(21, startHour + state.rng.int(1, 7));
      dateTimes.startsAt = zoned(city.zone, startDate, startHour, startMinute);
      dateTimes.endsAt = zoned(city.zone, endDate, endHour, state.rng.pick([0, 15, 30, 45]));
    }
    const i = state.addNode(
      'Event',
      name,
      aliases,
      `${capitalise(kind.toLowerCase().replace(/_/g, ' '))} on ${sec.en.toLowerCase()} in ${city.en}, ${country.en}, ${longDate}.`,
      extra,
      { startDate, endDate },
      dateTimes,
      c,
    );
    state.cityOf[i] = city.node;
    state.sectorOf[i] = s;
    state.eventStart.set(i, startDay);
    state.events.push(i);
    if (parent >= 0) state.partOf.push([i, parent]);
    if (kind === 'FORUM' || kind === 'CONFERENCE') parents.push(i);
    state.eventPool.add(i, c);
  }
}

export function makePublications(state: GeneratorState, count: number): void {
  const kinds = PUBLICATION_KIND_WEIGHTS.map(([k]) => k);
  const weights = PUBLICATION_KIND_WEIGHTS.map(([, w]) => w);
  for (let k = 0; k < count; k++) {
    const c = state.pickCountry();
    const city = state.pickCity(c);
    const kind = kinds[state.rng.weighted(weights)]!;
    const s = state.rng.int(0, SECTORS.length - 1);
    const sec = SECTORS[s]!;
    const date = isoDay(state.rng.int(FIRST_DAY, LAST_DAY));
    const [y, m, d] = date.split('-');
    const dmy = `${Number(d)}.${Number(m)}.${y}`;
    const issue = `${state.rng.int(1, 12)}/${y}`;
    const ru = state.cityName(city, 'ru');
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
        `${state.cityName(city, 'fi')}, kuvakollaasi ${dmy}`,
        `${state.cityName(city, 'et')}, fotokollaaž ${d}.${m}.${y}`,
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
    const code = state.countries[c]!.code;
    if (code === 'EE' || state.rng.chance(0.3)) aliases.push([et, 'et']);
    if (code === 'RU' || state.rng.chance(0.3)) aliases.push([ruName, 'ru']);
    const i = state.addNode(
      'Publication',
      en,
      aliases,
      `${capitalise(kind.toLowerCase())} on ${sec.en.toLowerCase()}, ${y}.`,
      { kind },
      { date },
      {},
      c,
    );
    state.cityOf[i] = city.node;
    state.sectorOf[i] = s;
    state.publications.push(i);
  }
}

export function makeAwards(state: GeneratorState, count: number): void {
  for (let k = 0; k < count; k++) {
    const c = state.pickCountry();
    const s = state.rng.int(0, SECTORS.length - 1);
    const sec = SECTORS[s]!;
    const year = state.rng.int(2015, 2025);
    const i = state.addNode(
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
    state.sectorOf[i] = s;
    state.awards.push(i);
  }
}

export function linkProjects(state: GeneratorState): void {
  for (const pr of state.projects) {
    const c = state.countryOf[pr]!;
    const [startYear, endYear] = state.projectYears.get(pr)!;
    const start = `${startYear}-01-01`;
    const end = endYear < 2025 ? `${endYear}-12-31` : null;
    // Cross-border projects are the point of these programmes, so partners cross more often.
    const lead = state.orgPool.pick(state.rng, c, 0.05);
    if (state.link('WORKS_ON', lead, pr, 'lead partner', start, end))
      state.orgPool.hit(lead, state.countryOf[lead]!);
    const partners = 1 + Math.round(state.rng.count(3.5) * state.rng.activity());
    for (let k = 0; k < partners; k++) {
      const o = state.orgPool.pick(state.rng, c, 0.2);
      if (state.link('WORKS_ON', o, pr, 'partner', start, end))
        state.orgPool.hit(o, state.countryOf[o]!);
    }
    if (state.rng.chance(0.6)) {
      const f = state.fundPool.pick(state.rng, c, 0.1);
      state.link('WORKS_ON', f, pr, 'funder', start, end);
    }
    const people = state.rng.count(2.5);
    for (let k = 0; k < people; k++) {
      const p = state.personPool.pick(state.rng, c, 0.15);
      if (
        state.link(
          'WORKS_ON',
          p,
          pr,
          state.rng.pick(['project manager', 'expert', 'coordinator']),
          start,
          end,
        )
      )
        state.personPool.hit(p, state.countryOf[p]!);
    }
    const subjects = 1 + state.rng.count(1);
    for (let k = 0; k < subjects; k++) state.about(pr);
    if (state.rng.chance(0.4)) state.link('BASED_IN', pr, state.pickCity(c).node);
    if (state.rng.chance(0.05))
      state.link('PART_OF', pr, state.projectPool.pick(state.rng, c, 0.2), 'sub-project');
  }
}

export function linkEvents(state: GeneratorState): void {
  for (const [session, parent] of state.partOf) state.link('PART_OF', session, parent, 'session');
  for (const e of state.events) {
    const c = state.countryOf[e]!;
    state.link('HELD_IN', e, state.cityOf[e]!);
    const organiser = state.orgPool.pick(state.rng, c, 0.05);
    if (state.link('ORGANISED', organiser, e, 'organiser')) {
      state.orgPool.hit(organiser, state.countryOf[organiser]!);
      state.eventOrganiser.set(e, organiser);
    }
    if (state.rng.chance(0.4)) {
      const co = state.orgPool.pick(state.rng, c, 0.15);
      state.link('ORGANISED', co, e, state.rng.chance(0.5) ? 'co-organiser' : 'host');
    }
    if (state.rng.chance(0.15))
      state.link('ORGANISED', state.personPool.pick(state.rng, c, 0.05), e, 'organiser');
    const orgs = Math.round(state.rng.count(5.5) * state.rng.activity());
    for (let k = 0; k < orgs; k++) {
      const o = state.orgPool.pick(state.rng, c, 0.15);
      const role = state.rng.chance(0.85)
        ? 'participant'
        : state.rng.chance(0.6)
          ? 'exhibitor'
          : 'partner';
      if (state.link('PARTICIPATED_IN', o, e, role)) {
        state.participated(o, e);
        state.orgPool.hit(o, state.countryOf[o]!);
      }
    }
    const subjects = 1 + state.rng.count(0.6);
    for (let k = 0; k < subjects; k++) {
      const t = state.topicPool.pick(state.rng);
      if (state.link('ABOUT', e, t)) {
        state.topicPool.hit(t);
        if (!state.eventTopic.has(e)) state.eventTopic.set(e, t);
      }
    }
    if (state.rng.chance(0.2)) {
      const places = 1 + (state.rng.chance(0.3) ? 1 : 0);
      for (let k = 0; k < places; k++) {
        const target = state.rng.chance(0.5)
          ? state.countryNodes[state.rng.int(0, state.countryNodes.length - 1)]!
          : state.pickCity(state.rng.int(0, state.countries.length - 1)).node;
        state.link('AUDIENCE_FROM', e, target);
      }
    }
    if (state.rng.chance(0.1) && state.projects.length > 0)
      state.link('ABOUT', e, state.projectPool.pick(state.rng, c, 0.1));
  }
}

export function linkPublications(state: GeneratorState): void {
  for (const pub of state.publications) {
    const c = state.countryOf[pub]!;
    const kind = state.nodes[pub]!.props.kind as PublicationKind;
    const publishers = 1 + (state.rng.chance(0.35) ? 1 : 0);
    for (let k = 0; k < publishers; k++) {
      if (kind === 'PHOTO' || state.rng.chance(0.2)) {
        const p = state.personPool.pick(state.rng, c, 0.05);
        state.link('PUBLISHED', p, pub, kind === 'PHOTO' ? 'photographer' : 'author');
      } else {
        const o = state.orgPool.pick(state.rng, c, 0.05);
        if (state.link('PUBLISHED', o, pub, 'publisher')) state.orgPool.hit(o, state.countryOf[o]!);
      }
    }
    const subjects = 1 + state.rng.count(0.8);
    for (let k = 0; k < subjects; k++) state.about(pub);
    if (state.rng.chance(0.3)) state.link('ABOUT', pub, state.eventPool.pick(state.rng, c, 0.1));
    else if (state.rng.chance(0.2) && state.projects.length > 0)
      state.link('ABOUT', pub, state.projectPool.pick(state.rng, c, 0.1));
  }
}

export function linkAwards(state: GeneratorState): void {
  const ceremonies = state.events.filter((e) => state.nodes[e]!.props.kind === 'AWARD_CEREMONY');
  for (const a of state.awards) {
    const c = state.countryOf[a]!;
    if (ceremonies.length > 0) state.link('AWARDED_AT', a, state.rng.pick(ceremonies));
    else if (state.events.length > 0)
      state.link('AWARDED_AT', a, state.eventPool.pick(state.rng, c, 0.2));
    const winners = 1 + state.rng.count(0.7);
    for (let k = 0; k < winners; k++) {
      const roll = state.rng.float();
      const w =
        roll < 0.5
          ? state.orgPool.pick(state.rng, c, 0.1)
          : roll < 0.85 || state.projects.length === 0
            ? state.personPool.pick(state.rng, c, 0.1)
            : state.projectPool.pick(state.rng, c, 0.1);
      state.link('RECEIVED', w, a);
    }
    state.link('ABOUT', a, state.topicPool.pick(state.rng));
  }
}
