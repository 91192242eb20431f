import t from "tap";
import { build, injectAs } from "../../helper.js";
import { claimBody, claimWorld, idemKey, TINY_PDF } from "./fixtures.js";
import { multipart } from "../../multipart.js";
const IGNORED = /* @__PURE__ */ new Set(["description", "example", "format", "title"]);
const jsType = (v) => typeof v;
function problems(schema, value, root, at = "$") {
  if (typeof schema.$ref === "string") {
    const name = /^#\/components\/schemas\/(.+)$/.exec(schema.$ref)?.[1];
    if (name === void 0 || root.components.schemas[name] === void 0) return [`${at}: unresolved ${schema.$ref}`];
    return problems(root.components.schemas[name], value, root, at);
  }
  if (value === null) return schema.nullable === true ? [] : [`${at}: null`];
  const out = [];
  for (const [key, rule] of Object.entries(schema)) {
    if (IGNORED.has(key) || key === "nullable") continue;
    switch (key) {
      case "type": {
        const ok = rule === "integer" ? Number.isInteger(value) : rule === "array" ? Array.isArray(value) : rule === "object" ? typeof value === "object" && !Array.isArray(value) : jsType(value) === rule;
        if (!ok) out.push(`${at}: not ${String(rule)} (${JSON.stringify(value)})`);
        break;
      }
      case "enum":
        if (!rule.includes(value)) out.push(`${at}: ${JSON.stringify(value)} not in the enum`);
        break;
      case "minimum":
        if (typeof value === "number" && value < rule) out.push(`${at}: below ${String(rule)}`);
        break;
      case "maximum":
        if (typeof value === "number" && value > rule) out.push(`${at}: above ${String(rule)}`);
        break;
      case "required":
        for (const f of rule) if (!(f in value)) out.push(`${at}.${f}: missing`);
        break;
      case "properties":
        for (const [f, s] of Object.entries(rule)) {
          if (f in value) out.push(...problems(s, value[f], root, `${at}.${f}`));
        }
        break;
      case "additionalProperties":
        for (const [f, v] of Object.entries(value)) {
          if (!(f in (schema.properties ?? {}))) out.push(...problems(rule, v, root, `${at}.${f}`));
        }
        break;
      case "propertyNames":
        for (const f of Object.keys(value)) out.push(...problems(rule, f, root, `${at}[${f}]`));
        break;
      case "items":
        value.forEach((v, i) => out.push(...problems(rule, v, root, `${at}[${i}]`)));
        break;
      default:
        out.push(`${at}: keyword ${key} not checked by this test`);
    }
  }
  return out;
}
t.test("real claims answers fit the schemas the OpenAPI document publishes", async (t2) => {
  const app = await build(t2);
  const w = await claimWorld(app);
  const doc = (await app.inject({ method: "GET", url: "/api/docs/openapi.json" })).json();
  const answerSchema = (method, path, status) => doc.paths[path][method].responses[status].content["application/json"].schema;
  const fits = (what, schema, value) => {
    t2.same(problems(schema, value, doc), [], `${what} fits its published schema`);
  };
  t2.ok(problems({ $ref: "#/components/schemas/Quote" }, { baseFen: -1 }, doc).length > 1, "a broken quote does not fit");
  const quote = await app.inject({ method: "POST", url: "/api/v1/aid/quote", payload: { totalCostFen: 35e5, insurancePaidFen: 5e5, excludedFen: 0 } });
  t2.equal(quote.statusCode, 200);
  fits("a quote", answerSchema("post", "/api/v1/aid/quote", "200"), quote.json());
  const submitted = await injectAs(app, w.member.user, { method: "POST", url: "/api/v1/aid/claims", payload: claimBody(), headers: { "idempotency-key": idemKey() } });
  t2.equal(submitted.statusCode, 201);
  fits("a submitted claim", answerSchema("post", "/api/v1/aid/claims", "201"), submitted.json());
  const id = submitted.json().id;
  const m = multipart({ kind: "invoice" }, { name: "\u53D1\u7968.pdf", type: "application/pdf", bytes: TINY_PDF });
  const doc1 = await injectAs(app, w.member.user, { method: "POST", url: `/api/v1/aid/claims/${id}/documents`, payload: m.payload, headers: m.headers });
  t2.equal(doc1.statusCode, 201);
  fits("a stored document", answerSchema("post", "/api/v1/aid/claims/{id}/documents", "201"), doc1.json());
  const approved = await injectAs(app, w.staff, { method: "POST", url: `/api/v1/aid/claims/${id}/approve` });
  t2.equal(approved.statusCode, 200);
  for (const [who, user] of [["the member", w.member.user], ["staff", w.staff]]) {
    const list = await injectAs(app, user, { method: "GET", url: "/api/v1/aid/claims" });
    t2.equal(list.json().items.length, 1);
    fits(`${who}'s list`, answerSchema("get", "/api/v1/aid/claims", "200"), list.json());
  }
  const claim = (await injectAs(app, w.member.user, { method: "GET", url: `/api/v1/aid/claims/${id}` })).json();
  t2.not(claim.breakdown, null, "an approved claim carries its breakdown");
  t2.equal(claim.history.length, 3, "submitted, a document added, approved");
  fits("an approved claim", answerSchema("get", "/api/v1/aid/claims/{id}", "200"), claim);
  fits("a claim's estimate", { $ref: "#/components/schemas/Quote" }, claim.estimate);
});
//# sourceMappingURL=answers-schema.test.js.map
