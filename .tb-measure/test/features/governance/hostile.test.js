import t from "tap";
import { sql } from "drizzle-orm";
import { build, injectAs, PageSession } from "../../helper.js";
import { governanceWorld, ok, seatedCongress } from "./fixtures.js";
const BODIES = [
  [],
  "text",
  42,
  null,
  { __proto__: { admin: true } },
  { constructor: { prototype: { x: 1 } } },
  { buildingId: 1e300, term: -1, startsOn: "9999-99-99" },
  { membershipId: "1; drop table users", category: ["frontline"] },
  { date: "2026-02-30", title: "x".repeat(1e4), agenda: [1, 2, 3] },
  { representativeIds: ["a", -1, 1.5, 1e20] },
  { title: {}, kind: "law" },
  { vote: ["yes"] },
  { vote: "YES" }
];
t.test("the API: wrong shapes answer 4xx, never 500, and store nothing", async (t2) => {
  const app = await build(t2);
  const w = await governanceWorld(app, 30);
  const { congressId, reps } = await seatedCongress(app, w);
  const { id: sessionId } = await ok(app, w.staff, "POST", `/api/v1/congresses/${congressId}/sessions`, { date: "2026-06-20", title: "\u4F1A\u8BAE" });
  await ok(app, w.staff, "POST", `/api/v1/congress-sessions/${sessionId}/attendance`, { representativeIds: reps });
  const { id: motionId } = await ok(app, w.staff, "POST", `/api/v1/congress-sessions/${sessionId}/motions`, { title: "\u8BAE\u6848", kind: "resolution" });
  const count = () => app.db.get(sql`select (select count(*) from congresses) + (select count(*) from congress_representatives) + (select count(*) from congress_sessions) + (select count(*) from motions) + (select count(*) from motion_votes) + (select count(*) from session_attendance) as n`).n;
  const before = count();
  const urls = [
    ["/api/v1/congresses", w.staff],
    [`/api/v1/congresses/${congressId}/representatives`, w.staff],
    [`/api/v1/congresses/${congressId}/sessions`, w.staff],
    [`/api/v1/congress-sessions/${sessionId}/attendance`, w.staff],
    [`/api/v1/congress-sessions/${sessionId}/motions`, w.staff],
    [`/api/v1/motions/${motionId}/vote`, w.members[0].user]
  ];
  for (const [url, user] of urls) {
    for (const body of BODIES) {
      const res = await injectAs(app, user, { method: "POST", url, payload: JSON.stringify(body), headers: { "content-type": "application/json" } });
      t2.ok(res.statusCode >= 400 && res.statusCode < 500, `${url} ${JSON.stringify(body)?.slice(0, 40)}: ${res.statusCode}`);
    }
  }
  for (const path of ["/api/v1/congresses/abc/sessions", "/api/v1/motions/-1/vote", "/api/v1/congress-sessions/1e99/attendance", `/api/v1/congresses/${congressId}/representatives/x`]) {
    const res = await injectAs(app, w.staff, { method: path.endsWith("/x") ? "DELETE" : "POST", url: path, payload: {} });
    t2.ok(res.statusCode >= 400 && res.statusCode < 500, `${path}: ${res.statusCode}`);
  }
  t2.equal(count(), before, "nothing stored");
});
t.test("the page forms: wrong shapes answer 4xx, never 500", async (t2) => {
  const app = await build(t2);
  const w = await governanceWorld(app, 2);
  const staff = new PageSession(app);
  await staff.login(w.staff.phone);
  await staff.get(`/governance/buildings/${w.buildingId}`);
  const forms = [
    [`/governance/buildings/${w.buildingId}/congresses`, { term: "x", startsOn: "yesterday", form: "club" }],
    [`/governance/buildings/${w.buildingId}/rounds`, { title: "", topics: "money", enterpriseId: "-4" }],
    [`/governance/buildings/${w.buildingId}/contracts`, { title: "x", kind: "secret", termYears: "1.5", text: "", roundId: "abc" }],
    [`/governance/buildings/${w.buildingId}/charter`, { kind: "bible", title: "", body: "", adoptedOn: "2026-13-01", adoptedBy: "" }],
    ["/governance/congresses/999999/sessions", { date: "2026-06-20", title: "x" }],
    ["/governance/motions/999999/vote", { vote: "yes" }]
  ];
  for (const [url, form] of forms) {
    const res = await staff.post(url, form);
    t2.ok(res.statusCode >= 400 && res.statusCode < 500, `${url}: ${res.statusCode}`);
  }
  t2.equal(app.db.get(sql`select count(*) as n from charter_versions`).n, 0);
});
//# sourceMappingURL=hostile.test.js.map
