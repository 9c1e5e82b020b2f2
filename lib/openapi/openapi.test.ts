import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, it } from "vitest";
import { buildOpenApiDocument, exampleKeyOf, operationIdOf } from "./build-document";
import { API_OPERATIONS } from "./registry";
import { exportedMethods, findRouteFiles } from "./route-files";

const document = buildOpenApiDocument({ serverUrl: "http://localhost:3000" });

describe("the OpenAPI document", () => {
  it("is valid OpenAPI 3.1", async () => {
    const validator = new Validator();
    const result = await validator.validate(structuredClone(document) as unknown as Record<string, unknown>);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe("3.1");
  });

  it("has no $ref that leads nowhere", () => {
    const broken: string[] = [];
    const walk = (value: unknown) => {
      if (Array.isArray(value)) value.forEach(walk);
      else if (value && typeof value === "object") {
        for (const [key, item] of Object.entries(value)) {
          if (key === "$ref" && typeof item === "string") {
            const target = item
              .replace(/^#\//, "")
              .split("/")
              .reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part.replace(/~1/g, "/").replace(/~0/g, "~")], document);
            if (target === undefined) broken.push(item);
          } else walk(item);
        }
      }
    };
    walk(document);
    expect(broken).toEqual([]);
  });

  it("describes every route file's methods, and nothing that is not a route", async () => {
    const served = new Set<string>();
    for (const route of findRouteFiles()) {
      // The catch-all only turns unknown /api paths into a JSON 404; the guide says so under Errors.
      if (route.isCatchAll) continue;
      const module = (await import(/* @vite-ignore */ route.file)) as Record<string, unknown>;
      for (const method of exportedMethods(module)) served.add(`${method} ${route.path}`);
    }
    const documented = new Set(API_OPERATIONS.map((operation) => `${operation.method} ${operation.path}`));
    expect([...served].filter((route) => !documented.has(route)), "routes the document does not describe").toEqual([]);
    expect([...documented].filter((route) => !served.has(route)), "documented routes that do not exist").toEqual([]);
    expect(documented.size, "an operation documented twice").toBe(API_OPERATIONS.length);
  });

  it("gives every response at least one example, each valid against its schema", () => {
    const problems: string[] = [];
    for (const operation of API_OPERATIONS) {
      const name = `${operation.method} ${operation.path}`;
      for (const [status, response] of Object.entries(operation.responses)) {
        if (response.examples.length === 0) problems.push(`${name} ${status}: no example`);
        const keys = response.examples.map(exampleKeyOf);
        if (new Set(keys).size !== keys.length) problems.push(`${name} ${status}: two examples with one summary`);
        for (const example of response.examples) {
          if (!response.schema) {
            if (example.body !== undefined && !response.mediaType) problems.push(`${name} ${status} "${example.summary}": a body without a schema`);
            continue;
          }
          const parsed = response.schema.safeParse(example.body);
          if (!parsed.success) problems.push(`${name} ${status} "${example.summary}": ${parsed.error.message}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it("documents the shared behaviours where they apply", () => {
    const problems: string[] = [];
    for (const operation of API_OPERATIONS) {
      const name = `${operation.method} ${operation.path}`;
      if (operation.isIdempotent && (!operation.responses[409] || !operation.responses[422])) problems.push(`${name}: idempotent without 409 and 422`);
      if (operation.isIdempotent && operation.method !== "POST") problems.push(`${name}: Idempotency-Key is for POSTs`);
      if (operation.rateLimits?.length && !operation.responses[429]) problems.push(`${name}: rate-limited without a 429`);
      if ((operation.auth === "user" || operation.auth === "key-manager") && !operation.responses[401]) {
        // A route needing a user answers 401 without one; documenting it is part of "every error".
        if (!["DELETE", "PATCH"].includes(operation.method) && !operation.path.includes("{")) problems.push(`${name}: needs a user but documents no 401`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("marks EduMate's routes and names each operation once", () => {
    const edumate = API_OPERATIONS.filter((operation) => operation.isEdumateCompatible).map((operation) => `${operation.method} ${operation.path}`);
    expect(edumate.sort()).toEqual(
      [
        "POST /api/signup",
        "POST /api/login",
        "GET /api/me",
        "POST /api/forgot-password",
        "POST /api/reset-password",
        "POST /chunking",
        "GET /chunking/status",
        "POST /chat",
        "GET /job_status",
        "POST /api/assessments/save",
        "GET /api/assessments/history",
        "GET /api/assessments/{id}",
      ].sort(),
    );
    expect(document.paths["/job_status"].get).toMatchObject({ "x-edumate-compatible": true, tags: ["Jobs", "EduMate-compatible"] });
    const ids = API_OPERATIONS.map(operationIdOf);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("explains authentication, errors, Bloom requirements, the job lifecycle, webhooks and idempotency", () => {
    const guide = document.info.description;
    for (const heading of ["## Authentication", "## Errors", "## Bloom requirements", "## Job lifecycle", "## Webhooks", "## Idempotency", "## Rate limits", "## EduMate compatibility"]) {
      expect(guide).toContain(heading);
    }
    expect(guide).toContain("600 seconds");
    expect(guide).toContain("kept for 1 day");
    expect(guide).toContain("5 remember, 3 understand, 4 apply, 3 analyze, 2 evaluate, 3 create");
  });
});
