import type { Metadata } from "next";
import type { ReactNode } from "react";
import Link from "next/link";
import { UserMenu } from "@/components/auth/user-menu";
import { SandboxBanner } from "@/components/sandbox-banner";
import { getSession } from "@/lib/auth/session";
import { getConfig } from "@/lib/config";
import "./globals.css";

export const metadata: Metadata = {
  title: "Repogrant",
  description: "Buy access to private GitHub repositories.",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const session = await getSession();
  return (
    <html lang="en">
      <body className="min-h-screen bg-slate-50 text-slate-900 antialiased">
        {getConfig().sandbox ? <SandboxBanner /> : null}
        <header className="border-b border-slate-200 bg-white">
          <div className="mx-auto flex max-w-4xl flex-wrap items-center justify-between gap-3 px-4 py-3 sm:px-6 sm:py-4">
            <Link href="/" className="text-lg font-semibold tracking-tight">
              Repogrant
            </Link>
            <UserMenu session={session} />
          </div>
        </header>
        <main className="mx-auto max-w-4xl px-4 py-8 sm:px-6 sm:py-10">{children}</main>
      </body>
    </html>
  );
}
