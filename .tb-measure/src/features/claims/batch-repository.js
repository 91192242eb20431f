import { and, eq, inArray, sql } from "drizzle-orm";
import { aidClaims, aidPaymentBatches } from "../../db/schema/index.js";
import { inBuildings, inList } from "./claims-repository.js";
function bankFileRows(db, batchId) {
  return db.all(sql`
    select c.id, c.user_id as userId, c.status, c.payable_fen as payableFen, m.name as memberName, c.payout_bank_name as payoutBankName,
      c.payout_account_no as payoutAccountNo, c.payout_account_name as payoutAccountName, c.building_id as buildingId
    from aid_claims c join memberships m on m.id = c.membership_id
    where c.payment_batch_id = ${batchId} order by c.id`);
}
function freezeMissingAccounts(db, claimIds) {
  if (claimIds.length === 0) return;
  db.run(sql`update aid_claims set payout_bank_name = pa.bank_name, payout_account_no = pa.account_no,
      payout_account_last4 = pa.account_last4, payout_account_name = pa.account_name
    from payout_accounts pa
    where pa.user_id = aid_claims.user_id and aid_claims.payout_account_no is null
      and aid_claims.id in (${sql.join(claimIds.map((id) => sql`${id}`), sql`, `)})`);
}
function claimsWithoutAccount(db, claimIds) {
  if (claimIds.length === 0) return [];
  return db.all(sql`select id from aid_claims
    where payout_account_no is null and id in (${sql.join(claimIds.map((id) => sql`${id}`), sql`, `)})`).map((r) => r.id);
}
function returnTransfer(db, claimId, batchId, at) {
  return db.run(sql`update aid_claims set status = 'approved', payment_batch_id = null, paid_at = null, updated_at = ${at}
    where id = ${claimId} and payment_batch_id = ${batchId} and status in ('approved', 'paid')`).changes === 1;
}
function takeFromBatch(db, batchId, amountFen) {
  db.run(sql`update aid_payment_batches set total_fen = total_fen - ${amountFen}, claim_count = claim_count - 1 where id = ${batchId}`);
}
function payableClaims(db, buildingIds, exceptUserId, onlyIds, limit = 500) {
  const ids = onlyIds === void 0 ? sql`1 = 1` : sql`c.id in (${inList(onlyIds.length === 0 ? [-1] : onlyIds)})`;
  return db.all(sql`
    select c.id, c.payable_fen as payableFen, m.name as memberName, m.member_no as memberNo, b.name as buildingName, c.approved_at as approvedAt
    from aid_claims c join memberships m on m.id = c.membership_id join buildings b on b.id = c.building_id
    where c.status = 'approved' and c.payment_batch_id is null and c.user_id <> ${exceptUserId}
      and ${inBuildings(buildingIds)} and ${ids}
    order by c.approved_at, c.id limit ${limit}`);
}
function insertBatch(db, v) {
  return db.insert(aidPaymentBatches).values(v).returning().get();
}
function findBatch(db, id) {
  return db.select().from(aidPaymentBatches).where(eq(aidPaymentBatches.id, id)).get();
}
function batchClaims(db, batchId) {
  return db.all(sql`
    select c.id, c.user_id as userId, c.status, c.payable_fen as payableFen, m.name as memberName, m.member_no as memberNo,
      c.building_id as buildingId, b.name as buildingName
    from aid_claims c join memberships m on m.id = c.membership_id join buildings b on b.id = c.building_id
    where c.payment_batch_id = ${batchId} order by c.id`);
}
function listBatches(db, buildingIds, limit = 100) {
  const outside = buildingIds === null ? sql`0 = 1` : sql`exists (select 1 from aid_claims c where c.payment_batch_id = pb.id and not (${inBuildings(buildingIds)}))`;
  return db.all(sql`select pb.id, pb.status, pb.created_by as createdBy, pb.created_at as createdAt,
      pb.exported_at as exportedAt, pb.bank_reference as bankReference, pb.paid_at as paidAt, pb.paid_by as paidBy,
      pb.total_fen as totalFen, pb.claim_count as claimCount
    from aid_payment_batches pb where not ${outside} order by pb.id desc limit ${limit}`);
}
function attachToBatch(db, batchId, claimIds) {
  return db.update(aidClaims).set({ paymentBatchId: batchId }).where(and(inArray(aidClaims.id, claimIds), eq(aidClaims.status, "approved"), sql`${aidClaims.paymentBatchId} is null`)).run().changes;
}
function moveBatch(db, id, from, patch) {
  return db.update(aidPaymentBatches).set(patch).where(and(eq(aidPaymentBatches.id, id), inArray(aidPaymentBatches.status, from))).run().changes === 1;
}
export {
  attachToBatch,
  bankFileRows,
  batchClaims,
  claimsWithoutAccount,
  findBatch,
  freezeMissingAccounts,
  insertBatch,
  listBatches,
  moveBatch,
  payableClaims,
  returnTransfer,
  takeFromBatch
};
//# sourceMappingURL=batch-repository.js.map
