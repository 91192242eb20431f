import { canActForBuilding, requireActor, requireStaffOrAdmin } from "../../lib/access.js";
import { conflict, forbidden, notFound, stateChanged } from "../../lib/errors.js";
import { paymentReference } from "../../domain/payment-reference.js";
import { writeAudit } from "../audit/audit-repository.js";
import { findPurchase } from "./purchases-repository.js";
import * as repo from "./group-orders-repository.js";
function createGroupOrders(db, clock, aid) {
  function load(a, id) {
    const group = repo.findGroupOrder(db, id);
    if (group === void 0) throw notFound();
    const asStaff = canActForBuilding(a, group.buildingId);
    const asLiaison = group.liaisonUserId === a.id || group.orderedBy === a.id;
    if (!asStaff && !asLiaison) throw notFound();
    return { group, asStaff, asLiaison };
  }
  function view(actor, id) {
    const a = requireActor(actor);
    const { group, asStaff, asLiaison } = load(a, id);
    const orders = repo.ordersOfGroup(db, id);
    const unpaid = orders.filter((o) => o.status === "pending_payment");
    return {
      group,
      orders,
      totalFen: orders.filter((o) => o.status !== "cancelled").reduce((s, o) => s + o.amountFen, 0),
      unpaidFen: unpaid.reduce((s, o) => s + o.amountFen, 0),
      unpaidCount: unpaid.length,
      reference: paymentReference({ kind: "group", id }),
      account: repo.federationAccount(db, group.buildingId),
      mayConfirm: asStaff && !asLiaison && unpaid.length > 0 && !unpaid.some((o) => o.memberUserId === a.id)
    };
  }
  function checkMayConfirm(actor, id) {
    const a = requireActor(actor);
    const loaded = load(a, id);
    if (!loaded.asStaff) throw forbidden();
    if (loaded.asLiaison) throw forbidden("aid.err.ownPayment");
    return { a, group: loaded.group };
  }
  function confirmPayment(actor, id, input) {
    const sms = [];
    const result = db.transaction((tx) => {
      const { a, group } = checkMayConfirm(actor, id);
      const unpaid = repo.ordersOfGroup(tx, id).filter((o) => o.status === "pending_payment");
      if (unpaid.length === 0) throw stateChanged();
      if (unpaid.some((o) => o.memberUserId === a.id)) throw forbidden("aid.err.ownPayment");
      if (repo.receiptTakenOutsideGroup(tx, group.planYear, input.receiptNo, id)) throw conflict("RECEIPT_TAKEN", "aid.err.receiptTaken", { receiptNo: "aid.err.receiptTaken" });
      const answer = { status: "paid", groupOrderId: id, receiptNo: input.receiptNo, paidOn: input.paidOn, totalFen: 0, paid: [] };
      for (const o of unpaid) {
        const paid = aid.applyPayment(tx, findPurchase(tx, o.id), input, "staff", a.id, { groupReceipt: true, sms });
        answer.paid.push({ id: o.id, coverFrom: paid.coverFrom, coverTo: paid.coverTo });
        answer.totalFen += o.amountFen;
      }
      writeAudit(tx, clock.iso(), {
        actorUserId: a.id,
        action: "aid_group_order.confirm",
        entityType: "aid_group_order",
        entityId: id,
        after: { receiptNo: input.receiptNo, paidOn: input.paidOn, orders: answer.paid.length, totalFen: answer.totalFen }
      });
      return answer;
    });
    aid.sendNotices(sms);
    return result;
  }
  function accounts(actor) {
    const a = requireStaffOrAdmin(actor);
    return repo.buildingsWithAccounts(db, a.isAdmin ? null : a.staffBuildingIds);
  }
  function saveAccount(actor, buildingId, input) {
    const a = requireStaffOrAdmin(actor);
    if (repo.buildingsWithAccounts(db, [buildingId]).length === 0) throw notFound();
    if (!canActForBuilding(a, buildingId)) throw forbidden();
    db.transaction((tx) => {
      const before = repo.federationAccount(tx, buildingId);
      const at = clock.iso();
      repo.saveFederationAccount(tx, { buildingId, ...input }, a.id, at);
      writeAudit(tx, at, {
        actorUserId: a.id,
        action: "aid_account.update",
        entityType: "building",
        entityId: buildingId,
        before: before === void 0 ? void 0 : { accountName: before.accountName, bankName: before.bankName, accountNo: before.accountNo },
        after: input
      });
    });
  }
  return { view, checkMayConfirm, confirmPayment, accounts, saveAccount };
}
export {
  createGroupOrders
};
//# sourceMappingURL=group-orders.js.map
