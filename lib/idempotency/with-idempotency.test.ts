import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { POST as generateRoute } from "@/app/api/generate/route";
import { POST as importRoute } from "@/app/api/assessments/import/route";
import { bearer, createTestAccount, type TestAccount } from "@/tests/helpers/accounts";
import { callRoute } from "@/tests/helpers/call-route";
import { useTestDatabase } from "@/tests/helpers/use-test-database";

// A twin still in progress is waited for this long before the 409.
const savedWait = vi.hoisted(() => {
  const saved = process.env.IDEMPOTENCY_WAIT_SECONDS;
  process.env.IDEMPOTENCY_WAIT_SECONDS = "1";
  return saved;
});

const db = useTestDatabase();
let alice: TestAccount;
let bob: TestAccount;
beforeAll(async () => {
  [alice, bob] = await Promise.all([createTestAccount("alice"), createTestAccount("bob")]);
});
afterAll(async () => {
  if (savedWait === undefined) delete process.env.IDEMPOTENCY_WAIT_SECONDS;
  else process.env.IDEMPOTENCY_WAIT_SECONDS = savedWait;
});

const material = "Photosynthesis converts light energy into chemical energy. Chlorophyll absorbs light.";
let counter = 0;
const newKey = () => `key-${Date.now()}-${counter++}`;

function generate(json: unknown, headers: Record<string, string | undefined>) {
  return callRoute(generateRoute, { method: "POST", path: "/api/generate", json, headers });
}

async function jobCount(): Promise<number> {
  const { rows } = await db.pool.query(`SELECT count(*)::int AS n FROM jobs`);
  return rows[0].n;
}

