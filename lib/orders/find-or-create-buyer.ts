import { desc, eq, sql } from "drizzle-orm";
import { buyers } from "../db/schema";
import { rowsOf } from "../db/rows";
import type { Database } from "../db/types";
import type { BuyerReference } from "./order-event";

export interface BuyerIdentity {
  id: string;
  githubLogin: string | null;
  githubUserId: number | null;
  email: string | null;
}

const identity = {
  id: buyers.id,
  githubLogin: buyers.githubLogin,
  githubUserId: buyers.githubUserId,
  email: buyers.email,
};

/**
 * Finds the buyer an order names, or records a placeholder for one we have never seen. Every
 * insert is an upsert on a unique key, so concurrent orders for one new buyer make one row.
 */
export async function findOrCreateBuyer(db: Database, ref: BuyerReference): Promise<BuyerIdentity> {
  if ("githubUserId" in ref) {
    const [row] = await db
      .insert(buyers)
      .values({ githubUserId: ref.githubUserId })
      .onConflictDoUpdate({ target: buyers.githubUserId, set: { updatedAt: sql`now()` } })
      .returning(identity);
    return row!;
  }
  if ("logtoUserId" in ref) {
    const [row] = await db
      .insert(buyers)
      .values({ logtoUserId: ref.logtoUserId })
      .onConflictDoUpdate({ target: buyers.logtoUserId, set: { updatedAt: sql`now()` } })
      .returning(identity);
    return row!;
  }
  if ("githubLogin" in ref) {
    const known = await findBy(db, sql`lower(${buyers.githubLogin}) = lower(${ref.githubLogin})`);
    return (
      known ??
      upsertPlaceholder(
        db,
        sql`insert into buyers (github_login) values (${ref.githubLogin})
            on conflict (lower(github_login)) where github_user_id is null and logto_user_id is null
            do update set updated_at = now()
            returning id, github_login, github_user_id, email`,
      )
    );
  }
  const known = await findBy(db, sql`lower(${buyers.email}) = lower(${ref.email})`);
  return (
    known ??
    upsertPlaceholder(
      db,
      sql`insert into buyers (email) values (${ref.email})
          on conflict (lower(email)) where github_user_id is null and logto_user_id is null and github_login is null
          do update set updated_at = now()
          returning id, github_login, github_user_id, email`,
    )
  );
}

// A buyer whose GitHub account we know is the better match than a placeholder.
async function findBy(db: Database, condition: ReturnType<typeof sql>) {
  const [row] = await db
    .select(identity)
    .from(buyers)
    .where(condition)
    .orderBy(sql`${buyers.githubUserId} is null`, desc(buyers.updatedAt))
    .limit(1);
  return row;
}

async function upsertPlaceholder(
  db: Database,
  query: ReturnType<typeof sql>,
): Promise<BuyerIdentity> {
  const [row] = rowsOf<{
    id: string;
    github_login: string | null;
    github_user_id: string | number | null;
    email: string | null;
  }>(await db.execute(query));
  return {
    id: row!.id,
    githubLogin: row!.github_login,
    githubUserId: row!.github_user_id === null ? null : Number(row!.github_user_id),
    email: row!.email,
  };
}

export async function getBuyerIdentity(
  db: Database,
  id: string,
): Promise<BuyerIdentity | undefined> {
  const [row] = await db.select(identity).from(buyers).where(eq(buyers.id, id));
  return row;
}
