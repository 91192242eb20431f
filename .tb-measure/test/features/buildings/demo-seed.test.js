import t from "tap";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { openDatabase } from "../../../src/db/index.js";
import { createClock } from "../../../src/lib/clock.js";
import { createPii } from "../../../src/lib/pii.js";
import { seedBuildings } from "../../../src/features/buildings/demo-seed.js";
import { DEMO_PASSWORD } from "../../../src/cli/seed-demo.js";
import { usccProblem } from "../../../src/domain/identity.js";
import { listCoverage } from "../../../src/features/buildings/buildings-repository.js";
import { verifyPassword } from "../../../src/lib/password.js";
t.test("the buildings demo seed: the article\u2019s tower and city, valid codes, accounts and facts", async (t2) => {
  const dir = mkdtempSync(join(tmpdir(), "seed-"));
  const db = openDatabase(join(dir, "demo.db"));
  t2.teardown(() => {
    db.$client.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const ctx = { db, clock: createClock(() => /* @__PURE__ */ new Date("2026-06-15T02:00:00Z")), pii: createPii("x".repeat(40)), accounts: [], facts: {}, log: () => {
  } };
  await seedBuildings(ctx);
  const coverage = listCoverage(db);
  t2.equal(coverage.length, 40);
  const wuhua = coverage[0];
  t2.match(wuhua, { name: "\u4E94\u534E\u79D1\u521B\u5927\u53A6", district: "\u4E94\u534E\u533A", enterprisesTotal: 96, enterprisesEnrolled: 61 });
  const wuhuaStatus = db.all(sql`select status, count(*) as n from enterprises where building_id = ${wuhua.id} group by status order by status`);
  t2.same(wuhuaStatus, [{ status: "enrolled", n: 61 }, { status: "pending", n: 3 }, { status: "rejected", n: 1 }]);
  t2.equal(coverage.filter((b) => b.isModel).length, 13);
  t2.equal(coverage.filter((b) => b.hasWorkerCongress && b.hasAffairsDisclosure).length, 24);
  for (const b of coverage) t2.ok(b.enterprisesEnrolled <= b.enterprisesTotal, `${b.name}: enrolled within total`);
  const codes = db.all(sql`select uscc from enterprises`);
  t2.ok(codes.every((c) => usccProblem(c.uscc) === null), "every code passes GB 32100");
  t2.equal(new Set(codes.map((c) => c.uscc)).size, codes.length);
  t2.equal(ctx.facts.enrolledEnterpriseIds.length, 61);
  t2.equal(ctx.facts.buildingIds.length, 40);
  t2.ok(ctx.facts.staffUserIds.length >= 2);
  t2.same([...new Set(ctx.accounts.map((a) => a.role))].sort(), ["admin", "liaison", "staff"]);
  const admin = db.all(sql`select password_hash from users where phone = '13900000001'`)[0];
  t2.ok(await verifyPassword(DEMO_PASSWORD, admin.password_hash), "the printed password works");
  const audits = db.all(sql`select count(*) as n from audit_log where entity_type = 'enterprise'`)[0].n;
  t2.ok(audits > 61, "the enterprises have their history");
});
t.test("the demo reads true: buildings in their real districts, liaisons named as the enterprise they run", async (t2) => {
  const dir = mkdtempSync(join(tmpdir(), "seed-"));
  const db = openDatabase(join(dir, "demo.db"));
  t2.teardown(() => {
    db.$client.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const ctx = { db, clock: createClock(() => /* @__PURE__ */ new Date("2026-06-15T02:00:00Z")), pii: createPii("x".repeat(40)), accounts: [], facts: {}, log: () => {
  } };
  await seedBuildings(ctx);
  const districtOf = new Map(listCoverage(db).map((b) => [b.name, b.district]));
  for (const [name, district] of [["\u7FE0\u6E56\u5546\u52A1\u697C", "\u4E94\u534E\u533A"], ["\u87BA\u86F3\u6E7E\u56FD\u9645\u5546\u8D38\u57CE", "\u5B98\u6E21\u533A"], ["\u6D77\u57C2\u5546\u52A1\u56ED", "\u897F\u5C71\u533A"], ["\u5317\u4EAC\u8DEF\u5546\u52A1\u5927\u53A6", "\u76D8\u9F99\u533A"], ["\u664B\u5B81\u5DE5\u4E1A\u56ED\u7EFC\u5408\u697C", "\u664B\u5B81\u533A"], ["\u5448\u8D21\u5927\u5B66\u57CE\u521B\u4E1A\u56ED", "\u5448\u8D21\u533A"]]) {
    t2.equal(districtOf.get(name), district, name);
  }
  const liaisons = db.all(sql`select u.name as name, e.name as enterprise from enterprises e join users u on u.id = e.liaison_user_id`);
  t2.ok(liaisons.length > 100);
  for (const l of liaisons) {
    const short = l.enterprise.replace(/^昆明/, "").replace(/(\d+号)?有限公司$/, "");
    if (!l.name.startsWith(`${short} \u8054\u7EDC\u5458 `)) {
      t2.fail(`${l.name} does not run ${l.enterprise}`);
      break;
    }
  }
  t2.equal(db.all(sql`select name from users where phone = '13900000011'`)[0].name.endsWith("\u8054\u7EDC\u5458 \u674E\u5A1C"), true);
});
//# sourceMappingURL=demo-seed.test.js.map
