import { forbidden, redirect } from "next/navigation";
import type { ReactNode } from "react";
import { getSession } from "@/lib/auth/session";

// Keeps the pages from rendering for the wrong person; every action checks again by itself.
export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const session = await getSession();
  if (!session) redirect("/sign-in?returnTo=/dashboard");
  if (session.role !== "merchant") forbidden();
  return children;
}
