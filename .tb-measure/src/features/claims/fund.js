import { reviewableBuildings } from "../../lib/access.js";
import { CLAIM_STATUSES } from "./claims-repository.js";
import * as fundRepo from "./fund-repository.js";
function fundUseCases({ db, clock }) {
  return {
    /** Shares sold, income, claims by status, monthly amounts and a reconciliation per plan year. */
    fund(staff) {
      const scope = reviewableBuildings(staff);
      const income = scope === null ? fundRepo.incomeFigures(db) : fundRepo.incomeByYear(db, scope);
      const claimRows = scope === null ? fundRepo.claimFigures(db) : fundRepo.claimsByYearStatus(db, scope);
      const paid = fundRepo.paidTwoWays(db, scope);
      const batchesMatch = paid.batchesFen === paid.claimsFen;
      const years = [.../* @__PURE__ */ new Set([...income.map((i) => i.planYear), ...claimRows.map((c) => c.planYear)])].sort();
      const byStatus = Object.fromEntries(CLAIM_STATUSES.map((s) => [s, { count: 0, amountFen: 0 }]));
      for (const r of claimRows) {
        byStatus[r.status].count += r.n;
        byStatus[r.status].amountFen += r.amountFen;
      }
      const reconciliation = years.map((year) => {
        const inc = income.find((i) => i.planYear === year);
        const sum = (status) => claimRows.filter((c) => c.planYear === year && c.status === status).reduce((a, c) => a + c.amountFen, 0);
        const incomeFen = inc?.incomeFen ?? 0;
        const payoutsFen = sum("paid");
        const approvedUnpaidFen = sum("approved");
        const awaitingFen = sum("awaiting_second_approval");
        const liabilitiesFen = approvedUnpaidFen + awaitingFen;
        const balanceFen = incomeFen - payoutsFen - liabilitiesFen;
        return {
          planYear: year,
          shares: inc?.shares ?? 0,
          purchases: inc?.purchases ?? 0,
          incomeFen,
          payoutsFen,
          approvedUnpaidFen,
          awaitingFen,
          liabilitiesFen,
          balanceFen,
          submittedEstimateFen: sum("submitted") + sum("needs_documents"),
          addsUp: payoutsFen + liabilitiesFen + balanceFen === incomeFen && batchesMatch,
          // Balanced only when the figures add up (paid claims = paid batches) and nothing is owed beyond income.
          state: !batchesMatch ? "mismatch" : balanceFen < 0 ? "deficit" : "balanced",
          deficitFen: balanceFen < 0 ? -balanceFen : 0
        };
      });
      const today = clock.today();
      const months = [];
      let y = Number(today.slice(0, 4));
      let m = Number(today.slice(5, 7));
      for (let i = 0; i < 12; i++) {
        months.unshift(`${y}-${String(m).padStart(2, "0")}`);
        m--;
        if (m === 0) {
          m = 12;
          y--;
        }
      }
      const per = fundRepo.amountsPerMonth(db, scope, months[0]);
      const monthly = months.map((month) => ({
        month,
        approvedFen: per.approved.find((a) => a.month === month)?.amountFen ?? 0,
        paidFen: per.paid.find((p) => p.month === month)?.amountFen ?? 0
      }));
      return {
        sharesSold: income.reduce((a, i) => a + i.shares, 0),
        incomeFen: income.reduce((a, i) => a + i.incomeFen, 0),
        claimsByStatus: byStatus,
        monthly,
        reconciliation,
        paidByBatchesFen: paid.batchesFen,
        paidByClaimsFen: paid.claimsFen
      };
    }
  };
}
export {
  fundUseCases
};
//# sourceMappingURL=fund.js.map
