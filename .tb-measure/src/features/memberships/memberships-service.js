import { applyUseCases } from "./apply.js";
import { decisionUseCases } from "./decisions.js";
import { transferUseCases } from "./transfers.js";
import { membershipViewUseCases } from "./membership-view.js";
import { rosterUseCases } from "./rosters.js";
const MEMBER_NO_COUNTER = "membership_no";
function createMembershipsService(db, clock, pii, notifier) {
  const deps = { db, clock, pii, notifier };
  return {
    ...applyUseCases(deps),
    ...decisionUseCases(deps),
    ...transferUseCases(deps),
    ...membershipViewUseCases(deps),
    ...rosterUseCases(deps)
  };
}
export {
  MEMBER_NO_COUNTER,
  createMembershipsService
};
//# sourceMappingURL=memberships-service.js.map
