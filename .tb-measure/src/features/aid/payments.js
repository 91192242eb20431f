import { canActForBuilding, requireActor } from "../../lib/access.js";
import { badRequest, conflict, fieldError, forbidden, isUniqueViolation, notFound, ruleRefused, stateChanged } from "../../lib/errors.js";
import { writeAudit } from "../audit/audit-repository.js";
import { getPlan } from "./plans-repository.js";
import * as repo from "./purchases-repository.js";
import { coverFor, tellMember } from "./deps.js";
import { ORDER_TRANSITIONS, transition } from "../../domain/lifecycles.js";
function paymentUseCases({ db, clock, notifier }) {
  const tellPaid = (tx, p, coverFrom, coverTo, at) => tellMember(notifier, tx, at, p, { kind: "purchase.paid", params: { year: p.planYear, coverFrom, coverTo } });
  function applyPayment(tx, p, input, via, by, opts = {}) {
    const { groupReceipt = false, sms = [] } = opts;
    const today = clock.today();
    if (input.paidOn < p.orderedOn) throw badRequest({ paidOn: fieldError("aid.v.paidOnBeforeOrder", { date: p.orderedOn }) });
    if (input.paidOn > today) throw badRequest({ paidOn: "v.dateFuture" });
    if (transition(ORDER_TRANSITIONS, "confirmPayment", p.status) === null) throw stateChanged();
    if (!groupReceipt && repo.receiptTaken(tx, p.planYear, input.receiptNo)) throw conflict("RECEIPT_TAKEN", "aid.err.receiptTaken", { receiptNo: "aid.err.receiptTaken" });
    const plan = getPlan(tx, p.planYear);
    const { window, renewal } = coverFor(tx, p.membershipId, plan, input.paidOn);
    if (window === null) throw ruleRefused("NO_COVER_LEFT", "aid.err.noCoverLeft");
    const at = clock.iso();
    let changes;
    try {
      changes = repo.markPaid(tx, p.id, { receiptNo: input.receiptNo, paidOn: input.paidOn, via, by, firstTime: !renewal, coverFrom: window.coverFrom, coverTo: window.coverTo, at });
    } catch (err) {
      if (isUniqueViolation(err, "receipt_no")) throw conflict("RECEIPT_TAKEN", "aid.err.receiptTaken", { receiptNo: "aid.err.receiptTaken" });
      throw err;
    }
    if (changes === 0) throw stateChanged();
    writeAudit(tx, at, {
      actorUserId: by,
      action: via === "staff" ? "aid_purchase.confirm" : "aid_purchase.webhook",
      entityType: "aid_purchase",
      entityId: p.id,
      before: { status: p.status },
      after: { status: "paid", receiptNo: input.receiptNo, paidOn: input.paidOn, firstTime: !renewal, waitingDays: plan.waitingDays, coverFrom: window.coverFrom, coverTo: window.coverTo }
    });
    sms.push(...tellPaid(tx, p, window.coverFrom, window.coverTo, at));
    return { status: "paid", coverFrom: window.coverFrom, coverTo: window.coverTo };
  }
  function mayConfirm(tx, a, purchaseId) {
    const p = repo.findPurchase(tx, purchaseId);
    if (p === void 0) throw notFound();
    const m = repo.membershipFacts(tx, p.membershipId);
    if (!canActForBuilding(a, m.buildingId)) throw forbidden();
    if (m.userId === a.id || p.orderedBy === a.id) throw forbidden("aid.err.ownPayment");
    return p;
  }
  function checkMayConfirm(actor, purchaseId) {
    mayConfirm(db, requireActor(actor), purchaseId);
  }
  function confirmPayment(actor, purchaseId, input) {
    const a = requireActor(actor);
    const sms = [];
    const answer = db.transaction((tx) => applyPayment(tx, mayConfirm(tx, a, purchaseId), input, "staff", a.id, { sms }));
    notifier?.send(sms);
    return answer;
  }
  function webhookPayment(input) {
    const sms = [];
    const answer = db.transaction((tx) => {
      const p = repo.findPurchase(tx, input.purchaseId);
      if (p === void 0) throw notFound();
      if (input.amountFen !== p.amountFen) throw ruleRefused("AMOUNT_MISMATCH", "aid.err.amountMismatch", { amount: input.amountFen, expected: p.amountFen });
      if (p.status === "paid" && p.receiptNo === input.receiptNo && p.paidOn === input.paidOn) {
        return { status: "paid", coverFrom: p.coverFrom, coverTo: p.coverTo, replayed: true };
      }
      return { ...applyPayment(tx, p, input, "webhook", null, { sms }), replayed: false };
    });
    notifier?.send(sms);
    return answer;
  }
  const sendNotices = (sms) => {
    notifier?.send(sms);
  };
  return { applyPayment, sendNotices, checkMayConfirm, confirmPayment, webhookPayment };
}
export {
  paymentUseCases
};
//# sourceMappingURL=payments.js.map
