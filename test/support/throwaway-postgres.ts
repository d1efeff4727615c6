import { randomBytes } from "node:crypto";
import postgres from "postgres";

/** Creates a database of its own on the TEST_DATABASE_URL server; returns its URL and a dropper. */
export async function createThrowawayPostgres(baseUrl: string) {
  const name = `repogrant_test_${randomBytes(6).toString("hex")}`;
  const admin = postgres(baseUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end({ timeout: 5 });
    },
  };
}
