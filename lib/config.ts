import "server-only";
import { parseConfig, ConfigError, type Config, type Env } from "./env-schema";

export { ConfigError, type Config };

const cache = globalThis as unknown as { __repograntConfig?: Config };

export function getConfig(): Config {
  cache.__repograntConfig ??= parseConfig(process.env);
  return cache.__repograntConfig;
}

type SettingName = {
  [K in keyof Env]: Env[K] extends string | undefined ? K : never;
}[keyof Env] &
  keyof Env;

/** Reads a setting a feature cannot work without, failing with the variable's name. */
export function requireSetting(name: SettingName, feature: string): string {
  const value = getConfig().raw[name];
  if (typeof value !== "string" || value === "") {
    throw new ConfigError(`${name} is not set: ${feature} needs it (see .env.example).`);
  }
  return value;
}
