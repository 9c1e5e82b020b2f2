import { readdirSync } from "node:fs";
import path from "node:path";
import type { HttpMethod } from "./define-operation";

export const HTTP_METHODS: HttpMethod[] = ["GET", "POST", "PUT", "PATCH", "DELETE"];

export interface RouteFile {
  /** Absolute path of the route.ts file. */
  file: string;
  /** The URL path in OpenAPI form: route groups dropped, `[id]` → `{id}`. */
  path: string;
  isCatchAll: boolean;
}

/** Every app/**\/route.ts, with the URL path Next.js serves it at. */
export function findRouteFiles(appDir = path.join(process.cwd(), "app")): RouteFile[] {
  const found: RouteFile[] = [];
  const walk = (dir: string, segments: string[]) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(path.join(dir, entry.name), [...segments, entry.name]);
      else if (entry.name === "route.ts") {
        const urlSegments = segments.filter((segment) => !/^\(.*\)$/.test(segment));
        found.push({
          file: path.join(dir, entry.name),
          path: `/${urlSegments.map((segment) => segment.replace(/^\[(?:\.\.\.)?(.+)\]$/, "{$1}")).join("/")}`,
          isCatchAll: urlSegments.some((segment) => segment.startsWith("[...")),
        });
      }
    }
  };
  walk(appDir, []);
  return found.sort((a, b) => a.path.localeCompare(b.path));
}

/** The HTTP methods a route module exports a handler for. */
export function exportedMethods(module: Record<string, unknown>): HttpMethod[] {
  return HTTP_METHODS.filter((method) => typeof module[method] === "function");
}
