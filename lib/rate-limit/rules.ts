import { env } from "../env";
import type { RateLimitRule } from "./rate-limit";

/** Every limit of the app, read from the environment once so operators and tests can tune them. */
export const RATE_LIMITS = {
  loginPerIp: { name: "login-ip", limit: env.RATE_LIMIT_LOGIN_PER_IP, windowSeconds: env.RATE_LIMIT_LOGIN_WINDOW_SECONDS },
  /** Failed attempts only: a correct password clears it. */
  loginPerAccount: {
    name: "login-account",
    limit: env.RATE_LIMIT_LOGIN_PER_ACCOUNT,
    windowSeconds: env.RATE_LIMIT_LOGIN_WINDOW_SECONDS,
  },
  forgotPerIp: { name: "forgot-ip", limit: env.RATE_LIMIT_FORGOT_PER_IP, windowSeconds: env.RATE_LIMIT_FORGOT_WINDOW_SECONDS },
  forgotPerAccount: {
    name: "forgot-account",
    limit: env.RATE_LIMIT_FORGOT_PER_ACCOUNT,
    windowSeconds: env.RATE_LIMIT_FORGOT_WINDOW_SECONDS,
  },
  signupPerIp: { name: "signup-ip", limit: env.RATE_LIMIT_SIGNUP_PER_IP, windowSeconds: env.RATE_LIMIT_SIGNUP_WINDOW_SECONDS },
  generateAnonymous: {
    name: "generate-ip",
    limit: env.RATE_LIMIT_GENERATE_ANONYMOUS,
    windowSeconds: env.RATE_LIMIT_GENERATE_WINDOW_SECONDS,
  },
  generateSignedIn: {
    name: "generate-user",
    limit: env.RATE_LIMIT_GENERATE_SIGNED_IN,
    windowSeconds: env.RATE_LIMIT_GENERATE_WINDOW_SECONDS,
  },
  uploadAnonymous: { name: "upload-ip", limit: env.RATE_LIMIT_UPLOAD_ANONYMOUS, windowSeconds: env.RATE_LIMIT_UPLOAD_WINDOW_SECONDS },
  uploadSignedIn: { name: "upload-user", limit: env.RATE_LIMIT_UPLOAD_SIGNED_IN, windowSeconds: env.RATE_LIMIT_UPLOAD_WINDOW_SECONDS },
} satisfies Record<string, RateLimitRule>;
