import { paths } from '../../../shared/web-paths.js';
import { createHmac } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import * as oidc from 'openid-client';
import { emailSchema, privacyPolicyVersion, ssoErrorReasons, type SsoErrorReason } from '../../../shared/contracts/identity.js';
import type { Clock } from '../../lib/clock.js';
import { recordAudit } from '../../lib/audit.js';
import { actingAs, type ServiceContext } from '../../lib/context.js';
import { AppError } from '../../lib/errors.js';
import { equalSecrets } from '../../lib/tokens.js';
import { inTransaction } from '../../lib/tx.js';
import { cityUnitId, findUserByEmail } from './accounts.js';
import { consents, externalIdentities, roleGrants, users } from './schema.js';
import { createSession, type NewSession } from './sessions.js';

/** The cookie that carries PKCE verifier, state, nonce and return path from /start to /callback. */
export const flowCookieName = 'doimoi_oidc';
export const flowLifetimeMs = 10 * 60 * 1000;

/** Why a sign-in through the provider was refused; sent to the sign-in page as `?sso_error=`. */

export type OidcSettings = {
  issuer: string;
  clientId: string;
  clientSecret: string | undefined;
  /** The absolute callback URL registered at the provider. */
  redirectUri: string;
  /** Key for the flow cookie's HMAC. */
  cookieSecret: string;
};

export type OidcClient = { settings: OidcSettings; configuration(): Promise<oidc.Configuration> };

type Refusal = Exclude<SsoErrorReason, 'failed'>;

const refusals: Record<Refusal, { code: 'BAD_REQUEST' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'CONFLICT'; vi: string; en: string }> = {
  invalid_state: {
    code: 'BAD_REQUEST',
    vi: 'Phiên đăng nhập một lần đã hết hạn hoặc không hợp lệ; hãy bắt đầu đăng nhập lại',
    en: 'The single sign-on attempt expired or is not valid; start signing in again',
  },
  provider_error: {
    code: 'UNAUTHENTICATED',
    vi: 'Nhà cung cấp định danh không xác nhận được việc đăng nhập; hãy thử lại',
    en: 'The identity provider did not confirm the sign-in; try again',
  },
  email_not_verified: {
    code: 'FORBIDDEN',
    vi: 'Nhà cung cấp định danh chưa xác minh địa chỉ e-mail của bạn; hãy xác minh e-mail tại đó rồi thử lại',
    en: 'The identity provider has not verified your e-mail address; verify it there and try again',
  },
  account_unconfirmed: {
    code: 'CONFLICT',
    vi: 'Đã có tài khoản dùng e-mail này nhưng địa chỉ chưa được xác nhận; hãy xác nhận qua liên kết đã gửi hoặc đặt lại mật khẩu, rồi đăng nhập một lần lại',
    en: 'An account with this e-mail exists but its address was never confirmed; confirm it through the link we sent or reset the password, then use single sign-on again',
  },
  account_disabled: {
    code: 'FORBIDDEN',
    vi: 'Tài khoản này đã bị khóa hoặc đã xóa; hãy liên hệ quản trị viên',
    en: 'This account is disabled or erased; contact an administrator',
  },
};

/** An AppError naming why single sign-on was refused; `details.reason` is the `sso_error` value. */
export function ssoRefused(reason: Refusal): AppError {
  const { code, vi, en } = refusals[reason];
  return new AppError(code, { vi, en }, { reason });
}

/** The `sso_error` value for any error: a refusal's reason, or 'failed' for anything unexpected. */
export function ssoErrorReason(error: unknown): SsoErrorReason {
  const reason = error instanceof AppError ? (error.details as { reason?: unknown } | undefined)?.reason : undefined;
  return ssoErrorReasons.find((known) => known === reason) ?? 'failed';
}

export const ssoNotConfigured = () =>
  new AppError('NOT_FOUND', { vi: 'Đăng nhập một lần chưa được cấu hình', en: 'Single sign-on is not configured' });

// Plain http is allowed only for a provider on this machine (development and tests).
const isLoopbackHttp = (issuer: URL) => issuer.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(issuer.hostname);

/** A client for one provider; discovery runs on first use and is kept, or retried after a failure. */
export function createOidcClient(settings: OidcSettings): OidcClient {
  let discovered: Promise<oidc.Configuration> | undefined;
  const discover = () => {
    const issuer = new URL(settings.issuer);
    const clientAuth = settings.clientSecret ? oidc.ClientSecretBasic(settings.clientSecret) : oidc.None();
    const execute = isLoopbackHttp(issuer) ? [oidc.allowInsecureRequests] : [];
    return oidc.discovery(issuer, settings.clientId, { redirect_uris: [settings.redirectUri], response_types: ['code'] }, clientAuth, {
      execute,
      timeout: 10,
    });
  };
  return {
    settings,
    configuration() {
      discovered ??= discover().catch((error: unknown) => {
        discovered = undefined;
        throw error;
      });
      return discovered;
    },
  };
}

