import { accessTarget, describeAccess, type AccessRow } from "@/lib/grants/describe-access";

/** What a product gives, one entitlement a line, in the words of the shared table. */
export function AccessList({ items }: { items: AccessRow[] }) {
  return (
    <ul className="space-y-1">
      {items.map((item, index) => (
        <li key={index} className="flex gap-2 text-sm break-words text-slate-700">
          <span aria-hidden="true" className="text-emerald-700">
            ✓
          </span>
          <span className="min-w-0 first-letter:uppercase">
            {describeAccess(accessTarget(item))}
          </span>
        </li>
      ))}
    </ul>
  );
}
