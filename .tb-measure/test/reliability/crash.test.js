import { test } from "tap";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { openDatabase } from "../../src/db/index.js";
import { createPii } from "../../src/lib/pii.js";
import { shanghaiDate } from "../../src/domain/dates.js";
import { startServer, tokenFor, TEST_PII_KEY } from "./server-process.js";
import { seedCoveredMembers } from "./fixtures.js";
const CLAIMS = 300;
const MEMBERS = 30;
const KILL_AFTER = 100;
function send(server, fx, k) {
  const member = fx.members[k % MEMBERS];
  const key = `crash-key-${k}`;
  return fetch(`${server.baseUrl}/api/v1/aid/claims`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${tokenFor(member.userId)}`, "idempotency-key": key },
    body: JSON.stringify({
      admissionDate: fx.admissionDate,
      dischargeDate: fx.dischargeDate,
      hospital: "\u4E91\u5357\u7701\u7B2C\u4E00\u4EBA\u6C11\u533B\u9662",
      invoiceNo: `CRASH-${k}`,
      totalCostFen: 1e6 + k * 100,
      insurancePaidFen: 5e5,
      excludedFen: 1e4
    }),
    signal: AbortSignal.timeout(3e4)
  }).then(async (res) => {
    const body = await res.json();
    return { key, status: res.status, id: body.id };
  }, (err) => ({ key, status: 0, error: err.message }));
}
test("claims acknowledged before a SIGKILL survive it, and retries create nothing twice", async (t) => {
  const dir = mkdtempSync(join(tmpdir(), "portal-crash-"));
  t.teardown(() => {
    rmSync(dir, { recursive: true, force: true });
  });
  const dbPath = join(dir, "portal.db");
  const setup = openDatabase(dbPath);
  const fx = await seedCoveredMembers(setup, createPii(TEST_PII_KEY), { today: shanghaiDate(/* @__PURE__ */ new Date()), members: MEMBERS });
  setup.$client.close();
  const first = await startServer({ databasePath: dbPath });
  t.teardown(async () => {
    await first.kill();
  });
  const acknowledged = /* @__PURE__ */ new Map();
  let killed;
  const round1 = await Promise.all(Array.from({ length: CLAIMS }, async (_, k) => {
    const o = await send(first, fx, k);
    if (o.status === 201 && o.id !== void 0 && killed === void 0) acknowledged.set(o.key, o.id);
    if (acknowledged.size >= KILL_AFTER && killed === void 0) killed = first.kill();
    return o;
  }));
  await killed;
  await first.exited;
  const unexpected = round1.filter((o) => o.status !== 201 && o.status !== 0);
  t.same(unexpected, [], "before the kill every answer was 201 (or no answer at all)");
  t.ok(acknowledged.size >= KILL_AFTER, `${acknowledged.size} claims acknowledged before the kill`);
  t.ok(round1.some((o) => o.status === 0), `the kill cut off ${round1.filter((o) => o.status === 0).length} requests midway`);
  const second = await startServer({ databasePath: dbPath });
  t.teardown(async () => {
    await second.stop();
  });
  const round2 = [];
  for (let k = 0; k < CLAIMS; k += 50) {
    round2.push(...await Promise.all(Array.from({ length: Math.min(50, CLAIMS - k) }, (_, j) => send(second, fx, k + j))));
  }
  t.same(round2.filter((o) => o.status !== 201), [], "after the restart every key answers 201");
  const changed = [...acknowledged].filter(([key, id]) => round2.find((o) => o.key === key)?.id !== id);
  t.same(changed, [], "every claim acknowledged before the kill answers again with the same id");
  await second.stop();
  const db = new Database(dbPath, { readonly: true });
  t.teardown(() => {
    db.close();
  });
  t.equal(db.pragma("integrity_check", { simple: true }), "ok", "PRAGMA integrity_check is ok");
  const claims = db.prepare("select id, invoice_no as invoiceNo from aid_claims where invoice_no like 'CRASH-%'").all();
  t.equal(claims.length, CLAIMS, "exactly 300 claims");
  t.equal(new Set(claims.map((c) => c.invoiceNo)).size, CLAIMS, "one claim per key (per invoice number)");
  const byId = new Map(claims.map((c) => [c.id, c]));
  for (const [key, id] of acknowledged) {
    if (byId.get(id)?.invoiceNo !== `CRASH-${key.slice("crash-key-".length)}`) t.fail(`acknowledged claim ${id} for ${key} is missing or changed`);
  }
  const answerIds = new Set(round2.map((o) => o.id));
  t.same(claims.filter((c) => !answerIds.has(c.id)), [], "every stored claim is the answer to one key");
  const keys = db.prepare("select count(*) as n from idempotency_keys where key like 'crash-key-%'").get();
  t.equal(keys.n, CLAIMS, "one stored answer per key");
  const audit = db.prepare("select entity_id as entityId, count(*) as n from audit_log where action = 'claim.submit' group by entity_id").all();
  t.same(audit.filter((a) => a.n !== 1), [], "no claim has two submission entries");
  t.same(audit.map((a) => Number(a.entityId)).sort((a, b) => a - b), claims.map((c) => c.id).sort((a, b) => a - b), "one submission entry for each claim, none for a claim that does not exist");
});
//# sourceMappingURL=crash.test.js.map
