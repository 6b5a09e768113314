import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Matches, Max, Min, MinLength, ValidateIf } from 'class-validator';
import { ALL_QUEUES } from '../queue/queue.constants';
import { API_PROCESSES_PATTERN } from './api-processes';

const toInt = ({ value }: { value: unknown }) => (typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value);
const toBool = ({ value }: { value: unknown }) => {
  if (typeof value !== 'string') {
    return value;
  }
  const v = value.trim().toLowerCase();
  return v === 'true' || v === '1' ? true : v === 'false' || v === '0' ? false : value;
};

/**
 * Every environment variable the service reads. Validated at boot: a missing or
 * wrong value stops the process with a message naming the variable.
 * Documented with defaults in config/.env.example.
 */
export class EnvSchema {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  @Matches(/^mysql:\/\/[^/]*\/[A-Za-z0-9_]+(\?.*)?$/, {
    message: 'DATABASE_URL must look like mysql://user:password@host:3306/database',
  })
  DATABASE_URL = 'mysql://root:@127.0.0.1:3306/loyalty';

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(500)
  DATABASE_POOL_SIZE = 20;

  /** Opening a new MySQL connection (TCP and handshake) gives up after this long. */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(60000)
  DATABASE_CONNECT_TIMEOUT_MS = 2000;

  /** Waiting for a free pooled connection (or a new one) gives up after this long. */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(60000)
  DATABASE_ACQUIRE_TIMEOUT_MS = 2000;

  /** One SQL statement gives up after this long; its connection is destroyed (an open transaction rolls back). */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(600000)
  DATABASE_QUERY_TIMEOUT_MS = 3000;

  /** The same deadline in worker processes, whose set-based statements cover many members at a time. */
  @Transform(toInt)
  @IsInt()
  @Min(1000)
  @Max(3600000)
  WORKER_DATABASE_QUERY_TIMEOUT_MS = 600000;

  @Matches(/^rediss?:\/\/.+/, { message: 'REDIS_URL must look like redis://host:6379' })
  REDIS_URL = 'redis://127.0.0.1:6379';

  /** Connecting to Redis (TCP) gives up after this long, then ioredis retries in the background. */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(60000)
  REDIS_CONNECT_TIMEOUT_MS = 2000;

  /** A command on the shared Redis client (rate limits, health) gives up after this long. */
  @Transform(toInt)
  @IsInt()
  @Min(50)
  @Max(60000)
  REDIS_COMMAND_TIMEOUT_MS = 1000;

  /** BullMQ key prefix. The braces make a Redis Cluster hash tag, so all queue keys share a slot. */
  @Matches(/^\{[A-Za-z0-9_:.-]+\}$/, {
    message: 'QUEUE_PREFIX must be a Redis hash tag such as {loyalty}',
  })
  QUEUE_PREFIX = '{loyalty}';

  @Matches(/^[^@\s]+@[^@\s]+$/, { message: 'ADMIN_EMAIL must be an email address' })
  ADMIN_EMAIL: string;

  @IsString()
  @MinLength(10, { message: 'ADMIN_PASSWORD must be at least 10 characters' })
  ADMIN_PASSWORD: string;

  @IsString()
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' })
  JWT_SECRET: string;

