import { parseInput } from "../../lib/validation.js";
import { AppError, badRequest } from "../../lib/errors.js";
import { requireAdmin } from "../../lib/access.js";
import { planFromLatest, defaultPlan, MAX_TIERS } from "../../domain/aid-plan.js";
import { REQUIRABLE_KINDS } from "../../domain/claim-documents.js";
import { fenToYuanString } from "../../domain/money.js";
import { planForm, tiersFromForm, yearParam } from "./aid-schemas.js";
import { getPlan, latestPlan, listPlans } from "./plans-repository.js";
import { bpToPercent } from "./percent.js";
import { planHistory } from "./plan-history.js";
import { planView } from "./aid-page-parts.js";
function planPages(app, { service }) {
  const csrf = { preHandler: app.verifyCsrf };
  app.get("/admin/aid/plans", async (req, reply) => {
    requireAdmin(req.actor);
    const q = req.query ?? {};
    if (q.year !== void 0) {
      const { year } = parseInput(yearParam, { year: q.year });
      return reply.redirect(`/admin/aid/plans/${year}`);
    }
    return reply.page("aid/plans", {
      titleKey: "aid.plans.title",
      plans: listPlans(app.db).map(planView),
      nextYear: service.currentYear() + 1
    });
  });
  const planPage = (year, lang, extra = {}) => {
    const existing = getPlan(app.db, year);
    const latest = latestPlan(app.db);
    const plan = existing ?? (latest === void 0 ? defaultPlan(year) : planFromLatest(latest, year));
    const rows = Array.from({ length: MAX_TIERS }, (_, i) => {
      const t = plan.tiers[i];
      return { i, from: t === void 0 ? "" : fenToYuanString(t.fromFen), rate: t === void 0 ? "" : bpToPercent(t.rateBp) };
    });
    return {
      titleKey: "aid.plan.title",
      year,
      exists: existing !== void 0,
      tierRows: rows,
      values: {
        shareFee: fenToYuanString(plan.shareFeeFen),
        maxShares: String(plan.maxShares),
        enrolFrom: plan.enrolFrom,
        enrolTo: plan.enrolTo,
        waitingDays: String(plan.waitingDays),
        perAdmissionCap: fenToYuanString(plan.perAdmissionCapFen),
        annualCapPerShare: fenToYuanString(plan.annualCapPerShareFen),
        claimDeadlineDays: String(plan.claimDeadlineDays),
        secondApprovalAbove: fenToYuanString(plan.secondApprovalAboveFen),
        processingDays: String(plan.processingDays)
      },
      documentKinds: REQUIRABLE_KINDS.map((k) => ({ value: k, labelKey: `claims.kind.${k}`, checked: plan.requiredDocuments.includes(k) })),
      history: planHistory(app.db, year, lang).slice(0, 50),
      ...extra
    };
  };
  app.get("/admin/aid/plans/:year", async (req, reply) => {
    requireAdmin(req.actor);
    const { year } = parseInput(yearParam, req.params);
    return reply.page("aid/plan", planPage(year, req.lang));
  });
  app.post("/admin/aid/plans/:year", csrf, async (req, reply) => {
    const actor = requireAdmin(req.actor);
    const { year } = parseInput(yearParam, req.params);
    const body = req.body ?? {};
    try {
      const tiers = tiersFromForm(body);
      let fields = {};
      let form;
      try {
        form = parseInput(planForm, body);
      } catch (err) {
        if (err instanceof AppError && err.fields !== void 0) fields = { ...err.fields };
        else throw err;
      }
      if ("problem" in tiers) fields.tiers = tiers.problem;
      if (form === void 0 || "problem" in tiers) throw badRequest(fields);
      service.savePlan(actor, {
        year,
        shareFeeFen: form.shareFee,
        maxShares: form.maxShares,
        enrolFrom: form.enrolFrom,
        enrolTo: form.enrolTo,
        waitingDays: form.waitingDays,
        tiers: tiers.tiers,
        perAdmissionCapFen: form.perAdmissionCap,
        annualCapPerShareFen: form.annualCapPerShare,
        claimDeadlineDays: form.claimDeadlineDays,
        secondApprovalAboveFen: form.secondApprovalAbove,
        requiredDocuments: form.requiredDocuments,
        processingDays: form.processingDays
      });
      reply.flash("common.saved");
      return await reply.redirect(`/admin/aid/plans/${year}`);
    } catch (err) {
      const page = planPage(year, req.lang);
      const rows = page.tierRows.map((r) => ({ ...r, from: String(body[`tierFrom${r.i}`] ?? ""), rate: String(body[`tierRate${r.i}`] ?? "") }));
      return reply.formError(err, "aid/plan", { ...page, tierRows: rows, values: body });
    }
  });
}
export {
  planPages
};
//# sourceMappingURL=plan-pages.js.map
