// Payment batches, second release: the bank file's rows, returned transfers and the payout
// accounts frozen onto claims. The only place with these queries.
import { sql } from 'drizzle-orm'
import type { DbOrTx } from '../../db/index.js'
import type { ClaimState } from '../../domain/claim-lifecycle.js'

export interface BankFileRow {
  id: number
  userId: number
  status: string
  payableFen: number
  memberName: string
  payoutBankName: string | null
  payoutAccountNo: string | null
  payoutAccountName: string | null
  buildingId: number
}

/** A batch's claims with the accounts frozen onto them (the number still encrypted). */
export function bankFileRows (db: DbOrTx, batchId: number): BankFileRow[] {
  return db.all<BankFileRow>(sql`
    select c.id, c.user_id as userId, c.status, c.payable_fen as payableFen, m.name as memberName, c.payout_bank_name as payoutBankName,
      c.payout_account_no as payoutAccountNo, c.payout_account_name as payoutAccountName, c.building_id as buildingId
    from aid_claims c join memberships m on m.id = c.membership_id
    where c.payment_batch_id = ${batchId} order by c.id`)
}

/**
 * Claims approved before payout accounts existed carry none: they take the member's account on
 * file when they join a batch. Returns how many of these claims now carry an account.
 */
export function freezeMissingAccounts (db: DbOrTx, claimIds: number[]): void {
  if (claimIds.length === 0) return
  db.run(sql`update aid_claims set payout_bank_name = pa.bank_name, payout_account_no = pa.account_no,
      payout_account_last4 = pa.account_last4, payout_account_name = pa.account_name
    from payout_accounts pa
    where pa.user_id = aid_claims.user_id and aid_claims.payout_account_no is null
      and aid_claims.id in (${sql.join(claimIds.map((id) => sql`${id}`), sql`, `)})`)
}

export function claimsWithoutAccount (db: DbOrTx, claimIds: number[]): number[] {
  if (claimIds.length === 0) return []
  return db.all<{ id: number }>(sql`select id from aid_claims
    where payout_account_no is null and id in (${sql.join(claimIds.map((id) => sql`${id}`), sql`, `)})`).map((r) => r.id)
}

/**
 * A transfer the bank returned: the claim leaves the batch and is approved again (ready for a
 * later batch); guarded on the batch and status it had. True when it moved.
 */
export function returnTransfer (db: DbOrTx, claimId: number, batchId: number, at: string): boolean {
  return db.run(sql`update aid_claims set status = 'approved', payment_batch_id = null, paid_at = null, updated_at = ${at}
    where id = ${claimId} and payment_batch_id = ${batchId} and status in ('approved', 'paid')`).changes === 1
}

/** The batch's totals less one claim. */
export function takeFromBatch (db: DbOrTx, batchId: number, amountFen: number): void {
  db.run(sql`update aid_payment_batches set total_fen = total_fen - ${amountFen}, claim_count = claim_count - 1 where id = ${batchId}`)
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
  const scope = buildingIds === null
    ? sql`1 = 1`
    : buildingIds.length === 0 ? sql`0 = 1` : sql`c.building_id in (${sql.join(buildingIds.map((b) => sql`${b}`), sql`, `)})`
  const row = db.get<{ batchesFen: number | null, claimsFen: number | null }>(sql`
    select (select sum(pb.total_fen) from aid_payment_batches pb where pb.status = 'paid'
        and not exists (select 1 from aid_claims c where c.payment_batch_id = pb.id and not (${scope}))) as batchesFen,
      (select sum(c.payable_fen) from aid_claims c join aid_payment_batches pb on pb.id = c.payment_batch_id
        where c.status = 'paid' and pb.status = 'paid' and ${scope}) as claimsFen`)
  return { batchesFen: row?.batchesFen ?? 0, claimsFen: row?.claimsFen ?? 0 }
}
