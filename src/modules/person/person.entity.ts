/** The Person entity type's one declaration: its object type, inputs, seed shape and generator words. */
import { z } from 'zod';
import { declareEntity } from '../entity/entity.declaration';
import { entityBase } from '../../shared/seed-fields';
import { CreatePersonInput, UpdatePersonInput } from './person.inputs';
import { Person } from './person.type';

export const PERSON_ENTITY = declareEntity({
  label: 'Person',
  type: Person,
  writes: { create: CreatePersonInput, update: UpdatePersonInput, fields: [] },
  seed: z.strictObject({ ...entityBase, type: z.literal('Person') }),
  intro: [
    'Mukana olivat muun muassa',
    'Kohal olid teiste hulgas',
    'Среди присутствовавших',
    'Those present included',
  ],
});
