import type { PrismaClient } from "../generated/prisma/client";
import { toApiKeySummary, type ApiKeySummary } from "./api-key-summary";

/** The user's unrevoked keys, newest first. */
export async function listApiKeys(prisma: PrismaClient, userId: number): Promise<ApiKeySummary[]> {
  const rows = await prisma.apiKey.findMany({ where: { userId, revokedAt: null }, orderBy: { createdAt: "desc" } });
  return rows.map(toApiKeySummary);
}