/** A same-site path to go back to after sign-in; anything else (absolute, protocol-relative, odd characters) becomes the workspace. */
export function safeReturnTo(value: string | undefined): string {
  // Printable ASCII only (paths arrive percent-encoded), and no backslash: browsers read "/\evil.example" as "//evil.example".
  return value && /^\/(?!\/)[\x21-\x5b\x5d-\x7e]*$/.test(value) ? value : paths.workspace;
}

type Flow = { codeVerifier: string; state: string; nonce: string; returnTo: string; expiresAtMs: number };

const sign = (secret: string, payload: string) => createHmac('sha256', secret).update(`oidc-flow.${payload}`).digest('base64url');

function sealFlow(secret: string, flow: Flow): string {
  const payload = Buffer.from(JSON.stringify(flow)).toString('base64url');
  return `${payload}.${sign(secret, payload)}`;
}

/** The flow the cookie carries when its HMAC matches and it has not expired; null otherwise. */
function openFlow(secret: string, value: string | undefined, clock: Clock): Flow | null {
  const [payload, mac, extra] = (value ?? '').split('.');
  if (!payload || !mac || extra !== undefined || !equalSecrets(mac, sign(secret, payload))) return null;
  try {
    const flow = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Partial<Flow>;
    const isWellFormed =
      typeof flow.codeVerifier === 'string' &&
      typeof flow.state === 'string' &&
      typeof flow.nonce === 'string' &&
      typeof flow.returnTo === 'string' &&
      typeof flow.expiresAtMs === 'number';
    return isWellFormed && flow.expiresAtMs! > clock.now().getTime() ? (flow as Flow) : null;
  } catch {
    return null;
  }
}

/** Builds the provider's authorization URL (code flow, PKCE S256, state, nonce) and the signed cookie that remembers them. */
export async function startSignIn(
  client: OidcClient,
  clock: Clock,
  returnTo: string | undefined,
): Promise<{ authorizationUrl: string; flowCookie: string }> {
  const configuration = await client.configuration();
  const flow: Flow = {
    codeVerifier: oidc.randomPKCECodeVerifier(),
    state: oidc.randomState(),
    nonce: oidc.randomNonce(),
    returnTo: safeReturnTo(returnTo),
    expiresAtMs: clock.now().getTime() + flowLifetimeMs,
  };
  const authorizationUrl = oidc.buildAuthorizationUrl(configuration, {
    redirect_uri: client.settings.redirectUri,
    response_type: 'code',
    scope: 'openid email profile',
    code_challenge: await oidc.calculatePKCECodeChallenge(flow.codeVerifier),
    code_challenge_method: 'S256',
    state: flow.state,
    nonce: flow.nonce,
  });
  return { authorizationUrl: authorizationUrl.href, flowCookie: sealFlow(client.settings.cookieSecret, flow) };
}

type ProviderIdentity = { issuer: string; subject: string; email: string | null; isEmailVerified: boolean; name: string | null };

/** Exchanges the code (openid-client checks state, nonce, PKCE, issuer and the ID token) and reads the person's claims. */
async function exchangeCode(client: OidcClient, callbackUrl: URL, flow: Flow): Promise<ProviderIdentity> {
  try {
    const configuration = await client.configuration();
    // ID token times are checked against the real time by openid-client; ctx.clock only stamps our rows.
    const tokens = await oidc.authorizationCodeGrant(configuration, callbackUrl, {
      pkceCodeVerifier: flow.codeVerifier,
      expectedState: flow.state,
      expectedNonce: flow.nonce,
    });
    const idToken = tokens.claims()!;
    // Providers may put e-mail and name only in UserInfo (OIDC Core 5.4 for the code flow).
    const userInfo = configuration.serverMetadata().userinfo_endpoint
      ? await oidc.fetchUserInfo(configuration, tokens.access_token, idToken.sub)
      : {};
    const claims: Record<string, unknown> = { ...idToken, ...userInfo };
    const email = emailSchema.safeParse(claims.email);
    const name = typeof claims.name === 'string' ? claims.name.trim() : '';
    return {
      issuer: configuration.serverMetadata().issuer,
      subject: idToken.sub,
      email: email.success ? email.data : null,
      isEmailVerified: claims.email_verified === true,
      name: name.length >= 2 ? name.slice(0, 120) : null,
    };
  } catch (cause) {
    throw Object.assign(ssoRefused('provider_error'), { cause });
  }
}

