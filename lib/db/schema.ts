import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";

export {
  ENTITLEMENT_KINDS,
  GRANT_STATUSES,
  ORDER_STATUSES,
  PAYMENT_PROVIDERS,
  TEAM_ROLES,
  type EntitlementKind,
  type GrantStatus,
  type OrderStatus,
  type PaymentProvider,
} from "./status-values";
import {
  ENTITLEMENT_KINDS,
  GRANT_STATUSES,
  ORDER_STATUSES,
  PAYMENT_PROVIDERS,
  TEAM_ROLES,
} from "./status-values";
import type { EntitlementKind, GrantStatus, OrderStatus, PaymentProvider } from "./status-values";

const inList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(", "));

const timestamps = {
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
};

/** A random 128-bit id: order ids travel through payment links and must not be guessable. */
export function newOrderId(): string {
  return randomBytes(16).toString("base64url");
}

export const products = pgTable(
  "products",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    slug: text("slug").notNull().unique(),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    priceCents: integer("price_cents").notNull().default(0),
    currency: text("currency").notNull().default("USD"),
    paymentLink: text("payment_link"),
    /** Which provider's events may pay this product (null: any provider's; the amount is checked). */
    paymentProvider: text("payment_provider").$type<PaymentProvider>(),
    /** The provider's payment link, variant or product id a payment must name (null: not checked). */
    providerProductRef: text("provider_product_ref"),
    /** The least a provider payment must be, in minor units (null: the product's price). */
    providerAmountCents: integer("provider_amount_cents"),
    /** Whether a partial refund takes the access away (a full refund or a dispute always does). */
    revokeOnPartialRefund: boolean("revoke_on_partial_refund").notNull().default(false),
    active: boolean("active").notNull().default(true),
    /** Archived products leave the storefront and the dashboard's list; their orders stay. */
    archivedAt: timestamp("archived_at", { withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    check("products_slug_format", sql`${t.slug} ~ '^[a-z0-9][a-z0-9-]{0,62}$'`),
    check("products_price_not_negative", sql`${t.priceCents} >= 0`),
    check("products_currency_format", sql`${t.currency} ~ '^[A-Z]{3}$'`),
    check(
      "products_payment_provider",
      sql`${t.paymentProvider} is null or ${t.paymentProvider} in (${inList(PAYMENT_PROVIDERS)})`,
    ),
  ],
);

export const entitlements = pgTable(
  "entitlements",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    productId: uuid("product_id")
      .notNull()
      .references(() => products.id, { onDelete: "cascade" }),
    kind: text("kind").$type<EntitlementKind>().notNull(),
    owner: text("owner"),
    repo: text("repo"),
    permission: text("permission"),
    org: text("org"),
    teamSlug: text("team_slug"),
    teamRole: text("team_role"),
    position: integer("position").notNull().default(0),
  },
  (t) => [
    index("entitlements_product_idx").on(t.productId, t.position),
    check("entitlements_kind", sql`${t.kind} in (${inList(ENTITLEMENT_KINDS)})`),
    check(
      "entitlements_target",
      sql`(${t.kind} = 'github_repo' and ${t.owner} is not null and ${t.repo} is not null and ${t.permission} is not null)
       or (${t.kind} = 'github_team' and ${t.org} is not null and ${t.teamSlug} is not null and ${t.teamRole} in (${inList(TEAM_ROLES)}))`,
    ),
  ],
);

export const buyers = pgTable(
  "buyers",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    logtoUserId: text("logto_user_id").unique(),
    githubUserId: bigint("github_user_id", { mode: "number" }).unique(),
    githubLogin: text("github_login"),
    email: text("email"),
    name: text("name"),
    ...timestamps,
  },
  (t) => [
    index("buyers_github_login_idx").on(sql`lower(${t.githubLogin})`),
    index("buyers_email_idx").on(sql`lower(${t.email})`),
    // An order may name a buyer we have never seen by login or email alone. These placeholders
    // are unique so that concurrent orders for one new buyer upsert one row, not two.
    uniqueIndex("buyers_placeholder_login_key")
      .on(sql`lower(${t.githubLogin})`)
      .where(sql`${t.githubUserId} is null and ${t.logtoUserId} is null`),
    uniqueIndex("buyers_placeholder_email_key")
      .on(sql`lower(${t.email})`)
      .where(
        sql`${t.githubUserId} is null and ${t.logtoUserId} is null and ${t.githubLogin} is null`,
      ),
  ],
);

