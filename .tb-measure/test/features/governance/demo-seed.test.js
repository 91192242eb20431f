import t from "tap";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { openDatabase } from "../../../src/db/index.js";
import { createClock } from "../../../src/lib/clock.js";
import { createPii } from "../../../src/lib/pii.js";
import { seedDemo } from "../../../src/cli/seed-demo.js";
import { createBuildingsService } from "../../../src/features/buildings/buildings-service.js";
import { createGovernanceService } from "../../../src/features/governance/service.js";
import { compositionProblems } from "../../../src/domain/congress.js";
t.test("the governance demo seed reproduces the article from records", async (t2) => {
  const dir = mkdtempSync(join(tmpdir(), "seed-gov-"));
  const db = openDatabase(join(dir, "demo.db"));
  t2.teardown(() => {
    db.$client.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const clock = createClock(() => /* @__PURE__ */ new Date("2026-06-15T02:00:00Z"));
  const pii = createPii("x".repeat(40));
  const ctx = { db, clock, pii, uploadDir: join(dir, "uploads"), accounts: [], facts: {}, log: () => {
  } };
  await seedDemo(ctx);
  const adminId = ctx.facts.adminUserId;
  const admin = { id: adminId, name: "admin", phone: "13900000001", roles: ["member", "admin"], isAdmin: true, isStaff: false, staffBuildingIds: [], mustChangePassword: false };
  const overview = createBuildingsService(db, clock).cityOverview(admin);
  t2.equal(overview.totals.buildings, 40);
  t2.equal(overview.totals.workerCongress, 24, "a session decided something in the last 12 months");
  t2.equal(overview.totals.affairsDisclosure, 24, "published in the last 12 months (two older ones do not count)");
  t2.equal(overview.totals.both, 24);
  const older = db.get(sql`select count(distinct building_id) as n from disclosures`).n;
  t2.equal(older, 26, "two more buildings have only disclosures older than a year");
  const wuhua = ctx.facts.wuhuaBuildingId;
  const gov = createGovernanceService({ db, clock, pii, uploadDir: join(dir, "uploads") });
  const [congress] = gov.congresses.ofBuilding(admin, wuhua);
  const view = gov.congresses.view(admin, congress.id);
  t2.equal(view.representatives.length, 45);
  t2.same(compositionProblems({ form: congress.form, counts: view.counts, buildingMembers: view.buildingMembers }), [], "the composition meets the rules");
  t2.ok(view.representatives.some((r) => r.membershipId === ctx.facts.memberMembershipId), "the demo member \u738B\u82B3 is a representative");
  const contract = gov.contracts.view(admin, ctx.facts.governanceContractId);
  t2.equal(contract.status, "effective");
  t2.match(contract.text, /劳动报酬/, "the text decrypts");
  t2.equal(contract.contract.filedLate, false);
  for (const m of db.all(sql`select id, yes, no, abstain from motions`)) {
    const votes = db.all(sql`select vote, count(*) as n from motion_votes where motion_id = ${m.id} group by vote`);
    const count = (v) => votes.find((x) => x.vote === v)?.n ?? 0;
    t2.same([count("yes"), count("no"), count("abstain")], [m.yes, m.no, m.abstain], `motion ${m.id}: the votes add up`);
  }
  const months = db.all(sql`select distinct substr(published_on, 1, 7) as m from disclosures where building_id = ${wuhua} and enterprise_id is null`);
  t2.equal(months.length, 12, "a year of the federation's disclosures");
  const silent = gov.disclosures.silentThisQuarter(admin, wuhua);
  t2.ok(silent.enterprises.length > 0 && silent.enterprises.length < 61, "some enterprises have published nothing this quarter");
  const upcoming = db.get(sql`select count(*) as n from congress_sessions where date > '2026-06-15'`).n;
  t2.equal(upcoming, 1, "a session to come, for the demo");
});
//# sourceMappingURL=demo-seed.test.js.map
