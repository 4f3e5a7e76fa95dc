/** The Organisation entity type's one declaration: its object type, inputs, seed shape and generator words. */
import { z } from 'zod';
import { declareEntity } from '../entity/entity.declaration';
import { ORGANISATION_KINDS } from '../../shared/model';
import { country, entityBase, url, year } from '../../shared/seed-fields';
import {
  CreateOrganisationInput,
  UpdateOrganisationInput,
  ORGANISATION_FIELDS,
} from './organisation.inputs';
import { Organisation } from './organisation.type';

export const ORGANISATION_ENTITY = declareEntity({
  label: 'Organisation',
  type: Organisation,
  writes: {
    create: CreateOrganisationInput,
    update: UpdateOrganisationInput,
    fields: ORGANISATION_FIELDS,
  },
  seed: z.strictObject({
    ...entityBase,
    type: z.literal('Organisation'),
    kind: z.enum(ORGANISATION_KINDS),
    country: country.optional(),
    foundedYear: year.optional(),
    website: url.optional(),
  }),
  intro: [
    'Kumppaneina ovat muun muassa',
    'Partnerite hulgas on',
    'Среди партнёров',
    'The partners include',
  ],
});
