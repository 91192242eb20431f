import { z } from "zod";
import { requireAdmin } from "../../lib/access.js";
import { badRequest } from "../../lib/errors.js";
import { calendarDate, optionalText, parseInput } from "../../lib/validation.js";
import { apiDoc, arr, fromZod, int, obj, str } from "../../plugins/openapi.js";
import { writeAudit } from "../audit/audit-repository.js";
import { yearParam } from "../aid/aid-schemas.js";
import { calendarDays, replaceCalendarYear } from "./payout-repository.js";
const calendarBody = z.object({
  days: z.array(z.object({
    date: calendarDate(),
    kind: z.enum(["holiday", "workday"], { error: "claims.calendar.v.kind" }),
    note: optionalText(50)
  }), { error: "claims.calendar.v.days" }).max(120, "claims.calendar.v.days")
});
function createWorkCalendar(deps) {
  const { db, clock } = deps;
  const daysOf = (year) => calendarDays(db, `${year}-01-01`, `${year}-12-31`).map((d) => ({ date: d.date, kind: d.kind, note: d.note }));
  function saveYear(actor, year, input) {
    const a = requireAdmin(actor);
    const seen = /* @__PURE__ */ new Set();
    for (const [i, d] of input.days.entries()) {
      if (!d.date.startsWith(`${year}-`)) throw badRequest({ [`days.${i}.date`]: "claims.calendar.v.otherYear" });
      if (seen.has(d.date)) throw badRequest({ [`days.${i}.date`]: "claims.calendar.v.twice" });
      seen.add(d.date);
    }
    const days = [...input.days].sort((x, y) => x.date.localeCompare(y.date)).map((d) => ({ date: d.date, kind: d.kind, note: d.note ?? null }));
    db.transaction((tx) => {
      const before = calendarDays(tx, `${year}-01-01`, `${year}-12-31`).length;
      replaceCalendarYear(tx, year, days);
      writeAudit(tx, clock.iso(), {
        actorUserId: a.id,
        action: "work_calendar.save",
        entityType: "work_calendar",
        entityId: year,
        before: { days: before },
        after: { days: days.length, holidays: days.filter((d) => d.kind === "holiday").length }
      });
    });
    return { year, days: daysOf(year) };
  }
  return { daysOf, saveYear };
}
const dayDoc = obj({ date: str("YYYY-MM-DD"), kind: str("holiday or workday"), note: str("e.g. \u6625\u8282") }, ["note"]);
async function workCalendarApi(app, { calendar }) {
  const answer = { description: "The year's holidays and adjusted workdays", schema: obj({ year: int(), days: arr(dayDoc) }) };
  app.get("/api/v1/aid/calendar/:year", {
    schema: apiDoc({ summary: "A year's official holidays and adjusted workdays (admin)", tag: "aid", params: fromZod(yearParam), answer })
  }, async (req) => {
    requireAdmin(app.requireSignedIn(req));
    const { year } = parseInput(yearParam, req.params);
    return { year, days: calendar.daysOf(year) };
  });
  app.put("/api/v1/aid/calendar/:year", {
    schema: apiDoc({
      summary: "Set a year's official holidays and adjusted workdays (admin)",
      description: "Replaces the year's list. Weekends are days off unless listed as `workday` (\u8C03\u4F11); a `holiday` is a day off.",
      tag: "aid",
      params: fromZod(yearParam),
      body: fromZod(calendarBody),
      answer
    })
  }, async (req) => {
    const actor = requireAdmin(app.requireSignedIn(req));
    const { year } = parseInput(yearParam, req.params);
    return calendar.saveYear(actor, year, parseInput(calendarBody, req.body));
  });
}
export {
  createWorkCalendar,
  workCalendarApi as default
};
//# sourceMappingURL=work-calendar.js.map
