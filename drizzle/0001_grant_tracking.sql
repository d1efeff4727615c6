ALTER TABLE "grants" ADD COLUMN "resends" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "grants" ADD COLUMN "revoke_requested_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "grants" ADD COLUMN "revoke_reason" text;--> statement-breakpoint
CREATE INDEX "grants_revocation_due_idx" ON "grants" USING btree ("next_attempt_at") WHERE "grants"."revoke_requested_at" is not null and "grants"."status" <> 'revoked';