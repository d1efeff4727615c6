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
