import type { ZodType } from 'zod';
import { errorBodySchema, type LocalizedText } from '../../shared/contracts/common.js';

/**
 * Why a request failed: the API answered with its error shape (`api`), answered with something else
 * (`http`), could not be reached (`network`), or sent a body that does not match the contract
 * (`invalid_response`).
 */
export type ApiErrorKind = 'api' | 'http' | 'network' | 'invalid_response';

type ApiErrorInit = {
  kind: ApiErrorKind;
  status: number | null;
  code: string;
  localizedMessage?: LocalizedText | null;
  details?: unknown;
  requestId?: string | undefined;
  cause?: unknown;
};

/** A failed API call. `localizedMessage` carries the server's own `{ vi, en }` message when it sent one. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly kind: ApiErrorKind;
  readonly status: number | null;
  readonly code: string;
  readonly localizedMessage: LocalizedText | null;
  readonly details: unknown;
  readonly requestId: string | undefined;

  constructor(init: ApiErrorInit) {
    super(init.localizedMessage?.en ?? `${init.kind} error${init.status === null ? '' : ` (HTTP ${init.status})`}`, {
      cause: init.cause,
    });
    this.kind = init.kind;
    this.status = init.status;
    this.code = init.code;
    this.localizedMessage = init.localizedMessage ?? null;
    this.details = init.details;
    this.requestId = init.requestId;
  }

  /** 4xx answers will not change on retry (except 408 and 429). */
  get isClientError(): boolean {
    return this.status !== null && this.status >= 400 && this.status < 500 && this.status !== 408 && this.status !== 429;
  }
}

export type QueryValue = string | number | boolean | null | undefined;

export type RequestOptions = {
  /** Appended as the query string; null and undefined entries are left out. */
  query?: Record<string, QueryValue>;
  signal?: AbortSignal;
};

/** Builds a same-origin URL; refuses anything that is not an absolute path on this origin. */
export function buildApiUrl(path: string, query?: Record<string, QueryValue>): string {
  if (!path.startsWith('/') || path.startsWith('//')) {
    throw new TypeError(`API paths must be absolute paths on this origin, got "${path}"`);
  }
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== null && value !== undefined) params.append(key, String(value));
  }
  const search = params.toString();
  return search === '' ? path : `${path}${path.includes('?') ? '&' : '?'}${search}`;
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

export type ApiTransport = (url: string, init: RequestInit) => Promise<Response>;
let transport: ApiTransport = (url, init) => fetch(url, init);
let remembersVersions = true;

/**
 * How requests reach the API: the browser's fetch, or for the server's renderer, the API in its own
 * process. The renderer edits nothing, and would keep the version of every address it read.
 */
export function setApiTransport(next: ApiTransport): void {
  transport = next;
  remembersVersions = false;
}

/** Sends one request; every failure except an abort becomes an `ApiError`. */
async function send(url: string, init: RequestInit, signal: AbortSignal | undefined): Promise<{ response: Response; body: unknown }> {
  let response: Response;
  try {
    response = await transport(url, { ...init, credentials: 'same-origin', ...(signal ? { signal } : {}) });
  } catch (cause) {
    if (signal?.aborted) throw cause;
    throw new ApiError({ kind: 'network', status: null, code: 'NETWORK_ERROR', cause });
  }
  return { response, body: await readJson(response) };
}

function errorFrom(response: Response, body: unknown): ApiError {
  const parsedError = errorBodySchema.safeParse(body);
  if (parsedError.success) {
    const { code, message, details, requestId } = parsedError.data.error;
    return new ApiError({ kind: 'api', status: response.status, code, localizedMessage: message, details, requestId });
  }
  return new ApiError({ kind: 'http', status: response.status, code: 'HTTP_ERROR' });
}

function parseBody<T>(schema: ZodType<T>, response: Response, body: unknown): T {
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    throw new ApiError({
      kind: 'invalid_response',
      status: response.status,
      code: 'INVALID_RESPONSE',
      details: parsed.error.issues,
      cause: parsed.error,
    });
  }
  return parsed.data;
}

/**
 * The version (ETag) of each resource as this page last loaded it, by path: an edit of that path
 * sends it as If-Match, so the server refuses the edit (412) when someone changed it since.
 */
const loadedVersions = new Map<string, string>();

function rememberVersion(path: string, response: Response): void {
  const etag = response.headers.get('etag');
  if (!etag || !remembersVersions) return;
  loadedVersions.set(path, etag);
  // A resource read at another address (by its slug) names the address it is edited at.
  const editedAt = response.headers.get('content-location');
  if (editedAt) loadedVersions.set(editedAt, etag);
}

