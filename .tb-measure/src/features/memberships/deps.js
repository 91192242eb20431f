import { canActForBuilding, reviewableBuildings } from "../../lib/access.js";
import { badRequest, forbidden, notFound, ruleRefused } from "../../lib/errors.js";
import * as repo from "./memberships-repository.js";
const notEnrolled = () => ruleRefused("ENTERPRISE_NOT_ENROLLED", "memberships.enterpriseNotEnrolled");
const unknownEnterprise = () => badRequest({ enterpriseId: "memberships.v.unknownEnterprise" });
function isPerson(actor, m) {
  return m.userId === actor.id;
}
function canManage(actor, e) {
  return e.liaisonUserId === actor.id && e.enterpriseStatus !== "withdrawn" || canActForBuilding(actor, e.buildingId);
}
function canReviewTransfer(actor, t) {
  return t.toLiaisonUserId === actor.id && t.toStatus !== "withdrawn" || canActForBuilding(actor, t.toBuildingId);
}
function checkTransferReviewer(actor, t) {
  if (!canReviewTransfer(actor, t)) throw forbidden();
  if (t.memberUserId === actor.id || t.requestedBy === actor.id) throw forbidden("memberships.ownApplication");
}
function scopeOf(db, actor) {
  const buildingIds = reviewableBuildings(actor);
  if (buildingIds === null) return { enterpriseIds: null, buildingIds: null };
  return { enterpriseIds: repo.liaisonEnterpriseIds(db, actor.id), buildingIds };
}
function loadMembership(db, id) {
  const m = repo.findMembership(db, id);
  if (m === void 0) throw notFound();
  return m;
}
function tell(deps, tx, at, userId, n) {
  return deps.notifier === void 0 || userId === null ? [] : deps.notifier.notify(tx, at, { ...n, userId });
}
function changing(deps, fn) {
  const sms = [];
  const answer = deps.db.transaction((tx) => fn(tx, sms));
  deps.notifier?.send(sms);
  return answer;
}
export {
  canManage,
  canReviewTransfer,
  changing,
  checkTransferReviewer,
  isPerson,
  loadMembership,
  notEnrolled,
  scopeOf,
  tell,
  unknownEnterprise
};
//# sourceMappingURL=deps.js.map
