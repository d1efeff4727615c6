"use client";

import { useSyncExternalStore } from "react";

const subscribeNever = () => () => {};

const UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ["year", 365 * 24 * 3600],
  ["month", 30 * 24 * 3600],
  ["day", 24 * 3600],
  ["hour", 3600],
  ["minute", 60],
];

function relative(at: Date, now: number): string {
  const seconds = Math.round((at.getTime() - now) / 1000);
  const format = new Intl.RelativeTimeFormat(undefined, { numeric: "auto" });
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return format.format(Math.round(seconds / size), unit);
  }
  return format.format(0, "minute");
}

/**
 * A moment in the viewer's own time zone: the date and time, how far away it is, and the full
 * timestamp on hover. The server cannot know the zone, so it renders UTC and the browser
 * replaces it as soon as it hydrates.
 */
export function LocalTime({ iso }: { iso: string }) {
  const inBrowser = useSyncExternalStore(
    subscribeNever,
    () => true,
    () => false,
  );
  const at = new Date(iso);
  if (!inBrowser) {
    return <time dateTime={iso}>{at.toISOString().slice(0, 16).replace("T", " ")} UTC</time>;
  }
  const exact = at.toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });
  const full = at.toLocaleString(undefined, {
    dateStyle: "full",
    timeStyle: "long",
  });
  return (
    <time dateTime={iso} title={full}>
      {exact} ({relative(at, Date.now())})
    </time>
  );
}
