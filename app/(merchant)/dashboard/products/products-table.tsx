"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { createColumnHelper } from "@tanstack/react-table";
import { DataTable, type dataTableFeatures } from "@/components/data-table/data-table";
import { Button } from "@/components/ui/button";
import { StatusBadge } from "@/components/ui/status-badge";
import { useRunAction } from "@/components/ui/use-run-action";
import { archiveProductAction, duplicateProductAction, setActiveAction } from "./actions";

export interface ProductTableRow {
  id: string;
  name: string;
  slug: string;
  price: string;
  access: string[];
  active: boolean;
  archived: boolean;
  sales: number;
  refunds: number;
}

function RowActions({ row }: { row: ProductTableRow }) {
  const { pending, run } = useRunAction();
  const router = useRouter();
  const id = { productId: row.id };
  return (
    <div className="flex flex-wrap gap-1.5">
      <Link
        href={`/dashboard/products/${row.id}`}
        className="rounded-md px-2.5 py-1 text-xs font-medium ring-1 ring-inset ring-slate-300 hover:bg-slate-50"
      >
        Edit<span className="sr-only"> {row.name}</span>
      </Link>
      {row.archived ? (
        <Button
          size="sm"
          variant="secondary"
          pending={pending}
          onClick={() => run(archiveProductAction, { ...id, archived: "false" })}
        >
          Restore
        </Button>
      ) : (
        <>
          <Button
            size="sm"
            variant="secondary"
            pending={pending}
            onClick={() => run(setActiveAction, { ...id, active: String(!row.active) })}
          >
            {row.active ? "Take off sale" : "Put on sale"}
          </Button>
          <Button
            size="sm"
            variant="secondary"
            pending={pending}
            onClick={() =>
              run(duplicateProductAction, id, undefined, (data) =>
                router.push(`/dashboard/products/${(data as { productId: string }).productId}`),
              )
            }
          >
            Duplicate
          </Button>
          <Button
            size="sm"
            variant="secondary"
            pending={pending}
            onClick={() => run(archiveProductAction, { ...id, archived: "true" })}
          >
            Archive
          </Button>
        </>
      )}
    </div>
  );
}

const helper = createColumnHelper<typeof dataTableFeatures, ProductTableRow>();
const columns = helper.columns([
  helper.display({
    id: "name",
    header: "Product",
    cell: ({ row }) => (
      <div>
        <Link
          href={`/dashboard/products/${row.original.id}`}
          className="font-medium text-sky-800 hover:underline"
        >
          {row.original.name}
        </Link>
        <p className="text-xs text-slate-500">/products/{row.original.slug}</p>
      </div>
    ),
  }),
  helper.accessor("price", { header: "Price", meta: { className: "tabular-nums" } }),
  helper.display({
    id: "access",
    header: "Gives",
    meta: { className: "hidden md:table-cell" },
    cell: ({ row }) => (
      <ul className="space-y-0.5 text-slate-700">
        {row.original.access.map((words, index) => (
          <li key={index} className="first-letter:uppercase">
            {words}
          </li>
        ))}
      </ul>
    ),
  }),
  helper.display({
    id: "active",
    header: "On sale",
    cell: ({ row }) =>
      row.original.archived ? (
        <StatusBadge tone="ended" label="Archived" />
      ) : row.original.active ? (
        <StatusBadge tone="success" label="On sale" />
      ) : (
        <StatusBadge tone="neutral" label="Off sale" />
      ),
  }),
  helper.display({
    id: "sales",
    header: "Sales",
    meta: { className: "hidden sm:table-cell tabular-nums" },
    cell: ({ row }) => (
      <span>
        {row.original.sales}
        {row.original.refunds ? (
          <span className="text-slate-500"> ({row.original.refunds} refunded)</span>
        ) : null}
      </span>
    ),
  }),
  helper.display({
    id: "actions",
    header: "Actions",
    cell: ({ row }) => <RowActions row={row.original} />,
  }),
]);

export function ProductsTable({ rows, archived }: { rows: ProductTableRow[]; archived: boolean }) {
  return (
    <DataTable
      caption="Products"
      columns={columns}
      data={rows}
      getRowId={(row) => row.id}
      empty={
        archived ? (
          <>Nothing is archived.</>
        ) : (
          <>
            No products yet.{" "}
            <Link href="/dashboard/products/new" className="font-medium underline">
              Create one
            </Link>{" "}
            to start selling access to a repository or team.
          </>
        )
      }
    />
  );
}
