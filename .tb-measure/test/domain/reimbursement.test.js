import t from "tap";
import fc from "fast-check";
import { computeReimbursement, quoteShape, tiersProblem, MAX_RATE_BP } from "../../src/domain/reimbursement.js";
import { defaultPlan } from "../../src/domain/aid-plan.js";
const plan = defaultPlan(2026);
const yuan = (y) => y * 100;
const onBase = (baseFen, paidThisYearFen = 0, shares2 = 1, terms = plan) => computeReimbursement({ totalCostFen: baseFen, insurancePaidFen: 0, excludedFen: 0, shares: shares2, paidThisYearFen }, terms);
t.test("DOMAIN.md's worked examples", async (t2) => {
  const table = [
    // base yuan, paid this year yuan, payable fen, limitedBy
    [3e3, 0, 25e3, "none"],
    [12e3, 0, 15e4, "none"],
    [3e4, 0, 47e4, "none"],
    [8e4, 0, 1e6, "admission_cap"],
    [8e4, 15e3, 5e5, "annual_cap"]
  ];
  for (const [base2, paid2, payable, limitedBy] of table) {
    const r2 = onBase(yuan(base2), yuan(paid2));
    t2.equal(r2.payableFen, payable, `base ${base2} yuan, already ${paid2} \u2192 ${payable / 100}`);
    t2.equal(r2.limitedBy, limitedBy, `limitedBy ${limitedBy}`);
  }
  const r = onBase(yuan(3e4));
  t2.same(r.lines.map((l) => [l.fromFen, l.toFen, l.portionFen, l.rateBp, l.amountFen]), [
    [0, 5e4, 5e4, 0, 0],
    [5e4, 5e5, 45e4, 1e3, 45e3],
    [5e5, 2e6, 15e5, 1500, 225e3],
    [2e6, null, 1e6, 2e3, 2e5]
  ]);
  t2.equal(r.grossFen, 47e4);
  t2.equal(onBase(yuan(8e4)).grossFen, 147e4, "gross before the admission cap");
});
t.test("base = total \u2212 insurance \u2212 excluded; the contract quote shape", async (t2) => {
  const r = computeReimbursement(
    { totalCostFen: 5e6, insurancePaidFen: 3e6, excludedFen: 8e5, shares: 1, paidThisYearFen: 0 },
    plan
  );
  t2.equal(r.baseFen, 12e5);
  t2.equal(r.payableFen, 15e4);
  const q = quoteShape(r);
  t2.same(Object.keys(q).sort(), ["annualRemainingFen", "baseFen", "grossFen", "limitedBy", "lines", "payableFen"]);
  t2.same(Object.keys(q.lines[0]).sort(), ["amountFen", "fromFen", "portionFen", "rateBp", "toFen"]);
  t2.throws(
    () => computeReimbursement({ totalCostFen: 100, insurancePaidFen: 60, excludedFen: 41, shares: 1, paidThisYearFen: 0 }, plan),
    RangeError
  );
});
t.test("rounded down once, on the exact sum", async (t2) => {
  t2.equal(onBase(50009).grossFen, 0);
  t2.equal(onBase(50010).grossFen, 1);
  const tiers = [{ fromFen: 0, rateBp: 1500 }, { fromFen: 3, rateBp: 500 }];
  const r = onBase(4, 0, 1, { ...plan, tiers });
  t2.equal(r.grossFen, 0, "3\xD70.15 + 1\xD70.05 = 0.5 fen \u2192 0");
  const r2 = onBase(6, 0, 1, { ...plan, tiers });
  t2.equal(r2.grossFen, 0, "0.45 + 0.15 = 0.6 \u2192 0");
  t2.equal(onBase(10, 0, 1, { ...plan, tiers }).grossFen, 0, "0.45+0.35 = 0.8");
  t2.equal(onBase(14, 0, 1, { ...plan, tiers }).grossFen, 1, "0.45+0.55 = 1.0 \u2192 1, not 0 as rounding per tier would give");
});
t.test("shares multiply the annual cap; what was paid this year counts", async (t2) => {
  t2.equal(onBase(yuan(8e4), yuan(15e3), 2).payableFen, 1e6);
  t2.equal(onBase(yuan(8e4), yuan(15e3), 2).limitedBy, "admission_cap");
  t2.equal(onBase(yuan(8e4), yuan(25e3), 1).payableFen, 0, "over the annual cap: nothing, never negative");
  t2.equal(onBase(yuan(8e4), yuan(25e3), 1).annualRemainingFen, 0);
});
t.test("tiersProblem", async (t2) => {
  t2.equal(tiersProblem(plan.tiers), null);
  t2.equal(tiersProblem([]), "empty");
  t2.equal(tiersProblem([{ fromFen: 1, rateBp: 0 }]), "notFromZero");
  t2.equal(tiersProblem([{ fromFen: 0, rateBp: 0 }, { fromFen: 0, rateBp: 100 }]), "notAscending");
  t2.equal(tiersProblem([{ fromFen: 0, rateBp: 0 }, { fromFen: 100, rateBp: 2001 }]), "rateRange");
  t2.equal(tiersProblem([{ fromFen: 0, rateBp: -1 }]), "rateRange");
  t2.equal(tiersProblem([{ fromFen: 0, rateBp: 10.5 }]), "notInteger");
  t2.throws(() => onBase(100, 0, 1, { ...plan, tiers: [{ fromFen: 0, rateBp: 2500 }] }));
});
const base = fc.integer({ min: 0, max: 1e11 });
const paid = fc.integer({ min: 0, max: 1e7 });
const shares = fc.integer({ min: 1, max: 3 });
t.test("property: never above 20% of the base, never above either cap (default plan)", async (t2) => {
  fc.assert(fc.property(base, paid, shares, (b, p, s) => {
    const r = onBase(b, p, s);
    return r.payableFen * 1e4 <= b * MAX_RATE_BP && r.payableFen <= plan.perAdmissionCapFen && r.payableFen <= Math.max(0, plan.annualCapPerShareFen * s - p) && r.payableFen >= 0 && Number.isSafeInteger(r.payableFen);
  }), { numRuns: 2e3 });
  t2.pass("held for 2000 random cases");
});
t.test("property: never decreasing as the base grows", async (t2) => {
  fc.assert(fc.property(base, fc.integer({ min: 0, max: 1e7 }), paid, shares, (b, extra, p, s) => {
    return onBase(b, p, s).payableFen <= onBase(Math.min(b + extra, 1e11), p, s).payableFen;
  }), { numRuns: 2e3 });
  t2.pass("monotone");
});
t.test("property: zero below the first paid tier", async (t2) => {
  fc.assert(fc.property(
    fc.integer({ min: 0, max: 5e4 }),
    paid,
    shares,
    (b, p, s) => onBase(b, p, s).payableFen === 0 && onBase(b, p, s).grossFen === 0
  ));
  t2.equal(onBase(5e4).payableFen, 0);
  t2.ok(onBase(50010).payableFen > 0);
});
const validTiers = fc.uniqueArray(fc.integer({ min: 1, max: 5e7 }), { maxLength: 6 }).chain((starts) => {
  const froms = [0, ...starts.sort((a, b) => a - b)];
  return fc.array(fc.integer({ min: 0, max: MAX_RATE_BP }), { minLength: froms.length, maxLength: froms.length }).map((rates) => froms.map((fromFen, i) => ({ fromFen, rateBp: rates[i] })));
});
const caps = fc.integer({ min: 1, max: 1e11 });
t.test("property: for any valid random plan, payable \u2264 20% of the base and \u2264 both caps, and monotone", async (t2) => {
  fc.assert(fc.property(validTiers, caps, caps, base, fc.integer({ min: 0, max: 1e9 }), paid, shares, (tiers, admissionCap, annualCap, b, extra, p, s) => {
    if (tiersProblem(tiers) !== null) return false;
    const terms = { tiers, perAdmissionCapFen: admissionCap, annualCapPerShareFen: annualCap };
    const r = onBase(b, p, s, { ...plan, ...terms });
    const bigger = onBase(Math.min(b + extra, 1e11), p, s, { ...plan, ...terms });
    const expectedLimit = r.annualRemainingFen < Math.min(r.grossFen, admissionCap) ? "annual_cap" : admissionCap < r.grossFen ? "admission_cap" : "none";
    return r.payableFen * 1e4 <= b * MAX_RATE_BP && r.payableFen <= admissionCap && r.payableFen <= Math.max(0, annualCap * s - p) && r.payableFen <= bigger.payableFen && r.limitedBy === expectedLimit && r.lines.reduce((a, l) => a + l.portionFen, 0) === b;
  }), { numRuns: 2e3 });
  t2.pass("held for 2000 random plans");
});
//# sourceMappingURL=reimbursement.test.js.map
