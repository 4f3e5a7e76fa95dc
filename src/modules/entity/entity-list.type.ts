/** The sort order shared by the entity lists (organisations, people, events). */
import { registerEnumType } from 'type-graphql';
import { ENTITY_ORDERS, type EntityOrder as Order } from './entity-list.repository';

export const EntityOrder = Object.fromEntries(ENTITY_ORDERS.map((o) => [o, o])) as {
  [K in Order]: K;
};
registerEnumType(EntityOrder, {
  name: 'EntityOrder',
  description: 'How a list is sorted; ties are broken by id so that pages are stable.',
  valuesConfig: {
    NAME: { description: 'By name, A to Z (case-insensitive).' },
    MOST_CONNECTED: {
      description: 'By number of relationships and interactions, most connected first.',
    },
    START_DATE: { description: 'By start date, oldest first; undated last.' },
  },
});
