import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Max,
  Min,
  MinLength,
  validateSync,
} from 'class-validator';

const toBool = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? !['false', '0', 'no', 'off', ''].includes(value.toLowerCase()) : value;
const toInt = ({ value }: { value: unknown }) =>
  typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
const toList = ({ value }: { value: unknown }) =>
  typeof value === 'string'
    ? value
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : value;

/**
 * Every setting the server reads, validated once at boot. Each field is an
 * environment variable of the same name; README.md and .env.example list them.
 */
export class AppConfig {
  /** `production` makes cookies `Secure` by default (see COOKIE_SECURE). */
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  /** HTTP port for the API, Socket.IO, the collab server and the web app. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  /** Public base URL used in invitation and reset links. Defaults to http://localhost:PORT. */
  @IsOptional()
  @IsString()
  PUBLIC_URL?: string;

  /** PostgreSQL connection string. When unset, an embedded PostgreSQL is started in DATA_DIR. */
  @IsOptional()
  @IsString()
  DATABASE_URL?: string;

  /** Folder for the embedded PostgreSQL and other local data. */
  @IsString()
  DATA_DIR = './.data';

  /** Port of the embedded PostgreSQL (never 5432, which a real server may hold). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(65535)
  EMBEDDED_DB_PORT = 54329;

  /** Seed the demo project and demo users into an empty database. Default: on for the embedded database. */
  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  DEMO_SEED?: boolean;

  /** Password of the demo users. */
  @IsString()
  DEMO_PASSWORD = 'kehittamo-demo';

  /**
   * First admin for a real deployment (no demo seed): created in the main organisation
   * at start when no admin exists yet (an existing account keeps its password). Set both
   * variables or neither; remove the password from the environment afterwards.
   */
  @IsOptional()
  @IsEmail()
  INITIAL_ADMIN_EMAIL?: string;

  /** Password of INITIAL_ADMIN_EMAIL (at least 10 characters). */
  @IsOptional()
  @IsString()
  @MinLength(10)
  INITIAL_ADMIN_PASSWORD?: string;

  /**
   * Which proxies to trust for the client address (Express `trust proxy`): `loopback`,
   * a hop count such as `1`, or comma-separated addresses/CIDRs. Behind a load balancer
   * set it, or every user shares the proxy's address in the login rate limit.
   */
  @IsString()
  TRUST_PROXY = 'loopback';

  /** Redis for Socket.IO fan-out and cross-instance events. Optional for a single instance. */
  @IsOptional()
  @IsString()
  REDIS_URL?: string;

  /** Session lifetime in hours (sliding: extended on use). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  SESSION_TTL_HOURS = 24 * 14;

  /** Send cookies with `Secure`. Default: on in production. */
  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  COOKIE_SECURE?: boolean;

  /** Origins allowed to make state-changing requests and open sockets (comma-separated). Default: PUBLIC_URL's origin. */
  @Transform(toList)
  @IsString({ each: true })
  ALLOWED_ORIGINS: string[] = [];

  /** Failed logins allowed per account (email) and client address within the window. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  LOGIN_MAX_FAILURES = 5;

  /** Login attempts allowed per client address within the window, whatever the account. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  LOGIN_MAX_ATTEMPTS_PER_IP = 30;

  /** Rate-limit window for login, in seconds. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  LOGIN_WINDOW_SECONDS = 900;

  /** Lifetime of an invitation link, in hours. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  INVITATION_TTL_HOURS = 24 * 7;

  /** Lifetime of a password-reset link, in minutes. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  PASSWORD_RESET_TTL_MINUTES = 60;

  /** Largest WebSocket frame the collaboration server accepts; bigger ones close that socket (1009). */
  @Transform(toInt)
  @IsInt()
  @Min(1024)
  COLLAB_MAX_MESSAGE_BYTES = 2 * 1024 * 1024;

  /** Size cap of one collaborative document (stored state); growth beyond it is refused (4009). */
  @Transform(toInt)
  @IsInt()
  @Min(1024)
  COLLAB_MAX_DOCUMENT_BYTES = 64 * 1024 * 1024;

  /** Longest time between broadcasting an update and storing it durably, in ms (the durability window). */
  @Transform(toInt)
  @IsInt()
  @Min(10)
  @Max(1000)
  COLLAB_FLUSH_MS = 200;

  /** Stored updates after which a document is compacted into one snapshot. */
  @Transform(toInt)
  @IsInt()
  @Min(2)
  COLLAB_COMPACT_AFTER_UPDATES = 500;

  /** Bytes of stored updates after the snapshot after which a document is compacted. */
  @Transform(toInt)
  @IsInt()
  @Min(1024)
  COLLAB_COMPACT_AFTER_BYTES = 1024 * 1024;

  /** Age of the oldest stored update after the snapshot after which a document is compacted, in ms. */
  @Transform(toInt)
  @IsInt()
  @Min(1000)
  COLLAB_COMPACT_AFTER_MS = 10 * 60_000;

  /** How long a document with no connections stays in memory, in ms. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  COLLAB_UNLOAD_AFTER_MS = 30_000;

  /** Documents one user may have open at the same time (all tabs and devices together). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  COLLAB_MAX_OPEN_DOCUMENTS_PER_USER = 20;

  /** Lifetime of a collaboration token, in seconds: the time to open the connection. */
  @Transform(toInt)
  @IsInt()
  @Min(5)
  @Max(60)
  COLLAB_TOKEN_TTL_SECONDS = 60;

