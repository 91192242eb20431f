import { formatFen } from "../../domain/money.js";
import { requireActor } from "../../lib/access.js";
import { conflict, forbidden, isUniqueViolation, notFound, ruleRefused } from "../../lib/errors.js";
import { hashRequest, withIdempotency } from "../../lib/idempotency.js";
import { writeAudit } from "../audit/audit-repository.js";
import { enrolmentOpen } from "../../domain/aid-plan.js";
import * as repo from "./purchases-repository.js";
import { coverFor, tellMember } from "./deps.js";
function orderUseCases({ db, clock, notifier }, { planOf, currentYear, sharesProblem }) {
  const windowOpen = enrolmentOpen;
  const enrolmentClosed = (plan) => ruleRefused("ENROLMENT_CLOSED", "aid.err.enrolmentClosed", { from: plan.enrolFrom, to: plan.enrolTo });
  function planForOrder(year, shares) {
    const plan = planOf(year ?? currentYear());
    if (plan === void 0) throw notFound("aid.err.noPlan");
    const sp = sharesProblem(shares, plan);
    if (sp !== null) throw sp;
    return plan;
  }
  function orderShare(actor, input, key) {
    const a = requireActor(actor);
    if (repo.activeMembershipOfUser(db, a.id) === void 0) throw forbidden("aid.err.notActiveMember");
    const plan = planForOrder(input.year, input.shares);
    const at = clock.iso();
    return withIdempotency(db, a.id, "aid.purchase", key, hashRequest({ shares: input.shares, year: plan.year }), at, (tx) => {
      const m = repo.activeMembershipOfUser(tx, a.id);
      if (m === void 0) throw forbidden("aid.err.notActiveMember");
      const today = clock.today();
      if (repo.openPurchaseOf(tx, m.id, plan.year) !== void 0) throw conflict("ORDER_EXISTS", "aid.err.orderExists");
      if (!windowOpen(plan, today)) throw enrolmentClosed(plan);
      if (coverFor(tx, m.id, plan, today).window === null) throw ruleRefused("NO_COVER_LEFT", "aid.err.noCoverLeft");
      const row = insertOrder(tx, { membershipId: m.id, planYear: plan.year, shares: input.shares, amountFen: plan.shareFeeFen * input.shares, orderedBy: a.id, orderedOn: today, at });
      return { statusCode: 201, body: { id: row.id, status: "pending_payment", amountFen: row.amountFen, planYear: row.planYear } };
    });
  }
  function insertOrder(tx, p) {
    let row;
    try {
      row = repo.insertPurchase(tx, p);
    } catch (err) {
      if (isUniqueViolation(err)) throw conflict("ORDER_EXISTS", "aid.err.orderExists");
      throw err;
    }
    writeAudit(tx, p.at, { actorUserId: p.orderedBy, action: "aid_purchase.order", entityType: "aid_purchase", entityId: row.id, after: { status: row.status, membershipId: row.membershipId, planYear: row.planYear, shares: row.shares, amountFen: row.amountFen, groupOrderId: row.groupOrderId } });
    return row;
  }
  function orderGroup(actor, input, key) {
    const a = requireActor(actor);
    const ent = repo.findEnterprise(db, input.enterpriseId);
    if (ent === void 0) throw notFound();
    if (ent.liaisonUserId !== a.id) throw forbidden("aid.err.notLiaison");
    if (ent.status !== "enrolled") throw ruleRefused("ENTERPRISE_NOT_ENROLLED", "aid.err.enterpriseNotEnrolled");
    const plan = planForOrder(input.year, input.shares);
    const ids = [...new Set(input.membershipIds)];
    const at = clock.iso();
    const sms = [];
    const stored = withIdempotency(db, a.id, "aid.group-order", key, hashRequest({ enterpriseId: ent.id, membershipIds: ids, shares: input.shares, year: plan.year }), at, (tx) => {
      const today = clock.today();
      if (!windowOpen(plan, today)) throw enrolmentClosed(plan);
      const groupId = repo.insertGroupOrder(tx, { enterpriseId: ent.id, planYear: plan.year, orderedBy: a.id, at });
      const answer = { id: groupId, planYear: plan.year, ordered: [], skipped: [], totalFen: 0 };
      for (const membershipId of ids) {
        const m = repo.membershipFacts(tx, membershipId);
        if (m === void 0 || m.enterpriseId !== ent.id || m.status !== "active") {
          answer.skipped.push({ membershipId, reason: "not_active" });
          continue;
        }
        if (repo.openPurchaseOf(tx, m.id, plan.year) !== void 0) {
          answer.skipped.push({ membershipId, reason: "already_ordered" });
          continue;
        }
        if (coverFor(tx, m.id, plan, today).window === null) {
          answer.skipped.push({ membershipId, reason: "no_cover_left" });
          continue;
        }
        const row = insertOrder(tx, { membershipId: m.id, planYear: plan.year, shares: input.shares, amountFen: plan.shareFeeFen * input.shares, groupOrderId: groupId, orderedBy: a.id, orderedOn: today, at });
        answer.ordered.push({ membershipId: m.id, purchaseId: row.id, amountFen: row.amountFen });
        answer.totalFen += row.amountFen;
        sms.push(...tellMember(notifier, tx, at, row, { kind: "purchase.ordered", params: { enterprise: ent.name, year: plan.year, shares: row.shares, amount: formatFen(row.amountFen) } }));
      }
      if (answer.ordered.length === 0) throw ruleRefused("NOTHING_TO_ORDER", "aid.err.nothingToOrder");
      writeAudit(tx, at, { actorUserId: a.id, action: "aid_group_order.create", entityType: "aid_group_order", entityId: groupId, after: answer });
      return { statusCode: 201, body: answer };
    });
    notifier?.send(sms);
    return stored;
  }
  return { orderShare, orderGroup };
}
export {
  orderUseCases
};
//# sourceMappingURL=orders.js.map
