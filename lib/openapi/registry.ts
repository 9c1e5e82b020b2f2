import type { OperationDoc } from "./define-operation";
import { accountOperations } from "./operations/accounts";
import { apiKeyOperations } from "./operations/api-keys";
import { assessmentWorkspaceOperations } from "./operations/assessment-workspace";
import { assessmentOperations } from "./operations/assessments";
import { documentOperations } from "./operations/documents";
import { generationOperations } from "./operations/generation";
import { healthOperations } from "./operations/health";
import { questionOperations } from "./operations/questions";
import { quizOperations } from "./operations/quizzes";
import { webhookOperations } from "./operations/webhooks";

/*
 * Every route of the API, as the OpenAPI document (/api/openapi.json) and /docs/api describe it.
 *
 * Adding a route? Add ONE entry, `defineOperation({ method, path, summary, tag, auth, body/query:
 * <the zod schema your handler validates with>, responses: { <status>: { description, schema,
 * examples: [{ summary, request, body }] } } })`, to the list of its resource in
 * lib/openapi/operations/<resource>.ts (a new resource: one more `...xOperations` line below).
 * lib/openapi/openapi.test.ts fails until every app/**\/route.ts method is here and nothing else is;
 * lib/openapi/examples.test.ts sends every example to the live route and compares the answer.
 */
export const API_OPERATIONS: OperationDoc[] = [
  ...generationOperations,
  ...documentOperations,
  ...assessmentOperations,
  ...questionOperations,
  ...assessmentWorkspaceOperations,
  ...accountOperations,
  ...apiKeyOperations,
  ...webhookOperations,
  ...healthOperations,
  ...quizOperations,
];
