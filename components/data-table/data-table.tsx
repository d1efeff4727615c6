"use client";

import {
  metaHelper,
  tableFeatures,
  useTable,
  type ColumnDef,
  type RowData,
} from "@tanstack/react-table";
import type { ReactNode } from "react";

export interface DataColumnMeta {
  /** The server-side sort this column stands for; the header becomes a sort button. */
  sortKey?: string;
  /** Extra classes for the column's cells, e.g. hiding it on a phone. */
  className?: string;
}

// The dashboard's one table wrapper: rows come from the server a page at a time, so tanstack
// only lays out cells; sorting and paging live in the URL and run in the database.
export const dataTableFeatures = tableFeatures({ columnMeta: metaHelper<DataColumnMeta>() });
export type DataColumn<Row extends RowData> = ColumnDef<typeof dataTableFeatures, Row, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export interface SortState {
  key: string;
  dir: "asc" | "desc";
}

export function DataTable<Row extends RowData>({
  caption,
  columns,
  data,
  getRowId,
  sort,
  onSort,
  empty,
}: {
  caption: string;
  columns: DataColumn<Row>[];
  data: Row[];
  getRowId: (row: Row) => string;
  sort?: SortState;
  onSort?: (key: string) => void;
  empty: ReactNode;
}) {
  const table = useTable({
    features: dataTableFeatures,
    columns,
    data,
    getRowId: (row: Row) => getRowId(row),
  });
  if (data.length === 0) {
    return (
      <div className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center text-sm text-slate-600">
        {empty}
      </div>
    );
  }
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-50">
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => {
                const meta = header.column.columnDef.meta;
                const sortKey = meta?.sortKey;
                const active = sortKey !== undefined && sort?.key === sortKey;
                return (
                  <th
                    key={header.id}
                    scope="col"
                    aria-sort={
                      active ? (sort?.dir === "asc" ? "ascending" : "descending") : undefined
                    }
                    className={`px-3 py-2 text-left font-medium text-slate-700 ${meta?.className ?? ""}`}
                  >
                    {sortKey && onSort ? (
                      <button
                        type="button"
                        onClick={() => onSort(sortKey)}
                        className="inline-flex items-center gap-1 rounded hover:text-slate-950 focus-visible:outline-2 focus-visible:outline-sky-600"
                      >
                        <table.FlexRender header={header} />
                        <span aria-hidden className="text-xs text-slate-400">
                          {active ? (sort?.dir === "asc" ? "▲" : "▼") : "↕"}
                        </span>
                      </button>
                    ) : (
                      <table.FlexRender header={header} />
                    )}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody className="divide-y divide-slate-100">
          {table.getRowModel().rows.map((row) => (
            <tr key={row.id} className="hover:bg-slate-50">
              {row.getAllCells().map((cell) => (
                <td
                  key={cell.id}
                  className={`px-3 py-2 align-top ${cell.column.columnDef.meta?.className ?? ""}`}
                >
                  <table.FlexRender cell={cell} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
