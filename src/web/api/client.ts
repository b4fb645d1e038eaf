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

/**
 * GETs a JSON resource and validates it against its contract schema.
 * Throws `ApiError` for every failure except an abort, which rethrows the abort as fetch raised it.
 */
export async function apiGet<T>(path: string, schema: ZodType<T>, options: RequestOptions = {}): Promise<T> {
  const url = buildApiUrl(path, options.query);
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'GET',
      headers: { Accept: 'application/json' },
      credentials: 'same-origin',
      ...(options.signal ? { signal: options.signal } : {}),
    });
  } catch (cause) {
    if (options.signal?.aborted) throw cause;
    throw new ApiError({ kind: 'network', status: null, code: 'NETWORK_ERROR', cause });
  }

  const body = await readJson(response);
  if (!response.ok) {
    const parsedError = errorBodySchema.safeParse(body);
    if (parsedError.success) {
      const { code, message, details, requestId } = parsedError.data.error;
      throw new ApiError({ kind: 'api', status: response.status, code, localizedMessage: message, details, requestId });
    }
    throw new ApiError({ kind: 'http', status: response.status, code: 'HTTP_ERROR' });
  }

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
