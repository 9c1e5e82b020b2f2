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
});

export type Env = z.infer<typeof envSchema>;

// Half a configuration would silently fall back to the built-in generator; refuse it at start-up.
const checkedEnvSchema = envSchema.refine((value) => Boolean(value.LLM_BASE_URL) === Boolean(value.LLM_MODEL), {
  message: "set both LLM_BASE_URL and LLM_MODEL to use a language model, or neither",
  path: ["LLM_MODEL"],
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
