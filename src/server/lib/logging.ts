import { DrizzleQueryError } from 'drizzle-orm';
import type { LoggerOptions } from 'pino';

/** The fields of a PostgreSQL error that name what failed without carrying the data (`detail`, `where` and `hint` may). */
const safeDatabaseFields = ['code', 'severity', 'routine', 'schema', 'table', 'column', 'dataType', 'constraint', 'position'] as const;
/** Other errors keep these, and nothing else they happen to carry. */
const safeErrorFields = ['code', 'statusCode', 'errno', 'syscall'] as const;
const maxCauseDepth = 5;

type SerializedError = { type: string; message: string; stack?: string; cause?: SerializedError; [field: string]: unknown };

/** A PostgreSQL error as the driver reports it: a five-character SQLSTATE and a severity. */
export function isDatabaseError(error: unknown): error is Error & { code: string; severity: unknown } {
  if (!(error instanceof Error) || !('severity' in error)) return false;
  const { code } = error as { code?: unknown };
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code);
}

/** The SQLSTATE of the database error behind `error` (Drizzle wraps the driver's error as its cause), if any. */
export function sqlStateOf(error: unknown): string | null {
  for (let current = error, depth = 0; current instanceof Error && depth <= maxCauseDepth; current = current.cause, depth++) {
    if (isDatabaseError(current)) return current.code;
  }
  return null;
}

/** The stack's frames under a message of our choosing: the original first lines may repeat what the message must not hold. */
const stackUnder = (error: Error, headline: string): string | undefined =>
  error.stack === undefined
    ? undefined
    : [headline, ...error.stack.split('\n').filter((line) => line.trimStart().startsWith('at '))].join('\n');

/** PostgreSQL quotes the offending input at the end of some messages (`invalid input syntax for type uuid: "…"`). */
const withoutQuotedInput = (message: string): string => message.replace(/: ".*"$/s, ': "[redacted]"');

function pick(error: object, fields: readonly string[]): Record<string, unknown> {
  const record = error as Record<string, unknown>;
  return Object.fromEntries(
    fields.filter((field) => record[field] !== undefined && record[field] !== null).map((field) => [field, record[field]]),
  );
}

/**
 * Errors as the logs keep them. A failed query keeps its SQL text but not its parameters, and a
 * database error keeps its SQLSTATE, table, column and constraint but not its `detail`: both may
 * hold personal data (an e-mail in a duplicate key, a name in a value).
 */
export function serializeError(error: unknown, depth = 0): unknown {
  if (!(error instanceof Error)) return error;
  let serialized: SerializedError;
  if (error instanceof DrizzleQueryError) {
    const message = `Failed query: ${error.query}`;
    serialized = {
      type: 'DrizzleQueryError',
      message,
      query: error.query,
      paramCount: error.params.length,
      stack: stackUnder(error, `DrizzleQueryError: ${message}`),
    };
  } else if (isDatabaseError(error)) {
    const message = withoutQuotedInput(error.message);
    serialized = { type: error.name, message, ...pick(error, safeDatabaseFields), stack: stackUnder(error, `${error.name}: ${message}`) };
  } else {
    serialized = {
      type: error.constructor?.name ?? error.name,
      message: error.message,
      ...pick(error, safeErrorFields),
      stack: error.stack,
    };
  }
  if (error.cause !== undefined && depth < maxCauseDepth) serialized.cause = serializeError(error.cause, depth + 1) as SerializedError;
  return serialized;
}

/** The application's logger: JSON lines at `level`, no cookies or tokens, errors through `serializeError`. */
export function loggerOptions(level: string): LoggerOptions {
  return {
    level,
    redact: ['req.headers.cookie', 'req.headers.authorization'],
    serializers: { err: serializeError },
  };
}
