import { describe, expect, it } from "vitest";
import { decideSandbox } from "./sandbox-decision";

describe("sandbox decision", () => {
  it("runs npm run dev against the stand-ins when no GitHub credentials are set", () => {
    expect(decideSandbox("dev", {})).toMatchObject({ kind: "sandbox" });
    expect(decideSandbox("dev", { GITHUB_TOKEN: "github_pat_x" })).toEqual({ kind: "real" });
  });

  it("refuses npm start without credentials unless SANDBOX=1, naming the variables", () => {
    const refused = decideSandbox("start", {});
    expect(refused.kind).toBe("refuse");
    expect(refused.kind === "refuse" && refused.message).toMatch(/GITHUB_TOKEN.*SANDBOX=1/);
    expect(decideSandbox("start", { SANDBOX: "1" })).toMatchObject({ kind: "sandbox" });
    expect(decideSandbox("start", { GITHUB_TOKEN: "github_pat_x" })).toEqual({ kind: "real" });
  });

  it("keeps SANDBOX=1 in the sandbox even when real credentials are present", () => {
    expect(decideSandbox("start", { SANDBOX: "1", GITHUB_TOKEN: "github_pat_x" })).toMatchObject({
      kind: "sandbox",
    });
  });
});
