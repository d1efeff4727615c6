import { expect, it } from "vitest";
import { parseConfig } from "../env-schema";
import { describeConfiguration } from "./configuration-health";

it("says which settings are missing and what that means, without showing a secret", () => {
  const bare = describeConfiguration(parseConfig({}));
  const byLabel = Object.fromEntries(bare.map((item) => [item.label, item]));
  expect(byLabel["GitHub access"]).toMatchObject({ tone: "problem" });
  expect(byLabel["Order webhook"]!.sentence).toContain("every order delivery is refused");

  const secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
  const set = describeConfiguration(
    parseConfig({ GITHUB_TOKEN: "github_pat_x", ORDER_WEBHOOK_SECRET: secret, SANDBOX: "1" }),
  );
  expect(set.find((i) => i.label === "GitHub access")).toMatchObject({ tone: "ok" });
  expect(set.find((i) => i.label === "Sandbox")!.sentence).toMatch(/Sandbox mode is on/);
  expect(JSON.stringify(set)).not.toContain(secret);
  expect(JSON.stringify(set)).not.toContain("github_pat_x");
});
