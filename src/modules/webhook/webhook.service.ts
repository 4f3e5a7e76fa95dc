/**
 * Webhook administration: validates an endpoint (its URL must reach public addresses only, see
 * webhook.address.ts; its event names) and makes its signing secret (the dispatcher is nudged
 * by every local write, these included).
 * A signing secret is stored as it is (it must sign), unlike API keys, and shown only in the
 * answer of the mutation that made it.
 */
import { CHANGE_TYPES } from '../change/change';
import { randomBytes, randomUUID } from 'node:crypto';
import { BadUserInputError, NotFoundError } from '../../shared/errors';
import { textProblem } from '../../shared/text';
import {
  AddressRefusedError,
  checkedAddress,
  type Allowlist,
  type Resolver,
} from './webhook.address';
import type { WebhookRecord, WebhookRepository } from './webhook.repository';
import type { CreateWebhookInput, Webhook } from './webhook.type';

export const SECRET_PREFIX = 'whsec_';
/** What a subscription may name with a type: the change feed's operations, in lower case. */
const EVENT_VERBS = ['create', 'update', 'delete'];

const makeSecret = (): string => `${SECRET_PREFIX}${randomBytes(32).toString('base64url')}`;

const shown = (record: WebhookRecord, secret: string | null = null): Webhook => ({
  ...record,
  secret,
});

/** Why an event name is not one an endpoint may subscribe to, or undefined. */
export function eventNameProblem(name: string): string | undefined {
  if (name === '*') return undefined;
  const text = name.trim() === '' ? 'must not be empty' : textProblem(name);
  if (text) return text;
  if (name.length > 100) return 'must be at most 100 characters';
  const [first, second, ...rest] = name.split(' ');
  const type = second === undefined ? first! : second;
  const verbFits = second === undefined || (EVENT_VERBS.includes(first!) && rest.length === 0);
  if (verbFits && CHANGE_TYPES.includes(type)) return undefined;
  return `is ${JSON.stringify(name.slice(0, 100))}, which names no change: give "*", a type (${CHANGE_TYPES.slice(0, 3).join(', ')} ... AFFILIATED_WITH), or create, update or delete and a type ("create Organisation")`;
}

export class WebhookService {
  constructor(
    private readonly repository: WebhookRepository,
    private readonly allowlist: Allowlist,
    private readonly resolve?: Resolver,
  ) {}

  async create(input: CreateWebhookInput): Promise<Webhook> {
    input.events.forEach((name, i) => {
      const problem = eventNameProblem(name);
      if (problem) throw new BadUserInputError(`events[${i}] ${problem}.`, `input.events[${i}]`);
    });
    try {
      await checkedAddress(new URL(input.url), this.allowlist, this.resolve);
    } catch (error) {
      if (error instanceof AddressRefusedError)
        throw new BadUserInputError(`url is refused: ${error.message}.`, 'input.url');
      throw error;
    }
    const secret = makeSecret();
    const record = await this.repository.create({
      id: randomUUID(),
      url: input.url,
      events: [...new Set(input.events)],
      description: input.description ?? null,
      secret,
    });
    return shown(record, secret);
  }

  list(): Promise<Webhook[]> {
    return this.repository.list().then((records) => records.map((r) => shown(r)));
  }

  async setEnabled(id: string, enabled: boolean): Promise<Webhook> {
    const record = await this.repository.setEnabled(
      id,
      enabled,
      enabled ? null : 'disabled by an admin (disableWebhook)',
    );
    if (!record) throw new NotFoundError(`No webhook has the id ${id}.`, 'id');
    return shown(record);
  }

  async rotate(id: string): Promise<Webhook> {
    const secret = makeSecret();
    const record = await this.repository.rotate(id, secret);
    if (!record) throw new NotFoundError(`No webhook has the id ${id}.`, 'id');
    return shown(record, secret);
  }

  async delete(id: string): Promise<string> {
    if (!(await this.repository.delete(id)))
      throw new NotFoundError(`No webhook has the id ${id}.`, 'id');
    return id;
  }

  deliveries(
    id: string,
    cursor: number | null,
    limit: number,
    backward: boolean,
  ): ReturnType<WebhookRepository['deliveries']> {
    return this.repository.deliveries(id, cursor, limit, backward);
  }
}
