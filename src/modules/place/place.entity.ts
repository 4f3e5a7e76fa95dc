/** The Place entity type's one declaration: its object type, inputs, seed shape and generator words. */
import { z } from 'zod';
import { declareEntity } from '../entity/entity.declaration';
import { PLACE_KINDS } from '../../shared/model';
import { country, entityBase } from '../../shared/seed-fields';
import { CreatePlaceInput, UpdatePlaceInput, PLACE_FIELDS } from './place.inputs';
import { Place } from './place.type';

export const PLACE_ENTITY = declareEntity({
  label: 'Place',
  type: Place,
  writes: { create: CreatePlaceInput, update: UpdatePlaceInput, fields: PLACE_FIELDS },
  seed: z.strictObject({
    ...entityBase,
    type: z.literal('Place'),
    kind: z.enum(PLACE_KINDS),
    country: country.optional(),
  }),
  intro: [
    'Toiminta-alueeseen kuuluvat',
    'Tegevuspiirkonda kuuluvad',
    'В регион деятельности входят',
    'The area of operation includes',
  ],
});
