import { createClaimsService } from "./claims-service.js";
import claimsApi from "./claims-api.js";
import claimsPages from "./claims-pages.js";
import payoutsApi from "./payouts-api.js";
import payoutsPages from "./payouts-pages.js";
import { createReturns } from "./returns.js";
import { createPayoutAccounts } from "./payout-accounts.js";
import { createBatchPayments } from "./batch-payments.js";
import { statusBadge } from "./claims-display.js";
import workCalendarApi, { createWorkCalendar } from "./work-calendar.js";
import workCalendarPages from "./work-calendar-pages.js";
async function claimsFeature(app) {
  const deps = { db: app.db, clock: app.clock, pii: app.pii, uploadDir: app.config.uploadDir, notifier: app.notifier };
  const service = createClaimsService(deps);
  const returns = createReturns(deps);
  const accounts = createPayoutAccounts(deps);
  const batches = createBatchPayments(deps);
  await app.register(claimsApi, { service });
  await app.register(claimsPages, { service, accounts });
  await app.register(payoutsApi, { returns, accounts, batches });
  await app.register(payoutsPages, { service, returns, accounts, batches });
  const calendar = createWorkCalendar(deps);
  await app.register(workCalendarApi, { calendar });
  await app.register(workCalendarPages, { calendar });
  app.homeCards.push({
    order: 35,
    partial: "claims/home-card",
    load: (req) => {
      const actor = req.actor;
      if (actor === null) return null;
      const mine = service.latestOwn(actor, 3);
      const reviewer = actor.isStaff || actor.isAdmin;
      let waiting = 0;
      if (reviewer) {
        const counts = service.reviewCounts(actor);
        waiting = counts.submitted + counts.awaiting_second_approval;
      }
      if (mine.total === 0 && !reviewer) return null;
      return {
        claims: mine.items.map((c) => ({ id: c.id, admissionDate: c.admissionDate, hospital: c.hospital, badge: statusBadge(req, c.status), amountFen: c.payableFen ?? c.estimateFen })),
        total: mine.total,
        reviewer,
        waiting
      };
    }
  });
}
export {
  claimsFeature as default
};
//# sourceMappingURL=index.js.map
