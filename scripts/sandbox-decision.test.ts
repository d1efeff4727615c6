import { describe, expect, it } from "vitest";
import { decideIdentitySandbox, decideSandbox } from "./sandbox-decision";

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

describe("sign-in sandbox decision", () => {
  const logto = {
    LOGTO_ENDPOINT: "https://tenant.logto.app",
    LOGTO_APP_ID: "app",
    LOGTO_APP_SECRET: "secret",
  };

  it("starts the identity provider for npm run dev when no Logto setting is present", () => {
    expect(decideIdentitySandbox("dev", {})).toMatchObject({ kind: "sandbox" });
    expect(decideIdentitySandbox("dev", { LOGTO_ENDPOINT: " ", LOGTO_APP_ID: "" })).toMatchObject({
      kind: "sandbox",
    });
  });

  it("starts no provider when Logto settings are present, in any mode, even with SANDBOX=1", () => {
    expect(decideIdentitySandbox("dev", logto)).toEqual({ kind: "real" });
    expect(decideIdentitySandbox("start", { ...logto, SANDBOX: "1" })).toEqual({ kind: "real" });
    // One setting is enough to mean a real tenant; the app names the missing ones.
    expect(decideIdentitySandbox("dev", { LOGTO_APP_ID: "app" })).toEqual({ kind: "real" });
  });

  it("uses the provider for npm start only with SANDBOX=1, and otherwise says what to set", () => {
    expect(decideIdentitySandbox("start", { SANDBOX: "1" })).toMatchObject({ kind: "sandbox" });
    const plain = decideIdentitySandbox("start", { GITHUB_TOKEN: "github_pat_x" });
    expect(plain.kind).toBe("unconfigured");
    expect(plain.kind === "unconfigured" && plain.message).toMatch(/LOGTO_ENDPOINT.*SANDBOX=1/);
  });
});
