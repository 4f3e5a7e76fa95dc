/** The GraphQL face of webhooks: endpoints, their delivery log, and the input that registers one. */
import { ArrayMaxSize, ArrayMinSize, IsOptional, MaxLength } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { connectionType } from '../../shared/connection';
import { DateTimeScalar } from '../../shared/scalars';
import { SafeText, SafeUrl } from '../../shared/text';

@ObjectType({
  description:
    'An endpoint that receives every change it subscribed to as a signed JSON POST (admins only).',
})
export class Webhook {
  @Field(() => ID, { description: 'Id of the endpoint (a UUID).' })
  id!: string;

  @Field({ description: 'Where the events are POSTed.' })
  url!: string;

  @Field(() => [String], {
    description:
      'Which changes it receives: "*" for all, a type ("Organisation", "AFFILIATED_WITH") for the writes that changed one, or an operation ("create Organisation").',
  })
  events!: string[];

  @Field(() => String, { nullable: true, description: 'What the endpoint is for.' })
  description!: string | null;

  @Field({
    description:
      'Whether events are being delivered. false after disableWebhook, or once one event failed for longer than the maximum age (see disabledReason); enableWebhook resumes where it stopped.',
  })
  enabled!: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'Why the endpoint is disabled; null while enabled.',
  })
  disabledReason!: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'The signing secret (HMAC-SHA256, see the README): only in the answer of createWebhook and rotateWebhookSecret, null everywhere else. Store it then; it is never shown again.',
  })
  secret!: string | null;

  @Field(() => Int, {
    description:
      'The seq (change feed position) of the last change handled: delivered, or passed over as not subscribed.',
  })
  deliveredThrough!: number;

  @Field(() => DateTimeScalar, { description: 'When the endpoint was registered.' })
  createdAt!: string;
}

@ObjectType({ description: 'One event sent (or being sent) to one endpoint, with its attempts.' })
export class WebhookDelivery {
  @Field(() => ID, { description: "Id of this delivery: the endpoint's id and the event's." })
  id!: string;

  @Field(() => ID, {
    description: 'Id of the event (X-Cluster-Graph-Event-Id), the same for every endpoint.',
  })
  eventId!: string;

  @Field(() => Int, { description: 'The change feed position of the event (its audit entry).' })
  seq!: number;

  @Field({ description: 'The event type: the write\'s operation, e.g. "create Organisation".' })
  type!: string;

  @Field({ description: 'DELIVERED (a 2xx answer came) or PENDING (failed so far; retried).' })
  status!: string;

  @Field(() => Int, { description: 'Attempts made so far.' })
  attempts!: number;

  @Field(() => Int, {
    nullable: true,
    description:
      'HTTP status of the last attempt; null when none came (refused, unreachable, timed out).',
  })
  statusCode!: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'Why the last attempt failed; null after success.',
  })
  error!: string | null;

  @Field(() => DateTimeScalar, { description: 'When the first attempt was made.' })
  firstAttemptAt!: string;

  @Field(() => DateTimeScalar, { description: 'When the last attempt was made.' })
  lastAttemptAt!: string;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'When the next attempt is due (PENDING); null once delivered.',
  })
  nextAttemptAt!: string | null;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'When it was delivered; null while PENDING.',
  })
  deliveredAt!: string | null;
}

export const WebhookDeliveryConnection = connectionType(
  'WebhookDelivery',
  WebhookDelivery,
  'deliveries of a webhook (newest event first)',
);

@InputType({ description: 'A new webhook endpoint.' })
export class CreateWebhookInput {
  @Field({
    description:
      'An http(s) URL without user name or password (https recommended), whose host resolves to public addresses only (unless WEBHOOK_ALLOWLIST names it).',
  })
  @MaxLength(2_000)
  @SafeUrl()
  url!: string;

  @Field(() => [String], {
    description:
      'Which changes to receive: ["*"] for all, or types ("Organisation", "AFFILIATED_WITH"), or a type with create, update or delete ("create Organisation", "delete AFFILIATED_WITH"), 1 to 50 of them; a write by mutation or import alike. BAD_USER_INPUT names one that names no change.',
  })
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  events!: string[];

  @Field(() => String, { nullable: true, description: 'What the endpoint is for (optional).' })
  @IsOptional()
  @MaxLength(500)
  @SafeText('prose')
  description?: string | null;
}
