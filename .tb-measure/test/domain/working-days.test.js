import t from "tap";
import fc from "fast-check";
import { addWorkingDays, isWorkingDay, NO_CALENDAR, workingDaysBetween } from "../../src/domain/working-days.js";
import { addDays } from "../../src/domain/dates.js";
const cal2025 = {
  holidays: /* @__PURE__ */ new Set(["2025-10-01", "2025-10-02", "2025-10-03", "2025-10-04", "2025-10-05", "2025-10-06", "2025-10-07", "2025-10-08"]),
  workdays: /* @__PURE__ */ new Set(["2025-09-28", "2025-10-11"])
};
t.test("weekends off, holidays off, adjusted workdays worked", async (t2) => {
  const table = [
    ["2025-09-26", true],
    ["2025-09-27", false],
    ["2025-09-28", true],
    ["2025-09-30", true],
    ["2025-10-01", false],
    ["2025-10-06", false],
    ["2025-10-08", false],
    ["2025-10-09", true],
    ["2025-10-11", true],
    ["2025-10-12", false]
  ];
  for (const [d, working] of table) t2.equal(isWorkingDay(d, cal2025), working, d);
  t2.equal(isWorkingDay("2025-10-01", NO_CALENDAR), true, "without a calendar a Wednesday is worked");
});
t.test("adding working days", async (t2) => {
  const table = [
    ["2026-03-02", 0, NO_CALENDAR, "2026-03-02"],
    ["2026-03-02", 1, NO_CALENDAR, "2026-03-03"],
    ["2026-03-06", 1, NO_CALENDAR, "2026-03-09"],
    // Friday → Monday
    ["2026-03-07", 1, NO_CALENDAR, "2026-03-09"],
    // submitted on a Saturday
    ["2026-03-02", 15, NO_CALENDAR, "2026-03-23"],
    // three weeks
    ["2025-09-26", 1, cal2025, "2025-09-28"],
    // the adjusted Sunday is worked
    ["2025-09-30", 1, cal2025, "2025-10-09"],
    // over the whole National Day holiday
    ["2025-09-26", 15, cal2025, "2025-10-23"]
    // 28, 29, 30 Sep, 9, 10, 11 (Sat), 13–17, 20–23 Oct
  ];
  for (const [from, n, cal, want] of table) t2.equal(addWorkingDays(from, n, cal), want, `${from} + ${n}`);
  t2.throws(() => addWorkingDays("2026-01-01", -1, NO_CALENDAR));
});
t.test("adding n working days lands on a working day n working days later", async (t2) => {
  fc.assert(fc.property(fc.integer({ min: 0, max: 3e3 }), fc.integer({ min: 1, max: 40 }), (offset, n) => {
    const from = addDays("2024-01-01", offset);
    const to = addWorkingDays(from, n, cal2025);
    return isWorkingDay(to, cal2025) && workingDaysBetween(from, to, cal2025) === n && workingDaysBetween(from, addDays(to, -1), cal2025) === n - 1;
  }));
});
t.test("addWorkingDays (counted in day numbers) agrees with stepping one date at a time through isWorkingDay", async (t2) => {
  const byDates = (from, n, cal) => {
    let d = from;
    for (let left = n; left > 0; ) {
      d = addDays(d, 1);
      if (isWorkingDay(d, cal)) left--;
    }
    return d;
  };
  const day = fc.integer({ min: 0, max: 60 }).map((k) => addDays("2025-09-20", k));
  fc.assert(fc.property(
    day,
    fc.integer({ min: 0, max: 40 }),
    fc.uniqueArray(day, { maxLength: 12 }),
    fc.uniqueArray(day, { maxLength: 6 }),
    (from, n, holidays, workdays) => {
      const cal = { holidays: new Set(holidays), workdays: new Set(workdays) };
      return addWorkingDays(from, n, cal) === byDates(from, n, cal);
    }
  ), { numRuns: 500 });
  t2.pass("500 random calendars and spans");
  t2.throws(() => addWorkingDays("not a date", 3, NO_CALENDAR), RangeError);
});
//# sourceMappingURL=working-days.test.js.map
