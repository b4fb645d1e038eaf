import type { InjectOptions, LightMyRequestResponse } from 'fastify';

type Request = (options: InjectOptions) => Promise<LightMyRequestResponse>;

/** The ETag a GET of `url` answers: the version an editor has loaded. */
export async function loadedVersion(request: Request, url: string): Promise<string> {
  const res = await request({ method: 'GET', url });
  const etag = res.headers.etag;
  if (res.statusCode !== 200 || typeof etag !== 'string')
    throw new Error(`GET ${url} answered ${res.statusCode} without an ETag: ${res.body}`);
  return etag;
}

/** Edits `url` as the web app does: load it, then send the change with the loaded version in If-Match. */
export async function editLoaded(
  request: Request,
  url: string,
  payload: object,
  method: 'PATCH' | 'PUT' = 'PATCH',
): Promise<LightMyRequestResponse> {
  const ifMatch = await loadedVersion(request, url);
  return request({ method, url, payload, headers: { 'if-match': ifMatch } });
}
