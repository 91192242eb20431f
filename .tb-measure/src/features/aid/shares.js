import { canActForBuilding, requireActor, requireStaffOrAdmin, reviewableBuildings } from "../../lib/access.js";
import { forbidden, notFound } from "../../lib/errors.js";
import { enrolmentOpen } from "../../domain/aid-plan.js";
import * as repo from "./purchases-repository.js";
import { coverFor } from "./deps.js";
function shareUseCases({ db, clock }, { currentPlan, enrolmentPlans }) {
  const windowOpen = enrolmentOpen;
  function orderFor(actor, id) {
    const a = requireActor(actor);
    const row = repo.orderDetail(db, id);
    if (row === void 0) throw notFound();
    if (row.memberUserId !== a.id && !canActForBuilding(a, row.buildingId)) throw forbidden();
    return row;
  }
  function orderScope(actor, buildingId) {
    const a = requireStaffOrAdmin(actor);
    if (buildingId !== void 0) {
      if (!canActForBuilding(a, buildingId)) throw forbidden();
      return [buildingId];
    }
    return reviewableBuildings(a);
  }
  function shareSummary(userId) {
    const plan = currentPlan();
    const membership = repo.activeMembershipOfUser(db, userId);
    const orders = repo.ordersOfUser(db, userId);
    const current = orders.find((o) => o.planYear === plan.year && o.status !== "cancelled") ?? orders.find((o) => o.planYear === plan.year);
    const today = clock.today();
    const preview = membership === void 0 ? null : coverFor(db, membership.id, plan, today);
    const offers = enrolmentPlans().map((p) => offerOf(p, membership?.id, orders, today));
    return {
      offers,
      plan,
      membership,
      orders,
      current,
      canOrder: membership !== void 0 && (current === void 0 || current.status === "cancelled") && windowOpen(plan, today) && preview?.window != null,
      windowOpen: windowOpen(plan, today),
      coverPreview: preview?.window ?? null,
      renewal: preview?.renewal ?? false
    };
  }
  function offerOf(plan, membershipId, orders, today) {
    const order = orders.find((o) => o.planYear === plan.year && o.status !== "cancelled");
    const preview = membershipId === void 0 ? null : coverFor(db, membershipId, plan, today);
    const state = order !== void 0 ? "ordered" : today < plan.enrolFrom ? "not_yet_open" : today > plan.enrolTo ? "closed" : preview !== null && preview.window === null ? "no_cover_left" : "open";
    return { plan, state, order, coverPreview: preview?.window ?? null, renewal: preview?.renewal ?? false };
  }
  function currentShare(userId) {
    const plan = currentPlan();
    const current = repo.yearOrderOfUser(db, userId, plan.year);
    const needsMembership = current === void 0 || current.status === "cancelled";
    const membership = needsMembership ? repo.activeMembershipOfUser(db, userId) : void 0;
    const today = clock.today();
    const canOrder = membership !== void 0 && windowOpen(plan, today) && coverFor(db, membership.id, plan, today).window != null;
    return { plan, current, canOrder, shown: current !== void 0 || membership !== void 0 };
  }
  return { orderFor, orderScope, shareSummary, currentShare };
}
export {
  shareUseCases
};
//# sourceMappingURL=shares.js.map
