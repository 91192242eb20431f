import t from "tap";
import Database from "better-sqlite3";
import { eq } from "drizzle-orm";
import { build, createUser, injectAs, insertBuilding } from "../../helper.js";
import { auditLog, buildings, enterprises } from "../../../src/db/schema/index.js";
import { cast, enrol } from "./fixtures.js";
import { insertMembership } from "../../factories.js";
t.test("POST /api/v1/buildings: admin only; 201 {id}; audited", async (t2) => {
  const app = await build(t2);
  const admin = await createUser(app, { role: "admin" });
  const b0 = insertBuilding(app);
  const staff = await createUser(app, { role: "staff", buildingIds: [b0] });
  const member = await createUser(app);
  const body = { name: "\u4E94\u534E\u79D1\u521B\u5927\u53A6", district: "\u4E94\u534E\u533A", address: "\u6606\u660E\u5E02\u4E94\u534E\u533A\u5B66\u5E9C\u8DEF 1 \u53F7", enterprisesTotal: 96 };
  t2.equal((await app.inject({ method: "POST", url: "/api/v1/buildings", payload: body })).statusCode, 401);
  t2.equal((await injectAs(app, member, { method: "POST", url: "/api/v1/buildings", payload: body })).statusCode, 403);
  t2.equal((await injectAs(app, staff, { method: "POST", url: "/api/v1/buildings", payload: body })).statusCode, 403);
  t2.equal((await injectAs(app, staff, { method: "POST", url: "/api/v1/buildings", payload: {} })).statusCode, 403, "not a 400 for a non-admin");
  const res = await injectAs(app, admin, { method: "POST", url: "/api/v1/buildings", payload: { ...body, federationName: "\u4E94\u534E\u79D1\u521B\u5927\u53A6\u697C\u5B87\u5DE5\u4F1A\u8054\u5408\u4F1A", foundedOn: "2021-05-01", isModel: true, hasWorkerCongress: true, hasAffairsDisclosure: true } });
  t2.equal(res.statusCode, 201);
  t2.same(Object.keys(res.json()), ["id"]);
  const row = app.db.select().from(buildings).where(eq(buildings.id, res.json().id)).get();
  t2.equal(row.federationName, "\u4E94\u534E\u79D1\u521B\u5927\u53A6\u697C\u5B87\u5DE5\u4F1A\u8054\u5408\u4F1A");
  t2.equal(row.isModel, true);
  t2.equal(row.enterprisesTotal, 96);
  t2.ok(app.db.select().from(auditLog).where(eq(auditLog.action, "building.create")).get());
});
t.test("POST /api/v1/buildings: bad input on its fields, nothing written", async (t2) => {
  const app = await build(t2);
  const admin = await createUser(app, { role: "admin" });
  const res = await injectAs(app, admin, { method: "POST", url: "/api/v1/buildings", payload: { name: "", district: 5, enterprisesTotal: 1.5, foundedOn: "2027-01-01", isModel: "maybe" } });
  t2.equal(res.statusCode, 400);
  t2.same(Object.keys(res.json().error.fields).sort(), ["address", "district", "enterprisesTotal", "foundedOn", "isModel", "name"]);
  t2.match(res.json().error.fields.foundedOn, /今天/);
  for (const total of [0, -3, "abc", null]) {
    const r = await injectAs(app, admin, { method: "POST", url: "/api/v1/buildings", payload: { name: "A", district: "B", address: "C", enterprisesTotal: total } });
    t2.equal(r.statusCode, 400, `enterprisesTotal ${String(total)}`);
    t2.ok(r.json().error.fields.enterprisesTotal);
  }
  t2.equal((await injectAs(app, admin, { method: "POST", url: "/api/v1/buildings", payload: { name: "A", district: "B", address: "C", enterprisesTotal: 5, foundedOn: "2023-02-30" } })).statusCode, 400, "not a real date");
  t2.equal(app.db.select().from(buildings).all().length, 0);
});
t.test("GET /api/v1/buildings: anyone; enrolled enterprises and active members per building", async (t2) => {
  const app = await build(t2);
  const c = await cast(app);
  const e1 = await enrol(app, c.liaison, c.buildingId);
  const e2 = await enrol(app, c.liaison, c.buildingId);
  await enrol(app, c.liaison, c.buildingId);
  const e4 = await enrol(app, c.stranger, c.otherBuildingId);
  for (const id of [e1, e2]) await injectAs(app, c.staff, { method: "POST", url: `/api/v1/enterprises/${id}/approve` });
  await injectAs(app, c.otherStaff, { method: "POST", url: `/api/v1/enterprises/${e4}/approve` });
  const member = (enterpriseId, status) => insertMembership(app, enterpriseId, { status });
  for (let i = 0; i < 3; i++) member(e1, "active");
  member(e2, "active");
  member(e2, "applied");
  member(e2, "left");
  member(e2, "rejected");
  member(e4, "active");
  const res = await app.inject({ method: "GET", url: "/api/v1/buildings" });
  t2.equal(res.statusCode, 200);
  t2.same(res.json(), {
    items: [
      { id: c.buildingId, name: "\u4E94\u534E\u79D1\u521B\u5927\u53A6", district: "\u4E94\u534E\u533A", enterprisesTotal: 96, enterprisesEnrolled: 2, members: 4 },
      { id: c.otherBuildingId, name: "\u76D8\u9F99\u91D1\u878D\u4E2D\u5FC3", district: "\u4E94\u534E\u533A", enterprisesTotal: 40, enterprisesEnrolled: 1, members: 1 }
    ]
  });
  await injectAs(app, c.liaison, { method: "POST", url: `/api/v1/enterprises/${e2}/withdraw` });
  const after = (await app.inject({ method: "GET", url: "/api/v1/buildings" })).json().items[0];
  t2.equal(after.enterprisesEnrolled, 1);
  t2.equal(after.members, 4);
  t2.equal(app.db.select().from(enterprises).all().length, 4);
});
t.test("GET /api/v1/buildings: an empty city is an empty list", async (t2) => {
  const app = await build(t2);
  t2.same((await app.inject({ method: "GET", url: "/api/v1/buildings" })).json(), { items: [] });
});
t.test("GET /api/v1/buildings: never stale, whoever changed the data (this process or another connection)", async (t2) => {
  const app = await build(t2);
  const c = await cast(app);
  const id = await enrol(app, c.liaison, c.buildingId);
  const first = () => app.inject({ method: "GET", url: "/api/v1/buildings" }).then((r) => r.json().items[0]);
  t2.equal((await first()).enterprisesEnrolled, 0);
  t2.equal((await first()).enterprisesEnrolled, 0, "asked again, same answer");
  await injectAs(app, c.staff, { method: "POST", url: `/api/v1/enterprises/${id}/approve` });
  t2.equal((await first()).enterprisesEnrolled, 1, "a change through the portal shows at once");
  const other = new Database(app.config.databasePath);
  t2.teardown(() => other.close());
  const at = app.clock.iso();
  other.prepare(`insert into memberships (enterprise_id, name, id_cipher, id_hash, id_masked, gender, birth_date, status, member_no, consent_at, applied_at, created_at, updated_at)
    values (?, '\u804C\u5DE5', 'x', 'h-other', 'm', 'male', '1990-01-01', 'active', 'M-other', ?, ?, ?, ?)`).run(id, at, at, at, at);
  t2.equal((await first()).members, 1, "a change by another connection shows at once");
});
//# sourceMappingURL=buildings-api.test.js.map
