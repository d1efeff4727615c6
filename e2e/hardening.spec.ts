import { sign } from "@octokit/webhooks-methods";
import { expect, test } from "@playwright/test";
import { existsSync, rmSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { connect } from "node:net";
import path from "node:path";
import { Webhook } from "standardwebhooks";
import { E2E_DATA_DIR, E2E_PORT } from "../playwright.config";
import { serverRssBytes } from "./support/process-tree";
import { startServerProcess, waitForHealth, type ServerProcess } from "./support/server-process";

// Issue 15 against the real production server (`npm start`), where the in-process tests cannot
// reach: memory under large bodies, the connection after a 413, signals, the sandbox's secrets.

const PORT = E2E_PORT + 1;
const BASE = `http://localhost:${PORT}`;
const MB = 1024 * 1024;

function dataDir(name: string) {
  const dir = `${E2E_DATA_DIR}-${name}`;
  rmSync(dir, { recursive: true, force: true });
  return dir;
}

function sandboxServer(dir: string, env: Record<string, string> = {}) {
  return startServerProcess(PORT, {
    DATA_DIR: dir,
    DATABASE_URL: "",
    SANDBOX: "1",
    SANDBOX_GITHUB_PORT: "0",
    SANDBOX_IDENTITY_PORT: "0",
    ORDER_WEBHOOK_SECRET: "",
    GITHUB_WEBHOOK_SECRET: "",
    ...env,
  });
}

async function started(server: ServerProcess) {
  await Promise.race([
    waitForHealth(BASE, 90_000),
    server.exited.then((code) => {
      throw new Error(`server exited (${code}):\n${server.output()}`);
    }),
  ]);
}

/** One unsigned POST of `bytes`, streamed in 1 MB chunks without a content-length. */
function postChunked(url: string, bytes: number): Promise<number | string> {
  const chunk = Buffer.alloc(MB, "a");
  return new Promise((resolve) => {
    const req = httpRequest(url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-github-event": "member",
        "x-github-delivery": "d".repeat(64),
        "x-hub-signature-256": "sha256=" + "0".repeat(64),
      },
    });
    req.on("response", (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    // The server may close the connection as soon as it has answered: that is the point.
    req.on("error", (error: NodeJS.ErrnoException) => resolve(error.code ?? "error"));
    let sent = 0;
    const write = () => {
      while (sent < bytes) {
        sent += MB;
        if (!req.write(chunk)) return void req.once("drain", write);
      }
      req.end();
    };
    write();
  });
}

test.describe.configure({ mode: "serial" });

test("16 parallel unsigned 24 MB bodies leave the server's memory within 100 MB of its start", async () => {
  test.setTimeout(240_000);
  const server = sandboxServer(dataDir("rss"), { GITHUB_WEBHOOK_SECRET: "rss-test-secret" });
  try {
    await started(server);
    const pid = server.child.pid!;
    const before = serverRssBytes(pid);
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, serverRssBytes(pid))), 100);
    const answers = await Promise.all(
      Array.from({ length: 16 }, () => postChunked(`${BASE}/api/webhooks/github`, 24 * MB)),
    );
    clearInterval(sampler);
    peak = Math.max(peak, serverRssBytes(pid));
    console.log(
      `RSS before ${(before / MB).toFixed(0)} MB, peak ${(peak / MB).toFixed(0)} MB, answers ${answers.join(",")}`,
    );
    expect(answers).toContain(413);
    for (const answer of answers) expect([413, "EPIPE", "ECONNRESET"]).toContain(answer);
    expect(peak - before).toBeLessThan(100 * MB);
    expect((await fetch(`${BASE}/api/health`)).status).toBe(200);
  } finally {
    await server.stop();
  }
});

test("a 413 closes its connection, and the next request on a fresh socket is served", async () => {
  const server = sandboxServer(dataDir("413"), {
    ORDER_WEBHOOK_SECRET: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
  });
  try {
    await started(server);
    const socket = connect(PORT, "127.0.0.1");
    let received = "";
    socket.on("data", (data: Buffer) => (received += data.toString("latin1")));
    const closed = new Promise<void>((resolve) => socket.on("close", () => resolve()));
    socket.on("error", () => {});
    socket.write(
      "POST /api/webhooks/orders HTTP/1.1\r\nHost: localhost\r\nConnection: keep-alive\r\n" +
        `Content-Type: application/json\r\nContent-Length: ${2 * MB}\r\n\r\n` +
        "x".repeat(64 * 1024),
    );
    await closed; // the server ends the connection itself after answering
    expect(received).toMatch(/^HTTP\/1\.1 413 /);
    expect(received.toLowerCase()).toContain("connection: close");

    const fresh = await fetch(`${BASE}/api/health`);
    expect(fresh.status).toBe(200);
  } finally {
    await server.stop();
  }
});

test("the sandbox prints the order webhook secret it made, keeps it across restarts, and a delivery signed with it is paid", async () => {
  test.setTimeout(180_000);
  const dir = dataDir("secret");
  const userGithubSecret = "github-secret-the-user-chose";
  let server = sandboxServer(dir, { GITHUB_WEBHOOK_SECRET: userGithubSecret });
  let printed: string | undefined;
  try {
    await started(server);
    printed = /ORDER_WEBHOOK_SECRET=(whsec_\S+)/.exec(server.output())?.[1];
    expect(printed, server.output()).toBeDefined();

    const raw = JSON.stringify({
      type: "order.paid",
      data: { externalId: "first-try", product: "demo", buyer: { githubLogin: "octocat" } },
    });
    const at = new Date();
    const paid = await fetch(`${BASE}/api/webhooks/orders`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "webhook-id": "msg_first_try",
        "webhook-timestamp": String(Math.floor(at.getTime() / 1000)),
        "webhook-signature": new Webhook(printed!).sign("msg_first_try", at, raw),
      },
      body: raw,
    });
    expect(paid.status).toBe(200);
    expect(await paid.json()).toMatchObject({ ok: true, duplicate: false });

    // The GitHub webhook secret the user set is the one the app verifies with.
    const ping = JSON.stringify({ zen: "Keep it logically awesome.", hook_id: 1 });
    const github = await fetch(`${BASE}/api/webhooks/github`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-github-event": "ping",
        "x-github-delivery": "ping-1",
        "x-hub-signature-256": await sign(userGithubSecret, ping),
      },
      body: ping,
    });
    expect(github.status).toBe(200);
  } finally {
    await server.stop();
  }
  server = sandboxServer(dir);
  try {
    await started(server);
    expect(/ORDER_WEBHOOK_SECRET=(whsec_\S+)/.exec(server.output())?.[1]).toBe(printed);
  } finally {
    await server.stop();
  }
});

test("Ctrl-C pressed twice still closes PGlite: no lock is left behind", async () => {
  const dir = dataDir("signals");
  const server = sandboxServer(dir);
  await started(server);
  const group = -server.child.pid!;
  process.kill(group, "SIGINT");
  process.kill(group, "SIGINT");
  await server.gone();
  expect(existsSync(path.join(dir, "pglite.lock"))).toBe(false);
});

test("startup refuses an invalid ORDER_WEBHOOK_SECRET, naming the variable", async () => {
  const server = sandboxServer(dataDir("bad-secret"), {
    ORDER_WEBHOOK_SECRET: "whsec_not-base64!",
  });
  const code = await server.exited;
  expect(code).not.toBe(0);
  expect(server.output()).toContain("ORDER_WEBHOOK_SECRET: each secret must be whsec_");
  expect(server.output()).not.toContain("whsec_not-base64!");
});