export const orders = pgTable(
  "orders",
  {
    id: text("id").primaryKey().$defaultFn(newOrderId),
    productId: uuid("product_id")
      .notNull()
      .references(() => products.id),
    buyerId: uuid("buyer_id").references(() => buyers.id),
    buyerEmail: text("buyer_email"),
    status: text("status").$type<OrderStatus>().notNull().default("pending"),
    source: text("source").notNull(),
    externalId: text("external_id"),
    amount: integer("amount"),
    currency: text("currency"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    paidAt: timestamp("paid_at", { withTimezone: true }),
    refundedAt: timestamp("refunded_at", { withTimezone: true }),
    canceledAt: timestamp("canceled_at", { withTimezone: true }),
    /** The provider that paid a checkout order, and its payment id (pi_…): refunds name only it. */
    paymentProvider: text("payment_provider").$type<PaymentProvider>(),
    providerPaymentId: text("provider_payment_id"),
  },
  (t) => [
    unique("orders_source_external_id_key").on(t.source, t.externalId),
    unique("orders_provider_payment_key").on(t.paymentProvider, t.providerPaymentId),
    check("orders_status", sql`${t.status} in (${inList(ORDER_STATUSES)})`),
    // The dashboard's orders table: every sort and filter is one of these index scans, so a
    // page costs the same at 100 orders and at 100,000 (see bench/orders-dashboard.ts).
    index("orders_created_at_idx").on(t.createdAt, t.id),
    index("orders_status_created_at_idx").on(t.status, t.createdAt, t.id),
    index("orders_product_created_at_idx").on(t.productId, t.createdAt, t.id),
    index("orders_paid_at_asc_idx").on(t.paidAt.asc().nullsLast(), t.id.asc()),
    index("orders_paid_at_desc_idx").on(t.paidAt.desc().nullsLast(), t.id.desc()),
    index("orders_amount_asc_idx").on(t.amount.asc().nullsLast(), t.id.asc()),
    index("orders_amount_desc_idx").on(t.amount.desc().nullsLast(), t.id.desc()),
    index("orders_external_id_idx").on(t.externalId),
    index("orders_buyer_email_idx").on(sql`lower(${t.buyerEmail})`),
    index("orders_buyer_idx").on(t.buyerId),
  ],
);

export const grants = pgTable(
  "grants",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    orderId: text("order_id")
      .notNull()
      .references(() => orders.id),
    entitlementId: uuid("entitlement_id")
      .notNull()
      .references(() => entitlements.id),
    buyerId: uuid("buyer_id").references(() => buyers.id),
    status: text("status").$type<GrantStatus>().notNull(),
    // Snapshot of what was sold, so editing a product never changes what a refund revokes.
    kind: text("kind").$type<EntitlementKind>().notNull(),
    owner: text("owner"),
    repo: text("repo"),
    permission: text("permission"),
    org: text("org"),
    teamSlug: text("team_slug"),
    teamRole: text("team_role"),
    githubLogin: text("github_login"),
    githubUserId: bigint("github_user_id", { mode: "number" }),
    invitationId: bigint("invitation_id", { mode: "number" }),
    invitationUrl: text("invitation_url"),
    invitedAt: timestamp("invited_at", { withTimezone: true }),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }),
    expiresAt: timestamp("expires_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    attempts: integer("attempts").notNull().default(0),
    /** Invitations sent again after the first (GitHub expires them after 7 days). */
    resends: integer("resends").notNull().default(0),
    /** Set by a refund or the merchant; the engine takes the access away, then marks revoked. */
    revokeRequestedAt: timestamp("revoke_requested_at", { withTimezone: true }),
    revokeReason: text("revoke_reason"),
    /**
     * Team grants: whether the account was already a member of the organization when we added
     * it to the team — GitHub's answer to that PUT (active, not pending) — so a refund removes
     * only an organization membership our own invitation created. Null when not known.
     */
    orgMemberBefore: boolean("org_member_before"),
    queuedAt: timestamp("queued_at", { withTimezone: true }),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }),
    lockedUntil: timestamp("locked_until", { withTimezone: true }),
    lastError: jsonb("last_error").$type<{ code: string; message: string; at: string }>(),
    ...timestamps,
  },
  (t) => [
    unique("grants_order_entitlement_key").on(t.orderId, t.entitlementId),
    check("grants_status", sql`${t.status} in (${inList(GRANT_STATUSES)})`),
    check("grants_kind", sql`${t.kind} in (${inList(ENTITLEMENT_KINDS)})`),
    check("grants_attempts_not_negative", sql`${t.attempts} >= 0`),
    index("grants_due_idx").on(t.status, t.nextAttemptAt),
    index("grants_revocation_due_idx")
      .on(t.nextAttemptAt)
      .where(sql`${t.revokeRequestedAt} is not null and ${t.status} <> 'revoked'`),
    index("grants_status_idx").on(t.status, t.updatedAt),
    index("grants_buyer_idx").on(t.buyerId),
    // With grants_buyer_idx, the three ways a grant names its account (strongestOtherPaidGrant).
    index("grants_github_user_idx").on(t.githubUserId),
    index("grants_github_login_idx").on(sql`lower(${t.githubLogin})`),
    index("grants_order_idx").on(t.orderId),
    index("grants_repo_idx").on(t.owner, t.repo),
  ],
);

