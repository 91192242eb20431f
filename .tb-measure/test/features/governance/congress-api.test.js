import t from "tap";
import { sql } from "drizzle-orm";
import { build, injectAs } from "../../helper.js";
import { governanceWorld, ok, seatedCongress } from "./fixtures.js";
t.test("founding: staff of the building or admin; others 403/404 before the body is read", async (t2) => {
  const app = await build(t2);
  const w = await governanceWorld(app, 2);
  const body = { buildingId: w.buildingId, term: 5, startsOn: "2026-01-01" };
  t2.equal((await app.inject({ method: "POST", url: "/api/v1/congresses", payload: body })).statusCode, 401);
  t2.equal((await injectAs(app, w.members[0].user, { method: "POST", url: "/api/v1/congresses", payload: {} })).statusCode, 403, "a member with a bad body: 403, not 400");
  t2.equal((await injectAs(app, w.otherStaff, { method: "POST", url: "/api/v1/congresses", payload: { ...body, term: "x" } })).statusCode, 404, "staff elsewhere cannot see the building");
  const bad = await injectAs(app, w.staff, { method: "POST", url: "/api/v1/congresses", payload: { buildingId: w.buildingId, term: 4, startsOn: "2026-02-30" } });
  t2.equal(bad.statusCode, 400);
  t2.same(Object.keys(bad.json().error.fields).sort(), ["startsOn", "term"]);
  const res = await injectAs(app, w.staff, { method: "POST", url: "/api/v1/congresses", payload: body });
  t2.equal(res.statusCode, 201);
  const admin = await injectAs(app, w.admin, { method: "POST", url: "/api/v1/congresses", payload: body });
  t2.equal(admin.statusCode, 201);
  const rows = app.db.all(sql`select term_no, ends_on from congresses order by id`);
  t2.same(rows, [{ term_no: 1, ends_on: "2030-12-31" }, { term_no: 2, ends_on: "2030-12-31" }]);
  const audit = app.db.all(sql`select action from audit_log where entity_type = 'congress'`);
  t2.equal(audit.length, 2);
});
t.test("representatives: eligible members only, once; DELETE keeps their votes", async (t2) => {
  const app = await build(t2);
  const w = await governanceWorld(app, 3);
  const { id } = await ok(app, w.staff, "POST", "/api/v1/congresses", { buildingId: w.buildingId, term: 3, startsOn: "2026-01-01" });
  const url = `/api/v1/congresses/${id}/representatives`;
  t2.equal((await injectAs(app, w.members[0].user, { method: "POST", url, payload: {} })).statusCode, 403, "a member of the building may see, not act");
  t2.equal((await injectAs(app, w.outsider.user, { method: "POST", url, payload: {} })).statusCode, 404, "someone from another building");
  t2.equal((await injectAs(app, w.staff, { method: "POST", url, payload: { membershipId: w.members[0].membershipId, category: "boss" } })).json().error.fields.category !== void 0, true);
  const outsider = await injectAs(app, w.staff, { method: "POST", url, payload: { membershipId: w.outsider.membershipId, category: "frontline" } });
  t2.equal(outsider.statusCode, 422);
  t2.equal(outsider.json().error.code, "NOT_ELIGIBLE");
  const first = await injectAs(app, w.staff, { method: "POST", url, payload: { membershipId: w.members[0].membershipId, category: "frontline" } });
  t2.equal(first.statusCode, 201);
  const again = await injectAs(app, w.staff, { method: "POST", url, payload: { membershipId: w.members[0].membershipId, category: "staff" } });
  t2.equal(again.statusCode, 409);
  const repId = first.json().id;
  t2.equal((await injectAs(app, w.otherStaff, { method: "DELETE", url: `${url}/${repId}` })).statusCode, 404);
  t2.equal((await injectAs(app, w.staff, { method: "DELETE", url: `${url}/${repId}` })).statusCode, 204);
  t2.equal((await injectAs(app, w.staff, { method: "DELETE", url: `${url}/${repId}` })).statusCode, 409, "already unseated");
  t2.equal((await injectAs(app, w.staff, { method: "POST", url, payload: { membershipId: w.members[0].membershipId, category: "staff" } })).statusCode, 201, "seated again later");
  const actions = app.db.all(sql`select action from audit_log where entity_type = 'congress' order by id`).map((r) => r.action);
  t2.same(actions, ["congress.found", "congress.representative.add", "congress.representative.remove", "congress.representative.add"]);
});
t.test("a session opens only with a valid composition; the 422 names the rule", async (t2) => {
  const app = await build(t2);
  const w = await governanceWorld(app, 35);
  const { congressId } = await seatedCongress(app, w, 29, 7);
  const url = `/api/v1/congresses/${congressId}/sessions`;
  const body = { date: "2026-06-20", title: "\u7B2C\u4E00\u5C4A\u7B2C\u4E00\u6B21\u4F1A\u8BAE", agenda: ["\u5BA1\u8BAE\u96C6\u4F53\u5408\u540C\u8349\u6848"] };
  const both = await injectAs(app, w.staff, { method: "POST", url, payload: body });
  t2.equal(both.statusCode, 422);
  t2.equal(both.json().error.code, "COMPOSITION_INVALID");
  t2.match(both.json().error.message, /至少需要 30 名代表（现有 29 名）.*最多 5 名，现有 7 名/);
  await ok(app, w.staff, "POST", `/api/v1/congresses/${congressId}/representatives`, { membershipId: w.members[29].membershipId, category: "frontline" });
  const ops = await injectAs(app, w.staff, { method: "POST", url, payload: body, headers: { "accept-language": "en" } });
  t2.equal(ops.statusCode, 422);
  t2.match(ops.json().error.message, /Too many enterprise operators: at most 20% of the representatives, 6 of 30; there are 7/);
  for (let i = 30; i < 34; i++) await ok(app, w.staff, "POST", `/api/v1/congresses/${congressId}/representatives`, { membershipId: w.members[i].membershipId, category: "staff" });
  t2.equal((await injectAs(app, w.staff, { method: "POST", url, payload: body })).statusCode, 422, "7 of 34 is above 20%");
  await ok(app, w.staff, "POST", `/api/v1/congresses/${congressId}/representatives`, { membershipId: w.members[34].membershipId, category: "staff" });
  const opened = await injectAs(app, w.staff, { method: "POST", url, payload: body });
  t2.equal(opened.statusCode, 201, "7 operators of 35 is exactly 20%");
  t2.equal((await injectAs(app, w.members[0].user, { method: "POST", url, payload: body })).statusCode, 403);
});
t.test("an all-member assembly: allowed below 100 members, with every member seated", async (t2) => {
  const app = await build(t2);
  const w = await governanceWorld(app, 12);
  const { id } = await ok(app, w.staff, "POST", "/api/v1/congresses", { buildingId: w.buildingId, term: 3, startsOn: "2026-01-01", form: "assembly" });
  await ok(app, w.staff, "POST", `/api/v1/congresses/${id}/representatives`, { membershipId: w.members[0].membershipId, category: "operator" });
  const incomplete = await injectAs(app, w.staff, { method: "POST", url: `/api/v1/congresses/${id}/sessions`, payload: { date: "2026-06-20", title: "\u5168\u4F53\u4F1A\u5458\u5927\u4F1A" } });
  t2.equal(incomplete.statusCode, 422);
  t2.match(incomplete.json().error.message, /现有 12 名会员，只登记了 1 名/);
  for (const m of w.members.slice(1)) await ok(app, w.staff, "POST", `/api/v1/congresses/${id}/representatives`, { membershipId: m.membershipId, category: "frontline" });
  t2.equal((await injectAs(app, w.staff, { method: "POST", url: `/api/v1/congresses/${id}/sessions`, payload: { date: "2026-06-20", title: "\u5168\u4F53\u4F1A\u5458\u5927\u4F1A" } })).statusCode, 201);
});
t.test("quorum, votes and the result over ALL representatives", async (t2) => {
  const app = await build(t2);
  const w = await governanceWorld(app, 30);
  const { congressId, reps } = await seatedCongress(app, w);
  const { id: sessionId } = await ok(app, w.staff, "POST", `/api/v1/congresses/${congressId}/sessions`, { date: "2026-06-20", title: "\u7B2C\u4E00\u6B21\u4F1A\u8BAE" });
  const att = `/api/v1/congress-sessions/${sessionId}/attendance`;
  t2.equal((await injectAs(app, w.members[0].user, { method: "POST", url: att, payload: { representativeIds: "x" } })).statusCode, 403);
  const unknown = await injectAs(app, w.staff, { method: "POST", url: att, payload: { representativeIds: [reps[0], 999999] } });
  t2.equal(unknown.statusCode, 400);
  t2.match(unknown.json().error.fields.representativeIds, /999999/);
  const a19 = await injectAs(app, w.staff, { method: "POST", url: att, payload: { representativeIds: reps.slice(0, 19) } });
  t2.same(a19.json(), { present: 19, total: 30, quorum: false });
  const motionUrl = `/api/v1/congress-sessions/${sessionId}/motions`;
  const noQuorum = await injectAs(app, w.staff, { method: "POST", url: motionUrl, payload: { title: "\u96C6\u4F53\u5408\u540C\u8349\u6848", kind: "collective_contract" } });
  t2.equal(noQuorum.statusCode, 422);
  t2.equal(noQuorum.json().error.code, "NO_QUORUM");
  const a20 = await injectAs(app, w.staff, { method: "POST", url: att, payload: { representativeIds: reps.slice(0, 20) } });
  t2.same(a20.json(), { present: 20, total: 30, quorum: true }, "marking the same again adds only the new one");
  const m = await injectAs(app, w.staff, { method: "POST", url: motionUrl, payload: { title: "\u96C6\u4F53\u5408\u540C\u8349\u6848", kind: "collective_contract" } });
  t2.equal(m.statusCode, 201);
  const motionId = m.json().id;
  const vote = (i, v) => injectAs(app, w.members[i].user, { method: "POST", url: `/api/v1/motions/${motionId}/vote`, payload: { vote: v } });
  t2.equal((await vote(25, "yes")).statusCode, 403, "a representative not present");
  t2.equal((await injectAs(app, w.staff, { method: "POST", url: `/api/v1/motions/${motionId}/vote`, payload: { vote: "yes" } })).statusCode, 403, "staff do not vote");
  t2.equal((await injectAs(app, w.outsider.user, { method: "POST", url: `/api/v1/motions/${motionId}/vote`, payload: { vote: "yes" } })).statusCode, 403, "anyone else: 403");
  t2.equal((await injectAs(app, w.members[0].user, { method: "POST", url: "/api/v1/motions/999999/vote", payload: { vote: "yes" } })).statusCode, 404);
  t2.equal((await vote(0, "maybe")).statusCode, 400);
  for (let i = 0; i < 15; i++) t2.equal((await vote(i, "yes")).statusCode, 200);
  t2.equal((await vote(0, "no")).statusCode, 409, "a second vote");
  for (let i = 15; i < 18; i++) await vote(i, "no");
  await vote(18, "abstain");
  t2.equal((await injectAs(app, w.members[0].user, { method: "POST", url: `/api/v1/motions/${motionId}/close` })).statusCode, 403);
  const closed = await injectAs(app, w.staff, { method: "POST", url: `/api/v1/motions/${motionId}/close` });
  t2.same(closed.json(), { result: "failed", yes: 15, no: 3, abstain: 1, total: 30 });
  t2.equal((await injectAs(app, w.staff, { method: "POST", url: `/api/v1/motions/${motionId}/close` })).statusCode, 409);
  t2.equal((await vote(19, "yes")).statusCode, 409, "closed");
  const m2 = (await ok(app, w.staff, "POST", motionUrl, { title: "\u51B3\u8BAE", kind: "resolution" })).id;
  for (let i = 0; i < 16; i++) t2.equal((await injectAs(app, w.members[i].user, { method: "POST", url: `/api/v1/motions/${m2}/vote`, payload: { vote: "yes" } })).statusCode, 200);
  t2.equal((await injectAs(app, w.staff, { method: "DELETE", url: `/api/v1/congresses/${congressId}/representatives/${reps[0]}` })).statusCode, 204);
  t2.equal((await injectAs(app, w.members[0].user, { method: "POST", url: `/api/v1/motions/${m2}/vote`, payload: { vote: "no" } })).statusCode, 403, "unseated: no longer votes");
  const passed = await injectAs(app, w.admin, { method: "POST", url: `/api/v1/motions/${m2}/close` });
  t2.same(passed.json(), { result: "passed", yes: 16, no: 0, abstain: 0, total: 30 }, "the unseated representative's vote stays");
  const votes = app.db.get(sql`select count(*) as n from motion_votes where representative_id = ${reps[0]}`);
  t2.equal(votes?.n, 2);
  const actions = app.db.all(sql`select action, count(*) as n from audit_log where action like 'congress.%' group by action order by action`);
  t2.match(actions, [
    { action: "congress.attendance.record", n: 2 },
    { action: "congress.found", n: 1 },
    { action: "congress.motion.close", n: 2 },
    { action: "congress.motion.put", n: 2 },
    { action: "congress.motion.vote", n: 35 },
    { action: "congress.representative.add", n: 30 },
    { action: "congress.representative.remove", n: 1 },
    { action: "congress.session.open", n: 1 }
  ]);
});
//# sourceMappingURL=congress-api.test.js.map
