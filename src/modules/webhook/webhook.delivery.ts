/**
 * One delivery attempt: the event's JSON POSTed to the endpoint, signed, to the address checked
 * for it (webhook.address.ts), without following redirects (a 3xx is a failure: a redirect could
 * lead inside), within one deadline for the whole exchange, reading at most a little of the
 * answer. Never throws: the outcome says what happened, for the delivery log.
 */
import http from 'node:http';
import https from 'node:https';
import { EVENT_ID_HEADER, SIGNATURE_HEADER, signWebhook } from '../../shared/webhook-signature';
import {
  AddressRefusedError,
  checkedAddress,
  pinnedLookup,
  type Allowlist,
} from './webhook.address';

/** What is kept of an endpoint's answer (the rest is not read). */
const MAX_ANSWER_BYTES = 1_024;

export interface DeliveryOutcome {
  ok: boolean;
  /** The HTTP status answered; null when none came (refused, unreachable, timed out). */
  statusCode: number | null;
  /** Why it failed, in a sentence; null on success. */
  error: string | null;
}

export interface DeliveryRequest {
  url: string;
  secret: string;
  eventId: string;
  body: string;
  timeoutMs: number;
  allowlist: Allowlist;
}

export async function deliver(request: DeliveryRequest): Promise<DeliveryOutcome> {
  const url = new URL(request.url);
  let lookup;
  try {
    lookup = pinnedLookup(await checkedAddress(url, request.allowlist));
  } catch (error) {
    const reason = error instanceof AddressRefusedError ? error.message : String(error);
    return { ok: false, statusCode: null, error: `refused before sending: ${reason}` };
  }
  const timestamp = Math.floor(Date.now() / 1000);
  const client = url.protocol === 'https:' ? https : http;
  return new Promise<DeliveryOutcome>((resolve) => {
    let settled = false;
    const settle = (outcome: DeliveryOutcome): void => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      resolve(outcome);
    };
    const req = client.request(url, {
      method: 'POST',
      lookup,
      // No pooled socket: each attempt connects to the address it checked.
      agent: false,
      headers: {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(request.body),
        'user-agent': 'cluster-graph-webhooks/1',
        [SIGNATURE_HEADER]: signWebhook(request.secret, request.body, timestamp),
        [EVENT_ID_HEADER]: request.eventId,
      },
    });
    const deadline = setTimeout(
      () => req.destroy(new Error(`no answer within ${request.timeoutMs} ms`)),
      request.timeoutMs,
    );
    req.on('error', (error: NodeJS.ErrnoException) =>
      settle({
        ok: false,
        statusCode: null,
        error: error.code ? `${error.code}: ${error.message}` : error.message,
      }),
    );
    req.on('response', (res) => {
      const status = res.statusCode ?? 0;
      let answer = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        if (answer.length < MAX_ANSWER_BYTES) answer += chunk;
        if (answer.length >= MAX_ANSWER_BYTES) res.destroy();
      });
      const done = (): void => {
        const ok = status >= 200 && status < 300;
        const excerpt = answer.slice(0, 200).replace(/\s+/g, ' ').trim();
        settle({
          ok,
          statusCode: status,
          error: ok
            ? null
            : `answered ${status}${status >= 300 && status < 400 ? ' (redirects are not followed)' : ''}${excerpt ? `: ${excerpt}` : ''}`,
        });
        req.destroy();
      };
      res.on('end', done);
      res.on('close', done);
    });
    req.end(request.body);
  });
}