describe("Idempotency-Key", () => {
  it("answers a repeated request with the first answer: same status, body and job, one job made", async () => {
    const key = newKey();
    const before = await jobCount();
    const first = await generate({ text: material, blooms: { remember: 1 } }, { ...bearer(alice.token), "idempotency-key": key });
    const second = await generate({ blooms: { remember: 1 }, text: material }, { ...bearer(alice.token), "idempotency-key": key });
    expect(first.status).toBe(202);
    expect(second.status).toBe(202);
    expect(second.body).toEqual(first.body);
    expect(second.headers.get("idempotent-replayed")).toBe("true");
    expect(first.headers.get("idempotent-replayed")).toBeNull();
    expect(second.headers.get("ratelimit-limit")).toBe(first.headers.get("ratelimit-limit"));
    expect(await jobCount()).toBe(before + 1);
  });

  it("makes one job of two concurrent identical requests, and both get its id", async () => {
    const key = newKey();
    const before = await jobCount();
    const headers = { ...bearer(alice.token), "idempotency-key": key };
    const answers = await Promise.all(Array.from({ length: 5 }, () => generate({ text: material, seed: 7 }, headers)));
    expect(answers.map((answer) => answer.status)).toEqual([202, 202, 202, 202, 202]);
    expect(new Set(answers.map((answer) => answer.body.job_id)).size).toBe(1);
    expect(answers.filter((answer) => answer.headers.get("idempotent-replayed") === "true")).toHaveLength(4);
    expect(await jobCount()).toBe(before + 1);
  });

  it("refuses the same key with a different body: 422", async () => {
    const key = newKey();
    const headers = { ...bearer(alice.token), "idempotency-key": key };
    expect((await generate({ text: material }, headers)).status).toBe(202);
    const other = await generate({ text: `${material} Plants need water.` }, headers);
    expect(other.status).toBe(422);
    expect(other.body.detail).toBe("This Idempotency-Key was already used with a different request; use a new key for a new request");
  });

  it("keeps keys apart per caller: another user's or another address's same key is a new request", async () => {
    const key = newKey();
    const mine = await generate({ text: material }, { ...bearer(alice.token), "idempotency-key": key });
    const theirs = await generate({ text: material }, { ...bearer(bob.token), "idempotency-key": key });
    expect(theirs.status).toBe(202);
    expect(theirs.body.job_id).not.toBe(mine.body.job_id);
    const fromA = await generate({ text: material }, { "x-forwarded-for": "198.51.100.1", "idempotency-key": key });
    const fromAAgain = await generate({ text: material }, { "x-forwarded-for": "198.51.100.1", "idempotency-key": key });
    const fromB = await generate({ text: material }, { "x-forwarded-for": "198.51.100.2", "idempotency-key": key });
    expect(fromAAgain.body.job_id).toBe(fromA.body.job_id);
    expect(fromB.body.job_id).not.toBe(fromA.body.job_id);
    expect(new Set([mine.body.job_id, fromA.body.job_id])).toHaveProperty("size", 2);
  });

  it("does not keep a failure, so the corrected retry with the same key does the work", async () => {
    const key = newKey();
    const headers = { ...bearer(alice.token), "idempotency-key": key };
    const bad = await generate({ text: material, blooms: "3 memorise" }, headers);
    expect(bad.status).toBe(400);
    const again = await generate({ text: material, blooms: "3 memorise" }, headers);
    expect(again.headers.get("idempotent-replayed")).toBeNull();
    // A different body after a failure is a new attempt, not a mismatch: nothing was kept.
    const fixed = await generate({ text: material, blooms: "3 remember" }, headers);
    expect(fixed.status).toBe(202);
  });

  it("expires after its lifetime: an old key is a new request", async () => {
    const key = newKey();
    const headers = { ...bearer(alice.token), "idempotency-key": key };
    const first = await generate({ text: material }, headers);
    await db.pool.query(`UPDATE idempotency_keys SET expires_at = now() - interval '1 second' WHERE key = $1`, [key]);
    const later = await generate({ text: material }, headers);
    expect(later.status).toBe(202);
    expect(later.body.job_id).not.toBe(first.body.job_id);
    expect(later.headers.get("idempotent-replayed")).toBeNull();
  });

  it("waits for a request still in progress, and answers 409 only if it never finishes", async () => {
    const key = newKey();
    const headers = { ...bearer(alice.token), "idempotency-key": key };
    const first = await generate({ text: material, seed: 3 }, headers);
    // As if the first request were still running: its answer not kept yet.
    const inProgress = () => db.pool.query(`UPDATE idempotency_keys SET response_status = NULL, locked_at = now() WHERE key = $1`, [key]);
    await inProgress();
    setTimeout(() => void db.pool.query(`UPDATE idempotency_keys SET response_status = 202 WHERE key = $1`, [key]), 300);
    const waited = await generate({ text: material, seed: 3 }, headers);
    expect(waited.status).toBe(202);
    expect(waited.body).toEqual(first.body);

    await inProgress();
    const gaveUp = await generate({ text: material, seed: 3 }, headers);
    expect(gaveUp.status).toBe(409);
    expect(gaveUp.body.detail).toBe("A request with this Idempotency-Key is still being processed; retry in a moment");
  });

  it("checks the key itself", async () => {
    const tooLong = await generate({ text: material }, { "idempotency-key": "x".repeat(256) });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.error.issues).toEqual([{ path: "Idempotency-Key", message: expect.stringMatching(/1 to 255 visible ASCII/) }]);
    const withSpace = await generate({ text: material }, { "idempotency-key": "two words" });
    expect(withSpace.status).toBe(400);
  });

  it("matches a re-sent multipart upload by its fields and file, not its boundary", async () => {
    const key = newKey();
    const upload = () => {
      const form = new FormData();
      form.set("file", new File(["1. What is 2 + 2?\nA) 3\nB) 4\nC) 5\nD) 6\nANSWER: B\n"], "quiz.txt", { type: "text/plain" }));
      form.set("title", "Arithmetic");
      return callRoute(importRoute, { method: "POST", path: "/api/assessments/import", body: form, headers: { ...bearer(alice.token), "idempotency-key": key } });
    };
    const first = await upload();
    expect(first.status).toBe(201);
    const second = await upload();
    expect(second.status).toBe(201);
    expect(second.body).toEqual(first.body);
    expect(second.headers.get("idempotent-replayed")).toBe("true");
  });
});
