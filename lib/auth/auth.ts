import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { bearer } from "better-auth/plugins/bearer";
import { connectDatabase, type Database } from "../db";
import { env } from "../env";
import { describeError, log } from "../log";
import { sendMail } from "../mail/send-mail";
import { getAuthSecret } from "./auth-secret";
import { buildResetLink, resetLinkContext } from "./reset-link";

export const SESSION_COOKIE_NAME = "bloomery.session_token";
export const RESET_TOKEN_TTL_SECONDS = 15 * 60;
/** better-auth records a session's address from this header; we set it to the address we trust. */
export const CLIENT_IP_HEADER = "x-bloomery-client-ip";

function createAuth(database: Database, secret: string) {
  return betterAuth({
    appName: "Bloomery",
    secret,
    // Used only to build URLs we do not send (we build reset links ourselves, see reset-link.ts).
    baseURL: env.APP_BASE_URL ?? "http://localhost:3000",
    // Prisma 7's generated client exposes the same model delegates and $transaction the adapter
    // uses, and the adapter checks its fields against the client's data model at start.
    database: prismaAdapter(database.prisma, { provider: "postgresql", transaction: true }),
    emailAndPassword: {
      enabled: true,
      minPasswordLength: 8,
      maxPasswordLength: 128,
      // Kept on although POST /api/signup opens no session (sign-up-user.ts ends it): with it off,
      // better-auth hides a duplicate email behind a made-up user, and EduMate's clients expect a 400.
      autoSignIn: true,
      resetPasswordTokenExpiresIn: RESET_TOKEN_TTL_SECONDS,
      revokeSessionsOnPasswordReset: true,
      async sendResetPassword({ user, token }) {
        const baseUrl = resetLinkContext.getStore()?.baseUrl ?? env.APP_BASE_URL ?? "http://localhost:3000";
        // Not awaited: a known address must take no longer to answer than an unknown one.
        void sendMail(database.pool, {
          to: user.email,
          subject: "Reset your Bloomery password",
          text: [
            `Hello ${user.name},`,
            "",
            "Someone asked to reset the password of your Bloomery account. Open this link within 15 minutes to choose a new one:",
            "",
            buildResetLink(baseUrl, token),
            "",
            "The link works once. If you did not ask for it, ignore this mail: your password stays as it is.",
          ].join("\n"),
        }).catch((error) => log.error("could not deliver a password-reset mail", { to: user.email, ...describeError(error) }));
      },
    },
    session: { expiresIn: 7 * 24 * 60 * 60, updateAge: 24 * 60 * 60 },
    // Reset tokens are stored hashed, so a read of the table cannot be replayed as a reset.
    verification: { storeIdentifier: "hashed" },
    // Our own limiter (lib/rate-limit) counts in Postgres so every instance shares the budget.
    rateLimit: { enabled: false },
    telemetry: { enabled: false },
    advanced: {
      database: { generateId: "serial" },
      cookiePrefix: "bloomery",
      // One cookie name whatever the scheme; Secure is added per request (session-cookie.ts).
      useSecureCookies: false,
      ipAddress: { ipAddressHeaders: [CLIENT_IP_HEADER] },
    },
    logger: {
      log(level, message, ...args) {
        log[level === "debug" ? "debug" : level](`better-auth: ${message}`, args.length ? { details: args.map(String) } : undefined);
      },
    },
    plugins: [bearer()],
  });
}

export type Auth = ReturnType<typeof createAuth>;

// One instance per database (tests point the process at a fresh one per file).
const globalForAuth = globalThis as unknown as { __bloomeryAuth?: WeakMap<Database, Promise<Auth>> };

/** The better-auth instance for this process's database, built once after the secret is known. */
export async function getAuth(): Promise<Auth> {
  const database = await connectDatabase();
  globalForAuth.__bloomeryAuth ??= new WeakMap();
  let auth = globalForAuth.__bloomeryAuth.get(database);
  if (!auth) {
    auth = getAuthSecret(database.pool).then((secret) => createAuth(database, secret));
    globalForAuth.__bloomeryAuth.set(database, auth);
  }
  return auth;
}
