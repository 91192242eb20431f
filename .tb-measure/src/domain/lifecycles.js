function transition(table, action, from) {
  const step = table[action];
  return step.from.includes(from) ? step.to : null;
}
const MEMBERSHIP_STATES = ["applied", "active", "rejected", "left"];
const MEMBERSHIP_TRANSITIONS = {
  /** A worker applies again after a refusal or after leaving (the row is reused; a first application inserts it as `applied`). */
  applyAgain: { from: ["rejected", "left"], to: "applied", by: "the worker" },
  /** The enterprise's liaison or staff of its building; never the applicant, nor the same person under another account. */
  approve: { from: ["applied"], to: "active", by: "a decider" },
  reject: { from: ["applied"], to: "rejected", by: "a decider" },
  /** The member, or staff of the building. */
  leave: { from: ["active"], to: "left", by: "the member or staff" },
  /** A roster row was claimed by a worker who had it approved themselves: it goes back for a decision. */
  backToApproval: { from: ["active"], to: "applied", by: "the worker claiming a roster row" }
};
const MEMBERSHIP_OPEN = ["applied", "active"];
const TRANSFER_STATES = ["pending", "confirmed", "rejected", "cancelled"];
const TRANSFER_TRANSITIONS = {
  /** The receiving enterprise's liaison or staff of its building; never the member or the requester. */
  confirm: { from: ["pending"], to: "confirmed", by: "the receiving side" },
  reject: { from: ["pending"], to: "rejected", by: "the receiving side" },
  /** The member or the requester withdraws it; it also ends when the membership ends. */
  cancel: { from: ["pending"], to: "cancelled", by: "the member, the requester, or the membership ending" }
};
const ENTERPRISE_STATES = ["pending", "enrolled", "rejected", "withdrawn"];
const ENTERPRISE_TRANSITIONS = {
  /** Staff of the building or an admin; never the enterprise's liaison, nor whoever enrolled it. */
  approve: { from: ["pending"], to: "enrolled", by: "a reviewer" },
  reject: { from: ["pending"], to: "rejected", by: "a reviewer" },
  /** The liaison corrects a refused enrolment and sends it again. */
  resubmit: { from: ["rejected"], to: "pending", by: "the liaison" },
  withdraw: { from: ["enrolled"], to: "withdrawn", by: "the liaison or a reviewer" }
};
const ORDER_STATES = ["pending_payment", "paid", "cancelled"];
const ORDER_TRANSITIONS = {
  /** Staff of the building (or the payment provider's signed webhook); never the member themselves. */
  confirmPayment: { from: ["pending_payment"], to: "paid", by: "staff or the payment provider" },
  /** Unpaid after 30 days, by the portal itself. */
  cancelUnpaid: { from: ["pending_payment"], to: "cancelled", by: "the portal" }
};
export {
  ENTERPRISE_STATES,
  ENTERPRISE_TRANSITIONS,
  MEMBERSHIP_OPEN,
  MEMBERSHIP_STATES,
  MEMBERSHIP_TRANSITIONS,
  ORDER_STATES,
  ORDER_TRANSITIONS,
  TRANSFER_STATES,
  TRANSFER_TRANSITIONS,
  transition
};
//# sourceMappingURL=lifecycles.js.map
