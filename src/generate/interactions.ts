/**
 * Interaction nodes at events: invitations (inviter, invitees, target, on whose behalf),
 * presentations, proposals and questions, each with its own evidence quote in the document's
 * language and an English translation.
 */
import { stableId } from '../shared/ids';
import { ENTITY_LABELS, type InteractionLabel, type InteractionLinkType } from '../shared/model';
import { FIRST_DAY, isoDay } from './language';
import { LABEL_INDEX, type GeneratorState } from './state';
import type { QuoteLang } from './vocabulary';

export function makeInteractions(state: GeneratorState, count: number): void {
  const withParticipants = state.events.filter(
    (e) => (state.eventParticipants.get(e)?.length ?? 0) >= 2,
  );
  if (withParticipants.length === 0 || count === 0) return;
  const labels: InteractionLabel[] = ['Invitation', 'Presentation', 'Proposal', 'Question'];
  const weights = [45, 45, 5, 5];
  for (let j = 0; j < count; j++) {
    const label = labels[state.rng.weighted(weights)]!;
    const event = state.rng.pick(withParticipants);
    if (label === 'Invitation') invitation(state, j, event);
    else eventInteraction(state, j, label, event);
  }
}

function addInteraction(
  state: GeneratorState,
  j: number,
  label: InteractionLabel,
  date: string,
  props: Record<string, unknown>,
  links: { type: InteractionLinkType; entity: number; outgoing: boolean }[],
  quote: (lang: QuoteLang | 'en') => string,
): void {
  const batch = state.newBatch();
  batch.evidence.quote = quote(batch.lang);
  batch.evidence.translation = quote('en');
  const slug = `g${state.seed}-${label.toLowerCase()}-${j}`;
  const seen = new Set<string>();
  state.interactions.push({
    id: stableId(`generated-${label}`, `${state.seed}:${j}`),
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
      .map((l) => ({ type: l.type, entityId: state.nodes[l.entity]!.id, outgoing: l.outgoing })),
  });
}

function otherParticipants(state: GeneratorState, event: number, not: number, n: number): number[] {
  const list = state.eventParticipants.get(event)!;
  const out: number[] = [];
  for (let tries = 0; tries < n * 4 && out.length < n; tries++) {
    const x = state.rng.pick(list);
    if (x !== not && !out.includes(x)) out.push(x);
  }
  return out;
}

function invitation(state: GeneratorState, j: number, event: number): void {
  const participants = state.eventParticipants.get(event)!;
  const organiser = state.eventOrganiser.get(event);
  const inviter =
    organiser !== undefined && state.rng.chance(0.4) ? organiser : state.rng.pick(participants);
  const invitees = otherParticipants(state, event, inviter, 1 + (state.rng.chance(0.3) ? 1 : 0));
  if (invitees.length === 0)
    invitees.push(state.orgPool.pick(state.rng, state.countryOf[event]!, 0.5));
  if (invitees.includes(inviter) || invitees[0]! < 0)
    return eventInteraction(state, j, 'Presentation', event);
  // Most invitations point at the event; some at a project or an expert group.
  let target = event;
  const roll = state.rng.float();
  if (roll < 0.12 && state.projects.length > 0)
    target = state.projectPool.pick(state.rng, state.countryOf[event]!, 0.2);
  else if (roll < 0.2) {
    const g = state.groupPool.pick(state.rng, state.countryOf[event]!, 0.2);
    if (g >= 0 && g !== inviter && !invitees.includes(g)) target = g;
  }
  const behalf =
    state.labelOf[inviter] === LABEL_INDEX.get('Person') && state.rng.chance(0.6)
      ? state.affiliation.get(inviter)
      : undefined;
  const startDay = state.eventStart.get(event)!;
  const date = isoDay(Math.max(FIRST_DAY - 60, startDay - state.rng.int(3, 60)));
  const targetLabel = ENTITY_LABELS[state.labelOf[target]!]!;
  const props: Record<string, unknown> = {
    inviteeNote: state.rng.chance(0.3) ? `${state.name(invitees[0]!)}'s experts` : null,
  };
  const list = (lang: QuoteLang | 'en'): string =>
    invitees
      .map((x) => state.nameIn(x, lang))
      .join(lang === 'ru' ? ' и ' : lang === 'en' ? ' and ' : ' ja ');
  const quote = (lang: QuoteLang | 'en'): string => {
    const who = state.nameIn(inviter, lang);
    const what = state.nameIn(target, lang);
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
  addInteraction(state, j, 'Invitation', date, props, links, quote);
}

function eventInteraction(
  state: GeneratorState,
  j: number,
  label: InteractionLabel,
  event: number,
): void {
  const participants = state.eventParticipants.get(event)!;
  const actors = [state.rng.pick(participants)];
  if (label === 'Presentation' && state.rng.chance(0.2))
    actors.push(...otherParticipants(state, event, actors[0]!, 1));
  const subjects: number[] = [state.eventTopic.get(event) ?? state.topicPool.pick(state.rng)];
  if (label === 'Presentation' && state.rng.chance(0.35)) {
    const extra =
      state.rng.chance(0.5) && state.projects.length > 0
        ? state.projectPool.pick(state.rng, state.countryOf[event]!, 0.2)
        : state.topicPool.pick(state.rng);
    if (!subjects.includes(extra)) subjects.push(extra);
  }
  const date = state.nodes[event]!.dates.startDate!;
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
    state.labelOf[presenter] === LABEL_INDEX.get('Person') &&
    state.rng.chance(0.5)
  ) {
    const org = state.affiliation.get(presenter);
    if (org !== undefined) links.push({ type: 'ON_BEHALF_OF', entity: org, outgoing: true });
  }
  const props: Record<string, unknown> = {};
  if (label === 'Question')
    props.answer = state.rng.chance(0.5)
      ? 'The answer pointed to the next joint funding call.'
      : null;
  const quote = (lang: QuoteLang | 'en'): string => {
    const who = actors
      .map((a) => state.nameIn(a, lang))
      .join(lang === 'ru' ? ' и ' : lang === 'en' ? ' and ' : ' ja ');
    const at = state.nameIn(event, lang);
    const about = subjects.map((s) => state.nameIn(s, lang)).join(', ');
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
  addInteraction(state, j, label, date, props, links, quote);
}