  /**
   * Bearer token for GET /api/metrics (Prometheus text format; at least 16 characters).
   * Without it the endpoint does not exist (404).
   */
  @IsOptional()
  @IsString()
  @MinLength(16)
  METRICS_TOKEN?: string;

  /** SMTP server URL (smtp://user:pass@host:587). Without it, links are only shown to the inviter. */
  @IsOptional()
  @IsString()
  SMTP_URL?: string;

  /** Sender address of mail. */
  @IsString()
  MAIL_FROM = 'Kehittämö <no-reply@kehittamo.fi>';

  /** Hour of the day (Finnish time, 0–23) after which daily notification digests are mailed. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(23)
  NOTIFICATION_DIGEST_HOUR = 7;

  /** Largest material upload in bytes (default 200 MiB); larger uploads are answered 413 before the body is read. */
  @Transform(toInt)
  @IsInt()
  @Min(1024)
  MATERIAL_MAX_BYTES = 200 * 1024 * 1024;

  /**
   * S3-compatible object storage for material files (e.g. MinIO). When S3_BUCKET is set, files go
   * there; otherwise to DATA_DIR/materials on local disk. Credentials come from S3_ACCESS_KEY_ID /
   * S3_SECRET_ACCESS_KEY (or the AWS default chain when unset).
   */
  @IsOptional()
  @IsString()
  S3_BUCKET?: string;

  /** Endpoint of an S3-compatible server, e.g. http://minio:9000 (unset: AWS). */
  @IsOptional()
  @IsString()
  S3_ENDPOINT?: string;

  @IsString()
  S3_REGION = 'eu-north-1';

  @IsOptional()
  @IsString()
  S3_ACCESS_KEY_ID?: string;

  @IsOptional()
  @IsString()
  S3_SECRET_ACCESS_KEY?: string;

  /** Path-style addressing (http://host/bucket/key), which MinIO and most self-hosted servers need. */
  @Transform(toBool)
  @IsBoolean()
  S3_FORCE_PATH_STYLE = true;

  /** Prefix of every object key, e.g. `kehittamo/`. */
  @IsString()
  S3_PREFIX = '';

  /** ClamAV daemon (clamd) host: when set, uploaded files stay "pending" until clamd finds them clean. */
  @IsOptional()
  @IsString()
  CLAMAV_HOST?: string;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(65535)
  CLAMAV_PORT = 3310;

  /** Folder of the built web app to serve. Empty: found next to the API build. */
  @IsOptional()
  @IsString()
  WEB_DIST?: string;

  /** Least severe level logged: `error`, `warn`, `log`, `debug` or `verbose`. */
  @IsIn(['error', 'warn', 'log', 'debug', 'verbose'])
  LOG_LEVEL: 'error' | 'warn' | 'log' | 'debug' | 'verbose' = 'log';

  get publicUrl(): string {
    return (this.PUBLIC_URL ?? `http://localhost:${this.PORT}`).replace(/\/+$/, '');
  }

  get usesEmbeddedDatabase(): boolean {
    return !this.DATABASE_URL;
  }

  get demoSeedEnabled(): boolean {
    return this.DEMO_SEED ?? this.usesEmbeddedDatabase;
  }

  get secureCookies(): boolean {
    return this.COOKIE_SECURE ?? this.NODE_ENV === 'production';
  }

  get allowedOrigins(): string[] {
    return this.ALLOWED_ORIGINS.length > 0 ? this.ALLOWED_ORIGINS : [new URL(this.publicUrl).origin];
  }
}

export class ConfigError extends Error {}

/** Reads and validates config from an environment; throws {@link ConfigError} listing every problem. */
export function loadConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  const known = Object.keys(new AppConfig());
  const raw: Record<string, string> = {};
  for (const key of [...known, 'PUBLIC_URL', 'DATABASE_URL', 'DEMO_SEED', 'REDIS_URL', 'COOKIE_SECURE', 'SMTP_URL', 'WEB_DIST', 'INITIAL_ADMIN_EMAIL', 'INITIAL_ADMIN_PASSWORD', 'METRICS_TOKEN']) {
    const value = env[key];
    if (value !== undefined && value !== '') raw[key] = value;
  }
  const config = plainToInstance(AppConfig, raw);
  const errors = validateSync(config, { skipMissingProperties: false });
  if (errors.length > 0) {
    const lines = errors.map((e) => `${e.property}: ${Object.values(e.constraints ?? {}).join(', ')}`);
    throw new ConfigError(`Invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  if (Boolean(config.INITIAL_ADMIN_EMAIL) !== Boolean(config.INITIAL_ADMIN_PASSWORD)) {
    throw new ConfigError('Invalid configuration:\n  INITIAL_ADMIN_EMAIL and INITIAL_ADMIN_PASSWORD must be set together');
  }
  if (config.PUBLIC_URL) {
    try {
      new URL(config.PUBLIC_URL);
    } catch {
      throw new ConfigError('Invalid configuration:\n  PUBLIC_URL: must be an absolute URL');
    }
  }
  return config;
}
