import t from "tap";
import { eq } from "drizzle-orm";
import { build, createUser, insertBuilding } from "../../helper.js";
import { aidPlans, aidPurchases, memberships } from "../../../src/db/schema/index.js";
import { seedAid } from "../../../src/features/aid/demo-seed.js";
import { coverWindow } from "../../../src/domain/cover.js";
import { insertEnterprise, insertMembership } from "../../factories.js";
t.test("the aid demo seed: plans, mostly paid shares with cover by the rule, a few pending", async (t2) => {
  const app = await build(t2);
  const b = insertBuilding(app);
  const liaison = await createUser(app);
  await createUser(app, { role: "staff", buildingIds: [b] });
  const ent = await insertEnterprise(app, b, { liaisonUserId: liaison.id, headcount: 20 });
  const ids = [];
  for (let i = 0; i < 300; i++) ids.push(insertMembership(app, ent));
  for (const id of ids.slice(0, 150)) app.db.update(memberships).set({ joinedOn: "2024-05-01" }).where(eq(memberships.id, id)).run();
  const ctx = { db: app.db, clock: app.clock, pii: app.pii, accounts: [], facts: {}, log: () => {
  } };
  const started = process.hrtime.bigint();
  await seedAid(ctx);
  t2.comment(`seeded in ${Number(process.hrtime.bigint() - started) / 1e6} ms`);
  t2.same(app.db.select({ y: aidPlans.year }).from(aidPlans).all().map((r) => r.y).sort(), [2025, 2026]);
  const rows = app.db.select().from(aidPurchases).all();
  const now = rows.filter((r) => r.planYear === 2026);
  const paid = now.filter((r) => r.status === "paid");
  t2.ok(paid.length > 300 * 0.7, `most members paid (${paid.length})`);
  t2.ok(now.some((r) => r.status === "pending_payment"), "a few pending");
  t2.ok(paid.some((r) => r.firstTime === false), "some renewals");
  const wrong = [];
  for (const r of rows.filter((x) => x.status === "paid")) {
    const renewal = rows.some((x) => x.membershipId === r.membershipId && x.planYear === r.planYear - 1 && x.status === "paid");
    const w = coverWindow(r.planYear, r.paidOn, 90, renewal);
    if (w?.coverFrom !== r.coverFrom || w?.coverTo !== r.coverTo || r.firstTime === renewal || r.paidOn < r.orderedOn || r.paidOn > "2026-06-15") wrong.push(r);
  }
  t2.same(wrong, [], "every paid share: paid between its order and today, cover by the rule");
  const receipts = new Set(rows.filter((r) => r.receiptNo !== null).map((r) => `${r.planYear}:${r.receiptNo}`));
  t2.equal(receipts.size, rows.filter((r) => r.receiptNo !== null).length, "receipt numbers unique");
  t2.ok(rows.every((r) => r.groupOrderId !== null), "members without an account were ordered by their liaison as a group");
});
//# sourceMappingURL=demo-seed.test.js.map
