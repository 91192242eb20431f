import { test } from "tap";
import { createHash } from "node:crypto";
import { rmSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import Fastify from "fastify";
import { app as application, serverOptions } from "../../src/app.js";
import { testClock, testConfig } from "../helper.js";
import { seedCoveredMembers } from "./fixtures.js";
const RUNS = 30;
async function buildWithRoutes(t) {
  const config = testConfig();
  const fastify = Fastify(serverOptions(config));
  const routes = [];
  fastify.addHook("onRoute", (r) => {
    for (const m of [r.method].flat()) if (m !== "HEAD" && m !== "OPTIONS") routes.push({ method: m, url: r.url });
  });
  await fastify.register(application, { config, clock: testClock() });
  await fastify.ready();
  t.teardown(async () => {
    await fastify.close();
    rmSync(join(config.databasePath, ".."), { recursive: true, force: true });
  });
  return { app: fastify, routes };
}
function checksum(app, ignore = []) {
  const sqlite = app.db.$client;
  const tables = sqlite.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%' order by name").pluck().all();
  const out = {};
  for (const table of tables) {
    const h = createHash("sha256");
    for (const row of sqlite.prepare(`select * from "${table}" order by rowid`).iterate()) {
      for (const col of ignore) if (col.startsWith(table + ".")) delete row[col.slice(table.length + 1)];
      h.update(JSON.stringify(row));
    }
    out[table] = h.digest("hex");
  }
  return out;
}
const edgeNumbers = fc.constantFrom(
  0,
  -0,
  -1,
  1,
  0.5,
  1.005,
  -0.01,
  2 ** 31,
  -(2 ** 31),
  2 ** 53,
  Number.MAX_SAFE_INTEGER,
  Number.MAX_SAFE_INTEGER + 2,
  Number.MIN_SAFE_INTEGER,
  1e308,
  -1e308,
  5e-324,
  1e11,
  100000000001,
  12e3,
  2e3,
  2001,
  99999
);
const nastyStrings = fc.constantFrom(
  "",
  " ",
  "\0",
  "\uFEFF",
  "\u202E",
  "\u{1F600}".repeat(50),
  "\u{20BB7}\u91CE\u5BB6",
  "Robert'); DROP TABLE users;--",
  "<script>alert(1)</script>",
  "__proto__",
  "constructor",
  "../../etc/passwd",
  "1e3",
  "0x10",
  "-0",
  "NaN",
  "Infinity",
  "null",
  "true",
  "2026-02-30",
  "2026-13-01",
  "9999-12-31",
  "0000-00-00",
  "11010519491231002X",
  "11010519491231002x",
  "91350100M000100Y43",
  "13800138000",
  "+86 138-0013-8000",
  "\uFF11\uFF12\uFF13",
  "\uFF21"
);
const hugeString = fc.constantFrom("x".repeat(1e4), "\u5B57".repeat(1e5), "y".repeat(11e5));
const text = fc.oneof(
  { weight: 4, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 3, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  { weight: 4, arbitrary: nastyStrings },
  { weight: 1, arbitrary: hugeString }
);
const scalar = fc.oneof(text, edgeNumbers, fc.integer(), fc.double({ noNaN: false }), fc.boolean(), fc.constant(null));
const value = fc.letrec((tie) => ({
  v: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    { weight: 5, arbitrary: scalar },
    { weight: 1, arbitrary: fc.array(tie("v"), { maxLength: 4 }) },
    { weight: 1, arbitrary: fc.dictionary(fc.string({ maxLength: 8 }), tie("v"), { maxKeys: 4 }) }
  )
})).v;
const FIELDS = [
  "phone",
  "password",
  "currentPassword",
  "newPassword",
  "name",
  "district",
  "address",
  "enterprisesTotal",
  "buildingId",
  "enterpriseId",
  "uscc",
  "headcount",
  "idNumber",
  "mobile",
  "consent",
  "reason",
  "note",
  "shares",
  "year",
  "memberIds",
  "membershipIds",
  "receiptNo",
  "paidOn",
  "purchaseId",
  "totalCostFen",
  "insurancePaidFen",
  "excludedFen",
  "paidThisYearFen",
  "admissionDate",
  "dischargeDate",
  "hospital",
  "invoiceNo",
  "reasonCode",
  "resubmissionOf",
  "claimIds",
  "bankReference",
  "paidAt",
  "shareFeeFen",
  "maxShares",
  "enrolFrom",
  "enrolTo",
  "waitingDays",
  "tiers",
  "perAdmissionCapFen",
  "annualCapPerShareFen",
  "claimDeadlineDays",
  "secondApprovalAboveFen",
  "toEnterpriseId",
  "liaisonUserId",
  "floorRoom",
  "kind",
  "status",
  "lang"
];
const fieldObject = fc.dictionary(fc.constantFrom(...FIELDS), value, { maxKeys: 8 });
function nearValid(template) {
  const keys = Object.keys(template);
  return fc.record({
    drop: fc.subarray(keys, { maxLength: 1 }),
    replace: fc.dictionary(fc.constantFrom(...keys), value, { maxKeys: 2 }),
    extra: fc.dictionary(fc.string({ maxLength: 8 }), value, { maxKeys: 1 })
  }).map(({ drop, replace, extra }) => {
    const v = { ...extra, ...template, ...replace };
    for (const k of drop) delete v[k];
    return { kind: "json", value: v };
  });
}
const bodyFor = (template) => fc.oneof(
  { weight: template === void 0 ? 0 : 6, arbitrary: template === void 0 ? fc.constant({ kind: "none" }) : nearValid(template) },
  { weight: 4, arbitrary: fieldObject.map((v) => ({ kind: "json", value: v })) },
  { weight: 2, arbitrary: value.map((v) => ({ kind: "json", value: v })) },
  { weight: 1, arbitrary: fc.constantFrom("{", '{"a":', "[1,2", "nul", '"\\ud800"', '{"__proto__":{"x":1}}', '{"constructor":{"prototype":{"x":1}}}', "\0").map((v) => ({ kind: "raw", value: v, type: "application/json" })) },
  { weight: 1, arbitrary: fc.string({ maxLength: 60 }).map((v) => ({ kind: "raw", value: v, type: "application/x-www-form-urlencoded" })) },
  { weight: 1, arbitrary: fc.constant({ kind: "raw", value: '--x\r\nContent-Disposition: form-data; name="file"\r\n\r\n--x--', type: "multipart/form-data; boundary=x" }) },
  { weight: 1, arbitrary: fc.constant({ kind: "none" }) }
);
test("no API route answers 5xx to hostile input, and a 4xx changes nothing", async (t) => {
  const { app, routes } = await buildWithRoutes(t);
  const fx = await seedCoveredMembers(app.db, app.pii, { today: app.clock.today(), members: 3 });
  const token = (userId) => `Bearer ${app.issueToken(userId, 0, 3600)}`;
  const submitted = await app.inject({
    method: "POST",
    url: "/api/v1/aid/claims",
    headers: { authorization: token(fx.members[0].userId), "idempotency-key": "hostile-setup-1" },
    payload: { admissionDate: fx.admissionDate, dischargeDate: fx.dischargeDate, hospital: "\u4E91\u5357\u7701\u7B2C\u4E00\u4EBA\u6C11\u533B\u9662", invoiceNo: "HOSTILE-1", totalCostFen: 8e5, insurancePaidFen: 4e5, excludedFen: 0 }
  });
  t.equal(submitted.statusCode, 201, "a claim to aim at");
  const claimId = String(submitted.json().id);
  const ids = [claimId, String(fx.enterpriseId), String(fx.buildingId), String(fx.members[0].membershipId), String(fx.members[0].purchaseId), "1", "2"];
  const paramValue = fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...ids) },
    { weight: 2, arbitrary: fc.constantFrom("0", "-1", "1.5", "abc", "99999999999999999999", "1e3", "%F0%9F%98%80", "1'%20or%20'1'='1", "%00", "2026", "1900", "99999", "%2e%2e") }
  );
  const role = fc.constantFrom(
    { name: "anonymous" },
    { name: "member", auth: token(fx.members[1].userId) },
    { name: "staff", auth: token(fx.staffIds[0]) },
    { name: "admin", auth: token(fx.adminId) },
    { name: "bad token", auth: "Bearer not.a.token" }
  );
  const query = fc.dictionary(fc.constantFrom("page", "status", "mine", "q", "buildingId", "year", "enterpriseId", "lang"), fc.oneof(fc.string({ maxLength: 20 }), nastyStrings.filter((s) => s.length < 200)), { maxKeys: 3 });
  const idemKey = fc.option(fc.oneof(fc.string({ maxLength: 30 }), fc.uuid()), { nil: void 0 });
  const today = app.clock.today();
  const templates = {
    "POST /api/v1/auth/register": { phone: "13312345678", password: "valid-pass-123", name: "\u5F20\u4E09" },
    "POST /api/v1/auth/token": { phone: "13312345679", password: "valid-pass-123" },
    "POST /api/v1/auth/password": { currentPassword: "wrong-pass-123", newPassword: "new-valid-pass-1" },
    "POST /api/v1/buildings": { name: "\u6D4B\u8BD5\u5927\u53A6", district: "\u4E94\u534E\u533A", address: "\u6606\u660E\u5E02", enterprisesTotal: 10 },
    "POST /api/v1/enterprises": { buildingId: fx.buildingId, name: "\u6D4B\u8BD5\u516C\u53F8", uscc: "91350100M000100Y43", headcount: 10 },
    "POST /api/v1/enterprises/:id/reject": { reason: "\u6750\u6599\u4E0D\u5168" },
    "POST /api/v1/enterprises/:id/liaison": { phone: "13312345670" },
    "POST /api/v1/memberships": { enterpriseId: fx.enterpriseId, name: "\u674E\u56DB", idNumber: "11010519491231002X", consent: true },
    "POST /api/v1/memberships/:id/reject": { reason: "\u4E0D\u662F\u672C\u4F01\u4E1A\u804C\u5DE5" },
    "POST /api/v1/memberships/:id/transfers": { toEnterpriseId: fx.enterpriseId },
    "POST /api/v1/aid/quote": { totalCostFen: 35e5, insurancePaidFen: 5e5, excludedFen: 0, shares: 1, paidThisYearFen: 0 },
    "POST /api/v1/aid/purchases": { shares: 1 },
    "POST /api/v1/aid/group-orders": { enterpriseId: fx.enterpriseId, membershipIds: [fx.members[2].membershipId], shares: 1 },
    "POST /api/v1/aid/purchases/:id/confirm-payment": { receiptNo: "R-HOSTILE-1", paidOn: today },
    "POST /api/v1/aid/payments/webhook": { purchaseId: fx.members[0].purchaseId, receiptNo: "R-HOSTILE-2", paidOn: today, amountFen: 12e3 },
    "PUT /api/v1/aid/plans/:year": {
      year: Number(today.slice(0, 4)),
      shareFeeFen: 12e3,
      maxShares: 1,
      enrolFrom: `${today.slice(0, 4)}-01-01`,
      enrolTo: `${today.slice(0, 4)}-12-31`,
      waitingDays: 90,
      tiers: [{ fromFen: 0, rateBp: 0 }, { fromFen: 5e4, rateBp: 1e3 }],
      perAdmissionCapFen: 1e6,
      annualCapPerShareFen: 2e6,
      claimDeadlineDays: 90,
      secondApprovalAboveFen: 5e5
    },
    "POST /api/v1/aid/claims": { admissionDate: fx.admissionDate, dischargeDate: fx.dischargeDate, hospital: "\u4E91\u5357\u7701\u7B2C\u4E00\u4EBA\u6C11\u533B\u9662", invoiceNo: "HOSTILE-2", totalCostFen: 8e5, insurancePaidFen: 4e5, excludedFen: 0 },
    "POST /api/v1/aid/claims/:id/reject": { reasonCode: "OTHER", note: "\u53D1\u7968\u4E0D\u6E05\u6670" },
    "POST /api/v1/aid/payment-batches": { claimIds: [Number(claimId)] },
    "POST /api/v1/aid/payment-batches/:id/paid": { bankReference: "BANK-1", paidAt: today }
  };
  const api = routes.filter((r) => r.url.startsWith("/api/"));
  t.ok(api.length >= 20, `${api.length} API routes found`);
  let requests = 0;
  for (const route of api) {
    const ignore = route.url.startsWith("/api/v1/auth/") ? ["users.failed_logins", "users.locked_until", "users.updated_at"] : [];
    await t.test(`${route.method} ${route.url}`, async (t2) => {
      let before = checksum(app, ignore);
      const seen = /* @__PURE__ */ new Map();
      await fc.assert(fc.asyncProperty(role, bodyFor(templates[`${route.method} ${route.url}`]), fc.array(paramValue, { minLength: 3, maxLength: 3 }), query, idemKey, async (who, b, params, q, key) => {
        let i = 0;
        const path = route.url.replace(/:[A-Za-z]+/g, () => params[i++ % params.length]);
        const qs = new URLSearchParams(q).toString();
        const headers = {};
        if (who.auth !== void 0) headers.authorization = who.auth;
        if (key !== void 0) headers["idempotency-key"] = key;
        const opts = { method: route.method, url: path + (qs === "" ? "" : `?${qs}`), headers };
        const res = b.kind === "json" ? await app.inject({ ...opts, headers: { ...headers, "content-type": "application/json" }, payload: JSON.stringify(b.value) ?? "null" }) : b.kind === "raw" ? await app.inject({ ...opts, headers: { ...headers, "content-type": b.type }, payload: b.value }) : await app.inject(opts);
        requests++;
        seen.set(res.statusCode, (seen.get(res.statusCode) ?? 0) + 1);
        if (res.statusCode >= 500) throw new Error(`${res.statusCode} as ${who.name} on ${opts.method} ${opts.url}: ${res.body.slice(0, 500)}`);
        const after = checksum(app, ignore);
        if (res.statusCode >= 400) {
          const changed = Object.keys(after).filter((k) => after[k] !== before[k]);
          if (changed.length > 0) throw new Error(`${res.statusCode} as ${who.name} on ${opts.method} ${opts.url} changed ${changed.join(", ")}: ${res.body.slice(0, 300)}`);
          if (route.url.startsWith("/api/") && !(res.headers["content-type"] ?? "").toString().includes("json")) throw new Error(`${res.statusCode} without a JSON error body`);
          const err = res.json();
          if (typeof err.error?.code !== "string" || typeof err.error?.message !== "string") throw new Error(`${res.statusCode} without {error: {code, message}}: ${res.body.slice(0, 200)}`);
        }
        before = after;
      }), { numRuns: RUNS, seed: 20260615, endOnFailure: true });
      t2.pass(`${RUNS} hostile requests, answers: ${[...seen].sort((a, b) => a[0] - b[0]).map(([s, n]) => `${s}\xD7${n}`).join(" ")}`);
    });
  }
  t.ok(requests >= api.length * RUNS, `${requests} requests in all`);
});
//# sourceMappingURL=hostile-input.test.js.map
