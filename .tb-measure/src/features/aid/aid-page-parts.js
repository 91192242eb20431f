import { federationAccount } from "./group-orders-repository.js";
import { paymentReference } from "../../domain/payment-reference.js";
import { bpToPercent } from "./percent.js";
const PAGE_SIZE = 50;
function planView(plan) {
  return {
    ...plan,
    tiers: plan.tiers.map((t, i) => ({ fromFen: t.fromFen, toFen: plan.tiers[i + 1]?.fromFen ?? null, ratePct: bpToPercent(t.rateBp) })),
    maxPercent: bpToPercent(Math.max(...plan.tiers.map((t) => t.rateBp)))
  };
}
function quoteView(q) {
  return {
    ...q,
    lines: q.lines.map((l) => ({ ...l, ratePct: bpToPercent(l.rateBp) })),
    limitedKey: `aid.limitedBy.${q.limitedBy}`
  };
}
const statusKey = (s) => `aid.status.${s}`;
function orderStatus(status) {
  return { statusKey: statusKey(status), badge: status === "paid" ? "ok" : status === "cancelled" ? "bad" : "warn" };
}
function orderView(o) {
  return { ...o, ...orderStatus(o.status) };
}
function payableView(db, o) {
  return {
    ...orderView(o),
    reference: paymentReference({ kind: "order", id: o.id }),
    groupReference: o.groupOrderId === null ? void 0 : paymentReference({ kind: "group", id: o.groupOrderId }),
    payAccount: o.status === "pending_payment" ? federationAccount(db, o.buildingId) : void 0
  };
}
function offerView(o, all) {
  const other = all.find((x) => x.plan.year !== o.plan.year && x.state === "open");
  const reasonKey = o.state === "not_yet_open" ? "aid.offer.notYetOpen" : o.state === "closed" ? "aid.offer.closed" : o.state === "no_cover_left" ? "aid.offer.noCoverLeft" : void 0;
  return {
    year: o.plan.year,
    state: o.state,
    open: o.state === "open",
    plan: planView(o.plan),
    coverPreview: o.coverPreview,
    renewal: o.renewal,
    reasonKey,
    otherYear: other?.plan.year,
    multipleShares: o.plan.maxShares > 1,
    sharesOptions: sharesOptions(o.plan, 1)
  };
}
function sharesOptions(plan, selected) {
  return Array.from({ length: plan.maxShares }, (_, i) => ({ value: i + 1, selected: i + 1 === selected }));
}
export {
  PAGE_SIZE,
  offerView,
  orderStatus,
  orderView,
  payableView,
  planView,
  quoteView,
  sharesOptions,
  statusKey
};
//# sourceMappingURL=aid-page-parts.js.map
