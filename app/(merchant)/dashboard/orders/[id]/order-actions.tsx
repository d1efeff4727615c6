"use client";

import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useRunAction } from "@/components/ui/use-run-action";
import type { OrderStatus } from "@/lib/db/status-values";
import { markPaidAction, refundAction } from "./actions";

export function OrderActions({ orderId, status }: { orderId: string; status: OrderStatus }) {
  const { pending, run } = useRunAction();
  if (status !== "pending" && status !== "paid") return null;
  return (
    <div className="flex flex-wrap gap-2">
      {status === "pending" ? (
        <Button pending={pending} onClick={() => run(markPaidAction, { orderId })}>
          Mark paid
        </Button>
      ) : (
        <ConfirmDialog
          trigger={
            <Button variant="danger" pending={pending}>
              Refund
            </Button>
          }
          title="Refund this order?"
          description="Every access this order gave is removed on GitHub — unless another paid order of the same buyer still includes it. Send the money back in your payment provider; this only records the refund."
          confirmLabel="Refund and remove access"
          onConfirm={() => run(refundAction, { orderId })}
        />
      )}
    </div>
  );
}
