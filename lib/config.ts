import "server-only";
import { parseConfig, ConfigError, type Config } from "./env-schema";

export { ConfigError, type Config };
export type { GithubConfig, LogtoSettings } from "./env-schema";

const cache = globalThis as unknown as { __repograntConfig?: Config };

/** The validated settings of this process (see lib/env-schema.ts). */
export function getConfig(): Config {
  cache.__repograntConfig ??= parseConfig(process.env);
  return cache.__repograntConfig;
}
