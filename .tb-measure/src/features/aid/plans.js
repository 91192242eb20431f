import { requireAdmin } from "../../lib/access.js";
import { badRequest, fieldError, ruleRefused } from "../../lib/errors.js";
import { writeAudit } from "../audit/audit-repository.js";
import { nextYearPlan, planProblems } from "../../domain/aid-plan.js";
import { computeReimbursement, quoteShape } from "../../domain/reimbursement.js";
import { ensurePlan, getPlan, upsertPlan } from "./plans-repository.js";
function planUseCases({ db, clock }) {
  function planOf(year) {
    const current = Number(clock.today().slice(0, 4));
    const existing = getPlan(db, year);
    if (existing !== void 0 || year !== current && year !== current + 1) return existing;
    const derive = year === current ? void 0 : /* @__PURE__ */ ((base) => () => nextYearPlan(base, year))(planOf(current));
    return db.transaction((tx) => {
      const { plan, created } = ensurePlan(tx, year, clock.iso(), derive);
      if (created) writeAudit(tx, clock.iso(), { actorUserId: null, action: "aid_plan.create", entityType: "aid_plan", entityId: year, after: plan, note: "automatic" });
      return plan;
    });
  }
  function enrolmentPlans() {
    const current = currentPlan();
    const nextYear = current.year + 1;
    const next = getPlan(db, nextYear) ?? nextYearPlan(current, nextYear);
    return [current, clock.today() >= next.enrolFrom ? planOf(nextYear) : next];
  }
  function currentYear() {
    return Number(clock.today().slice(0, 4));
  }
  function currentPlan() {
    return planOf(currentYear());
  }
  function savePlan(actor, terms) {
    const a = requireAdmin(actor);
    const problems = planProblems(terms);
    if (Object.keys(problems).length > 0) throw badRequest(problems);
    return db.transaction((tx) => {
      const before = getPlan(tx, terms.year);
      const at = clock.iso();
      upsertPlan(tx, terms, a.id, at);
      const after = getPlan(tx, terms.year);
      writeAudit(tx, at, { actorUserId: a.id, action: before === void 0 ? "aid_plan.create" : "aid_plan.update", entityType: "aid_plan", entityId: terms.year, before, after });
      return after;
    });
  }
  function sharesProblem(shares, plan) {
    return shares > plan.maxShares ? badRequest({ shares: fieldError("aid.v.sharesMax", { max: plan.maxShares }) }) : null;
  }
  function quote(input) {
    const plan = currentPlan();
    const shares = input.shares ?? 1;
    const sp = sharesProblem(shares, plan);
    if (sp !== null) throw sp;
    if (input.insurancePaidFen + input.excludedFen > input.totalCostFen) throw ruleRefused("INCONSISTENT_AMOUNTS", "aid.err.inconsistentAmounts");
    const r = computeReimbursement({ totalCostFen: input.totalCostFen, insurancePaidFen: input.insurancePaidFen, excludedFen: input.excludedFen, shares, paidThisYearFen: input.paidThisYearFen ?? 0 }, plan);
    return { plan, quote: quoteShape(r) };
  }
  return { planOf, enrolmentPlans, currentPlan, currentYear, savePlan, sharesProblem, quote };
}
export {
  planUseCases
};
//# sourceMappingURL=plans.js.map
