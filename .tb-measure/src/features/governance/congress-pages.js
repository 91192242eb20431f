import { idParam, parseInput } from "../../lib/validation.js";
import { requireStaffOrAdmin } from "../../lib/access.js";
import { compositionProblems, MIN_REPRESENTATIVES, OPERATOR_MAX_PERCENT, REPRESENTATIVE_CATEGORIES, representativeTotal } from "../../domain/congress.js";
import { congressInput, representativeInput, repParams, sessionInput } from "./governance-schemas.js";
import * as repo from "./congress-repository.js";
import { activeMembershipsOf } from "./access.js";
import { liaisonBuildings } from "./contracts-repository.js";
import { buildingPageData } from "./building-page.js";
async function congressPages(app, { service }) {
  const csrf = { preHandler: app.verifyCsrf };
  const { db } = service.deps;
  app.navLinks.push({ href: "/governance", labelKey: "governance.nav", order: 50, show: (a) => a !== null });
  const categories = (req) => REPRESENTATIVE_CATEGORIES.map((c) => ({ value: c, label: req.t(`governance.category.${c}`) }));
  app.get("/governance", async (req, reply) => {
    const actor = app.requireSignedIn(req);
    const ids = actor.isAdmin ? null : [.../* @__PURE__ */ new Set([...actor.staffBuildingIds, ...activeMembershipsOf(db, actor.id).map((m) => m.buildingId)])];
    const list = repo.buildingsByIds(db, ids).map((b) => ({ ...b, href: `/governance/buildings/${b.id}` }));
    const seen = new Set(list.map((b) => b.id));
    const liaison = repo.buildingsByIds(db, [...new Set(liaisonBuildings(db, actor.id))].filter((id) => !seen.has(id))).map((b) => ({ ...b, href: `/governance/buildings/${b.id}/disclosures` }));
    const all = [...list, ...liaison];
    if (all.length === 1 && !actor.isAdmin && !actor.isStaff) return await reply.redirect(all[0].href);
    return reply.page("governance/index", { titleKey: "governance.index.title", buildings: all });
  });
  const buildingPage = (req, id, extra = {}) => buildingPageData(app, service, req, id, extra);
  app.get("/governance/buildings/:id", async (req, reply) => {
    const { id } = parseInput(idParam, req.params);
    return reply.page("governance/building", buildingPage(req, id));
  });
  app.post("/governance/buildings/:id/congresses", csrf, async (req, reply) => {
    const actor = requireStaffOrAdmin(app.requireSignedIn(req));
    const { id } = parseInput(idParam, req.params);
    service.congresses.assertCanFound(actor, id);
    const body = { ...req.body, buildingId: id };
    try {
      const input = parseInput(congressInput, body);
      const c = service.congresses.found(actor, { buildingId: id, termYears: input.term, startsOn: input.startsOn, form: input.form });
      reply.flash("governance.flash.founded");
      return await reply.redirect(`/governance/congresses/${c.id}`, 303);
    } catch (err) {
      return reply.formError(err, "governance/building", buildingPage(req, id, { values: body }));
    }
  });
  function congressPage(req, id, extra = {}) {
    const actor = app.requireSignedIn(req);
    const v = service.congresses.view(actor, id);
    const c = v.congress;
    const canManage = actor.isAdmin || actor.isStaff && actor.staffBuildingIds.includes(c.buildingId);
    const total = representativeTotal(v.counts);
    const rules = new Set(v.problems.map((p) => p.rule));
    const checks = c.form === "representatives" ? [
      { label: req.t("governance.congress.rule30"), ok: !rules.has("TOO_FEW_REPRESENTATIVES"), detail: `${total} / ${MIN_REPRESENTATIVES}` },
      { label: req.t("governance.congress.rule20"), ok: !rules.has("TOO_MANY_OPERATORS"), detail: `${v.counts.operator} / ${total} (\u2264 ${OPERATOR_MAX_PERCENT}%)` }
    ] : [{ label: req.t("governance.form.assembly"), ok: v.problems.length === 0, detail: `${total} / ${v.buildingMembers}` }];
    return {
      title: req.t("governance.congress.title", { termNo: c.termNo }),
      congress: { ...c, formLabel: req.t(`governance.form.${c.form}`) },
      building: v.building,
      canManage,
      counts: REPRESENTATIVE_CATEGORIES.map((k) => ({ label: req.t(`governance.category.${k}`), n: v.counts[k] })),
      total,
      buildingMembers: v.buildingMembers,
      checks,
      problems: v.problems.map((p) => req.t(`governance.composition.${p.rule}`, p.params)),
      compositionOk: compositionProblems({ form: c.form, counts: v.counts, buildingMembers: v.buildingMembers }).length === 0,
      isAssembly: c.form === "assembly",
      representatives: v.representatives.map((r) => ({ ...r, categoryLabel: req.t(`governance.category.${r.category}`) })),
      sessions: v.sessions,
      candidates: canManage ? service.congresses.candidates(actor, id) : [],
      categories: categories(req),
      values: { date: app.clock.today() },
      ...extra
    };
  }
  app.get("/governance/congresses/:id", async (req, reply) => {
    const { id } = parseInput(idParam, req.params);
    return reply.page("governance/congress", congressPage(req, id));
  });
  app.post("/governance/congresses/:id/representatives", csrf, async (req, reply) => {
    const actor = app.requireSignedIn(req);
    const { id } = parseInput(idParam, req.params);
    service.congresses.congressFor(actor, id, true);
    try {
      const input = parseInput(representativeInput, req.body);
      service.congresses.addRepresentative(actor, id, input.membershipId, input.category);
      reply.flash("governance.flash.repAdded");
      return await reply.redirect(`/governance/congresses/${id}#representatives`, 303);
    } catch (err) {
      return reply.formError(err, "governance/congress", congressPage(req, id, { repValues: req.body }));
    }
  });
  app.post("/governance/congresses/:id/seat-all", csrf, async (req, reply) => {
    const actor = app.requireSignedIn(req);
    const { id } = parseInput(idParam, req.params);
    service.congresses.seatAllMembers(actor, id);
    reply.flash("governance.flash.repAdded");
    return await reply.redirect(`/governance/congresses/${id}#representatives`, 303);
  });
  app.post("/governance/congresses/:id/representatives/:repId/remove", csrf, async (req, reply) => {
    const actor = app.requireSignedIn(req);
    const { id, repId } = parseInput(repParams, req.params);
    service.congresses.removeRepresentative(actor, id, repId);
    reply.flash("governance.flash.repRemoved");
    return await reply.redirect(`/governance/congresses/${id}#representatives`, 303);
  });
  app.post("/governance/congresses/:id/sessions", csrf, async (req, reply) => {
    const actor = app.requireSignedIn(req);
    const { id } = parseInput(idParam, req.params);
    service.congresses.congressFor(actor, id, true);
    try {
      const input = parseInput(sessionInput, req.body);
      const s = service.sessions.open(actor, id, input);
      reply.flash("governance.flash.sessionOpened");
      return await reply.redirect(`/governance/sessions/${s.id}`, 303);
    } catch (err) {
      return reply.formError(err, "governance/congress", congressPage(req, id, { values: req.body }));
    }
  });
}
export {
  congressPages as default
};
//# sourceMappingURL=congress-pages.js.map
