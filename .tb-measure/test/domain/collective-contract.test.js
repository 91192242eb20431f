import t from "tap";
import fc from "fast-check";
import { addMonths, canTake, contractStatusOn, effectiveOn, expiringFrom, filingDueOn, isLateFiling, termEndsOn } from "../../src/domain/collective-contract.js";
import { addDays } from "../../src/domain/dates.js";
t.test("steps as data: each from its stage only", async (t2) => {
  const table = [
    ["adopt", "draft", true],
    ["adopt", "signed", false],
    ["sign", "adopted", true],
    ["sign", "draft", false],
    ["file", "signed", true],
    ["file", "filed", false],
    ["approve", "filed", true],
    ["approve", "effective", false],
    ["renew", "expiring", true],
    ["renew", "effective", true],
    ["renew", "draft", false],
    ["expire", "expiring", true],
    ["expire", "effective", false]
  ];
  for (const [step, from, ok] of table) t2.equal(canTake(step, from), ok, `${step} from ${from}`);
});
t.test("filing within 10 days of signing; later is flagged", async (t2) => {
  t2.equal(filingDueOn("2026-03-01"), "2026-03-11");
  t2.equal(isLateFiling("2026-03-01", "2026-03-11"), false, "the tenth day is in time");
  t2.equal(isLateFiling("2026-03-01", "2026-03-12"), true);
});
t.test("effective 15 days after filing, or on the approval date", async (t2) => {
  t2.equal(effectiveOn("2026-03-10", null), "2026-03-25");
  t2.equal(effectiveOn("2026-03-10", "2026-03-15"), "2026-03-15");
});
t.test("months and terms", async (t2) => {
  t2.equal(addMonths("2026-01-31", 1), "2026-02-28");
  t2.equal(addMonths("2028-01-31", 1), "2028-02-29");
  t2.equal(addMonths("2026-05-15", -3), "2026-02-15");
  t2.equal(addMonths("2026-02-15", -3), "2025-11-15");
  t2.equal(termEndsOn("2026-03-25", 3), "2029-03-24");
  t2.equal(termEndsOn("2026-01-01", 1), "2026-12-31");
  t2.equal(expiringFrom("2029-03-24"), "2028-12-24");
});
t.test("status on a day: filed \u2192 effective \u2192 expiring \u2192 expired", async (t2) => {
  const c = { stage: "filed", filedOn: "2026-03-10", approvedOn: null, termYears: 3 };
  const table = [
    ["2026-03-24", "filed"],
    ["2026-03-25", "effective"],
    ["2028-12-23", "effective"],
    ["2028-12-24", "expiring"],
    ["2029-03-24", "expiring"],
    ["2029-03-25", "expired"]
  ];
  for (const [day, status] of table) t2.equal(contractStatusOn(c, day), status, day);
  t2.equal(contractStatusOn({ ...c, approvedOn: "2026-03-12" }, "2026-03-12"), "effective", "approval makes it effective at once");
  t2.equal(contractStatusOn({ ...c, stage: "signed", filedOn: null }, "2030-01-01"), "signed", "no calendar move before filing");
  t2.equal(contractStatusOn({ ...c, stage: "renewed" }, "2027-01-01"), "renewed");
});
t.test("property: a filed contract goes through its statuses in order as days pass", async (t2) => {
  const order = ["filed", "effective", "expiring", "expired"];
  fc.assert(fc.property(fc.integer({ min: 0, max: 3e3 }), fc.integer({ min: 1, max: 3 }), fc.option(fc.integer({ min: 0, max: 14 }), { nil: null }), (start, years, approvedAfter) => {
    const filedOn = addDays("2024-01-01", start);
    const c = { stage: "filed", filedOn, approvedOn: approvedAfter === null ? null : addDays(filedOn, approvedAfter), termYears: years };
    let last = 0;
    for (let d = -1; d < years * 366 + 20; d += 7) {
      const i = order.indexOf(contractStatusOn(c, addDays(filedOn, d)));
      if (i < last) return false;
      last = i;
    }
    return last === 3;
  }), { numRuns: 50 });
  t2.pass("held");
});
//# sourceMappingURL=collective-contract.test.js.map
