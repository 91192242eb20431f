import { formatFen } from "../../domain/money.js";
import { writeAudit } from "../audit/audit-repository.js";
import * as repo from "./purchases-repository.js";
import { tellMember } from "./deps.js";
import { ORDER_TRANSITIONS, transition } from "../../domain/lifecycles.js";
const STALE_ORDER_DAYS = 30;
function cancelStaleOrders(db, clock, notifier) {
  const cutoff = new Date(clock.now().getTime() - STALE_ORDER_DAYS * 864e5).toISOString();
  const sms = [];
  const cancelled = db.transaction((tx) => {
    const at = clock.iso();
    let n = 0;
    for (const p of repo.stalePending(tx, cutoff)) {
      const to = transition(ORDER_TRANSITIONS, "cancelUnpaid", p.status);
      if (to === null || repo.cancelPending(tx, p.id, "unpaid_30_days", at) === 0) continue;
      writeAudit(tx, at, {
        actorUserId: null,
        action: "aid_purchase.cancel",
        entityType: "aid_purchase",
        entityId: p.id,
        before: { status: p.status },
        after: { status: to, reason: "unpaid_30_days" },
        note: `unpaid after ${STALE_ORDER_DAYS} days`
      });
      sms.push(...tellMember(notifier, tx, at, p, { kind: "purchase.cancelled_unpaid", params: { year: p.planYear, amount: formatFen(p.amountFen), days: STALE_ORDER_DAYS } }));
      n++;
    }
    return n;
  });
  notifier?.send(sms);
  return cancelled;
}
export {
  STALE_ORDER_DAYS,
  cancelStaleOrders
};
//# sourceMappingURL=stale-orders.js.map
