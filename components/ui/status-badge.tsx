import type { StatusTone } from "@/lib/grants/describe-grant-status";

const TONES: Record<StatusTone | "neutral", string> = {
  progress: "bg-sky-50 text-sky-800 ring-sky-200",
  waiting: "bg-amber-50 text-amber-900 ring-amber-200",
  success: "bg-emerald-50 text-emerald-800 ring-emerald-200",
  problem: "bg-rose-50 text-rose-800 ring-rose-200",
  ended: "bg-slate-100 text-slate-700 ring-slate-200",
  neutral: "bg-white text-slate-700 ring-slate-200",
};

/** A status in words, coloured by tone; the colour never carries meaning on its own. */
export function StatusBadge({ tone, label }: { tone: StatusTone | "neutral"; label: string }) {
  return (
    <span
      className={`inline-flex items-center whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${TONES[tone]}`}
    >
      {label}
    </span>
  );
}
