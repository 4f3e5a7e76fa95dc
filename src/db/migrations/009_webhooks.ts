/**
 * Webhooks: endpoints with unique ids, and their delivery log, one node per endpoint and event
 * (its id is both), listed per endpoint newest first by the audit entry's seq.
 */
import type { Migration } from './migration';

export const migration: Migration = {
  id: '009_webhooks',
  description: 'webhook endpoints and their delivery log',
  statements: [
    'CREATE CONSTRAINT webhook_id IF NOT EXISTS FOR (n:Webhook) REQUIRE n.id IS UNIQUE',
    'CREATE CONSTRAINT webhook_delivery_id IF NOT EXISTS FOR (n:WebhookDelivery) REQUIRE n.id IS UNIQUE',
    'CREATE INDEX webhook_delivery_endpoint IF NOT EXISTS FOR (n:WebhookDelivery) ON (n.webhookId, n.seq)',
  ],
};
