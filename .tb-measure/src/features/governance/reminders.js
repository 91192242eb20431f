import { reviewableBuildings } from "../../lib/access.js";
import { contractStatusOn, effectiveOn, filingDueOn, termEndsOn } from "../../domain/collective-contract.js";
import * as congressRepo from "./congress-repository.js";
import * as repo from "./contracts-repository.js";
function reminderUseCases({ db, clock }) {
  return {
    forHome(actor) {
      const today = clock.today();
      const sessions = congressRepo.upcomingSessionsOfUser(db, actor.id, today);
      if (!actor.isStaff && !actor.isAdmin) return sessions.length === 0 ? null : { sessions, staff: null };
      const r = repo.remindersFor(db, reviewableBuildings(actor));
      const toFile = r.signed.map((c) => ({ ...c, dueOn: filingDueOn(c.signedOn), late: today > filingDueOn(c.signedOn) }));
      const expiring = r.filed.filter((c) => contractStatusOn({ ...c, stage: "filed" }, today) === "expiring").map((c) => ({ id: c.id, title: c.title, endsOn: termEndsOn(effectiveOn(c.filedOn, c.approvedOn), c.termYears) }));
      const proposals = r.proposals.map((p) => ({ ...p, overdue: today > p.answerDueOn }));
      const any = sessions.length + toFile.length + expiring.length + proposals.length > 0;
      return any ? { sessions, staff: { toFile, expiring, proposals } } : null;
    }
  };
}
export {
  reminderUseCases
};
//# sourceMappingURL=reminders.js.map
