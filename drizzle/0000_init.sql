CREATE TABLE "buyers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"logto_user_id" text,
	"github_user_id" bigint,
	"github_login" text,
	"email" text,
	"name" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "buyers_logto_user_id_unique" UNIQUE("logto_user_id"),
	CONSTRAINT "buyers_github_user_id_unique" UNIQUE("github_user_id")
);
--> statement-breakpoint
CREATE TABLE "entitlements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"product_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"owner" text,
	"repo" text,
	"permission" text,
	"org" text,
	"team_slug" text,
	"team_role" text,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "entitlements_kind" CHECK ("entitlements"."kind" in ('github_repo', 'github_team')),
	CONSTRAINT "entitlements_target" CHECK (("entitlements"."kind" = 'github_repo' and "entitlements"."owner" is not null and "entitlements"."repo" is not null and "entitlements"."permission" is not null)
       or ("entitlements"."kind" = 'github_team' and "entitlements"."org" is not null and "entitlements"."team_slug" is not null and "entitlements"."team_role" in ('member', 'maintainer')))
);
--> statement-breakpoint
CREATE TABLE "grant_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "grant_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"grant_id" bigint NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"kind" text NOT NULL,
	"github_status" integer,
	"request_id" text,
	"detail" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "grants" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "grants_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"order_id" text NOT NULL,
	"entitlement_id" uuid NOT NULL,
	"buyer_id" uuid,
	"status" text NOT NULL,
	"kind" text NOT NULL,
	"owner" text,
	"repo" text,
	"permission" text,
	"org" text,
	"team_slug" text,
	"team_role" text,
	"github_login" text,
	"github_user_id" bigint,
	"invitation_id" bigint,
	"invitation_url" text,
	"invited_at" timestamp with time zone,
	"accepted_at" timestamp with time zone,
	"expires_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"attempts" integer DEFAULT 0 NOT NULL,
	"queued_at" timestamp with time zone,
	"next_attempt_at" timestamp with time zone,
	"locked_until" timestamp with time zone,
	"last_error" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "grants_order_entitlement_key" UNIQUE("order_id","entitlement_id"),
	CONSTRAINT "grants_status" CHECK ("grants"."status" in ('waiting_for_github', 'queued', 'invited', 'active', 'expired', 'declined', 'failed', 'revoked')),
	CONSTRAINT "grants_kind" CHECK ("grants"."kind" in ('github_repo', 'github_team')),
	CONSTRAINT "grants_attempts_not_negative" CHECK ("grants"."attempts" >= 0)
);
--> statement-breakpoint
CREATE TABLE "orders" (
	"id" text PRIMARY KEY NOT NULL,
	"product_id" uuid NOT NULL,
	"buyer_id" uuid,
	"buyer_email" text,
	"status" text DEFAULT 'pending' NOT NULL,
	"source" text NOT NULL,
	"external_id" text,
	"amount" integer,
	"currency" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"paid_at" timestamp with time zone,
	"refunded_at" timestamp with time zone,
	"canceled_at" timestamp with time zone,
	CONSTRAINT "orders_source_external_id_key" UNIQUE("source","external_id"),
	CONSTRAINT "orders_status" CHECK ("orders"."status" in ('pending', 'paid', 'refunded', 'canceled'))
);
--> statement-breakpoint
CREATE TABLE "products" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"price_cents" integer DEFAULT 0 NOT NULL,
	"currency" text DEFAULT 'USD' NOT NULL,
	"payment_link" text,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "products_slug_unique" UNIQUE("slug"),
	CONSTRAINT "products_slug_format" CHECK ("products"."slug" ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
	CONSTRAINT "products_price_not_negative" CHECK ("products"."price_cents" >= 0),
	CONSTRAINT "products_currency_format" CHECK ("products"."currency" ~ '^[A-Z]{3}$')
);
--> statement-breakpoint
CREATE TABLE "webhook_deliveries" (
	"source" text NOT NULL,
	"delivery_id" text NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"type" text NOT NULL,
	CONSTRAINT "webhook_deliveries_source_delivery_id_key" PRIMARY KEY("source","delivery_id")
);
--> statement-breakpoint
CREATE TABLE "webhook_rejections" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "webhook_rejections_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"source" text NOT NULL,
	"delivery_id" text,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"http_status" integer NOT NULL,
	"reason" text NOT NULL,
	"detail" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "entitlements" ADD CONSTRAINT "entitlements_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_events" ADD CONSTRAINT "grant_events_grant_id_grants_id_fk" FOREIGN KEY ("grant_id") REFERENCES "public"."grants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grants" ADD CONSTRAINT "grants_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grants" ADD CONSTRAINT "grants_entitlement_id_entitlements_id_fk" FOREIGN KEY ("entitlement_id") REFERENCES "public"."entitlements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grants" ADD CONSTRAINT "grants_buyer_id_buyers_id_fk" FOREIGN KEY ("buyer_id") REFERENCES "public"."buyers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_buyer_id_buyers_id_fk" FOREIGN KEY ("buyer_id") REFERENCES "public"."buyers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "buyers_github_login_idx" ON "buyers" USING btree (lower("github_login"));--> statement-breakpoint
CREATE INDEX "buyers_email_idx" ON "buyers" USING btree (lower("email"));--> statement-breakpoint
CREATE UNIQUE INDEX "buyers_placeholder_login_key" ON "buyers" USING btree (lower("github_login")) WHERE "buyers"."github_user_id" is null and "buyers"."logto_user_id" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "buyers_placeholder_email_key" ON "buyers" USING btree (lower("email")) WHERE "buyers"."github_user_id" is null and "buyers"."logto_user_id" is null and "buyers"."github_login" is null;--> statement-breakpoint
CREATE INDEX "entitlements_product_idx" ON "entitlements" USING btree ("product_id","position");--> statement-breakpoint
CREATE INDEX "grant_events_grant_idx" ON "grant_events" USING btree ("grant_id","at");--> statement-breakpoint
CREATE INDEX "grant_events_kind_at_idx" ON "grant_events" USING btree ("kind","at");--> statement-breakpoint
CREATE INDEX "grants_due_idx" ON "grants" USING btree ("status","next_attempt_at");--> statement-breakpoint
CREATE INDEX "grants_status_idx" ON "grants" USING btree ("status","updated_at");--> statement-breakpoint
CREATE INDEX "grants_buyer_idx" ON "grants" USING btree ("buyer_id");--> statement-breakpoint
CREATE INDEX "grants_order_idx" ON "grants" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "grants_repo_idx" ON "grants" USING btree ("owner","repo");--> statement-breakpoint
CREATE INDEX "orders_created_at_idx" ON "orders" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "orders_status_created_at_idx" ON "orders" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "orders_buyer_idx" ON "orders" USING btree ("buyer_id");--> statement-breakpoint
CREATE INDEX "webhook_rejections_received_idx" ON "webhook_rejections" USING btree ("received_at");