"use client";

import Link from "next/link";
import { useQueryStates } from "nuqs";
import { createColumnHelper } from "@tanstack/react-table";
import {
  DataTable,
  type dataTableFeatures,
  type SortState,
} from "@/components/data-table/data-table";
import { RelativeTime } from "@/components/ui/relative-time";
import { StatusBadge } from "@/components/ui/status-badge";
import type { StatusTone } from "@/lib/grants/describe-grant-status";
import { orderTableParsers } from "./order-table-state";

export interface OrderTableRow {
  id: string;
  createdAt: Date;
  paidAt: Date | null;
  buyer: string;
  productName: string;
  amount: string;
  status: { tone: StatusTone; label: string };
  access: { tone: StatusTone; label: string }[];
}

const helper = createColumnHelper<typeof dataTableFeatures, OrderTableRow>();
const columns = helper.columns([
  helper.display({
    id: "order",
    header: "Order",
    cell: ({ row }) => (
      <Link
        href={`/dashboard/orders/${row.original.id}`}
        className="font-mono text-xs font-medium text-sky-800 underline-offset-2 hover:underline"
      >
        {row.original.id.slice(0, 10)}
      </Link>
    ),
  }),
  helper.display({
    id: "created",
    header: "Placed",
    meta: { sortKey: "created" },
    cell: ({ row }) => <RelativeTime at={row.original.createdAt} />,
  }),
  helper.display({
    id: "paid",
    header: "Paid",
    meta: { sortKey: "paid", className: "hidden md:table-cell" },
    cell: ({ row }) => (row.original.paidAt ? <RelativeTime at={row.original.paidAt} /> : "—"),
  }),
  helper.accessor("buyer", {
    header: "Buyer",
    cell: (info) => <span className="break-words">{info.getValue()}</span>,
  }),
  helper.accessor("productName", {
    header: "Product",
    meta: { className: "hidden sm:table-cell" },
  }),
  helper.accessor("amount", {
    header: "Amount",
    meta: { sortKey: "amount", className: "hidden text-right tabular-nums sm:table-cell" },
  }),
  helper.display({
    id: "status",
    header: "Status",
    cell: ({ row }) => <StatusBadge {...row.original.status} />,
  }),
  helper.display({
    id: "access",
    header: "Access",
    meta: { className: "hidden lg:table-cell" },
    cell: ({ row }) =>
      row.original.access.length === 0 ? (
        <span className="text-slate-500">—</span>
      ) : (
        <span className="flex flex-wrap gap-1">
          {row.original.access.map((words, index) => (
            <StatusBadge key={index} {...words} />
          ))}
        </span>
      ),
  }),
]);

export function OrdersTable({
  rows,
  sort,
  filtered,
}: {
  rows: OrderTableRow[];
  sort: SortState;
  filtered: boolean;
}) {
  const [, setState] = useQueryStates(orderTableParsers, { shallow: false });
  const onSort = (key: string) => {
    // A second click on the same column flips it; a new column starts with the largest first.
    const dir = sort.key === key && sort.dir === "desc" ? "asc" : "desc";
    void setState({ sort: key as "created", dir, page: null });
  };
  return (
    <DataTable
      caption="Orders"
      columns={columns}
      data={rows}
      getRowId={(row) => row.id}
      sort={sort}
      onSort={onSort}
      empty={
        filtered ? (
          <>No order matches these filters. Clear the search or widen the dates.</>
        ) : (
          <>
            No orders yet. They arrive through the order webhook, or{" "}
            <Link href="/dashboard/give-access" className="font-medium underline">
              give someone access by hand
            </Link>
            .
          </>
        )
      }
    />
  );
}
