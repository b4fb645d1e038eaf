import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { AppError, emailNotVerified, forbidden, unauthenticated } from '../lib/errors.js';
import type { Actor, Policy } from '../lib/policy.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Who may call this route; registering a route without one fails at start-up. */
    policy?: Policy;
  }
  interface FastifyRequest {
    actor: Actor;
  }
  interface FastifyInstance {
    /** Every API route with the policy it declared; the access-matrix test walks this list. */
    declaredRoutes: DeclaredRoute[];
  }
}

export type DeclaredRoute = { method: string; url: string; policy: Policy };

/** Paths that are not part of the declared API: documentation UI assets and the web app's files. */
const undeclaredPrefixes = ['/api/docs'];

const tokenWithoutSecondFactor = () =>
  new AppError(
    'SECOND_FACTOR_REQUIRED',
    {
      vi: 'Mã truy cập API này không được tạo trong phiên đã xác thực hai lớp nên không gọi được chức năng của cán bộ; hãy đăng nhập với xác thực hai lớp rồi tạo mã mới ở trang Tài khoản',
      en: 'This API token was not created in a session signed in with the second factor, so it cannot call staff routes; sign in with two-step verification and create a new token on your account page',
    },
    { reason: 'token-not-staff' },
  );

/**
 * Why a caller is refused. A token the rule would let through had it been made with the second factor
 * gets an error that says how to make one; everything else the plain 403.
 */
async function refusal(policy: Policy, actor: Actor, request: FastifyRequest): Promise<AppError> {
  if (actor?.tokenScopes && !actor.hasSecondFactor && (await policy.allows({ ...actor, hasSecondFactor: true }, request)))
    return tokenWithoutSecondFactor();
  return forbidden({ policy: policy.name });
}

/** Enforces the route's declared policy (default deny) before validation, so 401/403 come before 400. */
export const policyPlugin = fp(async (app: FastifyInstance, options: { resolveActor?: (request: FastifyRequest) => Promise<Actor> }) => {
  app.decorateRequest('actor', null);
  app.decorate('declaredRoutes', [] as DeclaredRoute[]);
  app.addHook('onRoute', (route) => {
    const url = route.url ?? route.path;
    const isApi = url.startsWith('/api/') || ['/healthz', '/readyz', '/metrics'].includes(url);
    if (!isApi || undeclaredPrefixes.some((prefix) => url.startsWith(prefix))) return;
    if (!route.config?.policy) {
      throw new Error(`Route ${String(route.method)} ${url} declares no policy (config.policy)`);
    }
    for (const method of [route.method].flat()) app.declaredRoutes.push({ method, url, policy: route.config.policy });
  });
  app.addHook('preValidation', async (request) => {
    const policy = request.routeOptions.config.policy;
    if (!policy) return;
    if (options.resolveActor) request.actor = await options.resolveActor(request);
    if (!policy.isPublic && request.actor === null) throw unauthenticated();
    if (!(await policy.allows(request.actor, request))) throw await refusal(policy, request.actor, request);
    // Asked only of callers the rule lets through: confirming an address never helps someone it refuses.
    if (policy.requiresVerifiedEmail && request.actor?.isEmailVerified !== true) throw emailNotVerified();
  });
});
