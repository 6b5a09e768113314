import { plainToInstance } from 'class-transformer';
import { ValidationError, validateSync } from 'class-validator';
import { apiProcessesFrom } from './api-processes';
import { EnvSchema } from './env.schema';

export interface DatabaseConfig {
  host: string;
  port: number;
  user: string;
  password: string;
  database: string;
  poolSize: number;
  /**
   * A Unix socket to the server instead of TCP (DATABASE_URL `?socket=/run/mysqld/mysqld.sock`): on the same host it
   * costs the API far less CPU per statement than loopback TCP (see README, *Benchmark*). Host and port are then unused.
   */
  socketPath?: string;
  /** Deadlines (always set by loadConfig; a hand-built config without them gets the drivers' defaults: no statement deadline). */
  connectTimeoutMs?: number;
  acquireTimeoutMs?: number;
  queryTimeoutMs?: number;
}

export interface ProgramDefaults {
  centsPerPoint: number;
  excludedCategories: string[];
  pointsExpiryMonths: number;
  redemptionCentsPer100Points: number;
  allowNegativeBalance: boolean;
  qualifyingWindowMonths: number;
  offlineAcceptanceDays: number;
  returnWindowDays: number;
}

export interface MessagesConfig {
  adapters: { email: 'log' | 'smtp'; sms: 'log' | 'http'; push: 'log' | 'http' };
  smtpUrl: string | null;
  mailFrom: string;
  smsGatewayUrl: string | null;
  pushGatewayUrl: string | null;
  gatewaySecret: string | null;
  maxAttempts: number;
  retryBaseMs: number;
  pollMs: number;
  batchSize: number;
  sendTimeoutMs: number;
  webhookMaxAttempts: number;
  webhookAllowPrivateTargets: boolean;
}

export class ConfigError extends Error {}

/** The typed, validated configuration. Built once at boot by loadConfig(). */
export class AppConfig {
  readonly env: EnvSchema['NODE_ENV'];
  readonly port: number;
  readonly database: DatabaseConfig;
  readonly redisUrl: string;
  readonly redisTimeouts: { connectMs: number; commandMs: number };
  readonly rateLimitRedisTimeoutMs: number;
  readonly shutdownTimeoutMs: number;
  /** HTTP API processes on this host (API_PROCESSES, "auto" resolved to the number of cores). */
  readonly apiProcesses: number;
  readonly queuePrefix: string;
  readonly admin: { email: string; password: string };
  readonly jwt: { secret: string; ttlSeconds: number; refreshTtlSeconds: number };
  /** The master key of the member codes: MEMBER_CODE_KEY, else JWT_SECRET (src/modules/cards/member-code). */
  readonly memberCodeKey: string;
  readonly passwordScryptLog2N: number;
  readonly loginLockout: { maxFailures: number; seconds: number };
  /** Express "trust proxy": false, a hop count or a list of proxy addresses/subnets. */
  readonly trustProxy: false | number | string[];
  readonly docsEnabled: boolean;
  readonly logLevel: string;
  readonly rateLimit: {
    posPerMinute: number;
    adminPerMinute: number;
    loginPerMinute: number;
    posUnauthenticatedPerMinute: number;
    posCouponLookupsPerMinute: number;
  };
  readonly activeWorkers: string[] | 'all';
  readonly runMigrations: boolean;
  readonly workerQueryTimeoutMs: number;
  /** How often workers reconcile long-job parts with their queue jobs. */
  readonly jobReconcileIntervalMs: number;
  readonly postings: { maxBatch: number; maxWaitMs: number; maxConcurrentBatches: number };
  readonly program: ProgramDefaults;
  readonly metricsToken: string | null;
  readonly messages: MessagesConfig;
  /** Adjustments above this many points need points.adjust.large. */
  readonly adjustmentLimitPoints: number;
  readonly adjustmentDailyLimitPoints: number;
  readonly portal: {
    accessTtlSeconds: number;
    refreshTtlSeconds: number;
    codeTtlSeconds: number;
    codeMaxFailures: number;
    codeLockSeconds: number;
    codesPerPhonePerHour: number;
    authPerMinute: number;
    perMinute: number;
  };

