import { test } from "tap";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { build } from "../helper.js";
import { openDatabase } from "../../src/db/index.js";
import { createPii } from "../../src/lib/pii.js";
import { shanghaiDate } from "../../src/domain/dates.js";
import { startServer, tokenFor, TEST_PII_KEY } from "./server-process.js";
import { seedCoveredMembers } from "./fixtures.js";
const PARALLEL = 50;
const CAP_CLAIMS = 8;
const CAP_CLAIM = { totalCostFen: 5e6, insurancePaidFen: 23e5, excludedFen: 5e4 };
const ANNUAL_CAP = 2e6;
function claimBody(fx, invoiceNo, amounts) {
  return { admissionDate: fx.admissionDate, dischargeDate: fx.dischargeDate, hospital: "\u6606\u660E\u5E02\u7B2C\u4E00\u4EBA\u6C11\u533B\u9662", invoiceNo, ...amounts };
}
async function submit(call, fx, memberIndex, invoiceNo, amounts = { totalCostFen: 8e5, insurancePaidFen: 4e5, excludedFen: 0 }) {
  const res = await call("POST", "/api/v1/aid/claims", fx.members[memberIndex].userId, claimBody(fx, invoiceNo, amounts), { "idempotency-key": `race-${invoiceNo}` });
  if (res.status !== 201) throw new Error(`claim submission answered ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body.id;
}
async function raceOneClaim(t, calls, fx, tag) {
  const id = await submit(calls[0], fx, 0, `RACE1-${tag}`);
  const answers = await Promise.all(Array.from({ length: PARALLEL }, (_, k) => calls[k % calls.length]("POST", `/api/v1/aid/claims/${id}/approve`, fx.staffIds[k % 2])));
  const statuses = answers.map((a) => a.status);
  t.equal(statuses.filter((s) => s === 200).length, 1, "exactly one approval succeeds");
  t.equal(statuses.filter((s) => s === 409).length, PARALLEL - 1, "every other one answers 409");
  t.same(answers.filter((a) => a.status === 409 && a.body?.error?.code === void 0), [], "each 409 carries an error code");
  const view = await calls[0]("GET", `/api/v1/aid/claims/${id}`, fx.staffIds[0]);
  t.equal(view.body.status, "approved", "the claim is approved");
  t.equal(view.body.history.filter((h) => h.action === "claim.approve").length, 1, "and audited once");
}
async function raceAnnualCap(t, calls, fx, tag, countApproved) {
  const ids = [];
  for (let k = 0; k < CAP_CLAIMS; k++) ids.push(await submit(calls[0], fx, 1, `RACE2-${tag}-${k}`, CAP_CLAIM));
  const answers = await Promise.all(ids.map((id, k) => calls[k % calls.length]("POST", `/api/v1/aid/claims/${id}/approve`, fx.staffIds[k % 2])));
  t.same(answers.filter((a) => a.status !== 200), [], "every approval is answered 200 (each claim approved once)");
  t.same(answers.filter((a) => a.body.status !== "approved"), [], "none needs a second approval");
  const total = answers.reduce((sum, a) => sum + a.body.payableFen, 0);
  t.ok(total <= ANNUAL_CAP, `together they pay ${total} fen, not more than the annual cap of ${ANNUAL_CAP}`);
  t.equal(total, ANNUAL_CAP, "and the cap is used up exactly");
  const stored = countApproved();
  t.equal(stored.n, CAP_CLAIMS, "all claims are approved in the database");
  t.equal(stored.sum, total, "the database holds the amounts that were answered");
}
test("in one process (app.inject)", async (t) => {
  const app = await build(t);
  const fx = await seedCoveredMembers(app.db, app.pii, { today: app.clock.today(), members: 2 });
  const call = async (method, url, userId, body, headers = {}) => {
    const res = await app.inject({ method, url, payload: body, headers: { ...headers, authorization: `Bearer ${app.issueToken(userId, 0, 3600)}` } });
    return { status: res.statusCode, body: res.json() };
  };
  await t.test("50 parallel approvals of one claim approve it once", (t2) => raceOneClaim(t2, [call], fx, "inject"));
  await t.test("parallel approvals of one member's claims stay within the annual cap", (t2) => raceAnnualCap(t2, [call], fx, "inject", () => app.db.$client.prepare("select count(*) as n, coalesce(sum(payable_fen), 0) as sum from aid_claims where invoice_no like 'RACE2-inject-%' and status = 'approved'").get()));
});
test("across two server processes on the same database", async (t) => {
  const dir = mkdtempSync(join(tmpdir(), "portal-races-"));
  t.teardown(() => {
    rmSync(dir, { recursive: true, force: true });
  });
  const dbPath = join(dir, "portal.db");
  const setup = openDatabase(dbPath);
  const fx = await seedCoveredMembers(setup, createPii(TEST_PII_KEY), { today: shanghaiDate(/* @__PURE__ */ new Date()), members: 2 });
  setup.$client.close();
  const servers = [await startServer({ databasePath: dbPath }), await startServer({ databasePath: dbPath })];
  t.teardown(async () => {
    for (const s of servers) await s.stop();
  });
  const calls = servers.map((s) => async (method, url, userId, body, headers = {}) => {
    const res = await fetch(s.baseUrl + url, {
      method,
      headers: { ...headers, authorization: `Bearer ${tokenFor(userId)}`, ...body === void 0 ? {} : { "content-type": "application/json" } },
      body: body === void 0 ? void 0 : JSON.stringify(body)
    });
    return { status: res.status, body: await res.json() };
  });
  await t.test("50 parallel approvals of one claim approve it once", (t2) => raceOneClaim(t2, calls, fx, "procs"));
  await t.test("parallel approvals of one member's claims stay within the annual cap", (t2) => raceAnnualCap(t2, calls, fx, "procs", () => {
    const db = new Database(dbPath, { readonly: true });
    try {
      return db.prepare("select count(*) as n, coalesce(sum(payable_fen), 0) as sum from aid_claims where invoice_no like 'RACE2-procs-%' and status = 'approved'").get();
    } finally {
      db.close();
    }
  }));
});
//# sourceMappingURL=races.test.js.map
