/** The model's closed lists as GraphQL enums (registered once, used by every module). */
import { registerEnumType } from 'type-graphql';
import {
  ENTITY_LABELS,
  EVENT_KINDS,
  EVIDENCE_KINDS,
  ORGANISATION_KINDS,
  PLACE_KINDS,
  PROJECT_STATUSES,
  PUBLICATION_KINDS,
  type EntityLabel,
} from './model';

function asEnum<T extends string>(values: readonly T[]): { [K in T]: K } {
  return Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };
}

/** EntityType values are the labels in upper case (ORGANISATION -> Organisation). */
export const EntityType = asEnum(
  ENTITY_LABELS.map((l) => l.toUpperCase()) as Uppercase<EntityLabel>[],
);
export type EntityType = keyof typeof EntityType;
export const labelOfType = (type: EntityType): EntityLabel =>
  ENTITY_LABELS.find((l) => l.toUpperCase() === type)!;

export const OrganisationKind = asEnum(ORGANISATION_KINDS);
export const EventKind = asEnum(EVENT_KINDS);
export const PlaceKind = asEnum(PLACE_KINDS);
export const ProjectStatus = asEnum(PROJECT_STATUSES);
export const PublicationKind = asEnum(PUBLICATION_KINDS);
export const EvidenceKind = asEnum(EVIDENCE_KINDS);

registerEnumType(EntityType, {
  name: 'EntityType',
  description:
    'The nine kinds of entity in the graph; each is an object type implementing Entity, named as the value in title case (ORGANISATION is Organisation).',
  valuesConfig: {
    ORGANISATION: {
      description:
        'A fund, cluster, research centre, incubator, company, public body or other organised body (type Organisation).',
    },
    PERSON: { description: 'A person named in a source (type Person).' },
    EVENT: {
      description:
        'A meeting, forum, conference, session, working group, award ceremony or series (type Event).',
    },
    PROJECT: { description: 'A funded or proposed piece of joint work (type Project).' },
    PUBLICATION: {
      description:
        'A report, concept, video, documentation, photo or programme (type Publication).',
    },
    PLACE: { description: 'A city, town, district, region or country (type Place).' },
    TOPIC: {
      description: 'A subject such as circular economy or cleantech (type Topic).',
    },
    AWARD: { description: 'A prize given to people, organisations or projects (type Award).' },
    DOCUMENT: {
      description:
        'A source text that STATED evidence quotes from, with its full original text (type Document).',
    },
  },
});
registerEnumType(OrganisationKind, {
  name: 'OrganisationKind',
  description: 'What sort of body an organisation is; OTHER when none of the others fits.',
  valuesConfig: {
    FUND: { description: 'A fund that finances innovation or public-benefit work (e.g. Sitra).' },
    RESEARCH_CENTRE: { description: 'A research or analysis centre (e.g. the Leontief Centre).' },
    INCUBATOR: { description: 'A business incubator that hosts and coaches start-ups.' },
    TECHNOPARK: { description: 'A technology park offering premises and services to companies.' },
    CLUSTER: {
      description:
        'A cluster: companies and institutions of one field and region working together.',
    },
    ASSOCIATION: { description: 'A membership association or network of organisations.' },
    COMPETENCE_CENTRE: {
      description: 'A competence centre doing applied research and development for an industry.',
    },
    EXPERT_GROUP: { description: 'A standing group of experts (e.g. a project expert group).' },
    COMPANY: { description: 'A single company, whatever its size.' },
    COMPANY_GROUP: { description: 'A group of companies under common ownership.' },
    PUBLIC_BODY: { description: 'A ministry, agency, municipality or other public authority.' },
    UNIVERSITY: { description: 'A university or other higher-education institution.' },
    OTHER: { description: 'Any organisation that none of the other kinds describes.' },
  },
});
registerEnumType(EventKind, {
  name: 'EventKind',
  description:
    'What sort of gathering an event is; parts of a larger event (sessions, ceremonies) link to it with partOf.',
  valuesConfig: {
    MEETING: { description: 'A meeting between a few organisations or people.' },
    FORUM: {
      description: 'A forum: an open, recurring gathering of a field (e.g. a strategy forum).',
    },
    CONFERENCE: { description: 'A conference with a programme of talks.' },
    SESSION: { description: 'One session or track inside a larger event.' },
    WORKING_GROUP: { description: 'A meeting of a working group or expert group.' },
    AWARD_CEREMONY: { description: 'A ceremony where awards are given (see Event.awards).' },
    SERIES: { description: 'A series of events, whose editions are its parts.' },
    OTHER: { description: 'Any event that none of the other kinds describes.' },
  },
});
registerEnumType(PlaceKind, {
  name: 'PlaceKind',
  description: 'The scale of a place, from a district to a region spanning several countries.',
  valuesConfig: {
    CITY: { description: 'A city (e.g. St Petersburg).' },
    TOWN: { description: 'A town smaller than a city.' },
    DISTRICT: { description: 'A district or neighbourhood within a city or town.' },
    REGION: { description: 'A region within a country (a province, county or oblast).' },
    COUNTRY: { description: 'A sovereign country; its ISO 3166-1 code is in country.' },
    SUPRANATIONAL_REGION: {
      description: 'A region spanning several countries (e.g. the Baltic Sea region, the EU).',
    },
  },
});
registerEnumType(ProjectStatus, {
  name: 'ProjectStatus',
  description: 'Where a project stands, as its sources last said.',
  valuesConfig: {
    PROPOSED: { description: 'Planned or applied for, not (yet) started.' },
    ACTIVE: { description: 'Started and not yet ended.' },
    COMPLETED: { description: 'The project has ended.' },
    UNKNOWN: { description: 'The sources do not say; the default when a project is created.' },
  },
});
registerEnumType(PublicationKind, {
  name: 'PublicationKind',
  description: 'What form a publication takes.',
  valuesConfig: {
    REPORT: { description: 'A written report or study.' },
    CONCEPT: { description: 'A concept, model or playbook (e.g. the Circular Economy Playbook).' },
    VIDEO: { description: 'A video recording, e.g. of a talk or an event.' },
    DOCUMENTATION: { description: 'Documentation of an event or project (minutes, summaries).' },
    PHOTO: { description: 'A photograph or photo collage.' },
    PROGRAMME: { description: 'The programme or agenda of an event.' },
    OTHER: { description: 'Any publication that none of the other kinds describes.' },
  },
});
registerEnumType(EvidenceKind, {
  name: 'EvidenceKind',
  description: 'Where a fact comes from.',
  valuesConfig: {
    STATED: {
      description:
        'Quoted verbatim from a source Document in the graph (document, quote, language, translation are set).',
    },
    EXTERNAL: { description: 'Stated on a public web page (url is set).' },
    ASSERTED: {
      description:
        'Written through the API by an authenticated client without a source (assertedBy names it).',
    },
  },
});
