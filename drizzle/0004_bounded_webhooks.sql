ALTER TABLE "webhook_rejections" ADD COLUMN "fingerprint" text;--> statement-breakpoint
ALTER TABLE "webhook_rejections" ADD COLUMN "repeat_count" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "webhook_rejections" ADD COLUMN "last_received_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
CREATE INDEX "webhook_deliveries_received_idx" ON "webhook_deliveries" USING btree ("received_at");--> statement-breakpoint
CREATE INDEX "webhook_rejections_last_received_idx" ON "webhook_rejections" USING btree ("last_received_at");--> statement-breakpoint
CREATE UNIQUE INDEX "webhook_rejections_fingerprint_key" ON "webhook_rejections" USING btree ("source","fingerprint");--> statement-breakpoint
UPDATE "webhook_rejections" SET "last_received_at" = "received_at";
