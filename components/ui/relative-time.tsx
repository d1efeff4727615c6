"use client";

import { useEffect, useState } from "react";

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * 86_400_000],
  ["month", 30 * 86_400_000],
  ["day", 86_400_000],
  ["hour", 3_600_000],
  ["minute", 60_000],
];

function relative(at: Date, now: number): string {
  const diff = at.getTime() - now;
  const format = new Intl.RelativeTimeFormat(undefined, { numeric: "auto" });
  for (const [unit, ms] of UNITS) {
    if (Math.abs(diff) >= ms) return format.format(Math.round(diff / ms), unit);
  }
  return Math.abs(diff) < 10_000 ? "just now" : format.format(Math.round(diff / 1000), "second");
}

const fullFormat = (timeZone?: string) =>
  new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "long", timeZone });
const shortFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

/**
 * "3 hours ago", with the exact moment in the viewer's own time zone on hover. `withDate` puts
 * the date first ("Nov 3, 2026, 14:05 (in 6 days)") where the date itself matters, as on the
 * buyer's receipts and invitation expiries. The server does not know the viewer's zone, so it
 * renders UTC; the browser replaces it after hydration.
 */
export function RelativeTime({
  at,
  prefix,
  withDate = false,
}: {
  at: Date | string;
  prefix?: string;
  withDate?: boolean;
}) {
  const date = typeof at === "string" ? new Date(at) : at;
  const time = date.getTime();
  const [view, setView] = useState<{ text: string; exact: string } | null>(null);
  useEffect(() => {
    const update = () => {
      const ago = relative(new Date(time), Date.now());
      setView({
        text: withDate ? `${shortFormat.format(time)} (${ago})` : ago,
        exact: fullFormat().format(time),
      });
    };
    update();
    const timer = setInterval(update, 30_000);
    return () => clearInterval(timer);
  }, [time, withDate]);
  const fallback = fullFormat("UTC").format(date);
  return (
    <time
      dateTime={date.toISOString()}
      title={view?.exact ?? fallback}
      className="whitespace-nowrap"
    >
      {prefix ? `${prefix} ` : ""}
      {view?.text ?? fallback}
    </time>
  );
}
