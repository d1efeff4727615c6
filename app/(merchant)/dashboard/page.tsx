import type { Metadata } from "next";
import { Suspense } from "react";
import { StatusBadge } from "@/components/ui/status-badge";
import { requireMerchant } from "@/lib/auth/require-merchant";
import { getConfig } from "@/lib/config";
import { getDb } from "@/lib/db";
import { GRANT_STATUSES } from "@/lib/db/schema";
import { lastAccessAudit } from "@/lib/fulfillment/audit/run-access-audit";
import { statusLabel } from "@/lib/grants/status-label";
import { describeConfiguration } from "@/lib/overview/configuration-health";
import { countGrantsByStatus } from "@/lib/overview/grant-counts";
import { invitationsPerDay, invitationsUsedToday } from "@/lib/overview/invitation-activity";
import { listGrantsNeedingAttention } from "@/lib/overview/needs-attention";
import { AccessAuditSection } from "./access-audit";
import { InvitationsChart } from "./invitations-chart";
import { NeedsAttention } from "./needs-attention";
import { ProductsHealth, RateLimitCard } from "./github-health";

export const metadata: Metadata = { title: "Dashboard · Repogrant" };
export const dynamic = "force-dynamic";

const card = "rounded-lg border border-slate-200 bg-white p-4";

export default async function OverviewPage() {
  const session = await requireMerchant();
  const db = await getDb();
  const now = new Date();
  const config = getConfig();
  const limit = config.fulfillment.inviteDailyLimit;
  const [activity, counts, attention, usedToday, lastAudit] = await Promise.all([
    invitationsPerDay(db, now),
    countGrantsByStatus(db),
    listGrantsNeedingAttention(db, now),
    invitationsUsedToday(db, now),
    lastAccessAudit(db),
  ]);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">Dashboard</h1>
        <p className="mt-1 text-sm text-slate-600">
          Signed in as {session.verifiedEmail ?? session.name ?? session.logtoUserId} (store staff).
        </p>
      </div>

      <section aria-labelledby="counts" className={card}>
        <h2 id="counts" className="font-semibold">
          Access given, by state
        </h2>
        <ul className="mt-3 grid gap-2 sm:grid-cols-2 xl:grid-cols-4">
          {GRANT_STATUSES.map((status) => (
            <li
              key={status}
              className="flex items-center justify-between gap-2 rounded-md bg-slate-50 px-3 py-2"
            >
              <StatusBadge {...statusLabel(status)} />
              <span className="text-lg font-semibold tabular-nums">
                {counts[status].toLocaleString("en-US")}
              </span>
            </li>
          ))}
        </ul>
      </section>

      <NeedsAttention grants={attention} />

      <section aria-labelledby="chart" className={card}>
        <h2 id="chart" className="font-semibold">
          Invitations sent, last 14 days
        </h2>
        {activity.repos.length === 0 ? (
          <p className="mt-2 text-sm text-slate-600">
            No invitations in the last 14 days. They appear here as orders are paid.
          </p>
        ) : (
          <InvitationsChart days={activity.days} repos={activity.repos} limit={limit} />
        )}
      </section>

      <div className="grid gap-6 md:grid-cols-2">
        <section aria-labelledby="today" className={card}>
          <h2 id="today" className="font-semibold">
            Daily invitation limit, last 24 hours
          </h2>
          {usedToday.length === 0 ? (
            <p className="mt-2 text-sm text-slate-600">No invitations sent in the last 24 hours.</p>
          ) : (
            <ul className="mt-3 space-y-3">
              {usedToday.map(({ repo, used }) => (
                <li key={repo}>
                  <div className="flex justify-between text-sm">
                    <span className="font-medium">{repo}</span>
                    <span className="tabular-nums">
                      {used} of {limit}
                    </span>
                  </div>
                  <meter
                    className="mt-1 h-2 w-full"
                    min={0}
                    max={limit}
                    low={limit * 0.7}
                    high={limit * 0.9}
                    optimum={0}
                    value={used}
                    aria-label={`${repo}: ${used} of ${limit} invitations used`}
                  />
                </li>
              ))}
            </ul>
          )}
        </section>
        <section aria-labelledby="rate" className={card}>
          <h2 id="rate" className="font-semibold">
            GitHub request budget
          </h2>
          <Suspense fallback={<p className="mt-2 text-sm text-slate-500">Asking GitHub…</p>}>
            <RateLimitCard />
          </Suspense>
        </section>
      </div>

      <section aria-labelledby="health" className={card}>
        <h2 id="health" className="font-semibold">
          Configuration
        </h2>
        <ul className="mt-3 space-y-2 text-sm">
          {describeConfiguration(config).map((item) => (
            <li
              key={item.label}
              className="flex flex-col gap-1 sm:flex-row sm:items-start sm:gap-3"
            >
              <span className="sm:w-36 sm:shrink-0">
                <StatusBadge
                  tone={
                    item.tone === "ok" ? "success" : item.tone === "warning" ? "waiting" : "problem"
                  }
                  label={item.label}
                />
              </span>
              <span className="text-slate-700">{item.sentence}</span>
            </li>
          ))}
        </ul>
        <Suspense
          fallback={
            <p className="mt-3 text-sm text-slate-500">
              Checking the products on sale with GitHub…
            </p>
          }
        >
          <ProductsHealth />
        </Suspense>
      </section>

      <AccessAuditSection audit={lastAudit} className={card} />
    </div>
  );
}
