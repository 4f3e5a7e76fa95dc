/** The Event entity type's one declaration: its object type, inputs, seed shape and generator words. */
import { z } from 'zod';
import { declareEntity } from '../entity/entity.declaration';
import { EVENT_KINDS } from '../../shared/model';
import { entityBase, isoDate, url, zonedDateTime } from '../../shared/seed-fields';
import { CreateEventInput, UpdateEventInput, EVENT_FIELDS } from './event.inputs';
import { Event } from './event.type';

export const EVENT_ENTITY = declareEntity({
  label: 'Event',
  type: Event,
  writes: { create: CreateEventInput, update: UpdateEventInput, fields: EVENT_FIELDS },
  seed: z
    .strictObject({
      ...entityBase,
      type: z.literal('Event'),
      kind: z.enum(EVENT_KINDS),
      startDate: isoDate.optional(),
      endDate: isoDate.optional(),
      startsAt: zonedDateTime.optional(),
      endsAt: zonedDateTime.optional(),
      participantsAtLeast: z.number().int().positive().optional(),
      edition: z.number().int().positive().optional(),
      website: url.optional(),
    })
    .refine((e) => !e.startDate || !e.endDate || e.startDate <= e.endDate, {
      message: 'endDate is before startDate',
      path: ['endDate'],
    })
    .refine((e) => !e.startsAt || !e.endsAt || e.startsAt.slice(0, 25) <= e.endsAt.slice(0, 25), {
      message: 'endsAt is before startsAt',
      path: ['endsAt'],
    })
    // A date-time is on the day it is written with (its own zone), as the API reads it.
    .superRefine((e, ctx) => {
      for (const [at, day] of [
        ['startsAt', 'startDate'],
        ['endsAt', 'endDate'],
      ] as const) {
        const local = e[at]?.slice(0, 10);
        if (local !== undefined && e[day] !== undefined && local !== e[day]) {
          ctx.addIssue({
            code: 'custom',
            message: `${at} falls on ${local}, not on ${day} ${e[day]}`,
            path: [at],
          });
        }
      }
    }),
  intro: [
    'Tapahtumakalenterissa ovat',
    'Ürituste kalendris on',
    'В календаре мероприятий',
    'The events calendar lists',
  ],
});
