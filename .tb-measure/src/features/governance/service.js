import { congressUseCases } from "./congresses.js";
import { sessionUseCases } from "./sessions.js";
import { motionUseCases } from "./motions.js";
import { contractUseCases } from "./contracts.js";
import { bargainingUseCases } from "./bargaining.js";
import { disclosureUseCases } from "./disclosures.js";
import { charterUseCases } from "./charter.js";
import { reminderUseCases } from "./reminders.js";
function createGovernanceService(deps) {
  const contracts = contractUseCases(deps);
  return {
    deps,
    congresses: congressUseCases(deps),
    sessions: sessionUseCases(deps),
    // A passed collective-contract motion adopts its draft, in the transaction that closes it.
    motions: motionUseCases(deps, {
      checkContract: (buildingId, contractId) => {
        contracts.assertDraftOf(buildingId, contractId);
      },
      onPassed: (tx, m, actor, at) => {
        if (m.kind === "collective_contract" && m.contractId !== null) contracts.adoptByMotion(tx, m.contractId, m.id, actor.id, at);
      }
    }),
    contracts,
    bargaining: bargainingUseCases(deps),
    disclosures: disclosureUseCases(deps),
    charter: charterUseCases(deps),
    reminders: reminderUseCases(deps)
  };
}
export {
  createGovernanceService
};
//# sourceMappingURL=service.js.map
