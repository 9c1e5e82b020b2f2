import type { Queryable } from "../db";

export interface MailboxMessage {
  id: string;
  to: string;
  subject: string;
  text: string;
  createdAt: Date;
}

/** The newest mail kept by the development mailbox. */
export async function listMailbox(db: Queryable, limit = 50): Promise<MailboxMessage[]> {
  const { rows } = await db.query<MailboxMessage>(
    `SELECT id, "to", subject, text, created_at AS "createdAt" FROM dev_mailbox ORDER BY created_at DESC LIMIT $1`,
    [limit],
  );
  return rows;
}