export const grantEvents = pgTable(
  "grant_events",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    grantId: bigint("grant_id", { mode: "number" })
      .notNull()
      .references(() => grants.id, { onDelete: "cascade" }),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    kind: text("kind").notNull(),
    githubStatus: integer("github_status"),
    requestId: text("request_id"),
    detail: jsonb("detail").$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [
    index("grant_events_grant_idx").on(t.grantId, t.at),
    index("grant_events_kind_at_idx").on(t.kind, t.at),
  ],
);

export const webhookDeliveries = pgTable(
  "webhook_deliveries",
  {
    source: text("source").notNull(),
    deliveryId: text("delivery_id").notNull(),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
    type: text("type").notNull(),
  },
  (t) => [
    primaryKey({
      name: "webhook_deliveries_source_delivery_id_key",
      columns: [t.source, t.deliveryId],
    }),
    // Pruning after the retention period reads by age.
    index("webhook_deliveries_received_idx").on(t.receivedAt),
  ],
);

/** Deliveries we refused; kept for the merchant, never consuming the delivery id. */
export const webhookRejections = pgTable(
  "webhook_rejections",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    source: text("source").notNull(),
    deliveryId: text("delivery_id"),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
    httpStatus: integer("http_status").notNull(),
    reason: text("reason").notNull(),
    detail: jsonb("detail").$type<Record<string, unknown>>().notNull().default({}),
    // Identical rejections (same source, status, reason and — when signed — delivery id) share
    // one row: a stranger repeating a request moves a counter instead of growing the table.
    fingerprint: text("fingerprint"),
    repeatCount: integer("repeat_count").notNull().default(1),
    lastReceivedAt: timestamp("last_received_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("webhook_rejections_received_idx").on(t.receivedAt),
    index("webhook_rejections_last_received_idx").on(t.lastReceivedAt),
    uniqueIndex("webhook_rejections_fingerprint_key").on(t.source, t.fingerprint),
  ],
);

/** One account's finding in an access audit, and what the audit did about it. */
export type AuditFinding = {
  login: string;
  /** left_over: access or an invitation whose every grant was taken back; gone: a grant's access GitHub no longer has. */
  finding: "left_over" | "gone" | "accepted";
  /** What was done: removed on GitHub, the grant settled, or why nothing could be. */
  action: "removed" | "settled" | "failed";
  grantIds: number[];
  /** What was removed: "collaborator", "invitation", "team_member", "org_member". */
  removed?: string[];
  error?: string;
};

/** One sold repository or team as the audit found it. */
export type AuditTargetResult = {
  target: string;
  kind: "github_repo" | "github_team";
  githubCalls: number;
  findings: AuditFinding[];
  /** Set when GitHub could not be read for this target; nothing was changed there. */
  error?: { code: string; message: string };
};

/**
 * Each run of the access audit (periodic or the merchant's), for the dashboard: what it found
 * per sold repository and team, and what it did.
 */
export const accessAudits = pgTable(
  "access_audits",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    trigger: text("trigger").$type<"schedule" | "merchant">().notNull(),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull(),
    finishedAt: timestamp("finished_at", { withTimezone: true }).notNull(),
    removed: integer("removed").notNull().default(0),
    settled: integer("settled").notNull().default(0),
    failedTargets: integer("failed_targets").notNull().default(0),
    githubCalls: integer("github_calls").notNull().default(0),
    targets: jsonb("targets").$type<AuditTargetResult[]>().notNull().default([]),
  },
  (t) => [
    check("access_audits_trigger", sql`${t.trigger} in ('schedule', 'merchant')`),
    index("access_audits_finished_idx").on(t.finishedAt),
  ],
);

/**
 * A provider payment that named an order but did not match it (another product, too little, or
 * a second payment): nobody was invited. Kept for the merchant, on the order and in Deliveries.
 */
export const paymentMismatches = pgTable(
  "payment_mismatches",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    orderId: text("order_id")
      .notNull()
      .references(() => orders.id),
    provider: text("provider").$type<PaymentProvider>().notNull(),
    providerEventId: text("provider_event_id").notNull(),
    providerPaymentId: text("provider_payment_id"),
    reason: text("reason").notNull(),
    /** What the order expected and what the payment said: product reference, amount, currency. */
    detail: jsonb("detail").$type<Record<string, unknown>>().notNull().default({}),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("payment_mismatches_order_idx").on(t.orderId),
    index("payment_mismatches_received_idx").on(t.receivedAt),
  ],
);

/**
 * When the last write to GitHub with each credential ended, on the database's clock, so that
 * server instances sharing one PostgreSQL space their writes (lib/fulfillment/github-write-turns.ts).
 * The key is the credential's sha256 (lib/github/client.ts `credentialKey`), never a token.
 */
export const githubWriteTurns = pgTable("github_write_turns", {
  credentialKey: text("credential_key").primaryKey(),
  lastFinishedAt: timestamp("last_finished_at", { withTimezone: true }).notNull(),
});