  constructor(e: EnvSchema) {
    this.env = e.NODE_ENV;
    this.port = e.PORT;
    this.database = databaseConfigFrom(e);
    this.redisUrl = e.REDIS_URL;
    this.redisTimeouts = { connectMs: e.REDIS_CONNECT_TIMEOUT_MS, commandMs: e.REDIS_COMMAND_TIMEOUT_MS };
    this.rateLimitRedisTimeoutMs = e.RATE_LIMIT_REDIS_TIMEOUT_MS;
    this.shutdownTimeoutMs = e.SHUTDOWN_TIMEOUT_MS;
    this.apiProcesses = apiProcessesFrom(e.API_PROCESSES) ?? 1;
    this.queuePrefix = e.QUEUE_PREFIX;
    this.admin = { email: e.ADMIN_EMAIL.toLowerCase(), password: e.ADMIN_PASSWORD };
    this.jwt = { secret: e.JWT_SECRET, ttlSeconds: e.JWT_TTL_SECONDS, refreshTtlSeconds: e.JWT_REFRESH_TTL_SECONDS };
    this.memberCodeKey = e.MEMBER_CODE_KEY ?? e.JWT_SECRET;
    this.passwordScryptLog2N = e.PASSWORD_SCRYPT_LOG2N;
    this.loginLockout = { maxFailures: e.LOGIN_MAX_FAILURES, seconds: e.LOGIN_LOCKOUT_SECONDS };
    this.trustProxy = parseTrustProxy(e.TRUST_PROXY);
    this.docsEnabled = e.DOCS_ENABLED ?? e.NODE_ENV !== 'production';
    this.logLevel = e.LOG_LEVEL;
    this.rateLimit = {
      posPerMinute: e.RATE_LIMIT_POS_PER_MINUTE,
      adminPerMinute: e.RATE_LIMIT_ADMIN_PER_MINUTE,
      loginPerMinute: e.RATE_LIMIT_LOGIN_PER_MINUTE,
      posUnauthenticatedPerMinute: e.RATE_LIMIT_POS_UNAUTHENTICATED_PER_MINUTE,
      posCouponLookupsPerMinute: e.RATE_LIMIT_POS_COUPON_LOOKUPS_PER_MINUTE,
    };
    const workers = e.ACTIVE_WORKERS.split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    this.activeWorkers = workers.includes('all') ? 'all' : workers;
    this.runMigrations = e.RUN_MIGRATIONS;
    this.workerQueryTimeoutMs = e.WORKER_DATABASE_QUERY_TIMEOUT_MS;
    this.jobReconcileIntervalMs = e.JOB_RECONCILE_INTERVAL_MS;
    this.postings = {
      maxBatch: e.POSTING_BATCH_MAX,
      maxWaitMs: e.POSTING_BATCH_WAIT_MS,
      maxConcurrentBatches: e.POSTING_BATCH_CONCURRENCY,
    };
    this.program = {
      centsPerPoint: e.PROGRAM_CENTS_PER_POINT,
      excludedCategories: e.PROGRAM_EXCLUDED_CATEGORIES.split(',')
        .map((s) => s.trim())
        .filter(Boolean),
      pointsExpiryMonths: e.PROGRAM_POINTS_EXPIRY_MONTHS,
      redemptionCentsPer100Points: e.PROGRAM_REDEMPTION_CENTS_PER_100_POINTS,
      allowNegativeBalance: e.PROGRAM_ALLOW_NEGATIVE_BALANCE,
      qualifyingWindowMonths: e.PROGRAM_QUALIFYING_WINDOW_MONTHS,
      offlineAcceptanceDays: e.PROGRAM_OFFLINE_ACCEPTANCE_DAYS,
      returnWindowDays: e.PROGRAM_RETURN_WINDOW_DAYS,
    };
    this.metricsToken = e.METRICS_TOKEN ?? null;
    this.messages = {
      adapters: { email: e.MESSAGES_EMAIL_ADAPTER, sms: e.MESSAGES_SMS_ADAPTER, push: e.MESSAGES_PUSH_ADAPTER },
      smtpUrl: e.SMTP_URL ?? null,
      mailFrom: e.MAIL_FROM,
      smsGatewayUrl: e.SMS_GATEWAY_URL ?? null,
      pushGatewayUrl: e.PUSH_GATEWAY_URL ?? null,
      gatewaySecret: e.MESSAGES_GATEWAY_SECRET ?? null,
      maxAttempts: e.MESSAGES_MAX_ATTEMPTS,
      retryBaseMs: e.MESSAGES_RETRY_BASE_MS,
      pollMs: e.MESSAGES_POLL_MS,
      batchSize: e.MESSAGES_BATCH_SIZE,
      sendTimeoutMs: e.MESSAGES_SEND_TIMEOUT_MS,
      webhookMaxAttempts: e.WEBHOOK_MAX_ATTEMPTS,
      webhookAllowPrivateTargets: e.WEBHOOK_ALLOW_PRIVATE_TARGETS,
    };
    this.adjustmentLimitPoints = e.ADJUSTMENT_LIMIT_POINTS;
    this.adjustmentDailyLimitPoints = e.ADJUSTMENT_DAILY_LIMIT_POINTS;
    this.portal = {
      accessTtlSeconds: e.PORTAL_ACCESS_TTL_SECONDS,
      refreshTtlSeconds: e.PORTAL_REFRESH_TTL_SECONDS,
      codeTtlSeconds: e.PORTAL_CODE_TTL_SECONDS,
      codeMaxFailures: e.PORTAL_CODE_MAX_FAILURES,
      codeLockSeconds: e.PORTAL_CODE_LOCK_SECONDS,
      codesPerPhonePerHour: e.PORTAL_CODES_PER_PHONE_PER_HOUR,
      authPerMinute: e.RATE_LIMIT_PORTAL_AUTH_PER_MINUTE,
      perMinute: e.RATE_LIMIT_PORTAL_PER_MINUTE,
    };
  }

