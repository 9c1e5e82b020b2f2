import nodemailer, { type Transporter } from "nodemailer";
import type { Queryable } from "../db";
import { env } from "../env";
import { log } from "../log";

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
}

/** Outside production, or when BLOOMERY_DEV_MAILBOX=true, sent mail is kept for /dev/mailbox. */
export function isDevMailboxEnabled(): boolean {
  return env.NODE_ENV !== "production" || env.BLOOMERY_DEV_MAILBOX;
}

const globalForMail = globalThis as unknown as { __bloomeryTransport?: Transporter };

function getTransport(smtpUrl: string): Transporter {
  globalForMail.__bloomeryTransport ??= nodemailer.createTransport(smtpUrl);
  return globalForMail.__bloomeryTransport;
}

/**
 * Delivers a mail by SMTP when SMTP_URL is set; otherwise writes it to the server log so an
 * operator without a mail server can still pass a reset link on. With the dev mailbox on it is also
 * kept in the database, where /dev/mailbox shows it.
 */
export async function sendMail(db: Queryable, mail: OutgoingMail): Promise<void> {
  if (isDevMailboxEnabled()) {
    await db.query(`INSERT INTO dev_mailbox ("to", subject, text) VALUES ($1, $2, $3)`, [mail.to, mail.subject, mail.text]);
  }
  if (env.SMTP_URL) {
    await getTransport(env.SMTP_URL).sendMail({ from: env.MAIL_FROM, to: mail.to, subject: mail.subject, text: mail.text });
    log.info("mail sent", { to: mail.to, subject: mail.subject });
    return;
  }
  log.info("mail not sent: SMTP_URL is not set, so here it is", { to: mail.to, subject: mail.subject, text: mail.text });
}
