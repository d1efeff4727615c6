"use client";

import { Button } from "@/components/ui/button";
import { useRunAction } from "@/components/ui/use-run-action";
import { retryFailedForTargetAction, retryGrantAction } from "./actions";

export function RetryGrantButton({ grantId }: { grantId: number }) {
  const { pending, run } = useRunAction();
  return (
    <Button size="sm" pending={pending} onClick={() => run(retryGrantAction, { grantId })}>
      Retry now
    </Button>
  );
}

export function RetryAllButton({
  scope,
  label,
}: {
  scope: { owner: string; repo: string } | { org: string; teamSlug: string };
  label: string;
}) {
  const { pending, run } = useRunAction();
  return (
    <Button
      size="sm"
      variant="secondary"
      pending={pending}
      onClick={() => run(retryFailedForTargetAction, scope)}
    >
      {label}
    </Button>
  );
}
