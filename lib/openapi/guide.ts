import { env } from "../env";
import { DEFAULT_BLOOM_COUNTS, MAX_QUESTIONS } from "../generation/blooms";
import { RATE_LIMITS } from "../rate-limit/rules";
import { DELIVERY_LOG_DAYS } from "../webhooks/queue-webhook-delivery";
import { maxDeliveryAttempts, retryScheduleFromEnv } from "../webhooks/retry-schedule";
import { SIGNATURE_TOLERANCE_SECONDS } from "../webhooks/signature";

/** Groups of operations, in the order the reference shows them. */
export const TAGS = [
  { name: "Generation", description: "Start a generation job from pasted text or uploaded documents." },
  { name: "Jobs", description: "Follow a job until it ends; its result lives for a limited time, so save it." },
  { name: "Assessments", description: "Saved assessments: save a job's result, list, read, rename, export, import, delete." },
  { name: "Questions", description: "Edit the questions of a saved assessment." },
  { name: "Documents", description: "Upload PDF, Word, text or Markdown files to generate from." },
  { name: "Accounts", description: "Sign up, sign in, tokens, password reset." },
  { name: "API keys", description: "Personal keys for programs." },
  { name: "Webhooks", description: "Signing secrets and the log of every delivery attempt." },
  { name: "Sharing", description: "Publish a saved assessment as a quiz for takers, change or close it, and read its results." },
  { name: "Quiz taking", description: "For quiz takers, with no account: a quiz's link token or code, then the attempt's own token." },
  { name: "Health", description: "For load balancers and monitors." },
  { name: "Reference", description: "This document." },
  { name: "EduMate-compatible", description: "Routes kept exactly as EduMate offered them, so its clients keep working." },
];

function duration(seconds: number): string {
  if (seconds % 86_400 === 0) return `${seconds / 86_400} day${seconds === 86_400 ? "" : "s"}`;
  if (seconds % 3600 === 0) return `${seconds / 3600} hour${seconds === 3600 ? "" : "s"}`;
  if (seconds % 60 === 0) return `${seconds / 60} minute${seconds === 60 ? "" : "s"}`;
  return `${seconds} s`;
}

/**
 * The narrative half of the reference: what every route shares. It is the document's
 * `info.description` (Markdown), so generated clients carry it too; /docs/api renders it. Numbers
 * come from this server's configuration.
 */
