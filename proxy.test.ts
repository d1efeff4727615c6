import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { proxy } from "./proxy";

const visit = (path: string, headers: Record<string, string> = {}) =>
  proxy(new NextRequest(`http://localhost:3000${path}`, { headers }));

describe("the proxy's sign-in redirects", () => {
  it("sends an anonymous visitor of the dashboard to the merchant sign-in, and back", () => {
    const answer = visit("/dashboard/orders?page=2");
    expect(answer.status).toBe(307);
    expect(answer.headers.get("location")).toBe(
      "http://localhost:3000/sign-in?returnTo=%2Fdashboard%2Forders%3Fpage%3D2",
    );
  });

  it("sends an anonymous visitor of their purchases to sign in with GitHub", () => {
    expect(visit("/purchases").headers.get("location")).toBe(
      "http://localhost:3000/sign-in?with=github&returnTo=%2Fpurchases",
    );
  });

  it("lets a visitor with a session cookie through to the page, which checks it itself", () => {
    const answer = visit("/dashboard", { cookie: "logto_app123=encrypted" });
    expect(answer.headers.get("location")).toBeNull();
    expect(answer.headers.get("x-middleware-next")).toBe("1");
  });

  it("gives nothing to a request carrying x-middleware-subrequest", () => {
    for (const forged of ["proxy", "middleware:middleware:middleware:middleware:middleware"]) {
      const answer = visit("/dashboard", { "x-middleware-subrequest": forged });
      expect(answer.status).toBe(307);
      expect(answer.headers.get("location")).toContain("/sign-in");
    }
  });
});

describe("the proxy's refusal of server actions from other sites", () => {
  const action = (path: string, origin: string | null) =>
    proxy(
      new NextRequest(`http://localhost:3000${path}`, {
        method: "POST",
        headers: {
          host: "localhost:3000",
          "next-action": "7f00aa",
          cookie: "logto_app123=encrypted",
          ...(origin === null ? {} : { origin }),
        },
      }),
    );

  it("answers 403 in words to an action posted from another site, on any page", async () => {
    for (const path of ["/dashboard/products", "/products/toolkit", "/checkout/ord_1"]) {
      const answer = action(path, "http://evil.example");
      expect(answer.status).toBe(403);
      expect(await answer.text()).toContain("sent from another site");
    }
    expect(action("/products/toolkit", "null").status).toBe(403);
  });

  it("lets an action from this site, or from a browser that sends no Origin, reach its page", () => {
    expect(
      action("/products/toolkit", "http://localhost:3000").headers.get("x-middleware-next"),
    ).toBe("1");
    expect(action("/dashboard", null).headers.get("x-middleware-next")).toBe("1");
  });
});
