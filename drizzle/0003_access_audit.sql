CREATE TABLE "access_audits" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "access_audits_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"trigger" text NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone NOT NULL,
	"removed" integer DEFAULT 0 NOT NULL,
	"settled" integer DEFAULT 0 NOT NULL,
	"failed_targets" integer DEFAULT 0 NOT NULL,
	"github_calls" integer DEFAULT 0 NOT NULL,
	"targets" jsonb DEFAULT '[]'::jsonb NOT NULL,
	CONSTRAINT "access_audits_trigger" CHECK ("access_audits"."trigger" in ('schedule', 'merchant'))
);
--> statement-breakpoint
ALTER TABLE "grants" ADD COLUMN "org_member_before" boolean;--> statement-breakpoint
CREATE INDEX "access_audits_finished_idx" ON "access_audits" USING btree ("finished_at");