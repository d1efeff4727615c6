/** A setting is missing or malformed; the message names the variable to fix. */
export class ConfigError extends Error {
  override name = "ConfigError";
}
