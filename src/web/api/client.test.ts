import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { ApiError, apiGet, apiSend, buildApiUrl, forgetCsrfToken, setCsrfRefresher, setCsrfToken } from './client.js';

const itemSchema = z.object({ id: z.string(), count: z.number().int() });

function stubFetch(response: Response | Error): ReturnType<typeof vi.fn> {
  const fetchMock = vi.fn(() => (response instanceof Error ? Promise.reject(response) : Promise.resolve(response)));
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

async function catchError(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail');
}

afterEach(() => {
  vi.unstubAllGlobals();
  forgetCsrfToken();
  setCsrfRefresher(null);
});

describe('buildApiUrl', () => {
  it('appends the query and leaves out empty entries', () => {
    expect(buildApiUrl('/api/search', { q: 'chuyen doi so', limit: 5, type: undefined })).toBe('/api/search?q=chuyen+doi+so&limit=5');
  });

  it('refuses URLs that would leave the origin', () => {
    expect(() => buildApiUrl('https://cdn.example.com/x')).toThrow(TypeError);
    expect(() => buildApiUrl('//evil.example/x')).toThrow(TypeError);
  });
});

describe('apiGet', () => {
  it('returns the body once it matches the schema', async () => {
    const fetchMock = stubFetch(json({ id: 'a', count: 2 }));
    await expect(apiGet('/api/items/a', itemSchema)).resolves.toEqual({ id: 'a', count: 2 });
    expect(fetchMock).toHaveBeenCalledWith('/api/items/a', expect.objectContaining({ method: 'GET' }));
  });

  it('surfaces the API error shape with both languages', async () => {
    stubFetch(
      json(
        {
          error: {
            code: 'NOT_FOUND',
            message: { vi: "Nhiệm vụ 'NV-12' không tồn tại", en: "Task 'NV-12' not found" },
            requestId: 'req-1',
          },
        },
        404,
      ),
    );
    const error = await catchError(apiGet('/api/tasks/NV-12', itemSchema));
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      kind: 'api',
      status: 404,
      code: 'NOT_FOUND',
      localizedMessage: { vi: "Nhiệm vụ 'NV-12' không tồn tại", en: "Task 'NV-12' not found" },
      requestId: 'req-1',
      isClientError: true,
    });
  });

  it('reports a non-JSON failure as an HTTP error', async () => {
    stubFetch(new Response('<html>Bad gateway</html>', { status: 502 }));
    const error = await catchError(apiGet('/api/items', itemSchema));
    expect(error).toMatchObject({ kind: 'http', status: 502, localizedMessage: null, isClientError: false });
  });

  it('reports a body that breaks the contract', async () => {
    stubFetch(json({ id: 'a', count: 'two' }));
    const error = await catchError(apiGet('/api/items/a', itemSchema));
    expect(error).toMatchObject({ kind: 'invalid_response', code: 'INVALID_RESPONSE' });
  });

  it('reports an unreachable server as a network error', async () => {
    stubFetch(new TypeError('fetch failed'));
    const error = await catchError(apiGet('/api/items', itemSchema));
    expect(error).toMatchObject({ kind: 'network', status: null });
  });
});

function csrfRejection(): Response {
  return json({ error: { code: 'CSRF', message: { vi: 'Phiên làm việc đã thay đổi', en: 'The session changed' } } }, 403);
}

function sentHeaders(fetchMock: ReturnType<typeof vi.fn>, call = 0): Record<string, string> {
  const init = fetchMock.mock.calls[call]?.[1] as RequestInit | undefined;
  return (init?.headers ?? {}) as Record<string, string>;
}