  /**
   * Keys the member codes (POS-API 1.2) and seals each member's code secret at rest. Optional: without it the
   * keys are derived from JWT_SECRET, and rotating JWT_SECRET then gives every member a new code secret.
   */
  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'MEMBER_CODE_KEY must be at least 32 characters' })
  MEMBER_CODE_KEY?: string;

  @Transform(toInt)
  @IsInt()
  @Min(60)
  JWT_TTL_SECONDS = 900;

  /** Lifetime of a console refresh token (rotated on every use). */
  @Transform(toInt)
  @IsInt()
  @Min(60)
  JWT_REFRESH_TTL_SECONDS = 43200;

  /** scrypt cost as log2(N) for new console password hashes (OWASP: 17). Lower only for tests. */
  @Transform(toInt)
  @IsInt()
  @Min(14)
  @Max(20)
  PASSWORD_SCRYPT_LOG2N = 17;

  /** Failed logins of one email within LOGIN_LOCKOUT_SECONDS that lock it. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  LOGIN_MAX_FAILURES = 10;

  /** Failure window and first lock duration; each further lockout doubles it (at most 24 h). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  LOGIN_LOCKOUT_SECONDS = 900;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  /** Requests per minute for one POS API key. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  RATE_LIMIT_POS_PER_MINUTE = 6000;

  /** Requests per minute from one client address on the admin routes (login included). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  RATE_LIMIT_ADMIN_PER_MINUTE = 600;

  /** Login attempts per minute from one client address. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  RATE_LIMIT_LOGIN_PER_MINUTE = 20;

  /** Coupon look-ups (GET /api/v1/pos/coupons/{code}) per minute for one store, all its keys together: against code guessing. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  RATE_LIMIT_POS_COUPON_LOOKUPS_PER_MINUTE = 300;

  /** POS requests per minute from one client address with a missing, unknown or revoked key. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  RATE_LIMIT_POS_UNAUTHENTICATED_PER_MINUTE = 60;

  /**
   * Express "trust proxy": false (default: the socket address is the client),
   * a hop count, or a comma list of proxy addresses/subnets (loopback, linklocal,
   * uniquelocal, 10.0.0.0/8, ...). "true" is refused: it lets clients pick their address.
   */
  @Matches(
    /^(false|\d{1,2}|(loopback|linklocal|uniquelocal|[0-9A-Fa-f:.]+(\/\d{1,3})?)(\s*,\s*(loopback|linklocal|uniquelocal|[0-9A-Fa-f:.]+(\/\d{1,3})?))*)$/,
    {
      message: 'TRUST_PROXY must be false, a hop count or a comma list of proxy addresses/subnets (true is not allowed)',
    },
  )
  TRUST_PROXY = 'false';

  /** Serve /docs and /docs-json. Default: on outside production, off in production. */
  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  DOCS_ENABLED?: boolean;
  /** A rate-limit count in Redis slower than this is counted in this process instead (see SyncedThrottlerStorage). */
  @Transform(toInt)
  @IsInt()
  @Min(10)
  @Max(5000)
  RATE_LIMIT_REDIS_TIMEOUT_MS = 300;

  /**
   * HTTP API processes per host (src/main.ts, node:cluster): a count, or "auto" for one per core. Each has its own
   * database pool of DATABASE_POOL_SIZE connections.
   */
  @Matches(API_PROCESSES_PATTERN, { message: 'API_PROCESSES must be "auto" or a whole number from 1 to 64' })
  API_PROCESSES = '1';

  /** After SIGTERM the process exits within this long even if a dependency does not answer. */
  @Transform(toInt)
  @IsInt()
  @Min(1000)
  @Max(120000)
  SHUTDOWN_TIMEOUT_MS = 8000;

  /** Comma-separated queue names this worker process runs, or "all". Unknown names stop the process at boot. */
  @IsString()
  @IsNotEmpty()
  @Matches(new RegExp(`^\\s*(all|${ALL_QUEUES.join('|')})\\s*(,\\s*(all|${ALL_QUEUES.join('|')})\\s*)*$`), {
    message: `ACTIVE_WORKERS must be "all" or a comma-separated list of: ${ALL_QUEUES.join(', ')}`,
  })
  ACTIVE_WORKERS = 'all';

  @Transform(toBool)
  @IsBoolean()
  RUN_MIGRATIONS = true;

  /** Group commit: at most this many purchases share one transaction. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(500)
  POSTING_BATCH_MAX = 64;

  /** Group commit: how long the first purchase of a batch may wait for company (0: only what queued while a batch ran). */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(50)
  POSTING_BATCH_WAIT_MS = 0;

  /** Group commit: batches in flight at once per process. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(64)
  POSTING_BATCH_CONCURRENCY = 4;

  // Program defaults: they seed the program settings of an empty database.
  // From then on the database is the source of truth (admins change it there).

  @Transform(toInt)
  @IsInt()
  @Min(1)
  PROGRAM_CENTS_PER_POINT = 100;

  @Matches(/^[a-z0-9_,-]*$/, {
    message: 'PROGRAM_EXCLUDED_CATEGORIES must be a comma-separated list of lower-case category codes',
  })
  PROGRAM_EXCLUDED_CATEGORIES = 'tobacco,gift_card';

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(240)
  PROGRAM_POINTS_EXPIRY_MONTHS = 24;

  /** Member portal: access token lifetime (seconds). */
  @Transform(toInt)
  @IsInt()
  @Min(60)
  @Max(86400)
  PORTAL_ACCESS_TTL_SECONDS = 900;

  /** Member portal: refresh token lifetime (seconds); each refresh token works once (rotated). */
  @Transform(toInt)
  @IsInt()
  @Min(300)
  @Max(31536000)
  PORTAL_REFRESH_TTL_SECONDS = 2592000;

  /** Member portal: a sign-in code lives this long (seconds). */
  @Transform(toInt)
  @IsInt()
  @Min(30)
  @Max(3600)
  PORTAL_CODE_TTL_SECONDS = 300;

  /** Member portal: wrong codes for one phone that lock it. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100)
  PORTAL_CODE_MAX_FAILURES = 5;

  /** Member portal: how long a phone stays locked after too many wrong codes (seconds). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(86400)
  PORTAL_CODE_LOCK_SECONDS = 900;

  /** Member portal: sign-in codes sent to one phone per hour. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  PORTAL_CODES_PER_PHONE_PER_HOUR = 5;

  /** Member portal: requests per minute from one client address on /api/v1/portal/auth. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  RATE_LIMIT_PORTAL_AUTH_PER_MINUTE = 30;

  /** Member portal: requests per minute from one client address on the other /api/v1/portal routes. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  RATE_LIMIT_PORTAL_PER_MINUTE = 600;

  /** Manual adjustments of more points than this (either sign) need the points.adjust.large permission (admins). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1000000000)
  ADJUSTMENT_LIMIT_POINTS = 10000;

  /** A console user without points.adjust.large may adjust at most this many points (either sign, in all) per day. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1000000000)
  ADJUSTMENT_DAILY_LIMIT_POINTS = 50000;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  PROGRAM_REDEMPTION_CENTS_PER_100_POINTS = 100;

  @Transform(toBool)
  @IsBoolean()
  PROGRAM_ALLOW_NEGATIVE_BALANCE = true;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(36)
  PROGRAM_QUALIFYING_WINDOW_MONTHS = 12;

  /** Offline receipts whose occurredAt is older than this many days are refused (RECEIPT_TOO_OLD). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(365)
  PROGRAM_OFFLINE_ACCEPTANCE_DAYS = 30;

  /** Return window: a purchase's points stay pending this many days (0: available at once). */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(365)
  PROGRAM_RETURN_WINDOW_DAYS = 0;

  // Messages: the outbox sender and its channel adapters, webhooks.

  /** Which adapter sends each channel: log only records (development, demo). */
  @IsIn(['log', 'smtp'])
  MESSAGES_EMAIL_ADAPTER: 'log' | 'smtp' = 'log';

  @IsIn(['log', 'http'])
  MESSAGES_SMS_ADAPTER: 'log' | 'http' = 'log';

  @IsIn(['log', 'http'])
  MESSAGES_PUSH_ADAPTER: 'log' | 'http' = 'log';

  /** smtp://user:pass@host:587 or smtps://...; required with MESSAGES_EMAIL_ADAPTER=smtp. */
  @ValidateIf((e: EnvSchema) => e.MESSAGES_EMAIL_ADAPTER === 'smtp')
  @Matches(/^smtps?:\/\/.+/, { message: 'SMTP_URL must look like smtp://user:password@host:587' })
  SMTP_URL?: string;

  @Matches(/^([^<>]*<[^@\s<>]+@[^@\s<>]+>|[^@\s]+@[^@\s]+)$/, { message: 'MAIL_FROM must be an address or "Name <address>"' })
  MAIL_FROM = 'Loyalty <no-reply@loyalty.local>';

  /** The SMS gateway: POST JSON signed with MESSAGES_GATEWAY_SECRET; required with MESSAGES_SMS_ADAPTER=http. */
  @ValidateIf((e: EnvSchema) => e.MESSAGES_SMS_ADAPTER === 'http')
  @Matches(/^https?:\/\/.+/, { message: 'SMS_GATEWAY_URL must be an http(s) URL' })
  SMS_GATEWAY_URL?: string;

  @ValidateIf((e: EnvSchema) => e.MESSAGES_PUSH_ADAPTER === 'http')
  @Matches(/^https?:\/\/.+/, { message: 'PUSH_GATEWAY_URL must be an http(s) URL' })
  PUSH_GATEWAY_URL?: string;

  /** HMAC-SHA256 key of the gateway requests; required when an http adapter is used. */
  @ValidateIf((e: EnvSchema) => e.MESSAGES_SMS_ADAPTER === 'http' || e.MESSAGES_PUSH_ADAPTER === 'http')
  @IsString()
  @MinLength(16, { message: 'MESSAGES_GATEWAY_SECRET must be at least 16 characters' })
  MESSAGES_GATEWAY_SECRET?: string;

  /** Sends of one message before it is marked failed. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(50)
  MESSAGES_MAX_ATTEMPTS = 5;

  /** First retry delay of a message or webhook; doubled per attempt, at most one hour. */
  @Transform(toInt)
  @IsInt()
  @Min(10)
  @Max(3600000)
  MESSAGES_RETRY_BASE_MS = 30000;

  /** How often the sender looks for due messages and webhook deliveries. */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(600000)
  MESSAGES_POLL_MS = 1000;

  /** How often a worker looks for long-job parts whose queue job is lost (a Redis restart) and queues them again. */
  @Transform(toInt)
  @IsInt()
  @Min(200)
  @Max(3600000)
  JOB_RECONCILE_INTERVAL_MS = 30000;

  /** Rows one sender claims at a time. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1000)
  MESSAGES_BATCH_SIZE = 100;

  /** One adapter call or webhook POST gives up after this long. */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(120000)
  MESSAGES_SEND_TIMEOUT_MS = 10000;

  /** POSTs of one webhook delivery before it is marked failed (it can be replayed). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(50)
  WEBHOOK_MAX_ATTEMPTS = 8;

  /**
   * Webhooks may target loopback, private, link-local and CGNAT addresses (an on-premises receiver). Off: only public
   * internet addresses, checked when a webhook is saved and again at each delivery. Cloud metadata, multicast and
   * 0.0.0.0 are refused either way.
   */
  @Transform(toBool)
  @IsBoolean()
  WEBHOOK_ALLOW_PRIVATE_TARGETS = false;

  @IsOptional()
  @IsString()
  APP_VERSION?: string;

  /** When set, GET /metrics needs `Authorization: Bearer <METRICS_TOKEN>`; unset, it is open (keep it off the public network). */
  @IsOptional()
  @IsString()
  @MinLength(16, { message: 'METRICS_TOKEN must be at least 16 characters' })
  METRICS_TOKEN?: string;
}
