import { z } from "zod";
import type { PrismaClient } from "../generated/prisma/client";
import { AppError } from "../errors";
import { generateApiKey } from "./api-key-format";
import { toApiKeySummary, type ApiKeySummary } from "./api-key-summary";

export const MAX_ACTIVE_API_KEYS = 25;

export const createApiKeyRequestSchema = z.object({
  name: z
    .string({ error: "name is required: a label such as \"Grading script\"" })
    .trim()
    .min(1, "name is empty")
    .max(100, "name is longer than 100 characters"),
});
export type CreateApiKeyRequest = z.output<typeof createApiKeyRequestSchema>;

/** Creates a key and returns it in full, the only time it is ever shown. */
export async function createApiKey(
  prisma: PrismaClient,
  userId: number,
  request: CreateApiKeyRequest,
): Promise<ApiKeySummary & { key: string }> {
  const active = await prisma.apiKey.count({ where: { userId, revokedAt: null } });
  if (active >= MAX_ACTIVE_API_KEYS) {
    throw new AppError("conflict", `You already have ${MAX_ACTIVE_API_KEYS} API keys; revoke one before creating another`);
  }
  const { key, prefix, keyHash } = generateApiKey();
  const row = await prisma.apiKey.create({ data: { userId, name: request.name, prefix, keyHash } });
  return { ...toApiKeySummary(row), key };
}
