// The fund overview's figures: income and claims per plan year, amounts per month, and what was
// paid counted two ways. Every building's figures come from the tables triggers keep (migration
// 0006); a staff member's buildings are aggregated from their claims.
import { sql } from 'drizzle-orm'
import type { DbOrTx } from '../../db/index.js'
import type { ClaimState } from '../../domain/claim-lifecycle.js'
import { inBuildings, inList, type ClaimStatus } from './claims-repository.js'

/** Shares sold and income (paid purchases) per plan year. */
export function incomeByYear (db: DbOrTx, buildingIds: number[] | null) {
  const from = buildingIds === null
    ? sql`aid_purchases p`
    : sql`enterprises e cross join memberships m on m.enterprise_id = e.id cross join aid_purchases p on p.membership_id = m.id`
  const scope = buildingIds === null ? sql`1 = 1` : buildingIds.length === 0 ? sql`0 = 1` : sql`e.building_id in (${inList(buildingIds)})`
  return db.all<{ planYear: number, shares: number, purchases: number, incomeFen: number }>(sql`
    select p.plan_year as planYear, sum(p.shares) as shares, count(*) as purchases, sum(p.amount_fen) as incomeFen
    from ${from} where p.status = 'paid' and ${scope}
    group by p.plan_year order by p.plan_year`)
}

/** Claims per plan year and status: how many and how much (payable, or the estimate while open).
 *  For every building the index claims_year_status_amount answers alone: keep the amount
 *  expression exactly as it is there. */
export function claimsByYearStatus (db: DbOrTx, buildingIds: number[] | null) {
  return db.all<{ planYear: number, status: ClaimStatus, n: number, amountFen: number }>(sql`
    select c.plan_year as planYear, c.status as status, count(*) as n,
      coalesce(sum(coalesce(c.payable_fen, json_extract(c.estimate, '$.payableFen'))), 0) as amountFen
    from aid_claims c where ${inBuildings(buildingIds)}
    group by c.plan_year, c.status order by c.plan_year`)
}

/** Amounts approved (by approval month) and paid (by payment month), months in Shanghai time. */
export function amountsPerMonth (db: DbOrTx, buildingIds: number[] | null, fromMonth: string) {
  // Instants from the first day of that month in Shanghai: a plain range on the ISO strings.
  const fromIso = new Date(`${fromMonth}-01T00:00:00+08:00`).toISOString()
  const scope = inBuildings(buildingIds)
  const approved = db.all<{ month: string, amountFen: number }>(sql`
    select strftime('%Y-%m', c.approved_at, '+8 hours') as month, sum(c.payable_fen) as amountFen
    from aid_claims c where c.status in ('approved', 'paid') and c.approved_at >= ${fromIso} and ${scope}
    group by month`)
  const paid = db.all<{ month: string, amountFen: number }>(sql`
    select strftime('%Y-%m', c.paid_at, '+8 hours') as month, sum(c.payable_fen) as amountFen
    from aid_claims c where c.status = 'paid' and c.paid_at >= ${fromIso} and ${scope}
    group by month`)
  return { approved, paid }
}

// ---- the fund figures kept by triggers (migration 0006) ----

/** Income per plan year for every building: from fund_income_figures, a few rows. */
export function incomeFigures (db: DbOrTx) {
  return db.all<{ planYear: number, shares: number, purchases: number, incomeFen: number }>(sql`
    select plan_year as planYear, shares, purchases, income_fen as incomeFen from fund_income_figures where purchases > 0 order by plan_year`)
}

/** Claims per plan year and status for every building: from fund_claim_figures. */
export function claimFigures (db: DbOrTx) {
  return db.all<{ planYear: number, status: ClaimState, n: number, amountFen: number }>(sql`
    select plan_year as planYear, status, n, amount_fen as amountFen from fund_claim_figures where n > 0 order by plan_year`)
}

/** What paid batches say was paid, and what their paid claims say (these buildings; null: all). */
export function paidTwoWays (db: DbOrTx, buildingIds: number[] | null): { batchesFen: number, claimsFen: number } {
  const scope = inBuildings(buildingIds)
  const row = db.get<{ batchesFen: number | null, claimsFen: number | null }>(sql`
    select (select sum(pb.total_fen) from aid_payment_batches pb where pb.status = 'paid'
        and not exists (select 1 from aid_claims c where c.payment_batch_id = pb.id and not (${scope}))) as batchesFen,
      (select sum(c.payable_fen) from aid_claims c join aid_payment_batches pb on pb.id = c.payment_batch_id
        where c.status = 'paid' and pb.status = 'paid' and ${scope}) as claimsFen`)
  return { batchesFen: row?.batchesFen ?? 0, claimsFen: row?.claimsFen ?? 0 }
}
