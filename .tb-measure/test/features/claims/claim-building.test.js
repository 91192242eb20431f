import t from "tap";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { eq } from "drizzle-orm";
import { aidClaims, aidPurchases, buildings, memberships } from "../../../src/db/schema/index.js";
import { migrationsDir } from "../../../src/paths.js";
import { build, createUser, databaseBefore, injectAs, insertBuilding, PageSession } from "../../helper.js";
import { attachMembership, claimBody, claimWorld, idemKey, insertMember, insertPlanBefore0006 } from "./fixtures.js";
import { insertEnterprise } from "../../factories.js";
const submit = async (app, user, body = claimBody()) => (await injectAs(app, user, { method: "POST", url: "/api/v1/aid/claims", payload: body, headers: { "idempotency-key": idemKey() } })).json().id;
const buildingOf = (app, claimId) => app.db.select({ b: aidClaims.buildingId }).from(aidClaims).where(eq(aidClaims.id, claimId)).get().b;
const queue = async (app, user) => (await injectAs(app, user, { method: "GET", url: "/api/v1/aid/claims" })).json();
const rowIds = (body) => [...body.matchAll(/<td><a href="\/aid\/claims\/(\d+)">/g)].map((m) => Number(m[1]));
t.test("a confirmed transfer moves the claims to the new building's queue; a pending or rejected one does not", async (t2) => {
  const app = await build(t2);
  const w = await claimWorld(app);
  const colleague = await insertMember(app, w.enterpriseId, { name: "\u540C\u4E8B" });
  const id = await submit(app, w.member.user);
  const staying = await submit(app, colleague.user);
  t2.equal(buildingOf(app, id), w.buildingId, "filed under the building of the member's enterprise");
  t2.same((await queue(app, w.staff)).items.map((c) => c.id), [id, staying]);
  t2.equal((await queue(app, w.otherStaff)).total, 0);
  const newEnterprise = await insertEnterprise(app, w.otherBuildingId);
  const ask = async () => {
    const res = await injectAs(app, w.member.user, { method: "POST", url: `/api/v1/memberships/${w.member.membershipId}/transfers`, payload: { enterpriseId: newEnterprise } });
    t2.equal(res.statusCode, 201);
    return res.json().id;
  };
  const first = await ask();
  t2.equal(buildingOf(app, id), w.buildingId, "a pending transfer moves nothing");
  t2.equal((await injectAs(app, w.otherStaff, { method: "POST", url: `/api/v1/membership-transfers/${first}/reject`, payload: {} })).statusCode, 200);
  t2.equal(buildingOf(app, id), w.buildingId, "a rejected transfer moves nothing");
  const second = await ask();
  t2.equal((await injectAs(app, w.otherStaff, { method: "POST", url: `/api/v1/membership-transfers/${second}/confirm` })).statusCode, 200);
  t2.equal(buildingOf(app, id), w.otherBuildingId, "confirmed: the claim is the new building's");
  t2.equal(buildingOf(app, staying), w.buildingId, "a colleague's claim stays");
  const old = await queue(app, w.staff);
  t2.same(old.items.map((c) => c.id), [staying]);
  t2.equal(old.counts.submitted, 1);
  t2.equal((await injectAs(app, w.staff, { method: "GET", url: `/api/v1/aid/claims/${id}` })).statusCode, 404);
  const oldPage = new PageSession(app);
  await oldPage.login(w.staff.phone);
  t2.same(rowIds((await oldPage.get("/aid/review")).body), [staying]);
  const now = await queue(app, w.otherStaff);
  t2.same(now.items.map((c) => [c.id, c.buildingId]), [[id, w.otherBuildingId]]);
  t2.equal(now.counts.submitted, 1);
  const newPage = new PageSession(app);
  await newPage.login(w.otherStaff.phone);
  const page = await newPage.get("/aid/review");
  t2.same(rowIds(page.body), [id]);
  t2.match(page.body, /第二大厦/);
  const admin = new PageSession(app);
  await admin.login(w.admin.phone);
  t2.same(rowIds((await admin.get(`/aid/review?building=${w.otherBuildingId}`)).body), [id]);
  t2.same(rowIds((await admin.get(`/aid/review?building=${w.buildingId}`)).body), [staying]);
  t2.equal((await injectAs(app, w.staff, { method: "POST", url: `/api/v1/aid/claims/${id}/approve` })).statusCode, 404);
  t2.equal((await injectAs(app, w.otherStaff, { method: "POST", url: `/api/v1/aid/claims/${id}/approve` })).statusCode, 200);
});
t.test("the database keeps the building current whatever moves a membership or an enterprise", async (t2) => {
  const app = await build(t2);
  const w = await claimWorld(app);
  const third = insertBuilding(app, "\u7B2C\u4E09\u5927\u53A6", 10);
  const colleague = await insertMember(app, w.enterpriseId);
  const id = await submit(app, w.member.user);
  const other = await submit(app, colleague.user);
  const sqlite = app.db.$client;
  sqlite.prepare("update memberships set enterprise_id = ? where id = ?").run(await insertEnterprise(app, w.otherBuildingId), w.member.membershipId);
  t2.equal(buildingOf(app, id), w.otherBuildingId);
  t2.equal(buildingOf(app, other), w.buildingId);
  sqlite.prepare("update memberships set name = ? where id = ?").run("\u6539\u540D", colleague.membershipId);
  t2.equal(buildingOf(app, other), w.buildingId, "other changes to a membership leave it alone");
  sqlite.prepare("update enterprises set building_id = ? where id = ?").run(third, w.enterpriseId);
  t2.equal(buildingOf(app, other), third, "an enterprise moved to another building takes its members' claims along");
  t2.equal(buildingOf(app, id), w.otherBuildingId);
});
t.test("a staff member of several buildings: one queue, oldest first across them, the same with many buildings", async (t2) => {
  const app = await build(t2);
  const w = await claimWorld(app);
  const here = [w.member, await insertMember(app, w.enterpriseId)];
  const elsewhere = [await insertMember(app, await insertEnterprise(app, w.otherBuildingId))];
  const ids = [];
  for (let i = 0; i < 70; i++) {
    const m = i % 3 === 0 ? elsewhere[0] : here[i % 2];
    ids.push(await submit(app, m.user, claimBody({ totalCostFen: 4e5, insurancePaidFen: 1e5, excludedFen: 0 })));
    app.testClock.advance(6e5);
  }
  for (const [i, id] of ids.entries()) {
    if (i % 5 === 1) await injectAs(app, w.admin, { method: "POST", url: `/api/v1/aid/claims/${id}/approve` });
    if (i % 7 === 2) await injectAs(app, w.admin, { method: "POST", url: `/api/v1/aid/claims/${id}/reject`, payload: { reasonCode: "DOCUMENTS_MISSING" } });
  }
  const empty = Array.from({ length: 8 }, (_, i) => insertBuilding(app, `\u7A7A\u697C${i}`, 5));
  const two = await createUser(app, { role: "staff", buildingIds: [w.buildingId, w.otherBuildingId] });
  const ten = await createUser(app, { role: "staff", buildingIds: [w.buildingId, ...empty, w.otherBuildingId] });
  for (const who of [two, ten, w.admin]) {
    const s = new PageSession(app);
    await s.login(who.phone);
    const p1 = await s.get("/aid/review?status=all");
    const p2 = await s.get("/aid/review?status=all&page=2");
    t2.same([...rowIds(p1.body), ...rowIds(p2.body)], ids, "every claim once, in submission order");
    t2.equal(rowIds(p1.body).length, 50);
    const approved = ids.filter((_, i) => i % 5 === 1);
    t2.same(rowIds((await s.get("/aid/review?status=approved")).body), approved);
    t2.match(p1.body, new RegExp(`\u5DF2\u6838\u51C6 ${approved.length}`));
  }
  const staffMember = await createUser(app, { role: "staff", buildingIds: [w.buildingId] });
  await attachMembership(app, staffMember, w.enterpriseId);
  const own = await submit(app, staffMember);
  const list = await queue(app, staffMember);
  t2.notOk(list.items.some((c) => c.id === own));
  t2.equal(list.total, ids.filter((_, i) => i % 3 !== 0).length);
  t2.ok((await queue(app, two)).items.some((c) => c.id === own), "but in their colleagues'");
});
t.test("the migration gives every existing claim its building and keeps documents and ids", async (t2) => {
  const { sqlite, db } = databaseBefore(t2, "_claims_building");
  t2.notOk(sqlite.prepare("select name from pragma_table_info('aid_claims')").all().some((c) => c.name === "building_id"));
  const at = "2026-06-15T02:00:00.000Z";
  const user = (phone) => Number(sqlite.prepare("insert into users (phone, name, password_hash, created_at, updated_at) values (?, ?, ?, ?, ?)").run(phone, "\u4F1A\u5458", "x", at, at).lastInsertRowid);
  const building = (name) => db.insert(buildings).values({ name, district: "\u4E94\u534E\u533A", address: "\u6606\u660E", enterprisesTotal: 10, createdAt: at, updatedAt: at }).returning().get().id;
  const liaison = user("13800000000");
  const enterprise = (buildingId, uscc) => Number(sqlite.prepare(`insert into enterprises
    (building_id, name, uscc, headcount, liaison_user_id, status, submitted_at, created_at, updated_at) values (?, ?, ?, 10, ?, 'enrolled', ?, ?, ?)`).run(buildingId, `\u4F01\u4E1A${uscc}`, uscc, liaison, at, at, at).lastInsertRowid);
  const plan = insertPlanBefore0006(sqlite, 2026, at);
  const claimIds = [];
  const [b1, b2] = [building("\u4E00\u53F7\u697C"), building("\u4E8C\u53F7\u697C")];
  for (const [i, e] of [enterprise(b1, "91530102MA00000001"), enterprise(b2, "91530102MA00000002"), enterprise(b2, "91530102MA00000003")].entries()) {
    const uid = user(`1380000000${i + 1}`);
    const mid = db.insert(memberships).values({
      userId: uid,
      enterpriseId: e,
      name: `\u4F1A\u5458${i}`,
      idCipher: "x",
      idHash: `h${i}`,
      idMasked: "5301**********0000",
      gender: "female",
      birthDate: "1990-01-01",
      mobile: `1380000000${i + 1}`,
      memberNo: `KM2026000${i}`,
      status: "active",
      joinedOn: "2025-06-01",
      consentAt: at,
      appliedAt: at,
      createdAt: at,
      updatedAt: at
    }).returning().get().id;
    const pid = db.insert(aidPurchases).values({
      membershipId: mid,
      planYear: 2026,
      shares: 1,
      amountFen: plan.shareFeeFen,
      status: "paid",
      orderedBy: uid,
      orderedOn: "2026-01-10",
      paidOn: "2026-01-10",
      coverFrom: "2026-04-10",
      coverTo: "2026-12-31",
      createdAt: at,
      updatedAt: at
    }).returning().get().id;
    const r = sqlite.prepare(`insert into aid_claims (membership_id, user_id, purchase_id, plan_year, admission_date, discharge_date, hospital, invoice_no,
      total_cost_fen, insurance_paid_fen, excluded_fen, base_fen, estimate, status, created_at, updated_at)
      values (?, ?, ?, 2026, '2026-05-01', '2026-05-10', '\u533B\u9662', ?, 400000, 100000, 0, 300000, '{"payableFen":25000}', 'submitted', ?, ?)`).run(mid, uid, pid, `INV${i}`, at, at);
    claimIds.push(Number(r.lastInsertRowid));
    sqlite.prepare(`insert into aid_claim_documents (claim_id, kind, file_name, mime, size, sha256, storage_path, uploaded_by, uploaded_at)
      values (?, 'invoice', 'invoice.pdf', 'application/pdf', 3, 'abc', ?, ?, ?)`).run(r.lastInsertRowid, `docs/${i}`, uid, at);
  }
  sqlite.prepare("update sqlite_sequence set seq = seq + 5 where name in ('aid_claims', 'aid_claim_documents')").run();
  migrate(db, { migrationsFolder: migrationsDir });
  t2.same(sqlite.prepare("select id, building_id as b from aid_claims order by id").all(), claimIds.map((id, i) => ({ id, b: i === 0 ? b1 : b2 })));
  t2.same(sqlite.prepare("select claim_id as c, storage_path as p from aid_claim_documents order by id").all(), claimIds.map((c, i) => ({ c, p: `docs/${i}` })));
  t2.same(sqlite.pragma("foreign_key_check"), []);
  t2.same(
    sqlite.prepare("select name, seq from sqlite_sequence where name in ('aid_claims', 'aid_claim_documents') order by name").all(),
    [{ name: "aid_claim_documents", seq: 8 }, { name: "aid_claims", seq: 8 }]
  );
  const doc = sqlite.prepare(`insert into aid_claim_documents (claim_id, kind, file_name, mime, size, sha256, storage_path, uploaded_by, uploaded_at)
    values (?, 'other', 'x.pdf', 'application/pdf', 1, 'x', 'x', ?, ?)`);
  t2.throws(() => doc.run(999, liaison, at), /FOREIGN KEY/);
  t2.equal(Number(doc.run(claimIds[0], liaison, at).lastInsertRowid), 9);
  sqlite.prepare("update memberships set enterprise_id = (select id from enterprises where building_id = ? limit 1) where id = (select membership_id from aid_claims where id = ?)").run(b2, claimIds[0]);
  t2.equal(sqlite.prepare("select building_id as b from aid_claims where id = ?").get(claimIds[0]).b, b2);
  sqlite.close();
});
//# sourceMappingURL=claim-building.test.js.map
