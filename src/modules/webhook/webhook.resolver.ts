/** Webhook administration (admins only): register, list, disable, enable, rotate, delete, the log. */
import { Arg, Authorized, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import {
  ConnectionArgs,
  ConnectionPage,
  readPage,
  toConnection,
  type ConnectionShape,
} from '../../shared/connection';
import type { WebhookService } from './webhook.service';
import {
  CreateWebhookInput,
  Webhook,
  WebhookDelivery,
  WebhookDeliveryConnection,
} from './webhook.type';

/** What the log's cursors belong to (see encodeCursor). */
const DELIVERIES_SCOPE = 'webhookDeliveries';

@Resolver(() => Webhook)
export class WebhookResolver {
  constructor(private readonly service: WebhookService) {}

  @Authorized('admin')
  @Query(() => [Webhook], {
    description: 'Every webhook endpoint, oldest first (admins only; secrets are never listed).',
  })
  webhooks(): Promise<Webhook[]> {
    return this.service.list();
  }

  @Authorized('admin')
  @Mutation(() => Webhook, {
    description:
      'Registers an endpoint that receives the changes it subscribed to from now on, and answers its signing secret: the only time it is shown. BAD_USER_INPUT (argument input.url) for a URL that is not http(s), holds credentials, or resolves to a loopback, private, link-local or other internal address not in WEBHOOK_ALLOWLIST. Admins only.',
  })
  createWebhook(
    @Arg('input', () => CreateWebhookInput, {
      validate: true,
      description: 'The endpoint: url, events, description.',
    })
    input: CreateWebhookInput,
  ): Promise<Webhook> {
    return this.service.create(input);
  }

  @Authorized('admin')
  @Mutation(() => Webhook, {
    description:
      'Stops deliveries to an endpoint; events meanwhile wait (enableWebhook delivers them). NOT_FOUND for an unknown id. Admins only.',
  })
  disableWebhook(
    @Arg('id', () => ID, { description: 'Id of the endpoint.' }) id: string,
  ): Promise<Webhook> {
    return this.service.setEnabled(id, false);
  }

  @Authorized('admin')
  @Mutation(() => Webhook, {
    description:
      'Resumes deliveries where they stopped (a failing event is tried again at once). NOT_FOUND for an unknown id. Admins only.',
  })
  enableWebhook(
    @Arg('id', () => ID, { description: 'Id of the endpoint.' }) id: string,
  ): Promise<Webhook> {
    return this.service.setEnabled(id, true);
  }

  @Authorized('admin')
  @Mutation(() => Webhook, {
    description:
      'Gives an endpoint a new signing secret, answered once; deliveries are signed with it from now on (the old one stops at once). NOT_FOUND for an unknown id. Admins only.',
  })
  rotateWebhookSecret(
    @Arg('id', () => ID, { description: 'Id of the endpoint.' }) id: string,
  ): Promise<Webhook> {
    return this.service.rotate(id);
  }

  @Authorized('admin')
  @Mutation(() => ID, {
    description:
      'Deletes an endpoint and its delivery log; returns its id. NOT_FOUND for an unknown id. Admins only.',
  })
  deleteWebhook(
    @Arg('id', () => ID, { description: 'Id of the endpoint.' }) id: string,
  ): Promise<string> {
    return this.service.delete(id);
  }

  @FieldResolver(() => WebhookDeliveryConnection, {
    description:
      'The delivery log: one entry per event sent to this endpoint, newest first, with its attempts, last status and error, and when it is tried next or was delivered.',
  })
  async deliveries(
    @Root() webhook: Webhook,
    @ConnectionPage() page: ConnectionArgs = {},
  ): Promise<ConnectionShape<WebhookDelivery>> {
    const { backward, size, cursor } = readPage<[number]>(page, ['number'], DELIVERIES_SCOPE);
    const found = await this.service.deliveries(
      webhook.id,
      cursor ? cursor[0] : null,
      size + 1,
      backward,
    );
    return toConnection(
      found.rows,
      size,
      found.total,
      found.rows.slice(0, size),
      (row) => [row.seq],
      {
        backward,
        beyond: found.beyond,
        scope: DELIVERIES_SCOPE,
      },
    );
  }
}
