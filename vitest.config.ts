import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "server-only": fileURLToPath(new URL("./test/support/server-only.ts", import.meta.url)),
      "@/": fileURLToPath(new URL("./", import.meta.url)),
    },
  },
  test: {
    include: ["lib/**/*.test.ts", "sandbox/**/*.test.ts", "scripts/**/*.test.ts", "proxy.test.ts"],
    environment: "node",
    // @logto/next imports "next/navigation" without an extension, which Node's ESM loader
    // refuses; letting vite resolve it makes the app's action modules importable in tests.
    server: { deps: { inline: ["@logto/next"] } },
    // Timeouts only catch hangs: no test measures elapsed time (clocks are injected), and a busy
    // machine (a build beside the suite on two cores) can make the heaviest journeys — 51
    // invitations through the emulator on in-memory PGlite — take well over 30 s.
    testTimeout: 180_000,
    hookTimeout: 180_000,
  },
});
