import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // PGlite loads its WASM and data files by path; bundled by Turbopack it fails
  // on the first open of a new data directory.
  serverExternalPackages: ["@electric-sql/pglite"],
  poweredByHeader: false,
  // forbidden(): a signed-in buyer who opens the dashboard gets a real 403 page.
  experimental: { authInterrupts: true },
};

export default nextConfig;
