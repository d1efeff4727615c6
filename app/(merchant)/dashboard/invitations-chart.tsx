"use client";

import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";

const COLORS = ["#0369a1", "#0f766e", "#7c3aed", "#b45309", "#be123c", "#334155"];

export interface ChartDay {
  day: string;
  perRepo: Record<string, number>;
}

const shortDay = (day: string) =>
  new Date(`${day}T00:00:00Z`).toLocaleDateString(undefined, {
    month: "short",
    day: "numeric",
    timeZone: "UTC",
  });

/**
 * Invitations sent per day, one bar segment per repository, against GitHub's daily limit per
 * repository. Screen readers get the same numbers as a table (the chart itself is an image).
 */
export function InvitationsChart({
  days,
  repos,
  limit,
}: {
  days: ChartDay[];
  repos: string[];
  limit: number;
}) {
  const data = days.map((d) => ({ day: shortDay(d.day), ...d.perRepo }));
  const total = days.reduce(
    (sum, d) => sum + Object.values(d.perRepo).reduce((a, b) => a + b, 0),
    0,
  );
  const summary = `Invitations sent per day over the last ${days.length} days: ${total} in all, across ${repos.length} ${repos.length === 1 ? "repository" : "repositories"}; GitHub allows ${limit} per repository per day.`;
  return (
    <figure>
      <div role="img" aria-label={summary} className="h-64 w-full">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="day" tick={{ fontSize: 11 }} interval="preserveStartEnd" />
            <YAxis
              allowDecimals={false}
              tick={{ fontSize: 11 }}
              domain={[0, (max: number) => Math.max(max, limit)]}
            />
            <Tooltip />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            <ReferenceLine
              y={limit}
              stroke="#be123c"
              strokeDasharray="4 4"
              label={{
                value: `Daily limit per repository (${limit})`,
                fontSize: 11,
                fill: "#be123c",
                position: "insideTopRight",
              }}
            />
            {repos.map((repo, index) => (
              <Bar
                key={repo}
                dataKey={repo}
                stackId="sent"
                fill={COLORS[index % COLORS.length]}
                isAnimationActive={false}
              />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="mt-2 text-xs text-slate-500">{summary}</figcaption>
      <table className="sr-only">
        <caption>Invitations sent per day and repository</caption>
        <thead>
          <tr>
            <th scope="col">Day (UTC)</th>
            {repos.map((repo) => (
              <th key={repo} scope="col">
                {repo}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {days.map((d) => (
            <tr key={d.day}>
              <th scope="row">{d.day}</th>
              {repos.map((repo) => (
                <td key={repo}>{d.perRepo[repo] ?? 0}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
