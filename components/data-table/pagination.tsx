import Link from "next/link";

/** Previous / next links that keep the rest of the URL's table state. */
export function Pagination({
  page,
  pageCount,
  total,
  totalCapped = false,
  href,
  noun,
}: {
  page: number;
  pageCount: number;
  total: number;
  /** The total is a lower bound ("10,000+"): the last page is not known. */
  totalCapped?: boolean;
  href: (page: number) => string;
  noun: string;
}) {
  const link = "rounded-md px-3 py-1.5 ring-1 ring-inset ring-slate-300 hover:bg-slate-50";
  const disabled = "rounded-md px-3 py-1.5 text-slate-400 ring-1 ring-inset ring-slate-200";
  return (
    <nav aria-label="Pages" className="mt-3 flex items-center justify-between gap-3 text-sm">
      <p className="text-slate-600">
        {total.toLocaleString("en-US")}
        {totalCapped ? "+" : ""} {noun} · page {page}
        {totalCapped ? "" : ` of ${pageCount}`}
      </p>
      <div className="flex gap-2">
        {page > 1 ? (
          <Link className={link} href={href(page - 1)} rel="prev">
            Previous
          </Link>
        ) : (
          <span className={disabled} aria-disabled>
            Previous
          </span>
        )}
        {page < pageCount ? (
          <Link className={link} href={href(page + 1)} rel="next">
            Next
          </Link>
        ) : (
          <span className={disabled} aria-disabled>
            Next
          </span>
        )}
      </div>
    </nav>
  );
}
