"use client";

import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useRunAction } from "@/components/ui/use-run-action";
import { retryGrantAction } from "../../actions";
import { resendInvitationAction, revokeGrantAction } from "./actions";

export type GrantActionName = "retry" | "resend" | "revoke";

export function GrantActions({
  orderId,
  grantId,
  actions,
}: {
  orderId: string;
  grantId: number;
  actions: GrantActionName[];
}) {
  const { pending, run } = useRunAction();
  if (actions.length === 0) return null;
  const fields = { orderId, grantId };
  return (
    <div className="mt-3 flex flex-wrap gap-2">
      {actions.includes("retry") ? (
        <Button size="sm" pending={pending} onClick={() => run(retryGrantAction, { grantId })}>
          Retry now
        </Button>
      ) : null}
      {actions.includes("resend") ? (
        <Button
          size="sm"
          variant="secondary"
          pending={pending}
          onClick={() => run(resendInvitationAction, fields)}
        >
          Send a new invitation
        </Button>
      ) : null}
      {actions.includes("revoke") ? (
        <ConfirmDialog
          trigger={
            <Button size="sm" variant="secondary" pending={pending}>
              Remove access
            </Button>
          }
          title="Remove this access?"
          description="The buyer loses this access on GitHub (an open invitation is deleted). The order stays paid; refund it separately if money should go back."
          confirmLabel="Remove access"
          onConfirm={() => run(revokeGrantAction, fields)}
        />
      ) : null}
    </div>
  );
}
