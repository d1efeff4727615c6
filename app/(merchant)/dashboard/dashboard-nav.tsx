"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

const LINKS = [
  { href: "/dashboard", label: "Overview" },
  { href: "/dashboard/orders", label: "Orders" },
  { href: "/dashboard/products", label: "Products" },
  { href: "/dashboard/give-access", label: "Give access" },
  { href: "/dashboard/payments", label: "Payments" },
  { href: "/dashboard/deliveries", label: "Deliveries" },
];

export function DashboardNav() {
  const path = usePathname();
  const current = (href: string) =>
    href === "/dashboard" ? path === href : path === href || path.startsWith(`${href}/`);
  return (
    <nav aria-label="Dashboard" className="lg:w-44 lg:shrink-0">
      {/* Wraps at phone width: a scrolled row hid "Deliveries" past the edge with no hint. */}
      <ul className="-mx-1 flex flex-wrap gap-1 lg:flex-col">
        {LINKS.map((link) => (
          <li key={link.href}>
            <Link
              href={link.href}
              aria-current={current(link.href) ? "page" : undefined}
              className="block whitespace-nowrap rounded-md px-3 py-2 text-sm font-medium text-slate-700 hover:bg-white hover:text-slate-950 focus-visible:outline-2 focus-visible:outline-sky-600 aria-[current=page]:bg-white aria-[current=page]:text-slate-950 aria-[current=page]:shadow-sm"
            >
              {link.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
