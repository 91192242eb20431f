import t from "tap";
import fc from "fast-check";
import { claimDeadline, coverWindow } from "../../src/domain/cover.js";
import { addDays } from "../../src/domain/dates.js";
t.test("DOMAIN.md's example: first-time, paid 2026-03-01, 90 days \u2192 from 2026-05-30", async (t2) => {
  t2.same(coverWindow(2026, "2026-03-01", 90, false), { coverFrom: "2026-05-30", coverTo: "2026-12-31" });
});
t.test("a renewal starts on the day paid; never before 1 January; null when it cannot start this year", async (t2) => {
  t2.same(coverWindow(2026, "2026-03-01", 90, true), { coverFrom: "2026-03-01", coverTo: "2026-12-31" });
  t2.same(coverWindow(2026, "2025-11-20", 90, true), { coverFrom: "2026-01-01", coverTo: "2026-12-31" }, "paid in an autumn window: from 1 Jan");
  t2.same(coverWindow(2026, "2025-11-20", 30, false), { coverFrom: "2026-01-01", coverTo: "2026-12-31" });
  t2.same(coverWindow(2026, "2025-12-15", 30, false), { coverFrom: "2026-01-14", coverTo: "2026-12-31" });
  t2.same(coverWindow(2026, "2026-10-02", 90, false), { coverFrom: "2026-12-31", coverTo: "2026-12-31" }, "the last day still counts");
  t2.equal(coverWindow(2026, "2026-10-03", 90, false), null);
  t2.equal(coverWindow(2026, "2027-01-02", 0, true), null);
  t2.same(coverWindow(2028, "2028-02-29", 0, false), { coverFrom: "2028-02-29", coverTo: "2028-12-31" });
});
t.test("property: cover is inside the plan year and never before paidOn + waiting (first time)", async (t2) => {
  const day = fc.integer({ min: 0, max: 700 }).map((n) => addDays("2025-01-01", n));
  fc.assert(fc.property(day, fc.integer({ min: 0, max: 365 }), fc.boolean(), (paidOn, wait, renewal) => {
    const w = coverWindow(2026, paidOn, wait, renewal);
    const start = renewal ? paidOn : addDays(paidOn, wait);
    if (w === null) return start > "2026-12-31";
    return w.coverFrom >= "2026-01-01" && w.coverTo === "2026-12-31" && w.coverFrom >= start && w.coverFrom <= w.coverTo;
  }));
  t2.pass("held");
});
t.test("claim deadline: discharge + days, but never after 31 March of the next year", async (t2) => {
  t2.equal(claimDeadline(2026, "2026-05-01", 90), "2026-07-30");
  t2.equal(claimDeadline(2026, "2026-12-20", 90), "2027-03-20");
  t2.equal(claimDeadline(2026, "2026-12-31", 90), "2027-03-31");
  t2.equal(claimDeadline(2026, "2026-12-31", 365), "2027-03-31");
});
//# sourceMappingURL=cover.test.js.map
