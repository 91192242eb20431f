import t from "tap";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDatabase } from "../src/db/index.js";
import { createClock } from "../src/lib/clock.js";
import { createPii } from "../src/lib/pii.js";
import { prng } from "../src/lib/prng.js";
import { seedDemo } from "../src/cli/seed-demo.js";
const dir = mkdtempSync(join(tmpdir(), "triggers-"));
const db = openDatabase(join(dir, "demo.db"));
t.teardown(() => {
  db.$client.close();
  rmSync(dir, { recursive: true, force: true });
});
const sqlite = db.$client;
const ctx = { db, clock: createClock(() => /* @__PURE__ */ new Date("2026-06-15T02:00:00Z")), pii: createPii("x".repeat(40)), accounts: [], facts: {}, log: () => {
} };
await seedDemo(ctx);
const rnd = prng(20261207);
const pick = (rows2) => rows2[Math.floor(rnd() * rows2.length)];
const ids = (q) => sqlite.prepare(q).pluck().all();
const rows = (q) => sqlite.prepare(q).all();
const CLAIM_STATUSES = ["submitted", "needs_documents", "awaiting_second_approval", "approved", "rejected", "paid"];
const CLAIM_COLUMNS = sqlite.prepare("select name from pragma_table_info('aid_claims') where name not in ('id', 'invoice_no')").pluck().all().map((c) => `"${c}"`).join(", ");
let copies = 0;
function changeClaims() {
  const id = pick(ids("select id from aid_claims"));
  const r = rnd();
  if (r < 0.3) {
    sqlite.prepare(`insert into aid_claims (invoice_no, ${CLAIM_COLUMNS}) select 'copy-' || ?, ${CLAIM_COLUMNS} from aid_claims where id = ?`).run(++copies, id);
  } else if (r < 0.6) {
    sqlite.prepare("update aid_claims set status = ? where id = ?").run(pick(CLAIM_STATUSES), id);
  } else if (r < 0.8) {
    const payable = rnd() < 0.2 ? null : Math.floor(rnd() * 2e6);
    sqlite.prepare("update aid_claims set payable_fen = ?, plan_year = ? where id = ?").run(payable, pick(ids("select year from aid_plans")), id);
  } else {
    sqlite.prepare("delete from aid_claims where id = ?").run(id);
  }
}
t.test("audit_log_no_update and audit_log_no_delete: the audit log is append-only", async (t2) => {
  t2.throws(() => sqlite.prepare("update audit_log set note = 'changed' where id = (select min(id) from audit_log)").run(), /append-only/, "audit_log_no_update");
  t2.throws(() => sqlite.prepare("delete from audit_log where id = (select min(id) from audit_log)").run(), /append-only/, "audit_log_no_delete");
});
t.test("claims_follow_membership and claims_follow_enterprise: a claim is always in its member's building", async (t2) => {
  const misplaced = () => rows(`select c.id from aid_claims c join memberships m on m.id = c.membership_id
    join enterprises e on e.id = m.enterprise_id where c.building_id <> e.building_id`);
  t2.same(misplaced(), [], "at the start");
  const buildings = ids("select id from buildings");
  t2.ok(buildings.length > 1, "the demo has several buildings");
  for (let i = 0; i < 30; i++) {
    const membership = pick(ids("select distinct membership_id from aid_claims"));
    if (rnd() < 0.5) {
      sqlite.prepare("update memberships set enterprise_id = ? where id = ?").run(pick(ids("select id from enterprises")), membership);
    } else {
      sqlite.prepare("update enterprises set building_id = ? where id = (select enterprise_id from memberships where id = ?)").run(pick(buildings), membership);
    }
    t2.same(misplaced(), [], `after move ${i + 1}`);
  }
});
t.test("claim_counts_insert, claim_counts_move and claim_counts_delete: the queue's counts equal a count from scratch", async (t2) => {
  const kept = () => rows("select building_id as b, status, n from claim_counts where n <> 0 order by b, status");
  const counted = () => rows("select building_id as b, status, count(*) as n from aid_claims group by b, status order by b, status");
  t2.same(kept(), counted(), "at the start");
  for (let i = 0; i < 60; i++) {
    changeClaims();
    if (rnd() < 0.2) sqlite.prepare("update aid_claims set building_id = ? where id = ?").run(pick(ids("select id from buildings")), pick(ids("select id from aid_claims")));
    t2.same(kept(), counted(), `after change ${i + 1}`);
  }
});
t.test("fund_claims_insert, fund_claims_update and fund_claims_delete: the fund's claim figures equal a sum from scratch", async (t2) => {
  const kept = () => rows("select plan_year as y, status, n, amount_fen as fen from fund_claim_figures where n <> 0 order by y, status");
  const summed = () => rows(`select plan_year as y, status, count(*) as n,
    sum(coalesce(payable_fen, json_extract(estimate, '$.payableFen'), 0)) as fen from aid_claims group by y, status order by y, status`);
  t2.same(kept(), summed(), "at the start");
  for (let i = 0; i < 60; i++) {
    changeClaims();
    t2.same(kept(), summed(), `after change ${i + 1}`);
  }
});
t.test("fund_income_insert, fund_income_update and fund_income_delete: the fund's income equals a sum of paid shares", async (t2) => {
  const kept = () => rows("select plan_year as y, shares, purchases as n, income_fen as fen from fund_income_figures where purchases <> 0 order by y");
  const summed = () => rows(`select plan_year as y, sum(shares) as shares, count(*) as n, sum(amount_fen) as fen
    from aid_purchases where status = 'paid' group by y order by y`);
  t2.same(kept(), summed(), "at the start");
  const columns = sqlite.prepare("select name from pragma_table_info('aid_purchases') where name not in ('id', 'status', 'receipt_no')").pluck().all().map((c) => `"${c}"`).join(", ");
  const tryRun = (q, ...params) => {
    try {
      sqlite.prepare(q).run(...params);
    } catch (err) {
      if (err.code !== "SQLITE_CONSTRAINT_UNIQUE") throw err;
    }
  };
  for (let i = 0; i < 60; i++) {
    const r = rnd();
    const id = pick(ids("select id from aid_purchases"));
    if (r < 0.25) {
      sqlite.prepare(`insert into aid_purchases (status, ${columns}) select 'cancelled', ${columns} from aid_purchases where id = ?`).run(id);
    } else if (r < 0.6) {
      tryRun("update aid_purchases set status = ? where id = ?", pick(["pending_payment", "paid", "cancelled"]), id);
    } else if (r < 0.85) {
      tryRun(
        "update aid_purchases set amount_fen = ?, shares = ?, plan_year = ? where id = ?",
        Math.floor(rnd() * 5e4),
        1 + Math.floor(rnd() * 3),
        pick(ids("select year from aid_plans")),
        id
      );
    } else {
      const free = ids("select id from aid_purchases p where not exists (select 1 from aid_claims c where c.purchase_id = p.id)");
      if (free.length > 0) sqlite.prepare("delete from aid_purchases where id = ?").run(pick(free));
    }
    t2.same(kept(), summed(), `after change ${i + 1}`);
  }
});
//# sourceMappingURL=db-triggers.test.js.map
