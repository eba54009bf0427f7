import { z } from 'zod';

export const DEFAULT_MAIL_FROM = 'Ishenim <no-reply@ishenim.local>';

// Configuration is read once; a bad value stops the server at start with a clear message.
const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().positive().default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_PATH: z.string().default('data/ishenim.db'),
  UPLOADS_PATH: z.string().default('data/uploads'),
  SESSION_SECRET: z.string().optional(),
  /** Keys the audit log's MACs and checkpoints; kept out of the database on purpose. */
  AUDIT_KEY: z.string().min(16).optional(),
  AUDIT_CHECKPOINT_DIR: z.string().default('data/audit'),
  APP_URL: z.url().optional(),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default(DEFAULT_MAIL_FROM),
  MAIL_POLL_MS: z.coerce.number().int().positive().default(5000),
  /** Where `npm run backup` and the scheduled backups write their timestamped folders. */
  BACKUP_DIR: z.string().default('data/backups'),
  /** How many complete backups to keep; older ones go only after a new one is complete. */
  BACKUP_KEEP: z.coerce.number().int().positive().default(14),
  /** The server makes a backup every so many hours; 0 (the default) leaves it to cron. At most 24
   * days: a longer timer would overflow Node's setInterval. */
  BACKUP_INTERVAL_HOURS: z.coerce
    .number()
    .nonnegative()
    .max(24 * 24)
    .default(0),
});

function readEnv() {
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    throw new Error(
      `Invalid configuration: ${JSON.stringify(z.flattenError(parsed.error).fieldErrors)}`,
    );
  }
  const env = parsed.data;
  const appUrl = new URL(env.APP_URL ?? `http://localhost:${env.PORT}`);
  if (!env.SESSION_SECRET && env.NODE_ENV === 'production') {
    throw new Error('SESSION_SECRET must be set in production (npm run demo makes one for you).');
  }
  if (!env.AUDIT_KEY && env.NODE_ENV === 'production') {
    throw new Error('AUDIT_KEY must be set in production (npm run demo makes one for you).');
  }
  assertMailSender(env.NODE_ENV, env.MAIL_FROM);
  return {
    ...env,
    SESSION_SECRET: env.SESSION_SECRET ?? 'development-only-secret-do-not-use',
    AUDIT_KEY: env.AUDIT_KEY ?? 'development-only-audit-key-do-not-use',
    SMTP_URL: env.SMTP_URL || undefined,
    appUrl,
    /** Cookies are Secure (with the __Host- prefix) and HSTS is sent when served over https. */
    isHttps: appUrl.protocol === 'https:',
  };
}

/**
 * In production mail must come from a real address of the programme: the default one belongs to
 * nobody, so replies and bounces would be lost and receivers may treat it as spam.
 */
export function assertMailSender(nodeEnv: string, mailFrom: string) {
  if (nodeEnv === 'production' && mailFrom.includes('@ishenim.local')) {
    throw new Error(
      "MAIL_FROM must be set in production to the programme's own address (it is still the default no-reply@ishenim.local).",
    );
  }
}

export const env = readEnv();
