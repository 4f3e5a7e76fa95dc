/** The webhook settings: defaults, and one sentence naming the variable for a bad value. */
import { loadConfig } from '../../src/config';

describe('webhook settings', () => {
  it('default to delivering, 1 s to 1 h back-off, three days before an endpoint is disabled', () => {
    expect(loadConfig({}).webhooks).toEqual({
      dispatch: true,
      pollMs: 2_000,
      retryBaseMs: 1_000,
      retryCapMs: 3_600_000,
      maxAgeSeconds: 259_200,
      timeoutMs: 10_000,
      leaseMs: 60_000,
      allowlist: [],
    });
  });

  it('read the allowlist as names, addresses and subnets', () => {
    expect(
      loadConfig({ WEBHOOK_ALLOWLIST: ' Hooks.Internal , 127.0.0.1, 10.1.0.0/16, [::1], fd00::/8' })
        .webhooks.allowlist,
    ).toEqual(['hooks.internal', '127.0.0.1', '10.1.0.0/16', '::1', 'fd00::/8']);
  });

  it.each([
    [
      { WEBHOOK_ALLOWLIST: 'http://hooks.internal/' },
      /^WEBHOOK_ALLOWLIST must be a comma-separated list/,
    ],
    [{ WEBHOOK_ALLOWLIST: '10.0.0.0/33' }, /^WEBHOOK_ALLOWLIST must be/],
    [
      { WEBHOOK_RETRY_BASE_MS: '5000', WEBHOOK_RETRY_CAP_MS: '1000' },
      /^WEBHOOK_RETRY_CAP_MS must be at least WEBHOOK_RETRY_BASE_MS \(5000\), got "1000"\.$/,
    ],
    [
      { WEBHOOK_TIMEOUT_MS: '10000', WEBHOOK_LEASE_MS: '15000' },
      /^WEBHOOK_LEASE_MS must be at least twice WEBHOOK_TIMEOUT_MS \(20000\), got "15000"\.$/,
    ],
    [{ WEBHOOK_POLL_MS: 'soon' }, /^WEBHOOK_POLL_MS must be a whole number/],
    [{ WEBHOOK_DISPATCH: 'maybe' }, /^WEBHOOK_DISPATCH must be true or false/],
  ])('refuses %j', (env, sentence) => {
    expect(() => loadConfig(env)).toThrow(sentence);
  });
});
