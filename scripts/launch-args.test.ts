import { describe, expect, it } from "vitest";
import { parseLaunchArgs } from "./launch-args";

describe("launch arguments", () => {
  it("serves on PORT, or 3000 when it is unset", () => {
    expect(parseLaunchArgs(["dev"], undefined).port).toBe(3000);
    expect(parseLaunchArgs(["start"], "4100").port).toBe(4100);
  });

  it("lets -p / --port after -- override PORT and passes other flags to next", () => {
    expect(parseLaunchArgs(["dev", "-p", "4200", "--turbopack"], "4100")).toEqual({
      mode: "dev",
      port: 4200,
      rest: ["--turbopack"],
    });
    expect(parseLaunchArgs(["start", "--port=4300"], undefined).port).toBe(4300);
  });

  it("refuses a port that is not a number in range, naming it", () => {
    expect(() => parseLaunchArgs(["dev", "-p", "http"], undefined)).toThrow('invalid port "http"');
    expect(() => parseLaunchArgs(["start"], "70000")).toThrow('invalid port "70000"');
  });
});
