import { z } from "zod";
import { defineOperation, type OperationDoc } from "../define-operation";
import { healthSchema, unhealthySchema } from "../response-schemas";

export const healthOperations: OperationDoc[] = [
  defineOperation({
    method: "GET",
    path: "/api/health",
    summary: "Is the service up, database included",
    tag: "Health",
    auth: "none",
    responses: {
      200: { description: "Up.", schema: healthSchema, examples: [{ summary: "Up", request: {}, body: { status: "ok" } }] },
      503: {
        description: "The database is not answering.",
        schema: unhealthySchema,
        examples: [{ summary: "Database down", given: "database-unreachable", request: {}, body: { status: "unavailable", detail: "The database is not answering" } }],
      },
    },
  }),
  defineOperation({
    method: "GET",
    path: "/api/health/live",
    summary: "Does the process answer (no database round trip)",
    tag: "Health",
    auth: "none",
    responses: { 200: { description: "Alive.", schema: healthSchema, examples: [{ summary: "Alive", request: {}, body: { status: "ok" } }] } },
  }),
  defineOperation({
    method: "GET",
    path: "/api/openapi.json",
    summary: "This document",
    description: "The OpenAPI 3.1 description of every route, generated from the schemas the routes validate with. Read it as a page at /docs/api.",
    tag: "Reference",
    auth: "none",
    responses: {
      200: {
        description: "The OpenAPI document.",
        schema: z.object({ openapi: z.literal("3.1.0") }).loose(),
        examples: [
          {
            summary: "The document",
            request: {},
            body: { openapi: "3.1.0", info: { title: "Bloomery API" }, servers: [{ url: "http://localhost:3000" }], tags: [], paths: {}, components: {} },
            varies: ["info", "servers", "tags", "paths", "components"],
          },
        ],
      },
    },
  }),
];
