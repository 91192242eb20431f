import t from "tap";
import fc from "fast-check";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { migrationsDir } from "../../../src/paths.js";
import { CLAIM_STATUSES } from "../../../src/features/claims/claims-repository.js";
import { countByStatus } from "../../../src/features/claims/queue-repository.js";
import { build, createUser, databaseBefore, injectAs, insertBuilding, PageSession } from "../../helper.js";
import { attachMembership, claimBody, claimWorld, idemKey, insertMember, insertPlanBefore0006 } from "./fixtures.js";
import { insertEnterprise } from "../../factories.js";
const summary = (sqlite) => sqlite.prepare("select building_id as b, status, n from claim_counts where n <> 0 order by b, status").all();
const direct = (sqlite) => sqlite.prepare("select building_id as b, status, count(*) as n from aid_claims group by b, status order by b, status").all();
function directCounts(sqlite, buildingIds, exceptUserId, fromIso) {
  const out = Object.fromEntries(CLAIM_STATUSES.map((s) => [s, 0]));
  const rows = sqlite.prepare("select building_id as b, user_id as u, status, created_at as at from aid_claims").all();
  for (const r of rows) {
    if (buildingIds !== null && !buildingIds.includes(r.b)) continue;
    if (exceptUserId !== void 0 && r.u === exceptUserId) continue;
    if (fromIso !== void 0 && r.at < fromIso) continue;
    out[r.status]++;
  }
  return out;
}
const submit = async (app, user, body = claimBody()) => {
  const res = await injectAs(app, user, { method: "POST", url: "/api/v1/aid/claims", payload: body, headers: { "idempotency-key": idemKey() } });
  if (res.statusCode !== 201) throw new Error(`submit: ${res.statusCode} ${res.body}`);
  return res.json().id;
};
const post = async (app, user, url, payload) => (await injectAs(app, user, { method: "POST", url, ...payload === void 0 ? {} : { payload } })).statusCode;
function pageCounts(body) {
  return Object.fromEntries([...body.matchAll(/<a class="badge" href="\/aid\/review\?status(?:=|&#x3D;)(\w+)[^"]*">[^<]* (\d+)<\/a>/g)].map((m) => [m[1], Number(m[2])]));
}
t.test("the counts stay exact through submission, approvals, rejection, payment and moves; the queue shows them", async (t2) => {
  const app = await build(t2);
  const sqlite = app.db.$client;
  const w = await claimWorld(app);
  const colleague = await insertMember(app, w.enterpriseId, { name: "\u540C\u4E8B" });
  const reviewer = await createUser(app, { role: "staff", buildingIds: [w.buildingId], name: "\u5BA1\u6838\u5458\u4E19" });
  await attachMembership(app, reviewer, w.enterpriseId);
  const check = async (step) => {
    t2.same(summary(sqlite), direct(sqlite), `${step}: the summary is a count of the claims`);
    for (const [who, building] of [[w.staff, w.buildingId], [reviewer, w.buildingId], [w.otherStaff, w.otherBuildingId]]) {
      const expected = directCounts(sqlite, [building], who.id);
      const api = (await injectAs(app, who, { method: "GET", url: "/api/v1/aid/claims" })).json();
      t2.same(api.counts, expected, `${step}: the API's counts for ${who.name}`);
      const s = new PageSession(app);
      await s.login(who.phone);
      t2.same(pageCounts((await s.get(`/aid/review?building=${building}`)).body), expected, `${step}: the page's counts for ${who.name}`);
    }
    const admin = new PageSession(app);
    await admin.login(w.admin.phone);
    t2.same(pageCounts((await admin.get("/aid/review")).body), directCounts(sqlite, null, w.admin.id), `${step}: every building's, for the admin`);
  };
  await check("empty");
  const big = () => claimBody({ totalCostFen: 5e6, insurancePaidFen: 1e6, excludedFen: 0 });
  const small = () => claimBody({ totalCostFen: 4e5, insurancePaidFen: 1e5, excludedFen: 0 });
  const [twice, once, rejected, open, mine] = [
    await submit(app, w.member.user, big()),
    await submit(app, w.member.user, small()),
    await submit(app, colleague.user, small()),
    await submit(app, colleague.user, small()),
    await submit(app, reviewer, small())
  ];
  await check("submitted");
  t2.equal(await post(app, w.staff, `/api/v1/aid/claims/${twice}/approve`), 200);
  await check("first approval");
  t2.equal(await post(app, w.staff2, `/api/v1/aid/claims/${twice}/approve`), 200);
  await check("second approval");
  t2.equal(await post(app, w.staff, `/api/v1/aid/claims/${once}/approve`), 200);
  t2.equal(await post(app, w.staff, `/api/v1/aid/claims/${mine}/approve`), 200);
  t2.equal(await post(app, w.staff, `/api/v1/aid/claims/${rejected}/reject`, { reasonCode: "DOCUMENTS_MISSING" }), 200);
  await check("approved and rejected");
  const batch = (await injectAs(app, w.staff, { method: "POST", url: "/api/v1/aid/payment-batches", payload: { claimIds: [twice, once] } })).json();
  t2.equal(await post(app, w.staff2, `/api/v1/aid/payment-batches/${batch.id}/paid`, { bankReference: "ICBC-1" }), 200);
  t2.same(sqlite.prepare("select status from aid_claims where id in (?, ?)").pluck().all(twice, once), ["paid", "paid"]);
  await check("paid");
  const newEnterprise = await insertEnterprise(app, w.otherBuildingId);
  const transfer = (await injectAs(app, w.member.user, { method: "POST", url: `/api/v1/memberships/${w.member.membershipId}/transfers`, payload: { enterpriseId: newEnterprise } })).json();
  t2.equal(await post(app, w.otherStaff, `/api/v1/membership-transfers/${transfer.id}/confirm`), 200);
  t2.same(sqlite.prepare("select building_id from aid_claims where id in (?, ?)").pluck().all(twice, once), [w.otherBuildingId, w.otherBuildingId]);
  await check("membership transferred");
  const third = insertBuilding(app, "\u7B2C\u4E09\u5927\u53A6", 10);
  sqlite.prepare("update enterprises set building_id = ? where id = ?").run(third, w.enterpriseId);
  t2.same(sqlite.prepare("select building_id from aid_claims where id in (?, ?)").pluck().all(rejected, open), [third, third]);
  await check("enterprise moved");
  t2.same(
    sqlite.prepare("select n from claim_counts where building_id = ? order by status").pluck().all(w.buildingId),
    [0, 0, 0, 0, 0],
    "a building left without claims keeps its rows, at 0"
  );
  t2.throws(() => app.db.transaction(() => {
    sqlite.prepare("update aid_claims set status = 'rejected' where id = ?").run(open);
    throw new Error("rolled back");
  }));
  await check("rolled back");
});
t.test("property: any sequence of claim changes keeps the summary equal to a count of the claims", async (t2) => {
  const app = await build(t2);
  const sqlite = app.db.$client;
  const buildingIds = [insertBuilding(app, "\u7532\u697C"), insertBuilding(app, "\u4E59\u697C"), insertBuilding(app, "\u4E19\u697C")];
  const enterpriseIds = [await insertEnterprise(app, buildingIds[0]), await insertEnterprise(app, buildingIds[1]), await insertEnterprise(app, buildingIds[1])];
  const members = [
    await insertMember(app, enterpriseIds[0]),
    await insertMember(app, enterpriseIds[0]),
    await insertMember(app, enterpriseIds[1]),
    await insertMember(app, enterpriseIds[2])
  ];
  let invoice = 0;
  const insert = sqlite.prepare(`insert into aid_claims (membership_id, user_id, building_id, purchase_id, plan_year, admission_date, discharge_date,
      hospital, invoice_no, total_cost_fen, insurance_paid_fen, excluded_fen, base_fen, estimate, status, created_at, updated_at)
    select m.id, m.user_id, e.building_id, ?, 2026, '2026-05-01', '2026-05-10', '\u533B\u9662', ?, 400000, 100000, 0, 300000, '{"payableFen":25000}', ?, ?, ?
    from memberships m join enterprises e on e.id = m.enterprise_id where m.id = ?`);
  const addClaim = (m, status2, day) => {
    const at = `2026-06-${String(1 + day).padStart(2, "0")}T02:00:00.000Z`;
    insert.run(members[m].purchaseId, `INV-P-${++invoice}`, status2, at, at, members[m].membershipId);
  };
  for (let i = 0; i < 8; i++) addClaim(i % members.length, CLAIM_STATUSES[i % CLAIM_STATUSES.length], i);
  t2.same(summary(sqlite), direct(sqlite));
  const claimAt = (k) => {
    const ids = sqlite.prepare("select id from aid_claims order by id").pluck().all();
    return ids.length === 0 ? void 0 : ids[k % ids.length];
  };
  const status = fc.constantFrom(...CLAIM_STATUSES);
  const idx = fc.nat(50);
  const op = fc.oneof(
    fc.record({ op: fc.constant("insert"), m: fc.nat(members.length - 1), status, day: fc.nat(20) }),
    fc.record({ op: fc.constant("status"), k: idx, status }),
    fc.record({ op: fc.constant("statusAndBuilding"), k: idx, status, b: fc.nat(buildingIds.length - 1) }),
    fc.record({ op: fc.constant("every"), from: status, to: status }),
    fc.record({ op: fc.constant("touch"), k: idx }),
    fc.record({ op: fc.constant("delete"), k: idx }),
    fc.record({ op: fc.constant("moveMembership"), m: fc.nat(members.length - 1), e: fc.nat(enterpriseIds.length - 1) }),
    fc.record({ op: fc.constant("moveEnterprise"), e: fc.nat(enterpriseIds.length - 1), b: fc.nat(buildingIds.length - 1) }),
    fc.record({ op: fc.constant("rolledBack"), m: fc.nat(members.length - 1), k: idx, status })
  );
  const apply = (o) => {
    if ("k" in o && claimAt(o.k) === void 0) return;
    switch (o.op) {
      case "insert":
        addClaim(o.m, o.status, o.day);
        break;
      case "status":
        sqlite.prepare("update aid_claims set status = ?, updated_at = 'x' where id = ?").run(o.status, claimAt(o.k));
        break;
      case "statusAndBuilding":
        sqlite.prepare("update aid_claims set status = ?, building_id = ? where id = ?").run(o.status, buildingIds[o.b], claimAt(o.k));
        break;
      case "every":
        sqlite.prepare("update aid_claims set status = ? where status = ?").run(o.to, o.from);
        break;
      case "touch":
        sqlite.prepare("update aid_claims set updated_at = 'y', hospital = '\u53E6\u4E00\u533B\u9662' where id = ?").run(claimAt(o.k));
        break;
      case "delete":
        sqlite.prepare("delete from aid_claims where id = ?").run(claimAt(o.k));
        break;
      case "moveMembership":
        sqlite.prepare("update memberships set enterprise_id = ? where id = ?").run(enterpriseIds[o.e], members[o.m].membershipId);
        break;
      case "moveEnterprise":
        sqlite.prepare("update enterprises set building_id = ? where id = ?").run(buildingIds[o.b], enterpriseIds[o.e]);
        break;
      case "rolledBack":
        sqlite.exec("savepoint undone");
        addClaim(o.m, o.status, 0);
        sqlite.prepare("update aid_claims set status = ? where id = ?").run(o.status, claimAt(o.k));
        sqlite.exec("rollback to undone; release undone");
        break;
    }
  };
  const scopes = [[buildingIds[0]], [buildingIds[1]], [buildingIds[0], buildingIds[2]], null];
  fc.assert(fc.property(fc.array(op, { minLength: 1, maxLength: 25 }), (ops) => {
    sqlite.exec("savepoint sequence");
    try {
      for (const o of ops) {
        apply(o);
        const s = summary(sqlite);
        const d = direct(sqlite);
        if (JSON.stringify(s) !== JSON.stringify(d)) throw new Error(`after ${JSON.stringify(o)}: summary ${JSON.stringify(s)} \u2260 count ${JSON.stringify(d)}`);
      }
      for (const scope of scopes) {
        for (const except of [void 0, members[0].user.id]) {
          for (const fromIso of [void 0, "2026-06-08T00:00:00.000Z"]) {
            const got = countByStatus(app.db, { buildingIds: scope, exceptUserId: except, fromIso });
            const want = directCounts(sqlite, scope, except, fromIso);
            if (JSON.stringify(got) !== JSON.stringify(want)) throw new Error(`countByStatus ${JSON.stringify({ scope, except, fromIso })}: ${JSON.stringify(got)} \u2260 ${JSON.stringify(want)}`);
          }
        }
      }
    } finally {
      sqlite.exec("rollback to sequence; release sequence");
    }
  }), { numRuns: 150 });
  t2.same(summary(sqlite), direct(sqlite), "and after every sequence was undone");
});
t.test("the migration counts the claims already there", async (t2) => {
  const { sqlite, db } = databaseBefore(t2, "_claim_counts");
  const at = "2026-06-15T02:00:00.000Z";
  const one = (sql, ...args) => Number(sqlite.prepare(sql).run(...args).lastInsertRowid);
  insertPlanBefore0006(sqlite, 2026, at);
  const buildingIds = [1, 2].map((i) => one("insert into buildings (name, district, address, enterprises_total, created_at, updated_at) values (?, '\u4E94\u534E\u533A', '\u6606\u660E', 10, ?, ?)", `\u697C${i}`, at, at));
  const uid = one("insert into users (phone, name, password_hash, created_at, updated_at) values ('13800000000', '\u4F1A\u5458', 'x', ?, ?)", at, at);
  let claims = 0;
  for (const [i, b] of buildingIds.entries()) {
    const e = one(`insert into enterprises (building_id, name, uscc, headcount, liaison_user_id, status, submitted_at, created_at, updated_at)
      values (?, ?, ?, 10, ?, 'enrolled', ?, ?, ?)`, b, `\u4F01\u4E1A${i}`, `91530102MA0000000${i}`, uid, at, at, at);
    const m = one(
      `insert into memberships (user_id, enterprise_id, name, id_cipher, id_hash, id_masked, gender, birth_date, mobile, member_no, status, joined_on,
      consent_at, applied_at, created_at, updated_at) values (?, ?, '\u4F1A\u5458', 'x', ?, 'x', 'female', '1990-01-01', '13800000000', ?, 'active', '2025-06-01', ?, ?, ?, ?)`,
      uid,
      e,
      `h${i}`,
      `KM${i}`,
      at,
      at,
      at,
      at
    );
    const p = one(`insert into aid_purchases (membership_id, plan_year, shares, amount_fen, status, ordered_by, ordered_on, paid_on, created_at, updated_at)
      values (?, 2026, 1, 10000, 'paid', ?, '2026-01-10', '2026-01-10', ?, ?)`, m, uid, at, at);
    for (const [j, status] of ["submitted", "awaiting_second_approval", "approved", "rejected", "paid", "submitted", "paid", "paid"].slice(i).entries()) {
      claims++;
      one(`insert into aid_claims (membership_id, user_id, building_id, purchase_id, plan_year, admission_date, discharge_date, hospital, invoice_no,
        total_cost_fen, insurance_paid_fen, excluded_fen, base_fen, estimate, status, created_at, updated_at)
        values (?, ?, ?, ?, 2026, '2026-05-01', '2026-05-10', '\u533B\u9662', ?, 400000, 100000, 0, 300000, '{"payableFen":25000}', ?, ?, ?)`, m, uid, b, p, `INV${i}-${j}`, status, at, at);
    }
  }
  t2.equal(claims, 15);
  migrate(db, { migrationsFolder: migrationsDir });
  t2.same(summary(sqlite), direct(sqlite));
  t2.equal(sqlite.prepare("select sum(n) from claim_counts").pluck().get(), 15);
  sqlite.prepare("update aid_claims set status = 'rejected' where building_id = ?").run(buildingIds[0]);
  t2.same(summary(sqlite), direct(sqlite));
  t2.same(sqlite.pragma("foreign_key_check"), []);
});
//# sourceMappingURL=claim-counts.test.js.map
