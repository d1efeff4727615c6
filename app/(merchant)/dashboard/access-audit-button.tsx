"use client";

import { Button } from "@/components/ui/button";
import { useRunAction } from "@/components/ui/use-run-action";
import { runAccessAuditAction } from "./actions";

export function RunAccessAuditButton() {
  const { pending, run } = useRunAction();
  return (
    <Button size="sm" pending={pending} onClick={() => run(runAccessAuditAction, {})}>
      {pending ? "Auditing…" : "Run access audit now"}
    </Button>
  );
}
