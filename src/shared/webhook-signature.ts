/**
 * Webhook signatures, both sides: the API signs each delivery, and a receiver checks it with
 * verifyWebhookSignature (the check the README documents; the tests use it too). HMAC-SHA256
 * over `${timestamp}.${body}` with the endpoint's secret, sent as
 * `X-Cluster-Graph-Signature: t=<unix seconds>,v1=<hex>`: the timestamp is signed with the body,
 * so a captured delivery cannot be replayed later with a fresh one.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'x-cluster-graph-signature';
export const EVENT_ID_HEADER = 'x-cluster-graph-event-id';
/** Older signatures are refused by the documented check (replay). */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

function hmac(secret: string, timestamp: number, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`, 'utf8').digest('hex');
}

/** The signature header's value for `body` sent at `timestamp` (unix seconds). */
export function signWebhook(secret: string, body: string, timestamp: number): string {
  return `t=${timestamp},v1=${hmac(secret, timestamp, body)}`;
}

/**
 * True when `header` signs exactly `body` (the raw bytes received, as text) with `secret`, at
 * a time within `toleranceSeconds` of `nowSeconds`: recomputed and compared in constant time.
 */
export function verifyWebhookSignature(
  secret: string,
  body: string,
  header: string | undefined,
  nowSeconds: number = Math.floor(Date.now() / 1000),
  toleranceSeconds: number = SIGNATURE_TOLERANCE_SECONDS,
): boolean {
  const parts = new Map(
    (header ?? '').split(',').map((part) => {
      const at = part.indexOf('=');
      return [part.slice(0, at).trim(), part.slice(at + 1).trim()] as const;
    }),
  );
  const timestamp = Number(parts.get('t'));
  const given = parts.get('v1') ?? '';
  if (!Number.isSafeInteger(timestamp) || Math.abs(nowSeconds - timestamp) > toleranceSeconds)
    return false;
  if (!/^[0-9a-f]{64}$/.test(given)) return false;
  return timingSafeEqual(
    Buffer.from(given, 'hex'),
    Buffer.from(hmac(secret, timestamp, body), 'hex'),
  );
}
