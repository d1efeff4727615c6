CREATE TABLE "payment_mismatches" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "payment_mismatches_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"order_id" text NOT NULL,
	"provider" text NOT NULL,
	"provider_event_id" text NOT NULL,
	"provider_payment_id" text,
	"reason" text NOT NULL,
	"detail" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "payment_provider" text;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "provider_payment_id" text;--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "payment_provider" text;--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "provider_product_ref" text;--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "provider_amount_cents" integer;--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "revoke_on_partial_refund" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "payment_mismatches" ADD CONSTRAINT "payment_mismatches_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "payment_mismatches_order_idx" ON "payment_mismatches" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "payment_mismatches_received_idx" ON "payment_mismatches" USING btree ("received_at");--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_provider_payment_key" UNIQUE("payment_provider","provider_payment_id");--> statement-breakpoint
ALTER TABLE "products" ADD CONSTRAINT "products_payment_provider" CHECK ("products"."payment_provider" is null or "products"."payment_provider" in ('stripe', 'lemonsqueezy', 'polar'));