import type { StatusTone } from "@/lib/grants/describe-grant-status";

// Text colours meet WCAG AA contrast on their tinted backgrounds.
const TONE_CLASSES: Record<StatusTone, string> = {
  progress: "bg-sky-50 text-sky-900 ring-sky-200",
  waiting: "bg-amber-50 text-amber-900 ring-amber-200",
  success: "bg-emerald-50 text-emerald-900 ring-emerald-200",
  problem: "bg-red-50 text-red-900 ring-red-200",
  ended: "bg-slate-100 text-slate-800 ring-slate-200",
};

/** A grant's (or order's) state as a small coloured label. */
export function StatusBadge({ tone, label }: { tone: StatusTone; label: string }) {
  return (
    <span
      className={`inline-flex items-center rounded-full px-2.5 py-0.5 text-xs font-semibold whitespace-nowrap ring-1 ring-inset ${TONE_CLASSES[tone]}`}
    >
      {label}
    </span>
  );
}
