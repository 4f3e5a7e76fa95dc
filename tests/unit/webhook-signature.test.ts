/** Webhook signatures: what the API sends is what the documented receiver check accepts, and nothing else. */
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { signWebhook, verifyWebhookSignature } from '../../src/shared/webhook-signature';

const secret = 'whsec_test-secret';
const body = JSON.stringify({ id: 'e1', type: 'create Organisation', seq: 7 });
const now = 1_800_000_000;

describe('webhook signatures', () => {
  it('signs HMAC-SHA256 over "<timestamp>.<body>" with the secret, as t=..,v1=<hex>', () => {
    const expected = createHmac('sha256', secret).update(`${now}.${body}`).digest('hex');
    expect(signWebhook(secret, body, now)).toBe(`t=${now},v1=${expected}`);
  });

  it('accepts its own signature within five minutes', () => {
    const header = signWebhook(secret, body, now);
    expect(verifyWebhookSignature(secret, body, header, now)).toBe(true);
    expect(verifyWebhookSignature(secret, body, header, now + 300)).toBe(true);
  });

  it('refuses a tampered body, another secret, a changed timestamp', () => {
    const header = signWebhook(secret, body, now);
    expect(verifyWebhookSignature(secret, body.replace('7', '8'), header, now)).toBe(false);
    expect(verifyWebhookSignature('whsec_other', body, header, now)).toBe(false);
    expect(
      verifyWebhookSignature(secret, body, header.replace(`t=${now}`, `t=${now + 1}`), now),
    ).toBe(false);
  });

  it('refuses a signature older (or newer) than five minutes: a replay', () => {
    const header = signWebhook(secret, body, now);
    expect(verifyWebhookSignature(secret, body, header, now + 301)).toBe(false);
    expect(verifyWebhookSignature(secret, body, header, now - 301)).toBe(false);
  });

  it.each([undefined, '', 't=abc,v1=00', `t=${now}`, `t=${now},v1=zz`, `v1=${'0'.repeat(64)}`])(
    'refuses a malformed header %p',
    (header) => {
      expect(verifyWebhookSignature(secret, body, header, now)).toBe(false);
    },
  );
});

describe("the README's receiver check", () => {
  // The snippet under "## Webhooks", run as a receiver would: it must agree with the exported check.
  const readme = readFileSync(path.resolve(__dirname, '..', '..', 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Webhooks'));
  const snippet = /```js\n([\s\S]*?function verifyWebhook[\s\S]*?)```/.exec(section)?.[1] ?? '';
  const verifyWebhook = new Function('require', `${snippet}\nreturn verifyWebhook;`)(require) as (
    secret: string,
    body: string,
    header: string | undefined,
    now?: number,
  ) => boolean;

  it.each([
    ['its own signature', body, signWebhook(secret, body, now), now],
    ['a tampered body', `${body} `, signWebhook(secret, body, now), now],
    ['another secret', body, signWebhook('whsec_other', body, now), now],
    ['a replay after five minutes', body, signWebhook(secret, body, now), now + 301],
    ['a missing header', body, undefined, now],
    ['a malformed header', body, `t=${now},v1=zz`, now],
  ])('agrees with verifyWebhookSignature on %s', (_what, received, header, at) => {
    expect(snippet).toContain('timingSafeEqual');
    expect(verifyWebhook(secret, received, header, at)).toBe(
      verifyWebhookSignature(secret, received, header, at),
    );
  });
});
