import { z } from "zod";
import type { PrismaClient } from "../generated/prisma/client";
import { AppError } from "../errors";

const apiKeyIdSchema = z.uuid();

/**
 * Revokes one of the user's keys; it is refused from the next request on, since every request
 * looks the key up. Someone else's key, or an unknown one, is the same 404.
 */
export async function revokeApiKey(prisma: PrismaClient, userId: number, id: string): Promise<void> {
  const notFound = new AppError("not_found", "API key not found");
  if (!apiKeyIdSchema.safeParse(id).success) throw notFound;
  const { count } = await prisma.apiKey.updateMany({ where: { id, userId, revokedAt: null }, data: { revokedAt: new Date() } });
  if (count === 0) throw notFound;
}
