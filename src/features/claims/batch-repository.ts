// Payment batches: the claims ready to pay, making a batch and moving it on, the bank file's
// rows, returned transfers and the payout accounts frozen onto claims. The only place with
// these queries.
import { and, eq, inArray, sql } from 'drizzle-orm'
import type { DbOrTx } from '../../db/index.js'
import { aidClaims, aidPaymentBatches } from '../../db/schema/index.js'
import { inBuildings, inList, type ClaimStatus } from './claims-repository.js'

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

// ---- making batches ----

export type BatchRow = typeof aidPaymentBatches.$inferSelect

/** Approved claims not yet in a batch, in scope, not the actor's own, oldest approval first. */
export function payableClaims (db: DbOrTx, buildingIds: number[] | null, exceptUserId: number, onlyIds?: number[], limit = 500) {
  const ids = onlyIds === undefined ? sql`1 = 1` : sql`c.id in (${inList(onlyIds.length === 0 ? [-1] : onlyIds)})`
  return db.all<{ id: number, payableFen: number, memberName: string, memberNo: string | null, buildingName: string, approvedAt: string }>(sql`
    select c.id, c.payable_fen as payableFen, m.name as memberName, m.member_no as memberNo, b.name as buildingName, c.approved_at as approvedAt
    from aid_claims c join memberships m on m.id = c.membership_id join buildings b on b.id = c.building_id
    where c.status = 'approved' and c.payment_batch_id is null and c.user_id <> ${exceptUserId}
      and ${inBuildings(buildingIds)} and ${ids}
    order by c.approved_at, c.id limit ${limit}`)
}

export function insertBatch (db: DbOrTx, v: typeof aidPaymentBatches.$inferInsert): BatchRow {
  return db.insert(aidPaymentBatches).values(v).returning().get()
}

export function findBatch (db: DbOrTx, id: number): BatchRow | undefined {
  return db.select().from(aidPaymentBatches).where(eq(aidPaymentBatches.id, id)).get()
}

export function batchClaims (db: DbOrTx, batchId: number) {
  return db.all<{ id: number, userId: number, status: ClaimStatus, payableFen: number, memberName: string, memberNo: string | null, buildingId: number, buildingName: string }>(sql`
    select c.id, c.user_id as userId, c.status, c.payable_fen as payableFen, m.name as memberName, m.member_no as memberNo,
      c.building_id as buildingId, b.name as buildingName
    from aid_claims c join memberships m on m.id = c.membership_id join buildings b on b.id = c.building_id
    where c.payment_batch_id = ${batchId} order by c.id`)
}

/** Batches whose every claim lies in these buildings (null: all), newest first. */
export function listBatches (db: DbOrTx, buildingIds: number[] | null, limit = 100): BatchRow[] {
  const outside = buildingIds === null
    ? sql`0 = 1`
    : sql`exists (select 1 from aid_claims c where c.payment_batch_id = pb.id and not (${inBuildings(buildingIds)}))`
  return db.all<BatchRow>(sql`select pb.id, pb.status, pb.created_by as createdBy, pb.created_at as createdAt,
      pb.exported_at as exportedAt, pb.bank_reference as bankReference, pb.paid_at as paidAt, pb.paid_by as paidBy,
      pb.total_fen as totalFen, pb.claim_count as claimCount
    from aid_payment_batches pb where not ${outside} order by pb.id desc limit ${limit}`)
}

export function attachToBatch (db: DbOrTx, batchId: number, claimIds: number[]): number {
  return db.update(aidClaims).set({ paymentBatchId: batchId })
    .where(and(inArray(aidClaims.id, claimIds), eq(aidClaims.status, 'approved'), sql`${aidClaims.paymentBatchId} is null`)).run().changes
}

export function moveBatch (db: DbOrTx, id: number, from: BatchRow['status'][], patch: Partial<typeof aidPaymentBatches.$inferInsert>): boolean {
  return db.update(aidPaymentBatches).set(patch).where(and(eq(aidPaymentBatches.id, id), inArray(aidPaymentBatches.status, from))).run().changes === 1
}