/** Whether a failed write was made from a version someone has since changed. */
export const isStaleVersion = (error: unknown): boolean => error instanceof ApiError && error.code === 'STALE_VERSION';

/**
 * GETs a JSON resource and validates it against its contract schema.
 * Throws `ApiError` for every failure except an abort, which rethrows the abort as fetch raised it.
 */
export async function apiGet<T>(path: string, schema: ZodType<T>, options: RequestOptions = {}): Promise<T> {
  const url = buildApiUrl(path, options.query);
  const { response, body } = await send(url, { method: 'GET', headers: { Accept: 'application/json' } }, options.signal);
  if (!response.ok) throw errorFrom(response, body);
  const parsed = parseBody(schema, response, body);
  rememberVersion(path, response);
  return parsed;
}

export type WriteMethod = 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export type SendOptions = RequestOptions & {
  /** Sent as JSON, or as multipart when it is `FormData` (see `fileForm`); leave it out for a request without a body. */
  body?: unknown;
};

/** One file as the multipart body every upload route reads (field "file"). */
export function fileForm(file: File): FormData {
  const form = new FormData();
  form.append('file', file);
  return form;
}

/** The header the server compares with the token bound to the session on every write. */
export const csrfHeaderName = 'x-csrf-token';

/** `undefined` until a session answer says what it is; `null` when there is no session to protect. */
let csrfToken: string | null | undefined;
let csrfRefresher: (() => Promise<string | null>) | null = null;
let pendingRefresh: Promise<void> | null = null;

/** Remembers the token from the latest session answer (or sign-in); `null` when there is none. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Forgets the token, so the next write asks the session for one first. */
export function forgetCsrfToken(): void {
  csrfToken = undefined;
}

/** How to get a fresh token: the session query registers itself here, so its cache stays the one source. */
export function setCsrfRefresher(refresh: (() => Promise<string | null>) | null): void {
  csrfRefresher = refresh;
}

/** One refresh at a time; a failed refresh leaves the token as it was and lets the write report the error. */
function refreshCsrfToken(): Promise<void> {
  const refresh = csrfRefresher;
  if (!refresh) return Promise.resolve();
  pendingRefresh ??= refresh()
    .then((token) => {
      csrfToken = token;
    })
    .catch(() => undefined)
    .finally(() => {
      pendingRefresh = null;
    });
  return pendingRefresh;
}

/**
 * Sends a write (JSON or multipart body, CSRF token header) and validates the answer against `schema`; with a `null`
 * schema the body of the answer is ignored (204, 202). A 403 `CSRF` answer refreshes the session's token
 * and retries once.
 */
export async function apiSend<T>(method: WriteMethod, path: string, schema: ZodType<T>, options?: SendOptions): Promise<T>;
export async function apiSend(method: WriteMethod, path: string, schema: null, options?: SendOptions): Promise<void>;
export async function apiSend<T>(
  method: WriteMethod,
  path: string,
  schema: ZodType<T> | null,
  options: SendOptions = {},
): Promise<T | void> {
  const url = buildApiUrl(path, options.query);
  const hasBody = options.body !== undefined;
  const isForm = options.body instanceof FormData;
  if (csrfToken === undefined) await refreshCsrfToken();

  const attempt = () => {
    const headers: Record<string, string> = { Accept: 'application/json' };
    // Without a body there is no Content-Type: the server refuses an empty JSON body. The browser
    // writes a multipart body's own Content-Type, with its boundary.
    if (hasBody && !isForm) headers['Content-Type'] = 'application/json';
    if (typeof csrfToken === 'string') headers[csrfHeaderName] = csrfToken;
    const loaded = method === 'PATCH' || method === 'PUT' ? loadedVersions.get(path) : undefined;
    if (loaded) headers['If-Match'] = loaded;
    const payload = isForm ? (options.body as FormData) : JSON.stringify(options.body);
    return send(url, { method, headers, ...(hasBody ? { body: payload } : {}) }, options.signal);
  };

  let { response, body } = await attempt();
  // The answer to an edit names the version it made; a 412 leaves the one the page loaded until it reloads.
  if (response.ok) rememberVersion(path, response);
  if (!response.ok) {
    let error = errorFrom(response, body);
    if (error.status === 403 && error.code === 'CSRF') {
      await refreshCsrfToken();
      ({ response, body } = await attempt());
      if (!response.ok) error = errorFrom(response, body);
    }
    if (!response.ok) throw error;
  }
  return schema === null ? undefined : parseBody(schema, response, body);
}