describe('apiSend', () => {
  it('sends the body as JSON with the CSRF token and validates the answer', async () => {
    setCsrfToken('token-1');
    const fetchMock = stubFetch(json({ id: 'a', count: 1 }, 201));
    await expect(apiSend('POST', '/api/items', itemSchema, { body: { name: 'x' } })).resolves.toEqual({ id: 'a', count: 1 });
    const init = fetchMock.mock.calls[0]?.[1] as RequestInit;
    expect(init).toMatchObject({ method: 'POST', body: '{"name":"x"}', credentials: 'same-origin' });
    expect(sentHeaders(fetchMock)).toMatchObject({ 'Content-Type': 'application/json', 'x-csrf-token': 'token-1' });
  });

  it('sends no Content-Type without a body and ignores the answer without a schema', async () => {
    setCsrfToken('token-1');
    const fetchMock = stubFetch(new Response(null, { status: 204 }));
    await expect(apiSend('POST', '/api/auth/sign-out', null)).resolves.toBeUndefined();
    expect(sentHeaders(fetchMock)).not.toHaveProperty('Content-Type');
    expect(sentHeaders(fetchMock)).toMatchObject({ 'x-csrf-token': 'token-1' });
  });

  it('asks the session for a token before the first write', async () => {
    const refresh = vi.fn(() => Promise.resolve('fresh'));
    setCsrfRefresher(refresh);
    const fetchMock = stubFetch(new Response(null, { status: 204 }));
    await apiSend('DELETE', '/api/account/tokens/1', null);
    expect(refresh).toHaveBeenCalledTimes(1);
    expect(sentHeaders(fetchMock)).toMatchObject({ 'x-csrf-token': 'fresh' });
  });

  it('sends no token, and asks for none, when the session has none (signed out)', async () => {
    setCsrfToken(null);
    const refresh = vi.fn(() => Promise.resolve(null));
    setCsrfRefresher(refresh);
    const fetchMock = stubFetch(json({ id: 'a', count: 1 }, 201));
    await apiSend('POST', '/api/auth/sign-up', itemSchema, { body: {} });
    expect(refresh).not.toHaveBeenCalled();
    expect(sentHeaders(fetchMock)).not.toHaveProperty('x-csrf-token');
  });

  it('refreshes the token and retries once after a CSRF rejection', async () => {
    setCsrfToken('stale');
    const refresh = vi.fn(() => Promise.resolve('fresh'));
    setCsrfRefresher(refresh);
    const fetchMock = vi
      .fn()
      .mockResolvedValueOnce(csrfRejection())
      .mockResolvedValueOnce(new Response(null, { status: 204 }));
    vi.stubGlobal('fetch', fetchMock);
    await apiSend('PATCH', '/api/account', null, { body: { displayName: 'An' } });
    expect(refresh).toHaveBeenCalledTimes(1);
    expect(fetchMock).toHaveBeenCalledTimes(2);
    expect(sentHeaders(fetchMock, 0)).toMatchObject({ 'x-csrf-token': 'stale' });
    expect(sentHeaders(fetchMock, 1)).toMatchObject({ 'x-csrf-token': 'fresh' });
  });

  it('gives up after one retry', async () => {
    setCsrfToken('stale');
    setCsrfRefresher(() => Promise.resolve('still-wrong'));
    const fetchMock = vi.fn(() => Promise.resolve(csrfRejection()));
    vi.stubGlobal('fetch', fetchMock);
    const error = await catchError(apiSend('POST', '/api/account/password', null, { body: {} }));
    expect(error).toMatchObject({ kind: 'api', status: 403, code: 'CSRF' });
    expect(fetchMock).toHaveBeenCalledTimes(2);
  });
});

describe('edits carry the version the page loaded', () => {
  const withEtag = (body: unknown, etag: string, status = 200) =>
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', etag } });
  const staleAnswer = (etag: string) =>
    withEtag({ error: { code: 'STALE_VERSION', message: { vi: 'Có người vừa thay đổi', en: 'Someone changed' }, details: { currentVersion: 5 } } }, etag, 412);

  it('sends the ETag of the last GET of that path as If-Match, then the one the edit answered', async () => {
    setCsrfToken('token');
    vi.stubGlobal('fetch', vi.fn(() => Promise.resolve(withEtag({ id: 'u1', count: 1 }, '"3"'))));
    await apiGet('/api/admin/units/u1', itemSchema);
    const fetchMock = vi
      .fn()
      .mockResolvedValueOnce(withEtag({ id: 'u1', count: 2 }, '"4"'))
      .mockResolvedValueOnce(withEtag({ id: 'u1', count: 3 }, '"5"'));
    vi.stubGlobal('fetch', fetchMock);
    await apiSend('PATCH', '/api/admin/units/u1', itemSchema, { body: { count: 2 } });
    await apiSend('PATCH', '/api/admin/units/u1', itemSchema, { body: { count: 3 } });
    expect(sentHeaders(fetchMock, 0)).toMatchObject({ 'If-Match': '"3"' });
    expect(sentHeaders(fetchMock, 1)).toMatchObject({ 'If-Match': '"4"' });
  });

  it('reports a stale edit as STALE_VERSION and keeps the loaded version until the page reloads', async () => {
    setCsrfToken('token');
    vi.stubGlobal('fetch', vi.fn(() => Promise.resolve(withEtag({ id: 'p1', count: 1 }, '"7"'))));
    await apiGet('/api/plans/tasks/p1', itemSchema);
    const fetchMock = vi.fn(() => Promise.resolve(staleAnswer('"9"')));
    vi.stubGlobal('fetch', fetchMock);
    const error = await catchError(apiSend('PATCH', '/api/plans/tasks/p1', itemSchema, { body: {} }));
    expect(error).toMatchObject({ kind: 'api', status: 412, code: 'STALE_VERSION' });
    await catchError(apiSend('PATCH', '/api/plans/tasks/p1', itemSchema, { body: {} }));
    expect(sentHeaders(fetchMock, 1)).toMatchObject({ 'If-Match': '"7"' });
  });

  it('sends no If-Match on a create', async () => {
    setCsrfToken('token');
    const fetchMock = stubFetch(json({ id: 'n', count: 1 }, 201));
    await apiSend('POST', '/api/admin/units/u1', itemSchema, { body: {} });
    expect(sentHeaders(fetchMock)).not.toHaveProperty('If-Match');
  });
});
