import { queryOptions } from "@tanstack/react-query";
import { fetchJson } from "./fetch-json";

export interface SessionUser {
  id: number;
  name: string;
  email: string;
}

export function sessionQuery() {
  return queryOptions({
    queryKey: ["session"],
    queryFn: () => fetchJson<{ user: SessionUser | null }>("/api/auth/session").then((body) => body.user),
    staleTime: 60_000,
  });
}

export function signIn(input: { email: string; password: string }) {
  return fetchJson<{ user: SessionUser }>("/api/auth/session", { method: "POST", body: input });
}

export function signOut() {
  return fetchJson<void>("/api/auth/session", { method: "DELETE" });
}

export function signUp(input: { name: string; email: string; password: string }) {
  return fetchJson<SessionUser>("/api/signup", { method: "POST", body: input });
}

export function requestPasswordReset(email: string) {
  return fetchJson<{ message: string }>("/api/forgot-password", { method: "POST", body: { email } });
}

export function resetPassword(input: { token: string; new_password: string }) {
  return fetchJson<{ message: string }>("/api/reset-password", { method: "POST", body: input });
}
