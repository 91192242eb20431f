import { test } from "tap";
import http from "node:http";
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { openDatabase } from "../../src/db/index.js";
import { createPii } from "../../src/lib/pii.js";
import { shanghaiDate } from "../../src/domain/dates.js";
import { CLIENT_ADDRESS_HEADER, forwardWrites, listenForForwardedWrites, closeServer } from "../../src/cluster/forward.js";
import { restartPause } from "../../src/cluster/primary.js";
import { roleOf } from "../../src/cluster/role.js";
import { startServer, tokenFor, TEST_PII_KEY } from "./server-process.js";
import { seedCoveredMembers } from "./fixtures.js";
async function request(url, opts = {}) {
  return await new Promise((resolve, reject) => {
    const req = http.request(url, { method: opts.method ?? "GET", headers: opts.headers, agent: false }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (d) => {
        body += d;
      });
      res.on("end", () => {
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body });
      });
    });
    req.on("error", reject);
    const s = opts.timeoutS ?? 30;
    req.setTimeout(s * 1e3, () => {
      req.destroy(new Error(`no answer in ${s} s: ${opts.method ?? "GET"} ${url}`));
    });
    req.end(opts.body);
  });
}
async function listen(server) {
  await new Promise((resolve) => {
    server.listen(0, "127.0.0.1", resolve);
  });
  const a = server.address();
  return `http://127.0.0.1:${a.port}`;
}
test("a reader answers reads itself and, with the writer down, refuses writes with 503 and Retry-After", async (t) => {
  const dir = mkdtempSync(join(tmpdir(), "portal-fwd-"));
  t.teardown(() => {
    rmSync(dir, { recursive: true, force: true });
  });
  const reader = http.createServer((req, res) => {
    res.end(`read ${String(req.method)}`);
  });
  const stop = forwardWrites(reader, join(dir, "absent.sock"), () => {
  });
  const base = await listen(reader);
  t.teardown(async () => {
    stop();
    await closeServer(reader);
  });
  t.equal((await request(`${base}/x`)).body, "read GET");
  const api = await request(`${base}/api/v1/aid/claims`, { method: "POST", body: "{}" });
  t.equal(api.status, 503);
  t.equal(api.headers["retry-after"], "2");
  t.same(JSON.parse(api.body), { error: { code: "SERVICE_UNAVAILABLE", message: "\u670D\u52A1\u6B63\u5728\u91CD\u542F\uFF0C\u8BF7\u7A0D\u540E\u91CD\u8BD5\u3002" } });
  const page = await request(`${base}/claims/new`, { method: "POST", body: "a=1", headers: { "accept-language": "en" } });
  t.equal(page.status, 503);
  t.equal(page.headers["retry-after"], "2");
  t.match(page.body, /The service is restarting/);
});
test("a write sent to a reader reaches the writer unchanged, with the client's address", async (t) => {
  const dir = mkdtempSync(join(tmpdir(), "portal-fwd-"));
  t.teardown(() => {
    rmSync(dir, { recursive: true, force: true });
  });
  const socketPath = join(dir, "writer.sock");
  const seen = [];
  const writer = http.createServer((req, res) => {
    let body = "";
    req.on("data", (d) => {
      body += d.toString();
    });
    req.on("end", () => {
      seen.push({ method: req.method, url: req.url, address: req.socket.remoteAddress, header: req.headers[CLIENT_ADDRESS_HEADER], body });
      res.writeHead(201, { "set-cookie": ["a=1", "b=2"], "content-type": "application/json" });
      res.end('{"id":7}');
    });
  });
  const inner = await listenForForwardedWrites(writer, socketPath);
  t.equal(statSync(socketPath).mode & 511, 384, "the socket is the owner's only");
  const reader = http.createServer(() => {
    t.fail("a write must not be served by the reader");
  });
  const stop = forwardWrites(reader, socketPath, (err) => {
    t.error(err);
  });
  const base = await listen(reader);
  t.teardown(async () => {
    stop();
    await closeServer(reader);
    await closeServer(inner);
  });
  const a = await request(`${base}/api/v1/aid/claims?x=1`, { method: "POST", body: '{"a":"\xE9"}', headers: { "content-type": "application/json", [CLIENT_ADDRESS_HEADER]: "6.6.6.6" } });
  t.equal(a.status, 201);
  t.equal(a.body, '{"id":7}');
  t.same(a.headers["set-cookie"], ["a=1", "b=2"], "every cookie comes back");
  t.same(seen, [{ method: "POST", url: "/api/v1/aid/claims?x=1", address: "127.0.0.1", header: void 0, body: '{"a":"\xE9"}' }]);
});
test("worker roles and restart pauses", async (t) => {
  t.same(roleOf(1, {}, true), { kind: "single" });
  t.same(roleOf(2, {}, true), { kind: "primary" });
  t.same(roleOf(2, { PORTAL_CLUSTER_ROLE: "reader", PORTAL_WRITER_SOCKET: "/tmp/x/writer.sock" }, false), { kind: "reader", socketPath: "/tmp/x/writer.sock" });
  t.throws(() => roleOf(2, { PORTAL_CLUSTER_ROLE: "boss", PORTAL_WRITER_SOCKET: "/tmp/x" }, false));
  t.throws(() => roleOf(2, { PORTAL_CLUSTER_ROLE: "writer", PORTAL_WRITER_SOCKET: "relative.sock" }, false));
  const pauses = [[1, 100], [2, 200], [3, 400], [7, 6400], [8, 1e4], [30, 1e4]];
  for (const [failures, ms] of pauses) t.equal(restartPause(failures), ms, `${failures} failures in a row: ${ms} ms`);
});
function workersOf(primary) {
  const out = [];
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (ppid !== primary) continue;
      const role = /PORTAL_CLUSTER_ROLE=(\w+)/.exec(readFileSync(`/proc/${name}/environ`, "latin1"));
      if (role !== null) out.push({ pid: Number(name), role: role[1] });
    } catch {
    }
  }
  return out;
}
async function until(what, server, check) {
  for (let i = 0; i < 1200; i++) {
    const v = await check();
    if (v !== void 0) return v;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`gave up waiting: ${what}
${server.output()}`);
}
function loggedBy(server, method) {
  return server.output().split("\n").filter((l) => l.startsWith("{")).map((l) => JSON.parse(l)).filter((l) => l.msg === "request" && l.method === method).map((l) => l.pid);
}
function claim(server, fx, k, timeoutS) {
  return request(`${server.baseUrl}/api/v1/aid/claims`, {
    method: "POST",
    timeoutS,
    headers: { "content-type": "application/json", authorization: `Bearer ${tokenFor(fx.members[k % fx.members.length].userId)}`, "idempotency-key": `wc-${k}` },
    body: JSON.stringify({
      admissionDate: fx.admissionDate,
      dischargeDate: fx.dischargeDate,
      hospital: "\u4E91\u5357\u7701\u7B2C\u4E00\u4EBA\u6C11\u533B\u9662",
      invoiceNo: `WC-${k}`,
      totalCostFen: 1e6 + k * 100,
      insurancePaidFen: 5e5,
      excludedFen: 1e4
    })
  });
}
test("WEB_CONCURRENCY=2: both processes read, the writer makes every write, dead workers come back", async (t) => {
  const dir = mkdtempSync(join(tmpdir(), "portal-wc-"));
  t.teardown(() => {
    rmSync(dir, { recursive: true, force: true });
  });
  const dbPath = join(dir, "portal.db");
  const setup = openDatabase(dbPath);
  const fx = await seedCoveredMembers(setup, createPii(TEST_PII_KEY), { today: shanghaiDate(/* @__PURE__ */ new Date()), members: 8 });
  setup.$client.close();
  const server = await startServer({ databasePath: dbPath, env: { WEB_CONCURRENCY: "2", LOG_LEVEL: "info" }, timeoutMs: 12e4 });
  t.teardown(async () => {
    await server.kill();
  });
  const two = await until("two server processes", server, () => {
    const w = workersOf(server.pid);
    return w.length === 2 ? w : void 0;
  });
  const writer = two.find((w) => w.role === "writer");
  const reader = two.find((w) => w.role === "reader");
  t.ok(writer !== void 0 && reader !== void 0, "one writer, one reader");
  await until("reads answered by both processes", server, async () => {
    t.equal((await request(`${server.baseUrl}/api/v1/buildings`)).status, 200);
    return new Set(loggedBy(server, "GET")).size === 2 ? true : void 0;
  });
  const answers = [];
  for (let k = 0; k < 8; k++) answers.push(await claim(server, fx, k));
  t.same(answers.map((a) => a.status), Array(8).fill(201), "every claim accepted");
  await until("eight POST log lines", server, () => loggedBy(server, "POST").length >= 8 ? true : void 0);
  t.same([...new Set(loggedBy(server, "POST"))], [writer.pid], "every write was made by the writer");
  t.equal(loggedBy(server, "POST").length, 8, "each once");
  const db = new Database(dbPath, { readonly: true });
  t.teardown(() => {
    db.close();
  });
  const count = () => db.prepare("SELECT count(*) AS n FROM aid_claims").get().n;
  t.equal(count(), 8, "eight claims in the database, none twice");
  process.kill(reader.pid, "SIGKILL");
  t.comment(`reader ${reader.pid} killed`);
  await until("a new reader", server, () => workersOf(server.pid).find((w) => w.role === "reader" && w.pid !== reader.pid));
  t.comment("a new reader");
  process.kill(writer.pid, "SIGKILL");
  t.comment(`writer ${writer.pid} killed`);
  const refused = [];
  const landed = await until("a write after the writer restarted", server, async () => {
    const a = await claim(server, fx, 100, 5).catch((err) => {
      t.comment(err.message);
    });
    if (a?.status === 503) refused.push(a);
    return a?.status === 201 ? a : void 0;
  });
  t.equal(landed.status, 201);
  t.ok(refused.every((a) => a.headers["retry-after"] === "2"), "refusals say when to retry");
  t.ok(workersOf(server.pid).some((w) => w.role === "writer" && w.pid !== writer.pid), "a new writer");
  t.equal(count(), 9, "the retried claim is there once");
  const again = await claim(server, fx, 100);
  t.equal(again.status, 201);
  t.equal(JSON.parse(again.body).id, JSON.parse(landed.body).id, "sent again with its key: the same claim, not a new one");
  t.equal(count(), 9);
  t.comment("writer back");
  const last = workersOf(server.pid);
  await server.stop();
  t.equal(await server.exited, 0);
  for (const w of last) t.notOk(existsPid(w.pid), `${w.role} ${w.pid} has exited`);
});
function existsPid(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
//# sourceMappingURL=web-concurrency.test.js.map
