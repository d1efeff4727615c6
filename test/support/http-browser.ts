import { parse, type HTMLElement } from "node-html-parser";

// A minimal browser for sign-in flows driven over HTTP: it keeps cookies per path, follows
// redirects itself, stops at the first URL outside the site it browses (the app's callback),
// submits forms the way a person clicking a button would, and submits the forms that a page's
// script submits on load (oidc-provider's form_post pages, the sign-out page) unless told not to.

interface Cookie {
  name: string;
  value: string;
  path: string;
}

export interface Visit {
  url: string;
  status: number;
  /** Set when the visit ended on a page of the browsed site. */
  page?: HTMLElement;
  body: string;
  /** True when a redirect left the browsed site; `url` is where it pointed. */
  leftSite: boolean;
}

export class HttpBrowser {
  private cookies: Cookie[] = [];

  /** `site`: the origin this browser talks to; redirects anywhere else end a visit. */
  constructor(private readonly site: string) {}

  private cookieHeader(url: URL): string {
    return this.cookies
      .filter(
        (c) => url.pathname === c.path || url.pathname.startsWith(c.path.replace(/\/?$/, "/")),
      )
      .map((c) => `${c.name}=${c.value}`)
      .join("; ");
  }

  private store(url: URL, setCookies: string[]): void {
    for (const line of setCookies) {
      const [pair = "", ...attributes] = line.split(";").map((part) => part.trim());
      const eq = pair.indexOf("=");
      const name = pair.slice(0, eq);
      const value = pair.slice(eq + 1);
      const attr = (key: string) =>
        attributes.find((a) => a.toLowerCase().startsWith(`${key}=`))?.slice(key.length + 1);
      // Without a Path attribute a cookie belongs to the request's directory (RFC 6265 5.1.4).
      const path = attr("path") ?? (url.pathname.replace(/\/[^/]*$/, "") || "/");
      // Servers delete cookies with an empty value dated 1970 or Max-Age=0.
      const expires = attr("expires");
      const removed =
        value === "" || attr("max-age") === "0" || (expires?.includes("1970") ?? false);
      this.cookies = this.cookies.filter((c) => !(c.name === name && c.path === path));
      if (!removed) this.cookies.push({ name, value, path });
    }
  }

  /**
   * Requests `url` and follows redirects until a page answers or one leaves the site. With
   * `scripts` (the default), a page whose script submits a form on load is submitted too.
   */
  async visit(
    url: string,
    init: { method?: string; form?: URLSearchParams; scripts?: boolean } = {},
  ): Promise<Visit> {
    let next = new URL(url);
    let method = init.method ?? "GET";
    let body: string | undefined = init.form?.toString();
    for (let hops = 0; hops < 20; hops++) {
      if (next.origin !== this.site) {
        return { url: next.href, status: 0, body: "", leftSite: true };
      }
      const response = await fetch(next, {
        method,
        redirect: "manual",
        headers: {
          accept: "text/html",
          cookie: this.cookieHeader(next),
          ...(body === undefined ? {} : { "content-type": "application/x-www-form-urlencoded" }),
        },
        body,
      });
      this.store(next, response.headers.getSetCookie());
      const location = response.headers.get("location");
      if (response.status >= 300 && response.status < 400 && location) {
        await response.arrayBuffer();
        next = new URL(location, next);
        method = "GET";
        body = undefined;
        continue;
      }
      const text = await response.text();
      const isHtml = response.headers.get("content-type")?.includes("text/html") ?? false;
      const visit: Visit = {
        url: next.href,
        status: response.status,
        body: text,
        page: isHtml ? parse(text) : undefined,
        leftSite: false,
      };
      const form = init.scripts === false ? undefined : formSubmittedOnLoad(visit.page);
      return form ? this.submit(visit, form) : visit;
    }
    throw new Error(`too many redirects from ${url}`);
  }

  /**
   * Clicks the submit button labelled `label` (its whole text, or its bold first line), or with
   * no label submits the page's first form: posts the form's fields plus the button's name and
   * value.
   */
  async click(visit: Visit, label?: string): Promise<Visit> {
    const page = visit.page;
    if (!page) throw new Error(`no page at ${visit.url} (status ${visit.status})`);
    const buttons = page.querySelectorAll("button");
    const button = label
      ? buttons.find(
          (b) => b.textContent.trim() === label || b.querySelector("strong")?.textContent === label,
        )
      : undefined;
    if (label && !button) throw new Error(`no button "${label}" on ${visit.url}`);
    const formId = button?.getAttribute("form");
    const form = formId
      ? page.querySelectorAll("form").find((f) => f.getAttribute("id") === formId)
      : (button?.closest("form") ?? page.querySelector("form"));
    if (!form) throw new Error(`no form for "${label ?? "submit"}" on ${visit.url}`);
    return this.submit(visit, form, button);
  }

  private submit(visit: Visit, form: HTMLElement, button?: HTMLElement): Promise<Visit> {
    const fields = new URLSearchParams();
    for (const input of form.querySelectorAll("input")) {
      const name = input.getAttribute("name");
      if (name) fields.append(name, input.getAttribute("value") ?? "");
    }
    const name = button?.getAttribute("name");
    if (name) fields.append(name, button?.getAttribute("value") ?? "");
    const action = new URL(form.getAttribute("action") ?? visit.url, visit.url);
    return this.visit(action.href, { method: form.getAttribute("method") ?? "GET", form: fields });
  }
}

/** The form a page's inline script submits as soon as it loads, if any. */
function formSubmittedOnLoad(page: HTMLElement | undefined): HTMLElement | undefined {
  if (!page) return undefined;
  for (const script of page.querySelectorAll("script")) {
    const byId = /getElementById\((["'])(.+?)\1\)\.submit\(\)/.exec(script.textContent);
    if (byId) return page.querySelectorAll("form").find((f) => f.getAttribute("id") === byId[2]);
    if (script.textContent.includes("document.forms[0].submit()")) {
      return page.querySelector("form") ?? undefined;
    }
  }
  return undefined;
}

/** The visible labels (first line) of the account buttons on a sign-in page. */
export function accountButtons(visit: Visit): string[] {
  return (visit.page?.querySelectorAll("button[name=account] strong") ?? []).map((s) =>
    s.textContent.trim(),
  );
}
