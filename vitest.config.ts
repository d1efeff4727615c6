import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "server-only": fileURLToPath(new URL("./test/server-only.ts", import.meta.url)),
      "@/": fileURLToPath(new URL("./", import.meta.url)),
    },
  },
  test: {
    include: ["lib/**/*.test.ts", "sandbox/**/*.test.ts", "scripts/**/*.test.ts", "proxy.test.ts"],
    environment: "node",
    // @logto/next imports "next/navigation" without an extension, which Node's ESM loader
    // refuses; letting vite resolve it makes the app's action modules importable in tests.
    server: { deps: { inline: ["@logto/next"] } },
    // In-memory PGlite plus migrations takes seconds on two cores.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
