import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { ApiError, apiGet, buildApiUrl } from './client.js';

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
});

describe('buildApiUrl', () => {
  it('appends the query and leaves out empty entries', () => {
    expect(buildApiUrl('/api/search', { q: 'chuyen doi so', limit: 5, type: undefined })).toBe(
      '/api/search?q=chuyen+doi+so&limit=5',
    );
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
