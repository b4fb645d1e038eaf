import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import type { S3Settings } from './lib/s3-storage.js';

const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const booleanFromEnv = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'expected true or false' })
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

const positiveInt = (message: string) =>
  z
    .string()
    .regex(/^\d+$/, message)
    .transform(Number)
    .refine((n) => n > 0, message);

/** Every setting read from the environment, with what it expects; see the README's configuration table. */
const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z
    .string()
    .regex(/^\d+$/, 'expected an integer port between 0 and 65535')
    .transform(Number)
    .refine((n) => n <= 65535, 'expected an integer port between 0 and 65535')
    .default(3000),
  HOST: z.string().min(1, 'expected a host name or address').default('0.0.0.0'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\/.+/, 'expected a postgres:// or postgresql:// connection URL')
    .optional(),
  DATABASE_REPLICA_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\/.+/, 'expected a postgres:// or postgresql:// connection URL')
    .optional(),
  REPLICA_MAX_LAG_MS: positiveInt('expected a positive integer of milliseconds').default(5000),
  READ_YOUR_WRITES_MS: positiveInt('expected a positive integer of milliseconds').default(10_000),
  DATA_DIR: z.string().min(1, 'expected a directory path').default('./data'),
  PUBLIC_URL: z.url({ message: 'expected an absolute http(s) URL such as https://doimoi.example.gov.vn' }).optional(),
  SESSION_SECRET: z.string().min(32, 'expected at least 32 characters').optional(),
  AUDIT_KEY: z.string().min(32, 'expected at least 32 characters').optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/.+/, 'expected an smtp:// or smtps:// URL')
    .optional(),
  MAIL_FROM: z
    .string()
    .min(3, 'expected an e-mail sender such as "doimoi <no-reply@example.gov.vn>"')
    .default('doimoi <no-reply@localhost>'),
  LOG_LEVEL: z.enum(logLevels, { message: `expected one of ${logLevels.join(', ')}` }).default('info'),
  TRUST_PROXY: booleanFromEnv.default(false),
  DB_POOL_MAX: positiveInt('expected a positive integer').default(10),
  STORAGE_DRIVER: z.enum(['local', 's3'], { message: 'expected local or s3' }).default('local'),
  S3_ENDPOINT: z.url({ message: 'expected the http(s) URL of the S3-compatible service, such as https://s3.example.gov.vn' }).optional(),
  S3_REGION: z.string().min(1).default('us-east-1'),
  S3_BUCKET: z
    .string()
    .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'expected a bucket name (3–63 lower-case letters, digits, dots, dashes)')
    .optional(),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  S3_FORCE_PATH_STYLE: booleanFromEnv.default(true),
  UPLOAD_MAX_BYTES: positiveInt('expected a positive integer number of bytes').default(20 * 1024 * 1024),
  JOBS_ENABLED: booleanFromEnv.default(true),
  JOBS_POLL_MS: positiveInt('expected a positive integer of milliseconds').default(1000),
  RATE_LIMIT_WRITES_PER_MINUTE: positiveInt('expected a positive integer').default(60),
  RATE_LIMIT_SIGN_IN_PER_MINUTE: positiveInt('expected a positive integer').default(20),
  RATE_LIMIT_ACCOUNT_WRITES_PER_MINUTE: positiveInt('expected a positive integer').default(300),
  OIDC_ISSUER: z.url({ message: 'expected the https URL of the OpenID Connect provider' }).optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  SHUTDOWN_TIMEOUT_MS: positiveInt('expected a positive integer of milliseconds').default(10_000),
  METRICS_TOKEN: z.string().min(16, 'expected at least 16 characters').optional(),
});

export type AppConfig = {
  nodeEnv: 'development' | 'production' | 'test';
  port: number;
  host: string;
  databaseUrl: string | undefined;
  /** A streaming replica for anonymous reads (with DATABASE_URL); its lag and the writer's window below. */
  replica: { url: string; maxLagMs: number; readYourWritesMs: number } | undefined;
  dataDir: string;
  baseUrl: string;
  /** Cookies carry `Secure`: always in production (TLS ends at a proxy there), and whenever PUBLIC_URL is https. */
  isCookieSecure: boolean;
  sessionSecret: string;
  /** Keys the audit log's seals; kept out of the database so SQL access alone cannot forge them. */
  auditKey: string;
  smtpUrl: string | undefined;
  mailFrom: string;
  logLevel: (typeof logLevels)[number];
  trustProxy: boolean;
  dbPoolMax: number;
  storageDriver: 'local' | 's3';
  uploadMaxBytes: number;
  /** Set when STORAGE_DRIVER=s3. */
  s3: S3Settings | undefined;
  jobsEnabled: boolean;
  jobsPollMs: number;
  rateLimitWritesPerMinute: number;
  rateLimitSignInPerMinute: number;
  rateLimitAccountWritesPerMinute: number;
  oidc: { issuer: string; clientId: string; clientSecret: string | undefined } | undefined;
  shutdownTimeoutMs: number;
  /** Bearer token Prometheus sends to /metrics; without one /metrics is open in development and off in production. */
  metricsToken: string | undefined;
};

