import t from "tap";
import fc from "fast-check";
import { FIXED_OFFSET_SINCE_MS, shanghaiDate } from "../../src/domain/dates.js";
import datetime from "../../src/views/helpers/datetime.js";
const tz = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
const reference = (ms) => {
  const p = Object.fromEntries(tz.formatToParts(new Date(ms)).map((x) => [x.type, x.value]));
  return { date: `${p.year}-${p.month}-${p.day}`, time: `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}` };
};
t.test("Shanghai dates and times: edges of the day, the year and the fixed-offset era", async (t2) => {
  const cases = [
    ["2026-11-27T15:59:59.999Z", "2026-11-27 23:59"],
    ["2026-11-27T16:00:00.000Z", "2026-11-28 00:00"],
    ["2026-12-31T16:00:00.000Z", "2027-01-01 00:00"],
    ["2028-02-28T16:30:00.000Z", "2028-02-29 00:30"],
    ["1991-12-31T15:59:59.000Z", "1991-12-31 23:59"],
    ["1991-07-01T00:00:00.000Z", "1991-07-01 09:00"]
    // summer time in 1991: through the time-zone database
  ];
  for (const [iso, want] of cases) {
    t2.equal(datetime(iso), want, iso);
    t2.equal(shanghaiDate(new Date(iso)), want.slice(0, 10), iso);
  }
  t2.equal(datetime(""), "");
  t2.equal(datetime("not a date"), "not a date");
  t2.equal(datetime(42), "");
});
t.test("property: the fast path agrees with the time-zone database for any instant", async (t2) => {
  const instant = fc.integer({ min: Date.UTC(1985, 0, 1), max: Date.UTC(2100, 0, 1) });
  fc.assert(fc.property(instant, (ms) => {
    const ref = reference(ms);
    return shanghaiDate(new Date(ms)) === ref.date && datetime(new Date(ms).toISOString()) === ref.time;
  }), { numRuns: 5e3 });
  fc.assert(fc.property(fc.integer({ min: -3 * 864e5, max: 3 * 864e5 }), (d) => {
    const ms = FIXED_OFFSET_SINCE_MS + d;
    return shanghaiDate(new Date(ms)) === reference(ms).date;
  }));
});
//# sourceMappingURL=dates.test.js.map
