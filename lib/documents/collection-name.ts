import { randomBytes } from "node:crypto";

/** A fresh, unguessable collection name in EduMate's shape: whoever holds it may generate from it. */
export function createCollectionName(): string {
  return `edu_mate_${randomBytes(16).toString("hex")}`;
}