type Account = typeof users.$inferSelect;

function assertUsable(user: Account): Account {
  if (!user.isActive || user.erasedAt !== null) throw ssoRefused('account_disabled');
  return user;
}

/** The account for a provider identity: already linked, linked now by verified e-mail, or created. */
async function accountFor(tx: ServiceContext, identity: ProviderIdentity): Promise<Account> {
  const [linked] = await tx.db
    .select({ user: users })
    .from(externalIdentities)
    .innerJoin(users, eq(users.id, externalIdentities.userId))
    .where(and(eq(externalIdentities.issuer, identity.issuer), eq(externalIdentities.subject, identity.subject)));
  if (linked) return assertUsable(linked.user);

  if (!identity.email || !identity.isEmailVerified) throw ssoRefused('email_not_verified');
  const now = tx.clock.now().toISOString();
  const existing = await findUserByEmail(tx.db, identity.email);
  if (existing) {
    assertUsable(existing);
    // An address never confirmed here may belong to someone who registered it to wait for the real owner.
    if (existing.emailVerifiedAt === null) throw ssoRefused('account_unconfirmed');
    await link(tx, existing.id, identity);
    return existing;
  }

  const local = identity.email.split('@')[0]!;
  const [user] = await tx.db
    .insert(users)
    .values({
      email: identity.email,
      displayName: identity.name ?? (local.length >= 2 ? local : identity.email).slice(0, 120),
      passwordHash: null,
      accountKind: 'citizen',
      locale: 'vi',
      emailVerifiedAt: now,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  await tx.db.insert(roleGrants).values({ userId: user!.id, role: 'registered_user', unitId: await cityUnitId(tx.db) });
  // The person accepted the personal-data notice at the provider's consent step before coming back here.
  await tx.db
    .insert(consents)
    .values({ userId: user!.id, purpose: 'account', policyVersion: privacyPolicyVersion, givenAt: now, ip: tx.ip });
  await recordAudit(actingAs(tx, user!.id), {
    action: 'users.sign_up',
    entityType: 'user',
    entityId: user!.id,
    after: { accountKind: 'citizen', consent: privacyPolicyVersion, issuer: identity.issuer },
  });
  await link(tx, user!.id, identity);
  return user!;
}

async function link(tx: ServiceContext, userId: string, identity: ProviderIdentity): Promise<void> {
  const [row] = await tx.db
    .insert(externalIdentities)
    .values({ userId, issuer: identity.issuer, subject: identity.subject, createdAt: tx.clock.now().toISOString() })
    .returning({ id: externalIdentities.id });
  // Ids and the issuer only: the subject and e-mail are personal data and this log is permanent.
  await recordAudit(actingAs(tx, userId), {
    action: 'users.link_external_identity',
    entityType: 'external_identity',
    entityId: row!.id,
    after: { userId, issuer: identity.issuer },
  });
}

export type FinishedSignIn = { session: NewSession; returnTo: string; isSecondFactorPending: boolean };

/**
 * Finishes a sign-in at the provider's callback: checks the flow cookie, exchanges the code, finds,
 * links or creates the account and opens a session. The provider counts as one factor: accounts
 * with TOTP get an incomplete session that /api/auth/second-factor finishes, as after a password.
 */
export async function finishSignIn(
  ctx: ServiceContext,
  client: OidcClient,
  callbackUrl: URL,
  flowCookie: string | undefined,
  browser: { userAgent: string | null },
): Promise<FinishedSignIn> {
  const flow = openFlow(client.settings.cookieSecret, flowCookie, ctx.clock);
  const state = callbackUrl.searchParams.get('state');
  if (!flow || state === null || !equalSecrets(state, flow.state)) throw ssoRefused('invalid_state');
  const identity = await exchangeCode(client, callbackUrl, flow);
  return inTransaction(ctx, async (tx) => {
    const user = await accountFor(tx, identity);
    const needsSecondFactor = user.totpSecret !== null;
    const session = await createSession(tx.db, tx.clock, {
      userId: user.id,
      isComplete: !needsSecondFactor,
      hasSecondFactor: false,
      userAgent: browser.userAgent,
      ip: tx.ip,
    });
    await recordAudit(actingAs(tx, user.id), {
      action: needsSecondFactor ? 'sessions.sso_accepted' : 'sessions.sign_in',
      entityType: 'session',
      entityId: session.id,
      after: { method: 'oidc', issuer: identity.issuer },
    });
    return { session, returnTo: flow.returnTo, isSecondFactorPending: needsSecondFactor };
  });
}
