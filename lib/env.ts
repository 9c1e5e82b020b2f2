import { z } from "zod";

// The only module that reads process.env: everything else imports `env`.
const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);
const optionalString = z
  .string()
  .optional()
  .transform((value) => (value && value.trim() !== "" ? value.trim() : undefined));

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** Unset → an embedded PostgreSQL under BLOOMERY_DATA_DIR. */
  DATABASE_URL: optionalString,
  BLOOMERY_DATA_DIR: z.string().default("./.data"),
  /** Jobs one instance runs at a time. */
  WORKER_CONCURRENCY: positiveInt(2),
  /** Set to "false" for an instance that serves requests but claims no jobs. */
  WORKER_ENABLED: z
    .enum(["true", "false", "1", "0"])
    .default("true")
    .transform((value) => value === "true" || value === "1"),
  JOB_TIMEOUT_SECONDS: positiveInt(600),
  JOB_RESULT_TTL_SECONDS: positiveInt(86_400),
  /** A started job whose heartbeat is older than this is given to another instance. */
  JOB_LEASE_SECONDS: positiveInt(30),
  JOB_MAX_ATTEMPTS: positiveInt(3),
  /** Fallback polling when no NOTIFY arrives. */
  WORKER_POLL_MS: positiveInt(2_000),
  /** How long running jobs may finish on SIGTERM before being handed back. */
  SHUTDOWN_GRACE_SECONDS: positiveInt(20),
  DATABASE_POOL_SIZE: positiveInt(10),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
  /** Any OpenAI-compatible server, e.g. http://localhost:11434/v1 (Ollama). Unset → the built-in generator. */
  LLM_BASE_URL: optionalString.pipe(z.url({ error: "LLM_BASE_URL must be a URL such as http://localhost:11434/v1" }).optional()),
  /** Left unset for servers that need none (Ollama, LM Studio). Never logged. */
  LLM_API_KEY: optionalString,
  LLM_MODEL: optionalString,
  /** One call to the model; the job's own timeout still bounds the whole generation. */
  LLM_TIMEOUT_SECONDS: positiveInt(120),
  /** Calls in flight to the model from one instance, across all its jobs. */
  LLM_MAX_CONCURRENCY: positiveInt(4),
  /** Signs session cookies. Unset → one is generated at first start and kept in the database. */
  BETTER_AUTH_SECRET: optionalString.pipe(z.string().min(32, "BETTER_AUTH_SECRET must be at least 32 characters").optional()),
  /** Public address, e.g. https://quiz.example.edu; links in mail point here. */
  APP_BASE_URL: optionalString.pipe(z.url({ error: "APP_BASE_URL must be a URL such as https://quiz.example.edu" }).optional()),
  /** e.g. smtp://user:pass@mail.example.edu:587. Unset → mail is written to the log instead. */
  SMTP_URL: optionalString,
  MAIL_FROM: z.string().default("Bloomery <no-reply@localhost>"),
  /** Keeps sent mail for /dev/mailbox; always on outside production. Never on a public server. */
  BLOOMERY_DEV_MAILBOX: z
    .enum(["true", "false", "1", "0"])
    .default("false")
    .transform((value) => value === "true" || value === "1"),
  /** Which X-Forwarded-For entry, counted from the right (1 = last), is the client's address. */
  CLIENT_IP_XFF_POSITION: positiveInt(1),
  /** Sign-in attempts per IP, and failed ones per account, in each window. */
  RATE_LIMIT_LOGIN_PER_IP: positiveInt(30),
  RATE_LIMIT_LOGIN_PER_ACCOUNT: positiveInt(10),
  RATE_LIMIT_LOGIN_WINDOW_SECONDS: positiveInt(900),
  RATE_LIMIT_FORGOT_PER_IP: positiveInt(10),
  RATE_LIMIT_FORGOT_PER_ACCOUNT: positiveInt(3),
  RATE_LIMIT_FORGOT_WINDOW_SECONDS: positiveInt(3600),
  RATE_LIMIT_SIGNUP_PER_IP: positiveInt(20),
  RATE_LIMIT_SIGNUP_WINDOW_SECONDS: positiveInt(3600),
  /** Generation jobs per IP when anonymous, per user when signed in. */
  RATE_LIMIT_GENERATE_ANONYMOUS: positiveInt(20),
  RATE_LIMIT_GENERATE_SIGNED_IN: positiveInt(200),
  RATE_LIMIT_GENERATE_WINDOW_SECONDS: positiveInt(3600),
  /** Document uploads (/chunking, POST /api/documents) per IP when anonymous, per user when signed in. */
  RATE_LIMIT_UPLOAD_ANONYMOUS: positiveInt(20),
  RATE_LIMIT_UPLOAD_SIGNED_IN: positiveInt(200),
  RATE_LIMIT_UPLOAD_WINDOW_SECONDS: positiveInt(3600),
  /** Quiz takers: attempts started, and quizzes looked up (by code, or through the API), per IP in each window. A class behind one school address shares these. */
  RATE_LIMIT_QUIZ_START_PER_IP: positiveInt(600),
  RATE_LIMIT_QUIZ_LOOKUP_PER_IP: positiveInt(300),
  RATE_LIMIT_QUIZ_WINDOW_SECONDS: positiveInt(3600),
  /** Lets callback_url point at private, loopback and link-local addresses (SSRF protection off). */
  WEBHOOK_ALLOW_PRIVATE: z
    .enum(["true", "false", "1", "0"])
    .default("false")
    .transform((value) => value === "true" || value === "1"),
  /** Networks allowed although private, e.g. "10.20.0.0/16,fd00:1::/64"; checked after DNS resolution. */
  WEBHOOK_ALLOWED_NETWORKS: z
    .string()
    .default("")
    .transform((value) => value.split(",").map((entry) => entry.trim()).filter(Boolean))
    .refine((entries) => entries.every((entry) => /^[0-9a-f:.]+\/\d{1,3}$/i.test(entry)), {
      message: 'WEBHOOK_ALLOWED_NETWORKS must be comma-separated CIDR blocks such as "10.20.0.0/16"',
    }),
  /** One delivery attempt, connection to last byte. */
  WEBHOOK_TIMEOUT_SECONDS: positiveInt(10),
  /** Retries wait base, 2×base, 4×base … up to the cap, until the window has passed. */
  WEBHOOK_RETRY_BASE_SECONDS: z.coerce.number().positive().default(30),
  WEBHOOK_RETRY_MAX_DELAY_SECONDS: z.coerce.number().positive().default(3600),
  WEBHOOK_RETRY_WINDOW_SECONDS: z.coerce.number().positive().default(86_400),
  /** How long an Idempotency-Key's first answer is replayed. */
  IDEMPOTENCY_TTL_SECONDS: positiveInt(86_400),
  /** How long a retry waits for its twin still in progress before a 409 tells it to come back. */
  IDEMPOTENCY_WAIT_SECONDS: positiveInt(10),
});

export type Env = z.infer<typeof envSchema>;

// Half a configuration would silently fall back to the built-in generator; refuse it at start-up.
const checkedEnvSchema = envSchema.refine((value) => Boolean(value.LLM_BASE_URL) === Boolean(value.LLM_MODEL), {
  message: "set both LLM_BASE_URL and LLM_MODEL to use a language model, or neither",
  path: ["LLM_MODEL"],
})
  // A reset link built from the request's Host header could be pointed at an attacker's site.
  .refine((value) => !value.SMTP_URL || Boolean(value.APP_BASE_URL), {
    message: "set APP_BASE_URL when SMTP_URL is set, so links in mail point at this site",
    path: ["APP_BASE_URL"],
  });

function loadEnv(): Env {
  const parsed = checkedEnvSchema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ");
    throw new Error(`Invalid environment: ${problems}`);
  }
  return parsed.data;
}

export const env: Env = loadEnv();
