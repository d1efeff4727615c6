import { describe, expect, it } from "vitest";
import { isSameOriginPost } from "./same-origin";

const appUrl = "https://store.example.com";

describe("a POST from our own pages", () => {
  it("is accepted when Origin is the store's public origin", () => {
    expect(isSameOriginPost(new Headers({ origin: "https://store.example.com" }), appUrl)).toBe(
      true,
    );
  });

  it("is refused from another site, another scheme or another port", () => {
    for (const origin of [
      "https://evil.example",
      "http://store.example.com",
      "https://store.example.com:8443",
      "null",
    ]) {
      expect(isSameOriginPost(new Headers({ origin }), appUrl)).toBe(false);
    }
  });

  it("falls back to Sec-Fetch-Site only when the browser sent no Origin", () => {
    expect(isSameOriginPost(new Headers({ "sec-fetch-site": "same-origin" }), appUrl)).toBe(true);
    expect(isSameOriginPost(new Headers({ "sec-fetch-site": "cross-site" }), appUrl)).toBe(false);
    expect(isSameOriginPost(new Headers(), appUrl)).toBe(false);
  });
});
