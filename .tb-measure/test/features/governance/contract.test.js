import t from "tap";
import { build, PASSWORD } from "../../helper.js";
import { governanceWorld } from "./fixtures.js";
const CALLS = [
  ["post", "/api/v1/congresses"],
  ["post", "/api/v1/congresses/{id}/representatives"],
  ["delete", "/api/v1/congresses/{id}/representatives/{repId}"],
  ["post", "/api/v1/congresses/{id}/sessions"],
  ["post", "/api/v1/congress-sessions/{id}/attendance"],
  ["post", "/api/v1/congress-sessions/{id}/motions"],
  ["post", "/api/v1/motions/{id}/vote"],
  ["post", "/api/v1/motions/{id}/close"]
];
async function call(app, method, url, token, body, lang) {
  const headers = { accept: "application/json", authorization: `Bearer ${token}` };
  if (lang !== void 0) headers["accept-language"] = lang;
  if (body === void 0) return await app.inject({ method, url, headers });
  return await app.inject({ method, url, headers: { ...headers, "content-type": "application/json" }, payload: JSON.stringify(body) });
}
function expectError(t2, res, status, code) {
  t2.equal(res.statusCode, status, `${status}: ${res.body.slice(0, 160)}`);
  const body = res.json();
  t2.same(Object.keys(body), ["error"]);
  t2.type(body.error.message, "string");
  for (const k of Object.keys(body.error)) t2.ok(["code", "message", "fields"].includes(k));
  if (code !== void 0) t2.equal(body.error.code, code);
}
async function tokenOf(app, phone) {
  const res = await app.inject({ method: "POST", url: "/api/v1/auth/token", payload: { phone, password: PASSWORD } });
  return res.json().token;
}
t.test("every democratic-management call is in the OpenAPI document, tagged and with its answers", async (t2) => {
  const app = await build(t2);
  const doc = JSON.parse((await app.inject({ method: "GET", url: "/api/docs/openapi.json" })).body);
  for (const [method, path] of CALLS) {
    const op = doc.paths[path]?.[method];
    t2.ok(op !== void 0, `${method} ${path}`);
    if (op === void 0) continue;
    t2.same(op.tags, ["governance"]);
    t2.ok(op.security !== void 0, "needs a token");
    t2.ok(Object.keys(op.responses).some((s) => s.startsWith("2")), "a success answer");
  }
  t2.ok(doc.paths["/api/v1/congresses/{id}/sessions"].post.responses["422"] !== void 0, "COMPOSITION_INVALID documented");
  t2.ok(doc.paths["/api/v1/congress-sessions/{id}/motions"].post.responses["422"] !== void 0, "NO_QUORUM documented");
  t2.ok(doc.paths["/api/v1/motions/{id}/vote"].post.responses["409"] !== void 0);
});
t.test("the calls in order, as an integrator: answers carry the documented fields, errors the contract's shape", async (t2) => {
  const app = await build(t2);
  const w = await governanceWorld(app, 30);
  const staff = await tokenOf(app, w.staff.phone);
  const member = await tokenOf(app, w.members[0].user.phone);
  const created = await call(app, "POST", "/api/v1/congresses", staff, { buildingId: w.buildingId, term: 3, startsOn: "2026-01-01", unknown: "ignored" });
  t2.equal(created.statusCode, 201);
  t2.same(Object.keys(created.json()), ["id"]);
  const congressId = created.json().id;
  expectError(t2, await call(app, "POST", "/api/v1/congresses", member, { buildingId: w.buildingId }), 403, "FORBIDDEN");
  const bad = await call(app, "POST", `/api/v1/congresses/${congressId}/representatives`, staff, { category: "x" }, "en");
  expectError(t2, bad, 400, "INVALID_INPUT");
  t2.match(bad.json().error.fields.category, /front-line/);
  expectError(t2, await call(app, "POST", `/api/v1/congresses/${congressId}/sessions`, staff, { date: "2026-06-20", title: "\u4F1A\u8BAE" }), 422, "COMPOSITION_INVALID");
  const reps = [];
  for (let i = 0; i < 30; i++) {
    const r = await call(app, "POST", `/api/v1/congresses/${congressId}/representatives`, staff, { membershipId: w.members[i].membershipId, category: i < 6 ? "operator" : "frontline" });
    t2.equal(r.statusCode, 201);
    reps.push(r.json().id);
  }
  const session = await call(app, "POST", `/api/v1/congresses/${congressId}/sessions`, staff, { date: "2026-06-20", title: "\u7B2C\u4E00\u5C4A\u7B2C\u4E00\u6B21\u4F1A\u8BAE" });
  t2.equal(session.statusCode, 201);
  const sessionId = session.json().id;
  expectError(t2, await call(app, "POST", `/api/v1/congress-sessions/${sessionId}/motions`, staff, { title: "\u8BAE\u6848", kind: "resolution" }), 422, "NO_QUORUM");
  const att = await call(app, "POST", `/api/v1/congress-sessions/${sessionId}/attendance`, staff, { representativeIds: reps });
  t2.same(att.json(), { present: 30, total: 30, quorum: true });
  const motion = await call(app, "POST", `/api/v1/congress-sessions/${sessionId}/motions`, staff, { title: "\u96C6\u4F53\u5408\u540C\u8349\u6848", kind: "collective_contract" });
  t2.equal(motion.statusCode, 201);
  const motionId = motion.json().id;
  const vote = await call(app, "POST", `/api/v1/motions/${motionId}/vote`, member, { vote: "yes" });
  t2.equal(vote.statusCode, 200);
  expectError(t2, await call(app, "POST", `/api/v1/motions/${motionId}/vote`, member, { vote: "no" }), 409, "ALREADY_VOTED");
  expectError(t2, await call(app, "POST", `/api/v1/motions/${motionId}/vote`, staff, { vote: "no" }), 403);
  expectError(t2, await call(app, "POST", `/api/v1/motions/${motionId}/close`, member), 403);
  const closed = await call(app, "POST", `/api/v1/motions/${motionId}/close`, staff);
  t2.equal(closed.statusCode, 200, "a call without a body and without a content type");
  t2.same(closed.json(), { result: "failed", yes: 1, no: 0, abstain: 0, total: 30 });
  const del = await call(app, "DELETE", `/api/v1/congresses/${congressId}/representatives/${reps[0]}`, staff);
  t2.equal(del.statusCode, 204);
  t2.equal(del.body, "");
  expectError(t2, await call(app, "DELETE", `/api/v1/congresses/${congressId}/representatives/999999`, staff), 404, "NOT_FOUND");
});
//# sourceMappingURL=contract.test.js.map
