/** The Award entity type's one declaration: its object type, inputs, seed shape and generator words. */
import { z } from 'zod';
import { declareEntity } from '../entity/entity.declaration';
import { entityBase, year } from '../../shared/seed-fields';
import { CreateAwardInput, UpdateAwardInput, AWARD_FIELDS } from './award.inputs';
import { Award } from './award.type';

export const AWARD_ENTITY = declareEntity({
  label: 'Award',
  type: Award,
  writes: { create: CreateAwardInput, update: UpdateAwardInput, fields: AWARD_FIELDS },
  seed: z.strictObject({ ...entityBase, type: z.literal('Award'), year: year.optional() }),
  intro: [
    'Jaettuja palkintoja ovat',
    'Välja antud auhinnad on',
    'Вручённые премии',
    'The awards given include',
  ],
});
