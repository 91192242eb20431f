import { canActForBuilding } from "../../lib/access.js";
import { forbidden, notFound, stateChanged } from "../../lib/errors.js";
import { claimTransition, mayTake } from "../../domain/claim-lifecycle.js";
import * as repo from "./claims-repository.js";
const canSee = (actor, c) => actor.id === c.claim.userId || canActForBuilding(actor, c.buildingId);
function loadVisible(tx, actor, id) {
  const c = repo.findClaimWithMember(tx, id);
  if (c === void 0 || !canSee(actor, c)) throw notFound();
  return c;
}
function loadForReview(tx, actor, id) {
  const c = loadVisible(tx, actor, id);
  if (c.claim.userId === actor.id) throw forbidden("claims.error.ownClaim");
  if (!canActForBuilding(actor, c.buildingId)) throw forbidden();
  return c;
}
function partyFacts(actor, c) {
  return { isClaimant: actor.id === c.claim.userId, mayReviewBuilding: canActForBuilding(actor, c.buildingId), isFirstApprover: c.claim.firstApprovedBy === actor.id };
}
function nextState(actor, c, action, forbiddenKey = "error.forbidden") {
  if (!mayTake(action, partyFacts(actor, c))) throw forbidden(forbiddenKey);
  const to = claimTransition(action, c.claim.status);
  if (to === null) throw stateChanged();
  return to;
}
export {
  canSee,
  loadForReview,
  loadVisible,
  nextState,
  partyFacts
};
//# sourceMappingURL=claim-access.js.map
