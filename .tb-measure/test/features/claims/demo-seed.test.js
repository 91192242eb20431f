import t from "tap";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { openDatabase } from "../../../src/db/index.js";
import { createClock } from "../../../src/lib/clock.js";
import { createPii } from "../../../src/lib/pii.js";
import { seedDemo } from "../../../src/cli/seed-demo.js";
import { getPlan } from "../../../src/features/aid/plans-repository.js";
import { computeReimbursement } from "../../../src/domain/reimbursement.js";
import { FUND_BUDGET } from "../../../src/features/claims/demo-seed.js";
const dir = mkdtempSync(join(tmpdir(), "seed-claims-"));
const db = openDatabase(join(dir, "demo.db"));
t.teardown(() => {
  db.$client.close();
  rmSync(dir, { recursive: true, force: true });
});
const ctx = { db, clock: createClock(() => /* @__PURE__ */ new Date("2026-06-15T02:00:00Z")), pii: createPii("x".repeat(40)), accounts: [], facts: {}, log: () => {
} };
await seedDemo(ctx);
t.test("the claims demo seed: every state, amounts by the rule, annual caps kept, a paid batch that adds up", async (t2) => {
  const paidShares = db.all(sql`select count(*) as n from aid_purchases where status = 'paid'`)[0].n;
  if (paidShares === 0) {
    t2.pass("the aid seed made no paid shares yet: nothing to claim");
    return;
  }
  const byStatus = Object.fromEntries(db.all(sql`select status, count(*) as n from aid_claims group by status`).map((r) => [r.status, r.n]));
  for (const s of ["submitted", "awaiting_second_approval", "approved", "rejected", "paid"]) t2.ok(byStatus[s] > 0, `some ${s}`);
  const claims = db.all(sql`
    select c.id, c.membership_id as membershipId, c.plan_year as planYear, c.total_cost_fen as total, c.insurance_paid_fen as ins,
      c.excluded_fen as exc, c.payable_fen as payable, c.status, p.shares, c.user_id as userId, c.approved_by as approvedBy, c.first_approved_by as firstApprovedBy
    from aid_claims c join aid_purchases p on p.id = c.purchase_id order by c.id`);
  const running = /* @__PURE__ */ new Map();
  for (const c of claims) {
    const plan = getPlan(db, c.planYear);
    if (c.status !== "approved" && c.status !== "paid") continue;
    const key = `${c.membershipId}:${c.planYear}`;
    const r = computeReimbursement(
      { totalCostFen: c.total, insurancePaidFen: c.ins, excludedFen: c.exc, shares: c.shares, paidThisYearFen: running.get(key) ?? 0 },
      plan
    );
    t2.equal(c.payable, r.payableFen, `claim ${c.id}`);
    running.set(key, (running.get(key) ?? 0) + r.payableFen);
    t2.ok((running.get(key) ?? 0) <= plan.annualCapPerShareFen * c.shares);
    t2.not(c.approvedBy, c.userId, "nobody approved their own");
    if (c.firstApprovedBy !== null) t2.not(c.firstApprovedBy, c.approvedBy, "two different people");
  }
  const batch = db.all(sql`select total_fen as total, claim_count as count from aid_payment_batches where status = 'paid'`)[0];
  const paid = db.all(sql`select sum(payable_fen) as total, count(*) as count from aid_claims where status = 'paid'`)[0];
  t2.same(batch, paid);
  t2.equal(db.all(sql`select count(*) as n from aid_claims where status = 'paid' and payment_batch_id is null`)[0].n, 0);
});
t.test("the demo fund reads true: each year its approved and paid claims stay within 70% of its income", async (t2) => {
  const years = db.all(sql`
    select p.plan_year as y, sum(p.amount_fen) as income,
      (select coalesce(sum(c.payable_fen), 0) from aid_claims c
        where c.plan_year = p.plan_year and c.status in ('approved', 'paid', 'awaiting_second_approval')) as committed
    from aid_purchases p where p.status = 'paid' group by p.plan_year`);
  t2.ok(years.length > 0, "the demo has income");
  for (const r of years) {
    t2.ok(r.committed <= Math.floor(r.income * FUND_BUDGET), `${r.y}: ${r.committed} of ${r.income} fen committed`);
  }
  t2.ok(years.some((r) => r.committed > 0), "and it does pay claims");
});
//# sourceMappingURL=demo-seed.test.js.map
