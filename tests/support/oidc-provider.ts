import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A person known to the test provider; `sub` is also what they type in the provider's login field. */
export type TestAccount = { sub: string; email?: string; email_verified?: boolean; name?: string };

export type TestOidcProvider = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Adds or replaces an account. */
  setAccount(account: TestAccount): void;
  close(): Promise<void>;
};

// oidc-provider ships no type declarations; these are the few members used here.
type RequestListener = (req: IncomingMessage, res: ServerResponse) => void;
type ProviderInstance = { callback(): RequestListener };
type ProviderConstructor = new (issuer: string, configuration: Record<string, unknown>) => ProviderInstance;
const providerModule = 'oidc-provider';

/**
 * A real OpenID Connect provider (oidc-provider) on a loopback port, with one confidential client
 * whose redirect URI is the app's callback, PKCE required, and the library's development login and
 * consent pages: type an account's `sub` and any password, then press "Continue".
 */
export async function startOidcProvider(options: { appBaseUrl: string; accounts?: TestAccount[] }): Promise<TestOidcProvider> {
  const { default: Provider } = (await import(providerModule)) as { default: ProviderConstructor };
  const accounts = new Map((options.accounts ?? []).map((account) => [account.sub, account]));
  const clientId = 'doimoi-portal';
  const clientSecret = randomBytes(24).toString('base64url');

  // The issuer has to name the port, so the server listens before the provider exists.
  let listener: RequestListener = (_req, res) => res.writeHead(503).end();
  const server = createServer((req, res) => listener(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const signingKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' });
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [`${options.appBaseUrl}/api/auth/oidc/callback`],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    pkce: { required: () => true },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    async findAccount(_ctx: unknown, sub: string) {
      const account = accounts.get(sub);
      if (!account) return undefined;
      return { accountId: sub, claims: () => ({ ...account }) };
    },
    features: { devInteractions: { enabled: true } },
    jwks: { keys: [{ ...signingKey, kid: 'test-signing-key', alg: 'RS256', use: 'sig' }] },
    // Set explicitly so the library does not warn that it fell back to its defaults.
    ttl: { AccessToken: 600, AuthorizationCode: 60, Grant: 3600, IdToken: 600, Interaction: 600, Session: 3600 },
    // Cookies are plain (not Secure) because the requests arrive over http; they still need signing keys.
    cookies: { keys: [randomBytes(32).toString('base64url')] },
  });
  listener = provider.callback();

  return {
    issuer,
    clientId,
    clientSecret,
    setAccount: (account) => void accounts.set(account.sub, account),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

/** A free loopback port, so the app's public URL (and so the redirect URI) is known before it listens. */
export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}
