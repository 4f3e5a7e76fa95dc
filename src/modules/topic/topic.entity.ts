/** The Topic entity type's one declaration: its object type, inputs, seed shape and generator words. */
import { z } from 'zod';
import { declareEntity } from '../entity/entity.declaration';
import { entityBase } from '../../shared/seed-fields';
import { CreateTopicInput, UpdateTopicInput } from './topic.inputs';
import { Topic } from './topic.type';

export const TOPIC_ENTITY = declareEntity({
  label: 'Topic',
  type: Topic,
  writes: { create: CreateTopicInput, update: UpdateTopicInput, fields: [] },
  seed: z.strictObject({ ...entityBase, type: z.literal('Topic') }),
  intro: [
    'Keskustelun aiheina olivat',
    'Arutelu teemad olid',
    'Темы обсуждения',
    'The topics of discussion were',
  ],
});
