/** The Publication entity type's one declaration: its object type, inputs, seed shape and generator words. */
import { z } from 'zod';
import { declareEntity } from '../entity/entity.declaration';
import { PUBLICATION_KINDS } from '../../shared/model';
import { entityBase, isoDate, url } from '../../shared/seed-fields';
import {
  CreatePublicationInput,
  UpdatePublicationInput,
  PUBLICATION_FIELDS,
} from './publication.inputs';
import { Publication } from './publication.type';

export const PUBLICATION_ENTITY = declareEntity({
  label: 'Publication',
  type: Publication,
  writes: {
    create: CreatePublicationInput,
    update: UpdatePublicationInput,
    fields: PUBLICATION_FIELDS,
  },
  seed: z.strictObject({
    ...entityBase,
    type: z.literal('Publication'),
    kind: z.enum(PUBLICATION_KINDS),
    date: isoDate.optional(),
    url: url.optional(),
  }),
  intro: [
    'Julkaisuja ovat muun muassa',
    'Väljaannete hulgas on',
    'Среди публикаций',
    'The publications include',
  ],
});
