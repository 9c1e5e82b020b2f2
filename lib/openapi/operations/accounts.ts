import { FORGOT_PASSWORD_MESSAGE } from "../../auth/request-password-reset";
import { RESET_PASSWORD_MESSAGE } from "../../auth/reset-password";
import { forgotPasswordRequestSchema, loginFormSchema, resetPasswordRequestSchema, signInRequestSchema, signUpRequestSchema } from "../../auth/schemas";
import { RATE_LIMITS } from "../../rate-limit/rules";
import { defineOperation, type OperationDoc } from "../define-operation";
import { errorBody, errorResponse, fieldError, rateLimited, unauthorized } from "../common-responses";
import { bearerHeader, EXAMPLE } from "../example-values";
import { loginTokenSchema, messageSchema, sessionSchema, userSchema } from "../response-schemas";

const RATE_LIMIT_HEADERS = ["RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset"] as const;
const ada = { id: EXAMPLE.userId, name: EXAMPLE.name, email: EXAMPLE.email };
const grace = { name: "Grace Hopper", email: "grace@example.org", password: "a-long-enough-password" };

export const accountOperations: OperationDoc[] = [
  defineOperation({
    method: "POST",
    path: "/api/signup",
    summary: "Create an account (EduMate)",
    description: "Does not sign in: log in afterwards. Emails are compared without regard to case.",
    tag: "Accounts",
    auth: "none",
    isEdumateCompatible: true,
    body: { schema: signUpRequestSchema },
    rateLimits: [RATE_LIMITS.signupPerIp],
    responses: {
      200: {
        description: "The new account.",
        schema: userSchema,
        headers: [...RATE_LIMIT_HEADERS],
        examples: [{ summary: "Created", request: { json: grace }, body: { id: EXAMPLE.userId, name: grace.name, email: grace.email }, varies: ["id"] }],
      },
      400: errorResponse("The email is taken.", [
        { summary: "Email taken", request: { json: { name: "Ada", email: EXAMPLE.email, password: "another-password" } }, body: errorBody("bad_request", "Email already registered") },
      ]),
      422: errorResponse("A field is missing or invalid (FastAPI's status).", [
        {
          summary: "A short password",
          request: { json: { name: "Alan", email: "alan@example.org", password: "short" } },
          body: fieldError("unprocessable", "password", "password must be at least 8 characters"),
        },
      ]),
      429: rateLimited({ json: { name: "Alan", email: "alan@example.org", password: "long-enough-password" } }, "Too many sign-ups from this address. Try again in 60 minutes."),
    },
  }),
  defineOperation({
    method: "POST",
    path: "/api/login",
    summary: "Get a login token (EduMate)",
    description: "OAuth2's password form, where `username` is the email. The token works as `Authorization: Bearer <token>` until it expires or you sign out.",
    tag: "Accounts",
    auth: "none",
    isEdumateCompatible: true,
    body: { schema: loginFormSchema, mediaType: "application/x-www-form-urlencoded" },
    rateLimits: [RATE_LIMITS.loginPerIp],
    responses: {
      200: {
        description: "A login token.",
        schema: loginTokenSchema,
        headers: [...RATE_LIMIT_HEADERS],
        examples: [
          {
            summary: "Signed in",
            request: { form: { username: EXAMPLE.email, password: EXAMPLE.password } },
            body: { access_token: EXAMPLE.loginToken, token_type: "bearer" },
            varies: ["access_token"],
          },
        ],
      },
      400: errorResponse("Wrong email or password.", [
        { summary: "Wrong password", request: { form: { username: EXAMPLE.email, password: "not-my-password" } }, body: errorBody("bad_request", "Incorrect email or password") },
      ]),
      422: errorResponse("A form field is missing (FastAPI's status).", [
        { summary: "No password", request: { form: { username: EXAMPLE.email } }, body: fieldError("unprocessable", "password", "password is required") },
      ]),
      429: rateLimited({ form: { username: EXAMPLE.email, password: EXAMPLE.password } }, "Too many sign-in attempts from this address. Try again in 15 minutes."),
    },
  }),
  defineOperation({
    method: "GET",
    path: "/api/me",
    summary: "Who you are (EduMate)",
    tag: "Accounts",
    auth: "user",
    isEdumateCompatible: true,
    responses: {
      200: { description: "You.", schema: userSchema, examples: [{ summary: "With a login token", request: { headers: bearerHeader(EXAMPLE.loginToken) }, body: ada }] },
      401: unauthorized(),
    },
  }),
  defineOperation({
    method: "POST",
    path: "/api/forgot-password",
    summary: "Mail a password-reset link (EduMate)",
    description: "The answer is the same whether or not the account exists, so it cannot be used to find out who has one. The link holds a token for POST /api/reset-password.",
    tag: "Accounts",
    auth: "none",
    isEdumateCompatible: true,
    body: { schema: forgotPasswordRequestSchema },
    rateLimits: [RATE_LIMITS.forgotPerIp],
    responses: {
      200: {
        description: "Mailed, if the account exists.",
        schema: messageSchema,
        headers: [...RATE_LIMIT_HEADERS],
        examples: [{ summary: "Any address", request: { json: { email: "nobody@example.org" } }, body: { message: FORGOT_PASSWORD_MESSAGE } }],
      },
      422: errorResponse("Not an email address (FastAPI's status).", [
        { summary: "Not an email", request: { json: { email: "ada" } }, body: fieldError("unprocessable", "email", "email is not a valid email address") },
      ]),
      429: rateLimited({ json: { email: EXAMPLE.email } }, "Too many password-reset requests from this address. Try again in 60 minutes."),
    },
  }),
  defineOperation({
    method: "POST",
    path: "/api/reset-password",
    summary: "Set a new password with a reset token (EduMate)",
    description: "The token is single-use and ends every session of the account.",
    tag: "Accounts",
    auth: "none",
    isEdumateCompatible: true,
    body: { schema: resetPasswordRequestSchema },
    responses: {
      200: {
        description: "Done.",
        schema: messageSchema,
        examples: [{ summary: "Reset", request: { json: { token: EXAMPLE.resetToken, new_password: "a-brand-new-password" } }, body: { message: RESET_PASSWORD_MESSAGE } }],
      },
      400: errorResponse("The token is not valid or has expired.", [
        { summary: "Used or unknown token", request: { json: { token: "not-a-token", new_password: "a-brand-new-password" } }, body: errorBody("bad_request", "Invalid token") },
      ]),
      422: errorResponse("A field is missing or the password is too short (FastAPI's status).", [
        {
          summary: "A short password",
          request: { json: { token: EXAMPLE.resetToken, new_password: "short" } },
          body: fieldError("unprocessable", "new_password", "new_password must be at least 8 characters"),
        },
      ]),
    },
  }),
  defineOperation({
    method: "GET",
    path: "/api/auth/session",
    summary: "Who is signed in, if anyone",
    tag: "Accounts",
    auth: "optional",
    responses: {
      200: {
        description: "The user, or null.",
        schema: sessionSchema,
        examples: [
          { summary: "Signed in", request: { headers: bearerHeader(EXAMPLE.loginToken) }, body: { user: ada } },
          { summary: "Anonymous", request: {}, body: { user: null } },
        ],
      },
    },
  }),
  defineOperation({
    method: "POST",
    path: "/api/auth/session",
    summary: "Sign in the browser",
    description: "The pages' sign-in: sets the session cookie. Refused (403) when a browser says the request comes from another site. Programs use POST /api/login or an API key instead.",
    tag: "Accounts",
    auth: "none",
    body: { schema: signInRequestSchema },
    rateLimits: [RATE_LIMITS.loginPerIp],
    responses: {
      200: {
        description: "Signed in; the cookie is set.",
        schema: sessionSchema,
        headers: [...RATE_LIMIT_HEADERS, "Set-Cookie"],
        examples: [{ summary: "Signed in", request: { json: { email: EXAMPLE.email, password: EXAMPLE.password } }, body: { user: ada } }],
      },
      400: errorResponse("Wrong email or password.", [
        { summary: "Wrong password", request: { json: { email: EXAMPLE.email, password: "not-my-password" } }, body: errorBody("bad_request", "Incorrect email or password") },
      ]),
      403: errorResponse("A browser request from another site.", [
        {
          summary: "From another site",
          request: { headers: { Origin: "https://evil.example" }, json: { email: EXAMPLE.email, password: EXAMPLE.password } },
          body: errorBody("forbidden", "Cross-site request refused: this action must come from Bloomery's own pages"),
        },
      ]),
      429: rateLimited({ json: { email: EXAMPLE.email, password: EXAMPLE.password } }, "Too many sign-in attempts from this address. Try again in 15 minutes."),
    },
  }),
  defineOperation({
    method: "DELETE",
    path: "/api/auth/session",
    summary: "Sign out",
    description: "Ends this session – the cookie's, or the login token's when called with one – and clears the cookie. Without a session there is nothing to end, and it still answers 204.",
    tag: "Accounts",
    auth: "optional",
    responses: {
      204: {
        description: "Signed out.",
        headers: ["Set-Cookie"],
        examples: [
          { summary: "A login token", request: { headers: bearerHeader(EXAMPLE.spareLoginToken) } },
          { summary: "No session", request: {} },
        ],
      },
    },
  }),
];
