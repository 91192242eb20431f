import t from "tap";
import { build, createUser, injectAs, insertBuilding, testClock, testConfig } from "../helper.js";
import { buildApp } from "../../src/app.js";
const CONTRACT = [
  ["get", "/healthz", false],
  ["post", "/api/v1/auth/register", false],
  ["post", "/api/v1/auth/token", false],
  ["get", "/api/v1/me", true],
  ["get", "/api/v1/buildings", false],
  ["post", "/api/v1/buildings", true],
  ["post", "/api/v1/enterprises", true],
  ["post", "/api/v1/enterprises/{id}/approve", true],
  ["post", "/api/v1/enterprises/{id}/reject", true],
  ["post", "/api/v1/memberships", true],
  ["post", "/api/v1/memberships/{id}/approve", true],
  ["post", "/api/v1/memberships/{id}/reject", true],
  ["get", "/api/v1/aid/plans/current", false],
  ["put", "/api/v1/aid/plans/{year}", true],
  ["post", "/api/v1/aid/quote", false],
  ["post", "/api/v1/aid/purchases", true],
  ["post", "/api/v1/aid/purchases/{id}/confirm-payment", true],
  ["post", "/api/v1/aid/payments/webhook", false],
  ["get", "/api/v1/aid/claims", true],
  ["post", "/api/v1/aid/claims", true],
  ["get", "/api/v1/aid/claims/{id}", true],
  ["post", "/api/v1/aid/claims/{id}/documents", true],
  ["post", "/api/v1/aid/claims/{id}/approve", true],
  ["post", "/api/v1/aid/claims/{id}/reject", true]
];
t.test("GET /api/docs/openapi.json: an OpenAPI 3 document with every contract call, described", async (t2) => {
  const app = await build(t2);
  const res = await app.inject({ method: "GET", url: "/api/docs/openapi.json" });
  t2.equal(res.statusCode, 200);
  t2.match(res.headers["content-type"], /^application\/json/);
  const doc = JSON.parse(res.body);
  t2.match(doc.openapi, /^3\./);
  t2.same(doc.components.securitySchemes.bearerAuth, { type: "http", scheme: "bearer", bearerFormat: "JWT" });
  for (const [method, path, auth] of CONTRACT) {
    const op = doc.paths[path]?.[method];
    t2.ok(op, `${method.toUpperCase()} ${path} is documented`);
    if (op === void 0) continue;
    t2.ok((op.summary ?? "").length > 0, `${path}: summary`);
    t2.ok((op.tags ?? []).length > 0, `${path}: tag`);
    if (auth) t2.same(op.security, [{ bearerAuth: [] }], `${method} ${path}: bearer token`);
    else t2.notOk(op.security, `${method} ${path}: no token needed`);
    const success = Object.keys(op.responses).filter((s) => s.startsWith("2"));
    t2.equal(success.length, 1, `${path}: one success answer`);
    for (const [status, answer] of Object.entries(op.responses)) {
      if (!/^4/.test(status)) continue;
      t2.same(answer.content?.["application/json"].schema, { $ref: "#/components/schemas/Error" }, `${method} ${path} ${status}: the contract's error shape`);
    }
  }
  t2.ok(doc.paths["/api/v1/auth/register"].post.responses["201"]);
  t2.ok(doc.paths["/api/v1/aid/claims"].post.responses["201"]);
  t2.ok(doc.paths["/api/v1/aid/claims/{id}/documents"].post.responses["201"]);
  t2.ok(doc.paths["/api/v1/aid/quote"].post.responses["422"], "INCONSISTENT_AMOUNTS documented");
  t2.ok(doc.paths["/api/v1/memberships"].post.responses["422"], "ENTERPRISE_NOT_ENROLLED documented");
  const error = doc.components.schemas.Error;
  t2.same(error.required, ["error"]);
  t2.same(error.properties.error.required, ["code", "message"]);
  t2.same(Object.keys(error.properties.error.properties).sort(), ["code", "fields", "message"]);
  const header = (op, name) => op.parameters?.find((p) => p.in === "header" && p.name.toLowerCase() === name.toLowerCase());
  for (const path of ["/api/v1/aid/purchases", "/api/v1/aid/claims"]) {
    t2.equal(header(doc.paths[path].post, "Idempotency-Key")?.required, true, `${path}: Idempotency-Key`);
  }
  t2.equal(header(doc.paths["/api/v1/aid/payments/webhook"].post, "X-Signature")?.required, true, "webhook: X-Signature");
  const claimBody = doc.paths["/api/v1/aid/claims"].post.requestBody.content["application/json"].schema;
  t2.same([...claimBody.required].sort(), ["admissionDate", "dischargeDate", "excludedFen", "hospital", "insurancePaidFen", "invoiceNo", "totalCostFen"]);
  t2.match(claimBody.properties.totalCostFen, { type: "integer", minimum: 0, maximum: 1e11 });
  t2.match(claimBody.properties.admissionDate, { type: "string", format: "date" });
  const register = doc.paths["/api/v1/auth/register"].post.requestBody.content["application/json"].schema;
  t2.same([...register.required].sort(), ["name", "password", "phone"]);
  const quote = doc.paths["/api/v1/aid/quote"].post.requestBody.content["application/json"].schema;
  t2.same([...quote.required].sort(), ["excludedFen", "insurancePaidFen", "totalCostFen"]);
  t2.ok(quote.properties.shares && quote.properties.paidThisYearFen, "optional quote fields listed");
  const plan = doc.paths["/api/v1/aid/plans/{year}"].put.requestBody.content["application/json"].schema;
  t2.equal(plan.properties.tiers.type, "array");
  const building = doc.paths["/api/v1/buildings"].post.requestBody.content["application/json"].schema;
  t2.same([...building.required].sort(), ["address", "district", "enterprisesTotal", "name"], "flags that default to false are optional");
  const reject = doc.paths["/api/v1/aid/claims/{id}/reject"].post.requestBody.content["application/json"].schema;
  t2.ok(reject.properties.reasonCode.enum.includes("DOCUMENTS_MISSING"));
  t2.equal(doc.paths["/api/v1/memberships/{id}/reject"].post.requestBody.required, false, "an all-optional body may be left out");
  t2.ok(doc.paths["/api/v1/aid/claims/{id}/documents"].post.requestBody.content["multipart/form-data"], "documents are multipart");
  const idParam = doc.paths["/api/v1/aid/claims/{id}"].get.parameters?.find((p) => p.in === "path" && p.name === "id");
  t2.equal(idParam?.required, true);
  const refs = [];
  const walk = (v) => {
    if (Array.isArray(v)) {
      v.forEach(walk);
      return;
    }
    if (v === null || typeof v !== "object") return;
    for (const [k, x] of Object.entries(v)) {
      if (k === "$ref" && typeof x === "string") refs.push(x);
      else walk(x);
    }
  };
  walk(doc);
  t2.ok(refs.length > 0);
  for (const r of new Set(refs)) {
    const m = /^#\/components\/schemas\/(.+)$/.exec(r);
    t2.ok(m !== null && doc.components.schemas[m[1]] !== void 0, `${r} resolves`);
  }
  for (const path of Object.keys(doc.paths)) t2.ok(path.startsWith("/api/v1/") || path === "/healthz", `${path} is an API path`);
  t2.notOk(JSON.stringify(doc).includes("x-answers"), "internal markers are not published");
});
t.test("GET /api/docs: Swagger UI under the portal's strict CSP", async (t2) => {
  const app = await build(t2);
  for (const url of ["/api/docs", "/api/docs/"]) {
    const res = await app.inject({ method: "GET", url });
    t2.equal(res.statusCode, 200, url);
    t2.match(res.headers["content-type"], /^text\/html/);
    const csp = String(res.headers["content-security-policy"]);
    t2.match(csp, /script-src 'self'/);
    t2.match(csp, /style-src 'self'/);
    t2.notMatch(csp, /unsafe-inline|unsafe-eval/);
    const scripts = res.body.match(/<script\b[^>]*>/g) ?? [];
    t2.ok(scripts.length >= 3);
    for (const tag of scripts) t2.match(tag, /\ssrc="/);
    t2.notMatch(res.body, /<style\b|\sstyle=/);
  }
  for (const asset of ["/api/docs/static/swagger-ui-bundle.js", "/api/docs/static/swagger-ui-standalone-preset.js", "/api/docs/static/swagger-ui.css"]) {
    t2.equal((await app.inject({ method: "GET", url: asset })).statusCode, 200, asset);
  }
  const init = await app.inject({ method: "GET", url: "/api/docs/static/swagger-initializer.js" });
  t2.equal(init.statusCode, 200);
  t2.match(init.body, /"layout":"BaseLayout"/);
  const json = await app.inject({ method: "GET", url: "/api/docs/json" });
  t2.equal(json.statusCode, 200);
  t2.match(json.json().openapi, /^3\./);
});
t.test("fastify validation is off: a body that breaks the declared schema gets the app's zod answer", async (t2) => {
  const app = await build(t2);
  const res = await app.inject({ method: "POST", url: "/api/v1/auth/register", payload: { phone: 139e8, password: ["a"], name: "" } });
  t2.equal(res.statusCode, 400);
  const err = res.json().error;
  t2.equal(err.code, "INVALID_INPUT");
  t2.match(err.fields.phone, /手机号码/);
  t2.match(err.fields.password, /8 位/);
  t2.match(err.fields.name, /必填/);
  t2.notMatch(res.body, /must be|body\//, "not fastify's message");
  const quote = await app.inject({ method: "POST", url: "/api/v1/aid/quote", payload: { totalCostFen: "300000", insurancePaidFen: 0, excludedFen: 0 } });
  t2.equal(quote.statusCode, 400);
  t2.match(quote.json().error.fields.totalCostFen, /整数（分）/);
  const en = await app.inject({ method: "POST", url: "/api/v1/aid/quote", headers: { "accept-language": "en" }, payload: { totalCostFen: 1.5, insurancePaidFen: 0, excludedFen: 0 } });
  t2.equal(en.statusCode, 400);
  t2.match(en.json().error.fields.totalCostFen, /fen/);
  const member = await createUser(app);
  const noKey = await injectAs(app, member, { method: "POST", url: "/api/v1/aid/claims", payload: {} });
  t2.equal(noKey.statusCode, 400);
  t2.equal(noKey.json().error.code, "IDEMPOTENCY_KEY_REQUIRED");
  t2.match(noKey.json().error.fields["Idempotency-Key"], /Idempotency-Key/);
  const badId = await injectAs(app, member, { method: "GET", url: "/api/v1/aid/claims/abc" });
  t2.equal(badId.statusCode, 400);
  t2.equal(badId.json().error.code, "INVALID_INPUT");
  t2.ok(badId.json().error.fields.id);
  const badPage = await injectAs(app, member, { method: "GET", url: "/api/v1/aid/claims?page=0" });
  t2.equal(badPage.statusCode, 400);
  t2.ok(badPage.json().error.fields.page);
  const admin = await createUser(app, { role: "admin" });
  const plan = (await app.inject({ method: "GET", url: "/api/v1/aid/plans/current" })).json();
  const { year, ...terms } = plan;
  const badTiers = await injectAs(app, admin, { method: "PUT", url: `/api/v1/aid/plans/${year}`, payload: { ...terms, tiers: [{ fromFen: 0, rateBp: 2500 }] } });
  t2.equal(badTiers.statusCode, 400);
  t2.match(badTiers.json().error.fields.tiers, /20%/);
  const notArray = await injectAs(app, admin, { method: "PUT", url: `/api/v1/aid/plans/${year}`, payload: { ...terms, tiers: "none" } });
  t2.equal(notArray.statusCode, 400);
  t2.ok(notArray.json().error.fields.tiers);
});
t.test("unknown fields are still ignored, and answers keep every field", async (t2) => {
  const app = await build(t2);
  const reg = await app.inject({
    method: "POST",
    url: "/api/v1/auth/register",
    payload: { phone: "13912345678", password: "secret-pass-1", name: "\u674E\u96F7", nickname: "lilei", extra: { nested: true } }
  });
  t2.equal(reg.statusCode, 201);
  t2.same(Object.keys(reg.json().user).sort(), ["id", "name", "phone", "roles"]);
  const quote = await app.inject({ method: "POST", url: "/api/v1/aid/quote", payload: { totalCostFen: 6e5, insurancePaidFen: 2e5, excludedFen: 1e5, currency: "CNY", foo: [1, 2] } });
  t2.equal(quote.statusCode, 200);
  t2.match(quote.json(), { baseFen: 3e5, payableFen: 25e3, limitedBy: "none" });
  t2.ok(Array.isArray(quote.json().lines));
  const admin = await createUser(app, { role: "admin" });
  const created = await injectAs(app, admin, { method: "POST", url: "/api/v1/buildings", payload: { name: "\u65B0\u697C", district: "\u4E94\u534E\u533A", address: "\u6606\u660E", enterprisesTotal: 10, color: "blue" } });
  t2.equal(created.statusCode, 201);
  t2.type(created.json().id, "number");
  insertBuilding(app);
  const staff = await createUser(app, { role: "staff", buildingIds: [created.json().id] });
  const me = await injectAs(app, staff, { method: "GET", url: "/api/v1/me" });
  t2.equal(me.statusCode, 200);
  t2.same(me.json().user.staffBuildingIds, [created.json().id]);
  t2.equal(me.json().user.mustChangePassword, false);
  t2.ok("aidShare" in me.json() && "membership" in me.json());
});
t.test("a route under /api may not declare a response schema (it would drop fields)", async (t2) => {
  const app = await buildApp(testConfig(), { clock: testClock() });
  t2.teardown(async () => {
    await app.close();
  });
  t2.throws(() => app.get("/api/v1/probe", { schema: { response: { 200: { type: "object", properties: {} } } } }, async () => ({ a: 1 })), /schema\.response/);
  t2.doesNotThrow(() => app.get("/probe-page", async () => "ok"));
});
//# sourceMappingURL=openapi.test.js.map
