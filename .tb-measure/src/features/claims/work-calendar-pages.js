import { requireAdmin } from "../../lib/access.js";
import { parseInput } from "../../lib/validation.js";
import { listAudit } from "../audit/audit-repository.js";
import { yearParam } from "../aid/aid-schemas.js";
import { calendarText, parseCalendarText } from "./work-calendar-text.js";
async function workCalendarPages(app, { calendar }) {
  const csrf = { preHandler: app.verifyCsrf };
  app.navLinks.push({ href: "/admin/aid/calendar", labelKey: "calendar.nav", order: 93, show: (a) => a?.isAdmin === true });
  const yearPage = (req, year, extra = {}) => {
    const days = calendar.daysOf(year);
    const weekday = new Intl.DateTimeFormat(req.lang === "en" ? "en-GB" : "zh-CN", { weekday: "short", timeZone: "UTC" });
    const thisYear = Number(app.clock.today().slice(0, 4));
    const history = listAudit(app.db, { entityType: "work_calendar", entityId: String(year), limit: 20 }).map((e) => {
      const after = JSON.parse(e.after ?? "{}");
      return { at: e.at, who: e.actorName ?? "", days: after.days ?? 0, holidays: after.holidays ?? 0 };
    });
    return {
      titleKey: "calendar.title",
      year,
      days: days.map((d) => ({
        ...d,
        weekday: weekday.format(/* @__PURE__ */ new Date(d.date + "T00:00:00Z")),
        kindKey: `calendar.kind.${d.kind}`,
        holiday: d.kind === "holiday"
      })),
      holidays: days.filter((d) => d.kind === "holiday").length,
      workdays: days.filter((d) => d.kind === "workday").length,
      years: [thisYear - 1, thisYear, thisYear + 1, thisYear + 2].filter((y) => y !== year),
      values: { days: calendarText(req.lang, days) },
      history,
      ...extra
    };
  };
  app.get("/admin/aid/calendar", async (req, reply) => {
    requireAdmin(req.actor);
    return reply.redirect(`/admin/aid/calendar/${app.clock.today().slice(0, 4)}`);
  });
  app.get("/admin/aid/calendar/:year", async (req, reply) => {
    requireAdmin(req.actor);
    const { year } = parseInput(yearParam, req.params);
    return reply.page("claims/calendar", yearPage(req, year));
  });
  app.post("/admin/aid/calendar/:year", csrf, async (req, reply) => {
    const actor = requireAdmin(req.actor);
    const { year } = parseInput(yearParam, req.params);
    const body = req.body ?? {};
    const typed = typeof body.days === "string" ? body.days : "";
    try {
      calendar.saveYear(actor, year, { days: parseCalendarText(year, typed) });
      reply.flash("common.saved");
      return await reply.redirect(`/admin/aid/calendar/${year}`);
    } catch (err) {
      return reply.formError(err, "claims/calendar", yearPage(req, year, { values: { days: typed } }));
    }
  });
}
export {
  workCalendarPages as default
};
//# sourceMappingURL=work-calendar-pages.js.map