/** A bad setting: start-up stops with one line naming it and what it expects. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Reads and validates the environment; throws ConfigError naming the first bad setting. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  // Empty strings count as unset, as in most .env tooling.
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const name = String(issue.path[0]);
    const got = present[name];
    throw new ConfigError(
      `Invalid setting ${name}: ${issue.message}${got === undefined || isSecret(name) ? '' : ` (got ${JSON.stringify(name.includes('URL') ? redact(got) : got)})`}`,
    );
  }
  const e = parsed.data;
  const dataDir = resolve(e.DATA_DIR);
  const baseUrl = (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, '');
  return {
    nodeEnv: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    replica:
      e.DATABASE_REPLICA_URL && e.DATABASE_URL
        ? { url: e.DATABASE_REPLICA_URL, maxLagMs: e.REPLICA_MAX_LAG_MS, readYourWritesMs: e.READ_YOUR_WRITES_MS }
        : undefined,
    dataDir,
    baseUrl,
    isCookieSecure: e.NODE_ENV === 'production' || baseUrl.startsWith('https:'),
    sessionSecret: e.SESSION_SECRET ?? secretFromDataDir(dataDir, e.NODE_ENV, 'SESSION_SECRET', 'session-secret'),
    auditKey: e.AUDIT_KEY ?? secretFromDataDir(dataDir, e.NODE_ENV, 'AUDIT_KEY', 'audit-key'),
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    logLevel: e.LOG_LEVEL,
    trustProxy: e.TRUST_PROXY,
    dbPoolMax: e.DB_POOL_MAX,
    storageDriver: e.STORAGE_DRIVER,
    uploadMaxBytes: e.UPLOAD_MAX_BYTES,
    s3: e.STORAGE_DRIVER === 's3' ? s3SettingsFrom(e) : undefined,
    jobsEnabled: e.JOBS_ENABLED,
    jobsPollMs: e.JOBS_POLL_MS,
    rateLimitWritesPerMinute: e.RATE_LIMIT_WRITES_PER_MINUTE,
    rateLimitSignInPerMinute: e.RATE_LIMIT_SIGN_IN_PER_MINUTE,
    rateLimitAccountWritesPerMinute: e.RATE_LIMIT_ACCOUNT_WRITES_PER_MINUTE,
    oidc:
      e.OIDC_ISSUER && e.OIDC_CLIENT_ID
        ? { issuer: e.OIDC_ISSUER, clientId: e.OIDC_CLIENT_ID, clientSecret: e.OIDC_CLIENT_SECRET }
        : undefined,
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    metricsToken: e.METRICS_TOKEN,
  };
}

/** The bucket and its keys are required once S3 is chosen; say which one is missing. */
function s3SettingsFrom(e: z.infer<typeof envSchema>): S3Settings {
  const required = { S3_BUCKET: e.S3_BUCKET, S3_ACCESS_KEY_ID: e.S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY: e.S3_SECRET_ACCESS_KEY };
  for (const [name, value] of Object.entries(required)) {
    if (!value) throw new ConfigError(`Invalid setting ${name}: required when STORAGE_DRIVER=s3`);
  }
  return {
    endpoint: e.S3_ENDPOINT,
    region: e.S3_REGION,
    bucket: e.S3_BUCKET!,
    accessKeyId: e.S3_ACCESS_KEY_ID!,
    secretAccessKey: e.S3_SECRET_ACCESS_KEY!,
    forcePathStyle: e.S3_FORCE_PATH_STYLE,
  };
}

function redact(value: string | undefined): string {
  if (!value) return '';
  return value.replace(/\/\/([^:@/]+):([^@/]+)@/, '//$1:***@');
}

/** A secret's value is never echoed back, not even when it is too short. */
const isSecret = (name: string) => /SECRET|TOKEN|_KEY$/.test(name);

/**
 * Without SESSION_SECRET or AUDIT_KEY a random one is kept in DATA_DIR, so a single embedded
 * install keeps its sessions and its audit seals across restarts; production behind several
 * processes must set them explicitly (and keep AUDIT_KEY away from the database and its backups).
 */
function secretFromDataDir(dataDir: string, nodeEnv: string, setting: string, fileName: string): string {
  if (nodeEnv === 'production') {
    throw new ConfigError(`Invalid setting ${setting}: required in production, expected at least 32 characters`);
  }
  const file = join(dataDir, fileName);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