export function API_GUIDE(): string {
  const schedule = retryScheduleFromEnv();
  const generation = RATE_LIMITS.generateAnonymous;
  const defaults = Object.entries(DEFAULT_BLOOM_COUNTS)
    .map(([level, count]) => `${count} ${level}`)
    .join(", ");
  return `Bloomery turns teaching material into multiple-choice questions sorted by Bloom's taxonomy. A program generates in three steps:

1. **Start a job**: \`POST /api/generate\` with \`{"text": "…", "blooms": "3 remember, 2 apply"}\` answers \`202 {"status": "queued", "job_id": "…"}\`.
2. **Wait for it to end**: poll \`GET /api/job_status?job_id=…\` every 2–3 seconds, or pass \`callback_url\` and Bloomery POSTs the final status to you (see Webhooks).
3. **Save the result** before it expires: \`POST /api/assessments {"job_id": "…"}\` (or EduMate's \`POST /api/assessments/save\` with the questions).

Runnable clients in TypeScript, Python and curl are in the repository's \`examples/\` folder.

## Authentication

- **API key** (for programs): \`Authorization: Bearer blm_…\`. Make and revoke keys in Settings → API keys. A key acts as you, except that it cannot manage keys or signing secrets.
- **Login token** (EduMate's way): \`POST /api/login\` with form fields \`username\` (the email) and \`password\` answers \`{"access_token": "…", "token_type": "bearer"}\`; send it the same way.
- **Session cookie** (the browser): set by \`POST /api/auth/session\`. A request that changes something and carries only a cookie must come from Bloomery's own pages, or it is refused with 403.
- **Anonymous**: generating and uploading need no account (with a lower rate limit); the job id is then the only key to the result, so keep it private.

## Errors

Every error has one shape: \`{"error": {"code": "…", "message": "…", "issues": [{"path": "…", "message": "…"}]}, "detail": "…"}\`. \`detail\` repeats the message where EduMate's (FastAPI) clients look for it; \`issues\` names each field that was wrong.

- \`bad_request\` 400 – the request is malformed or a field is invalid (EduMate-compatible routes answer their validation errors with 422, as FastAPI did).
- \`unauthorized\` 401 – no valid credentials (\`WWW-Authenticate: Bearer\`).
- \`forbidden\` 403 – signed in, but not allowed this (an API key managing keys, a cookie request from another site).
- \`not_found\` 404 – no such thing, or it is someone else's: the two are never told apart.
- \`conflict\` 409 – the request clashes with the current state (a job not finished yet, an Idempotency-Key still in use).
- \`payload_too_large\` 413, \`unsupported_media_type\` 415 – the body is too big, or not JSON where JSON is expected.
- \`unprocessable\` 422 – understood but refused (an Idempotency-Key reused for another request; EduMate's validation errors).
- \`rate_limited\` 429 – over a rate limit; \`Retry-After\` says when to come back.
- \`internal\` 500, \`unavailable\` 503 – our fault; the message is generic and the detail stays in the server log. Try again.

Any other path under \`/api\` answers 404 in the same shape.

## Bloom requirements

\`blooms\` (and \`/chat\`'s \`blooms_requirements\`) says how many questions of each level to write. Either EduMate's string – \`"5 remember, 3 understand, 4 apply"\` – or an object – \`{"remember": 5, "apply": 4}\`.

- Levels: remember, understand, apply, analyze (or analyse), evaluate, create; any order, any case.
- In the string, parts are separated by commas, semicolons or new lines; each is \`<count> <level>\`, and \`3 x Apply\`, \`apply: 3\` and \`4 apply questions\` are read too.
- A level left out counts as 0; a level named twice, an unknown level or a count that is not a whole number is refused naming the part (400; 422 on \`/chat\`).
- The total must be 1 to ${MAX_QUESTIONS}. Left out entirely, it is EduMate's default: ${defaults}.

## Job lifecycle

A job's status, as \`GET /api/job_status\` (and EduMate's \`GET /job_status\`) reports it:

- \`queued\` – waiting for a worker.
- \`started\` – running; \`progress\` says \`{done, total, stage}\` when known.
- \`finished\` – \`result\` holds \`{mcqs: [...], warnings?: [...]}\`. Each question has \`question\`, four \`options\`, \`correct_answer\` (one of the options), \`bloom_level\` and \`explanation\`.
- \`failed\` – \`error\` is a sentence saying why, written for the person who asked.
- \`null\` – no such job, or its result has expired.
- \`canceled\` is part of the contract but no route cancels jobs yet.

A job may run for ${env.JOB_TIMEOUT_SECONDS} seconds; then it fails with "Job timed out after ${env.JOB_TIMEOUT_SECONDS} seconds". A job whose server stops is picked up by another instance, up to ${env.JOB_MAX_ATTEMPTS} attempts. A finished or failed job's status is kept for ${duration(env.JOB_RESULT_TTL_SECONDS)}, then it reads \`{"status": null}\`: save the result before then.

## Webhooks

Pass \`callback_url\` to \`POST /api/generate\` (in the body) or \`POST /chat\` (in the query string) and Bloomery POSTs the job's final status there when it ends, finished or failed. The body is exactly what \`GET /api/job_status\` answers at that moment. A callback needs an API key or a signed-in user, since deliveries are signed with your secret.

Headers: \`Content-Type: application/json\`, \`Bloomery-Event\` (\`job.finished\` or \`job.failed\`), \`Bloomery-Job-Id\`, \`Bloomery-Delivery\` (the same on every retry: use it to drop duplicates) and \`Bloomery-Signature: t=<unix seconds>,v1=<hex>\`.

To check a delivery: compute HMAC-SHA256 over \`<t>.<raw body>\` with your signing secret (the whole \`whsec_…\` string, as UTF-8) as the key, compare it with \`v1\` in constant time, and refuse it if \`t\` is more than ${SIGNATURE_TOLERANCE_SECONDS / 60} minutes from your clock (a replay). Jobs started with an API key are signed with that key's secret; jobs started signed in, with your account's secret. Both are shown in Settings → API keys and by \`GET /api/webhooks/secrets\`; \`POST /api/webhooks/secrets/rotate\` replaces one at once.

Answer with any 2xx within ${env.WEBHOOK_TIMEOUT_SECONDS} seconds. Anything else – another status, a timeout, a refused connection – is retried after ${schedule.baseSeconds} s, then twice as long each time up to ${duration(schedule.maxDelaySeconds)} apart, for ${duration(schedule.windowSeconds)} (${maxDeliveryAttempts(schedule)} attempts in all). A 307 or 308 redirect is followed (up to 3), each new address checked like the first; other redirects are not followed. Every attempt – when, how long, the status you answered or why none came – is in \`GET /api/webhooks/deliveries\` and Settings for ${DELIVERY_LOG_DAYS} days.

Callback addresses that are private, loopback, link-local, carrier-grade NAT, multicast, reserved or unspecified (IPv4 and IPv6, IPv4-mapped forms included) are refused: with a 400 when the job is requested, and again at delivery after resolving the name, connecting only to the address that was checked. Operators can allow them (\`WEBHOOK_ALLOW_PRIVATE=true\`, or \`WEBHOOK_ALLOWED_NETWORKS\` for chosen networks).

## Idempotency

Every POST that creates something accepts an \`Idempotency-Key\` header (1–255 visible ASCII characters; a UUID is ideal). The same key with the same request within ${duration(env.IDEMPOTENCY_TTL_SECONDS)} answers with the first answer – same status, same body, same job id – and \`Idempotent-Replayed: true\`, without doing the work again. Two identical requests sent at once make one job: the second waits for the first's answer (up to ${env.IDEMPOTENCY_WAIT_SECONDS} s, then 409 – retry). The same key with a different request (method, path or body) is a 422. Only successful answers are kept, so a request that failed can be retried with its key. Keys belong to the caller: to the user when signed in, to the IP address when anonymous (so a key seen by someone else cannot fetch your job).

## Rate limits

Generation (\`POST /api/generate\`, \`POST /chat\`) allows ${generation.limit} jobs per ${duration(generation.windowSeconds)} per IP address when anonymous and ${RATE_LIMITS.generateSignedIn.limit} per user when signed in; sign-in, sign-up and password-reset requests are limited per IP address and per account. Limited routes answer with \`RateLimit-Limit\`, \`RateLimit-Remaining\` and \`RateLimit-Reset\` (seconds), and a 429 adds \`Retry-After\`. A replayed idempotent answer does not count again.

## EduMate compatibility

Routes tagged **EduMate-compatible** keep EduMate's paths, parameters, status codes and shapes: \`POST /api/signup\`, \`POST /api/login\`, \`GET /api/me\`, \`POST /api/forgot-password\`, \`POST /api/reset-password\`, \`POST /chunking\`, \`GET /chunking/status\`, \`POST /chat\`, \`GET /job_status\`, \`POST /api/assessments/save\`, \`GET /api/assessments/history\` and \`GET /api/assessments/{id}\`. Questions carry \`options\` and \`explanation\`; saving also accepts EduMate's own spellings (\`answer_options\`, \`explaination\`) and letter answers.`;
}
