import type { Reply, RequestContext } from "./context";

/** One page of `items` with GitHub's `Link` header (per_page ≤ 100, default 30). */
export function paginate(ctx: RequestContext, items: unknown[]): Reply {
  const perPage = clamp(Number(ctx.query.get("per_page") ?? 30) || 30, 1, 100);
  const page = Math.max(1, Math.floor(Number(ctx.query.get("page") ?? 1)) || 1);
  const last = Math.max(1, Math.ceil(items.length / perPage));
  const pageUrl = (n: number) => {
    const url = new URL(`${ctx.api}${ctx.path}`);
    url.search = ctx.query.toString();
    url.searchParams.set("per_page", String(perPage));
    url.searchParams.set("page", String(n));
    return `<${url.toString()}>`;
  };
  const links: string[] = [];
  if (page > 1) links.push(`${pageUrl(page - 1)}; rel="prev"`);
  if (page < last) links.push(`${pageUrl(page + 1)}; rel="next"`, `${pageUrl(last)}; rel="last"`);
  if (page > 1) links.push(`${pageUrl(1)}; rel="first"`);
  return {
    status: 200,
    body: items.slice((page - 1) * perPage, page * perPage),
    headers: links.length > 0 ? { link: links.join(", ") } : {},
  };
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, Math.floor(value)));
}
