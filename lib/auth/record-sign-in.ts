import { and, eq, inArray, isNull, ne, or, sql, type SQL } from "drizzle-orm";
import { buyers, grants, orders } from "../db/schema";
import type { Database } from "../db/types";
import { queueWaitingGrants } from "../grants";
import type { LogtoPerson } from "./read-person";

export interface SignInRecord {
  /** The buyer row that now carries this Logto user (and GitHub account, if any). */
  buyerId: string;
  /** Grants that were waiting for this GitHub account and are now queued for an invitation. */
  queuedGrants: number;
}

type Tx = Parameters<Parameters<Database["transaction"]>[0]>[0];

const buyerKey = { id: buyers.id, githubUserId: buyers.githubUserId };

/**
 * Records a sign-in: one buyer row per Logto user and GitHub account, into which the
 * placeholder buyers that orders created by GitHub login or verified email are merged; then
 * the grants that waited for a GitHub account are queued. All in one transaction, serialized
 * per Logto user and GitHub account, so two sign-ins at once still make one buyer.
 */
export async function recordSignIn(
  db: Database,
  person: LogtoPerson,
  now: Date,
): Promise<SignInRecord> {
  return db.transaction(async (tx) => {
    // Always Logto first, then GitHub: two people can never wait for each other in a cycle.
    await lock(tx, `logto:${person.logtoUserId}`);
    if (person.github) await lock(tx, `github:${person.github.userId}`);

    const buyerId = await claimBuyerRow(tx, person, now);
    await mergePlaceholders(tx, buyerId, person);
    const queuedGrants = person.github
      ? await queueWaitingGrants(
          tx,
          {
            buyerId,
            githubUserId: person.github.userId,
            githubLogin: person.github.login,
            verifiedEmail: person.verifiedEmail,
          },
          now,
        )
      : 0;
    return { buyerId, queuedGrants };
  });
}

async function lock(tx: Tx, key: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`sign-in:${key}`}, 0))`);
}

/** Finds (or makes) the row for this person and writes what Logto told us onto it. */
async function claimBuyerRow(tx: Tx, person: LogtoPerson, now: Date): Promise<string> {
  const githubUserId = person.github?.userId ?? null;
  const [byLogto] = await tx
    .select(buyerKey)
    .from(buyers)
    .where(eq(buyers.logtoUserId, person.logtoUserId));
  const [byGithub] =
    githubUserId === null
      ? []
      : await tx.select(buyerKey).from(buyers).where(eq(buyers.githubUserId, githubUserId));

  // "The same buyer" is the same GitHub account: its row wins over the Logto user's row.
  let targetId = byGithub?.id ?? byLogto?.id;
  if (byLogto && targetId !== byLogto.id) {
    // The Logto user's own row, without a GitHub account yet, becomes part of that buyer.
    if (byLogto.githubUserId === null) await moveInto(tx, targetId!, [byLogto.id]);
    else await releaseLogtoUser(tx, byLogto.id, now);
  } else if (
    byLogto &&
    githubUserId !== null &&
    ![null, githubUserId].includes(byLogto.githubUserId)
  ) {
    // The Logto user now signs in with another GitHub account: the old row keeps the old
    // account's orders, and this account gets a row of its own.
    await releaseLogtoUser(tx, byLogto.id, now);
    targetId = undefined;
  }

  const values = {
    logtoUserId: person.logtoUserId,
    ...(githubUserId === null ? {} : { githubUserId }),
    ...(person.github?.login ? { githubLogin: person.github.login } : {}),
    ...(person.verifiedEmail ? { email: person.verifiedEmail } : {}),
    ...(person.name ? { name: person.name } : {}),
    updatedAt: now,
  };
  if (targetId === undefined) {
    const [created] = await tx.insert(buyers).values(values).returning({ id: buyers.id });
    return created!.id;
  }
  await tx.update(buyers).set(values).where(eq(buyers.id, targetId));
  return targetId;
}

async function releaseLogtoUser(tx: Tx, buyerId: string, now: Date): Promise<void> {
  await tx.update(buyers).set({ logtoUserId: null, updatedAt: now }).where(eq(buyers.id, buyerId));
}

/** Placeholders are rows an order made from a GitHub login or an email alone. */
async function mergePlaceholders(tx: Tx, buyerId: string, person: LogtoPerson): Promise<void> {
  const names: SQL[] = [];
  if (person.github?.login) {
    names.push(sql`lower(${buyers.githubLogin}) = lower(${person.github.login})`);
  }
  // Only a verified email may claim what was bought under it.
  if (person.verifiedEmail) {
    names.push(
      and(
        isNull(buyers.githubLogin),
        sql`lower(${buyers.email}) = lower(${person.verifiedEmail})`,
      )!,
    );
  }
  if (names.length === 0) return;
  const placeholders = await tx
    .select({ id: buyers.id })
    .from(buyers)
    .where(
      and(
        isNull(buyers.githubUserId),
        isNull(buyers.logtoUserId),
        ne(buyers.id, buyerId),
        or(...names),
      ),
    );
  await moveInto(
    tx,
    buyerId,
    placeholders.map((row) => row.id),
  );
}

/** Gives the orders and grants of `fromIds` to `buyerId`, then removes the emptied rows. */
async function moveInto(tx: Tx, buyerId: string, fromIds: string[]): Promise<void> {
  if (fromIds.length === 0) return;
  await tx.update(orders).set({ buyerId }).where(inArray(orders.buyerId, fromIds));
  await tx.update(grants).set({ buyerId }).where(inArray(grants.buyerId, fromIds));
  await tx.delete(buyers).where(inArray(buyers.id, fromIds));
}
