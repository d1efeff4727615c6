"use client";

import { useQueryStates } from "nuqs";
import { useState, useTransition, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { ORDER_STATUSES } from "@/lib/db/status-values";
import { orderTableParsers } from "./order-table-state";

const STATUS_WORDS: Record<(typeof ORDER_STATUSES)[number], string> = {
  pending: "Awaiting payment",
  paid: "Paid",
  refunded: "Refunded",
  canceled: "Canceled",
};

/** Status, product, dates and search: each change goes to the URL and the server re-renders. */
export function OrderFilters({ products }: { products: { id: string; name: string }[] }) {
  const [pending, startTransition] = useTransition();
  const [state, setState] = useQueryStates(orderTableParsers, { shallow: false, startTransition });
  const [q, setQ] = useState(state.q ?? "");
  const set = (
    changes: Partial<Record<"status" | "product" | "from" | "to" | "q", string | null>>,
  ) => void setState({ ...(changes as object), page: null });
  const search = (event: FormEvent) => {
    event.preventDefault();
    set({ q: q.trim() || null });
  };
  const label = "text-xs font-medium text-slate-700";
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-3" aria-busy={pending}>
      <form role="search" onSubmit={search} className="flex gap-2">
        <label htmlFor="order-search" className="sr-only">
          Search orders
        </label>
        <input
          id="order-search"
          type="search"
          value={q}
          onChange={(event) => setQ(event.target.value)}
          placeholder="GitHub login, email, order id or external id"
          className={`${inputClass} min-w-0 flex-1`}
        />
        <Button type="submit" variant="secondary" pending={pending}>
          Search
        </Button>
      </form>
      <div className="mt-3 grid grid-cols-2 gap-3 sm:grid-cols-4">
        <div className="flex flex-col gap-1">
          <label htmlFor="filter-status" className={label}>
            Status
          </label>
          <select
            id="filter-status"
            className={inputClass}
            value={state.status ?? ""}
            onChange={(event) => set({ status: event.target.value || null })}
          >
            <option value="">Any status</option>
            {ORDER_STATUSES.map((status) => (
              <option key={status} value={status}>
                {STATUS_WORDS[status]}
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="filter-product" className={label}>
            Product
          </label>
          <select
            id="filter-product"
            className={inputClass}
            value={state.product ?? ""}
            onChange={(event) => set({ product: event.target.value || null })}
          >
            <option value="">Any product</option>
            {products.map((product) => (
              <option key={product.id} value={product.id}>
                {product.name}
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="filter-from" className={label}>
            Placed from (UTC)
          </label>
          <input
            id="filter-from"
            type="date"
            className={inputClass}
            value={state.from ?? ""}
            onChange={(event) => set({ from: event.target.value || null })}
          />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="filter-to" className={label}>
            Placed until (UTC)
          </label>
          <input
            id="filter-to"
            type="date"
            className={inputClass}
            value={state.to ?? ""}
            onChange={(event) => set({ to: event.target.value || null })}
          />
        </div>
      </div>
    </div>
  );
}
