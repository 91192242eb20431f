import t from "tap";
import { build, createUser, injectAs } from "../../helper.js";
import { defaultPlan } from "../../../src/domain/aid-plan.js";
const quote = (payload, headers = {}) => ({ method: "POST", url: "/api/v1/aid/quote", payload, headers });
t.test("quote: anyone, on the current plan; the worked examples", async (t2) => {
  const app = await build(t2);
  const examples = [[3e5, 0, 25e3, "none"], [12e5, 0, 15e4, "none"], [3e6, 0, 47e4, "none"], [8e6, 0, 1e6, "admission_cap"], [8e6, 15e5, 5e5, "annual_cap"]];
  for (const [baseFen, paid, payable, limitedBy] of examples) {
    const res = await app.inject(quote({
      totalCostFen: baseFen + 1e6,
      insurancePaidFen: 7e5,
      excludedFen: 3e5,
      paidThisYearFen: paid
    }));
    t2.equal(res.statusCode, 200);
    const q = res.json();
    t2.equal(q.baseFen, baseFen);
    t2.equal(q.payableFen, payable);
    t2.equal(q.limitedBy, limitedBy);
    t2.equal(q.lines.length, 4);
    t2.same(Object.keys(q.lines[0]).filter((k) => ["fromFen", "toFen", "portionFen", "rateBp"].includes(k)).sort(), ["fromFen", "portionFen", "rateBp", "toFen"]);
  }
});
t.test("quote: parts above the total \u2192 422 INCONSISTENT_AMOUNTS; bad amounts \u2192 400 per field", async (t2) => {
  const app = await build(t2);
  const inc = await app.inject(quote({ totalCostFen: 1e5, insurancePaidFen: 6e4, excludedFen: 40001 }));
  t2.equal(inc.statusCode, 422);
  t2.equal(inc.json().error.code, "INCONSISTENT_AMOUNTS");
  t2.match(inc.json().error.message, /总费用/);
  const cases = [
    [{ totalCostFen: 100.5, insurancePaidFen: 0, excludedFen: 0 }, "totalCostFen"],
    [{ totalCostFen: 100, insurancePaidFen: -1, excludedFen: 0 }, "insurancePaidFen"],
    [{ totalCostFen: 100000000001, insurancePaidFen: 0, excludedFen: 0 }, "totalCostFen"],
    [{ totalCostFen: "100", insurancePaidFen: 0, excludedFen: 0 }, "totalCostFen"],
    [{ totalCostFen: 100, insurancePaidFen: 0 }, "excludedFen"],
    [{ totalCostFen: 100, insurancePaidFen: 0, excludedFen: 0, shares: 0 }, "shares"],
    [{ totalCostFen: 100, insurancePaidFen: 0, excludedFen: 0, shares: 2 }, "shares"],
    [{ totalCostFen: 100, insurancePaidFen: 0, excludedFen: 0, paidThisYearFen: 0.1 }, "paidThisYearFen"]
  ];
  for (const [payload, field] of cases) {
    const r = await app.inject(quote(payload));
    t2.equal(r.statusCode, 400, JSON.stringify(payload));
    t2.ok(r.json().error.fields[field], `fields.${field}`);
  }
  const en = await app.inject(quote({ totalCostFen: 1.5, insurancePaidFen: 0, excludedFen: 0 }, { "accept-language": "en" }));
  t2.match(en.json().error.fields.totalCostFen, /whole fen/);
});
t.test("quote: shares up to the plan maximum multiply the annual cap", async (t2) => {
  const app = await build(t2);
  const admin = await createUser(app, { role: "admin" });
  const { year: _y, ...plan } = defaultPlan(2026);
  await injectAs(app, admin, { method: "PUT", url: "/api/v1/aid/plans/2026", payload: { ...plan, maxShares: 2 } });
  const r = await app.inject(quote({ totalCostFen: 8e6, insurancePaidFen: 0, excludedFen: 0, shares: 2, paidThisYearFen: 15e5 }));
  t2.equal(r.statusCode, 200);
  t2.equal(r.json().payableFen, 1e6);
  t2.equal(r.json().limitedBy, "admission_cap");
  t2.equal((await app.inject(quote({ totalCostFen: 1, insurancePaidFen: 0, excludedFen: 0, shares: 3 }))).statusCode, 400);
});
//# sourceMappingURL=quote-api.test.js.map
