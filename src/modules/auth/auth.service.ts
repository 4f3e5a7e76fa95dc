/**
 * Credentials: `Authorization: Bearer <api key or JWT>`. API keys (cgk_...) are looked up by
 * hash on every request, one indexed read: no instance may keep serving a key that another
 * has revoked (a cache of any length would, and one keyed on the graph version would cost the
 * same round trip as the lookup). JWTs are verified with jose: algorithm pinned (HS256 with a
 * secret, or RS256/ES256 from a JWKS URL), issuer, audience, expiry and lifetime checked; the
 * role comes from the `role` claim. Bad credentials are refused, never downgraded to anonymous.
 */
import { createRemoteJWKSet, errors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { AppError } from '../../shared/errors';
import { ANONYMOUS, ROLES, type Principal, type Role } from '../../shared/principal';
import { KEY_PREFIX, type ApiKeyRepository } from './api-key.repository';
import { textProblem } from '../../shared/text';

export interface JwtConfig {
  secret: string | undefined;
  jwksUrl: string | undefined;
  issuer: string | undefined;
  audience: string | undefined;
  /**
   * Tokens meant to live longer (exp - iat), or without iat, are refused; config.ts always sets
   * it (JWT_MAX_LIFETIME_SECONDS), the schema emitter, which verifies no token, leaves it out.
   */
  maxLifetimeSeconds?: number;
}

export class UnauthenticatedError extends AppError {
  constructor(message: string) {
    super('UNAUTHENTICATED', message, { http: { status: 401 } });
  }
}

export class AuthService {
  private readonly jwks: JWTVerifyGetKey | undefined;
  private readonly maxLifetime: number;

  constructor(
    private readonly apiKeys: ApiKeyRepository,
    private readonly jwt: JwtConfig,
  ) {
    this.jwks = jwt.jwksUrl ? createRemoteJWKSet(new URL(jwt.jwksUrl)) : undefined;
    this.maxLifetime = jwt.maxLifetimeSeconds ?? 3_600;
  }

  /** The principal behind an Authorization header (none: anonymous). */
  async authenticate(header: string | undefined): Promise<Principal> {
    if (header === undefined || header.trim() === '') return ANONYMOUS;
    const match = /^Bearer\s+(\S{10,4096})$/i.exec(header.trim());
    if (!match)
      throw new UnauthenticatedError(
        'Send credentials as "Authorization: Bearer <API key or JWT>".',
      );
    const token = match[1]!;
    return token.startsWith(KEY_PREFIX) ? this.apiKey(token) : this.token(token);
  }

  private async apiKey(key: string): Promise<Principal> {
    const found = await this.apiKeys.find(key);
    if (!found) throw new UnauthenticatedError('This API key is unknown or revoked.');
    return { id: `key:${found.name}`, role: found.role };
  }

  private async token(token: string): Promise<Principal> {
    if (!this.jwt.secret && !this.jwks)
      throw new UnauthenticatedError(
        'This API accepts API keys only (no JWT issuer is configured).',
      );
    try {
      const options = {
        issuer: this.jwt.issuer,
        audience: this.jwt.audience,
        requiredClaims: ['exp', 'iat', 'sub'],
        // Also refuses an iat in the future.
        maxTokenAge: this.maxLifetime,
      };
      const { payload } = this.jwks
        ? await jwtVerify(token, this.jwks, { ...options, algorithms: ['RS256', 'ES256'] })
        : await jwtVerify(token, new TextEncoder().encode(this.jwt.secret), {
            ...options,
            algorithms: ['HS256'],
          });
      const max = this.maxLifetime;
      if (payload.exp! - payload.iat! > max)
        throw new UnauthenticatedError(
          `The token is meant to live ${payload.exp! - payload.iat!} s (exp - iat); this API accepts at most ${max} s (JWT_MAX_LIFETIME_SECONDS).`,
        );
      const role = payload.role;
      if (typeof role !== 'string' || !(ROLES as readonly string[]).includes(role))
        throw new UnauthenticatedError(
          `The token's role claim must be one of ${ROLES.join(', ')}.`,
        );
      // The subject becomes the author of writes in the audit: the same text rule as names.
      const subjectProblem = textProblem(String(payload.sub), 'line');
      if (subjectProblem)
        throw new UnauthenticatedError(`The token's sub claim ${subjectProblem}.`);
      return { id: `jwt:${payload.sub}`, role: role as Role };
    } catch (error) {
      if (error instanceof UnauthenticatedError) throw error;
      // A token that does not say how long it lives (or claims to be issued later, or longer
      // ago than the longest lifetime allowed) is refused as such.
      const claim =
        error instanceof errors.JWTClaimValidationFailed || error instanceof errors.JWTExpired
          ? error.claim
          : undefined;
      if (claim === 'iat' || (claim === 'exp' && error instanceof errors.JWTClaimValidationFailed))
        throw new UnauthenticatedError(
          `The token must carry iat (when it was issued, not in the future) and exp, at most ${this.maxLifetime} s apart (JWT_MAX_LIFETIME_SECONDS).`,
        );
      throw new UnauthenticatedError(
        'The bearer token is not valid here (signature, algorithm, issuer, audience or expiry).',
      );
    }
  }
}
