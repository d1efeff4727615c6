import { NuqsAdapter } from "nuqs/adapters/next/app";
import type { ReactNode } from "react";
import { Toaster } from "sonner";
import { requireMerchant } from "@/lib/auth/require-merchant";
import { DashboardNav } from "./dashboard-nav";

// Keeps the pages from rendering for the wrong person; every page, action and route handler
// checks again by itself (a layout is not a security boundary).
export default async function DashboardLayout({ children }: { children: ReactNode }) {
  await requireMerchant();
  return (
    <NuqsAdapter>
      <div className="flex flex-col gap-6 lg:flex-row">
        <DashboardNav />
        <div className="min-w-0 flex-1">{children}</div>
      </div>
      <Toaster richColors closeButton position="top-center" />
    </NuqsAdapter>
  );
}
