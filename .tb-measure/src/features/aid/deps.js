import { coverWindow } from "../../domain/cover.js";
import * as repo from "./purchases-repository.js";
function tellMember(notifier, tx, at, p, n) {
  const userId = notifier === void 0 ? void 0 : repo.membershipFacts(tx, p.membershipId)?.userId;
  if (notifier === void 0 || userId === void 0 || userId === null) return [];
  return notifier.notify(tx, at, { ...n, userId, subject: `aid_purchase:${p.id}` });
}
function coverFor(tx, membershipId, plan, paidOn) {
  const renewal = repo.hasPaidShare(tx, membershipId, plan.year - 1);
  return { window: coverWindow(plan.year, paidOn, plan.waitingDays, renewal), renewal };
}
export {
  coverFor,
  tellMember
};
//# sourceMappingURL=deps.js.map
