/** The Project entity type's one declaration: its object type, inputs, seed shape and generator words. */
import { z } from 'zod';
import { declareEntity } from '../entity/entity.declaration';
import { PROJECT_STATUSES } from '../../shared/model';
import { entityBase, line, url, year } from '../../shared/seed-fields';
import { CreateProjectInput, UpdateProjectInput, PROJECT_FIELDS } from './project.inputs';
import { Project } from './project.type';

export const PROJECT_ENTITY = declareEntity({
  label: 'Project',
  type: Project,
  writes: { create: CreateProjectInput, update: UpdateProjectInput, fields: PROJECT_FIELDS },
  seed: z
    .strictObject({
      ...entityBase,
      type: z.literal('Project'),
      status: z.enum(PROJECT_STATUSES).default('UNKNOWN'),
      startYear: year.optional(),
      endYear: year.optional(),
      programme: line.optional(),
      website: url.optional(),
    })
    .refine((p) => !p.startYear || !p.endYear || p.startYear <= p.endYear, {
      message: 'endYear is before startYear',
      path: ['endYear'],
    }),
  intro: [
    'Hankkeita ovat muun muassa',
    'Projektide hulgas on',
    'Среди проектов',
    'The projects include',
  ],
});
