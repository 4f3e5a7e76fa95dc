/**
 * Credentials: `Authorization: Bearer <api key or JWT>`. API keys (cgk_...) are looked up by
 * hash, with a short in-process cache so a busy client costs one lookup per 30 s. JWTs are
 * verified with jose: algorithm pinned (HS256 with a secret, or RS256/ES256 from a JWKS URL),
 * issuer, audience and expiry checked; the role comes from the `role` claim. Bad credentials are
 * refused, never downgraded to anonymous.
 */
import { createRemoteJWKSet, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { AppError } from '../../shared/errors';
import { ANONYMOUS, ROLES, type Principal, type Role } from './auth.model';
import { KEY_PREFIX, type ApiKeyRepository } from './api-key.repository';

export interface JwtConfig {
  secret: string | undefined;
  jwksUrl: string | undefined;
  issuer: string | undefined;
  audience: string | undefined;
}

export class UnauthenticatedError extends AppError {
  constructor(message: string) {
    super('UNAUTHENTICATED', message, { http: { status: 401 } });
  }
}

const CACHE_MS = 30_000;

export class AuthService {
  private readonly keys = new Map<string, { principal: Principal; until: number }>();
  private readonly jwks: JWTVerifyGetKey | undefined;

  constructor(
    private readonly apiKeys: ApiKeyRepository,
    private readonly jwt: JwtConfig,
  ) {
    this.jwks = jwt.jwksUrl ? createRemoteJWKSet(new URL(jwt.jwksUrl)) : undefined;
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
    const cached = this.keys.get(key);
    if (cached && cached.until > Date.now()) return cached.principal;
    const found = await this.apiKeys.find(key);
    if (!found) throw new UnauthenticatedError('This API key is unknown or revoked.');
    const principal: Principal = { id: `key:${found.name}`, role: found.role };
    this.keys.set(key, { principal, until: Date.now() + CACHE_MS });
    return principal;
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
        requiredClaims: ['exp', 'sub'],
      };
      const { payload } = this.jwks
        ? await jwtVerify(token, this.jwks, { ...options, algorithms: ['RS256', 'ES256'] })
        : await jwtVerify(token, new TextEncoder().encode(this.jwt.secret), {
            ...options,
            algorithms: ['HS256'],
          });
      const role = payload.role;
      if (typeof role !== 'string' || !(ROLES as readonly string[]).includes(role))
        throw new UnauthenticatedError(
          `The token's role claim must be one of ${ROLES.join(', ')}.`,
        );
      return { id: `jwt:${payload.sub}`, role: role as Role };
    } catch (error) {
      if (error instanceof UnauthenticatedError) throw error;
      throw new UnauthenticatedError(
        'The bearer token is not valid here (signature, algorithm, issuer, audience or expiry).',
      );
    }
  }
}
