import { z } from "zod";

export const MIN_PASSWORD_LENGTH = 8;
export const MAX_PASSWORD_LENGTH = 128;

const email = (field: string) =>
  z
    .string({ error: `${field} is required` })
    .trim()
    .min(1, `${field} is empty`)
    .max(254, `${field} is longer than 254 characters`)
    .pipe(z.email({ error: `${field} is not a valid email address` }));

const newPassword = (field: string) =>
  z
    .string({ error: `${field} is required` })
    .min(MIN_PASSWORD_LENGTH, `${field} must be at least ${MIN_PASSWORD_LENGTH} characters`)
    .max(MAX_PASSWORD_LENGTH, `${field} must be at most ${MAX_PASSWORD_LENGTH} characters`);

/** POST /api/signup (EduMate's UserCreate), with the password rule EduMate only had in its form. */
export const signUpRequestSchema = z.object({
  name: z.string({ error: "name is required" }).trim().min(1, "name is empty").max(200, "name is longer than 200 characters"),
  email: email("email"),
  password: newPassword("password"),
});
export type SignUpRequest = z.output<typeof signUpRequestSchema>;

/** POST /api/login: OAuth2's password form, where `username` is the email. */
export const loginFormSchema = z.object({
  username: z.string({ error: "username is required (your email address)" }).min(1, "username is empty"),
  password: z.string({ error: "password is required" }).min(1, "password is empty"),
  grant_type: z.literal("password", { error: 'grant_type must be "password" when given' }).optional(),
  scope: z.string().optional(),
  client_id: z.string().optional(),
  client_secret: z.string().optional(),
});

/** POST /api/auth/session: the browser's sign-in. */
export const signInRequestSchema = z.object({
  email: z.string({ error: "email is required" }).trim().min(1, "email is empty"),
  password: z.string({ error: "password is required" }).min(1, "password is empty"),
});
export type SignInRequest = z.output<typeof signInRequestSchema>;

export const forgotPasswordRequestSchema = z.object({ email: email("email") });

export const resetPasswordRequestSchema = z.object({
  token: z.string({ error: "token is required" }).min(1, "token is empty").max(512, "token is not valid"),
  new_password: newPassword("new_password"),
});
export type ResetPasswordRequest = z.output<typeof resetPasswordRequestSchema>;