  isWorkerActive(queue: string): boolean {
    return this.activeWorkers === 'all' || this.activeWorkers.includes(queue);
  }
}

function parseTrustProxy(value: string): false | number | string[] {
  const v = value.trim();
  if (v === 'false') {
    return false;
  }
  if (/^\d+$/.test(v)) {
    return Number(v);
  }
  return v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

function databaseConfigFrom(e: EnvSchema): DatabaseConfig {
  const url = new URL(e.DATABASE_URL);
  return {
    host: url.hostname,
    port: url.port ? Number(url.port) : 3306,
    user: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
    database: url.pathname.replace(/^\//, ''),
    socketPath: url.searchParams.get('socket') || undefined,
    poolSize: e.DATABASE_POOL_SIZE,
    connectTimeoutMs: e.DATABASE_CONNECT_TIMEOUT_MS,
    acquireTimeoutMs: e.DATABASE_ACQUIRE_TIMEOUT_MS,
    queryTimeoutMs: e.DATABASE_QUERY_TIMEOUT_MS,
  };
}

function parseEnv(env: NodeJS.ProcessEnv): { parsed: EnvSchema; raw: Record<string, unknown>; errors: ValidationError[] } {
  const raw: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(env)) {
    if (v !== undefined && v !== '') {
      raw[k] = v;
    }
  }
  const parsed = plainToInstance(EnvSchema, raw, { exposeDefaultValues: true });
  return { parsed, raw, errors: validateSync(parsed, { whitelist: false }) };
}

function configError(errors: ValidationError[], raw: Record<string, unknown>): ConfigError {
  const lines = errors.map((err) => {
    const messages = Object.values(err.constraints ?? {});
    const missing = raw[err.property] === undefined;
    return `  ${err.property}: ${missing ? 'is required but not set' : messages.join('; ')}`;
  });
  return new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
}

/**
 * Only what the command-line tools need (migrations, the TypeORM CLI): the
 * database variables are validated, nothing else is read or required.
 */
export function loadDatabaseConfig(env: NodeJS.ProcessEnv = process.env): DatabaseConfig {
  const { parsed, raw, errors } = parseEnv(env);
  const databaseErrors = errors.filter((err) => err.property.startsWith('DATABASE_'));
  if (databaseErrors.length > 0) {
    throw configError(databaseErrors, raw);
  }
  return databaseConfigFrom(parsed);
}

/**
 * Reads and validates the environment. Throws a ConfigError that names every
 * wrong or missing variable, so the process stops before doing anything.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const { parsed, raw, errors } = parseEnv(env);
  if (errors.length > 0) {
    throw configError(errors, raw);
  }
  return new AppConfig(parsed);
}
