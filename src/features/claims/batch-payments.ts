// Paying a batch: the bank file (a read: downloading it changes nothing), handing it to the bank
// (a POST: open → exported), marking it paid by a second person (never the batch's maker), and a
// transfer the bank returned (the claim is approved again and can join a later batch). The
// lifecycle and who may take each step come from src/domain/claim-lifecycle.ts.
import type { Db } from '../../db/index.js'
import type { Clock } from '../../lib/clock.js'
import type { Pii } from '../../lib/pii.js'
import { type Actor, canActForBuilding, requireStaffOrAdmin } from '../../lib/access.js'
import { AppError, forbidden, notFound, stateChanged } from '../../lib/errors.js'
import { batchTransition, mayTake, mayTakeBatch, type BatchState } from '../../domain/claim-lifecycle.js'
import { fenToYuanString } from '../../domain/money.js'
import { writeAudit } from '../audit/audit-repository.js'
import type { Notifier, PendingSms } from '../notifications/notifier.js'
import * as repo from './claims-repository.js'
import * as batches from './batch-repository.js'

/**
 * The bank file's columns, after the common 批量代发 (bulk payment) template of Chinese banks:
 * serial number, payee account number, payee name, amount in yuan (two decimals), payee bank,
 * purpose, remark (our claim number, so a returned transfer is traced back).
 */
export const BANK_FILE_HEADER = ['序号', '收款账号', '收款户名', '金额（元）', '收款银行', '用途', '备注（报销单号）'] as const
export const BANK_FILE_PURPOSE = '医疗互助金'

export interface BankFile {
  batch: batches.BatchRow
  /** [serial, account number, payee, amount yuan, bank, purpose, reference]: every cell text. */
  rows: string[][]
}

export function createBatchPayments ({ db, clock, pii, notifier }: { db: Db, clock: Clock, pii: Pii, notifier: Notifier }) {
  /** A batch whose every claim the actor may act for (403 otherwise; 404 when there is none). */
  function load (actorIn: Actor | null, id: number) {
    const actor = requireStaffOrAdmin(actorIn)
    const batch = batches.findBatch(db, id)
    if (batch === undefined) throw notFound()
    const claims = batches.bankFileRows(db, id)
    if (claims.some((c) => !canActForBuilding(actor, c.buildingId))) throw forbidden()
    return { actor, batch, claims }
  }

  function move (actor: Actor, batch: batches.BatchRow, action: 'markExported' | 'markPaid'): BatchState {
    const to = batchTransition(action, batch.status)
    if (to === null) throw stateChanged()
    return to
  }

  return {
    /** Lets a door refuse someone who may not act on this batch before it reads their input. */
    check (actorIn: Actor | null, id: number): void { load(actorIn, id) },

    /** The bank file: full account numbers, so only reviewers of every claim in it; audited. */
    bankFile (actorIn: Actor | null, id: number): BankFile {
      const { actor, batch, claims } = load(actorIn, id)
      const rows = claims.map((c, i) => [
        String(i + 1),
        c.payoutAccountNo === null ? '' : pii.decrypt(c.payoutAccountNo),
        c.payoutAccountName ?? c.memberName,
        fenToYuanString(c.payableFen),
        c.payoutBankName ?? '',
        BANK_FILE_PURPOSE,
        `BX${String(c.id).padStart(8, '0')}`
      ])
      // A read: the batch stays as it is; reading account numbers is recorded.
      const at = clock.iso()
      db.transaction((tx) => writeAudit(tx, at, { actorUserId: actor.id, action: 'batch.bankfile', entityType: 'aid_payment_batch', entityId: id, after: { rows: rows.length } }))
      return { batch, rows }
    },

    /** The file was handed to the bank: open → exported (again: 409). */
    markExported (actorIn: Actor | null, id: number) {
      const { actor, batch } = load(actorIn, id)
      if (!mayTakeBatch('markExported', { mayReviewAll: true, isBatchMaker: batch.createdBy === actor.id })) throw forbidden()
      const to = move(actor, batch, 'markExported')
      const at = clock.iso()
      return db.transaction((tx) => {
        if (!batches.moveBatch(tx, id, [batch.status], { status: to, exportedAt: at })) throw stateChanged()
        writeAudit(tx, at, { actorUserId: actor.id, action: 'batch.export', entityType: 'aid_payment_batch', entityId: id, before: { status: batch.status }, after: { status: to } })
        return { id, status: to }
      })
    },

    /** The bank paid: every claim in the batch becomes paid. Never by the batch's maker (403). */
    markPaid (actorIn: Actor | null, id: number, bankReference: string) {
      const { actor, batch, claims } = load(actorIn, id)
      if (!mayTakeBatch('markPaid', { mayReviewAll: true, isBatchMaker: batch.createdBy === actor.id })) {
        throw new AppError(403, 'SECOND_PERSON_REQUIRED', 'payout.error.makerCannotPay')
      }
      for (const c of claims) {
        if (!mayTake('pay', { isClaimant: c.userId === actor.id, mayReviewBuilding: true, isBatchMaker: false })) throw forbidden('claims.error.ownClaim')
      }
      const to = move(actor, batch, 'markPaid')
      const at = clock.iso()
      return notifier.afterCommit(db.transaction((tx) => {
        if (!batches.moveBatch(tx, id, [batch.status], { status: to, bankReference, paidAt: at, paidBy: actor.id })) throw stateChanged()
        const sms: PendingSms[] = []
        for (const c of claims) {
          if (!repo.moveClaim(tx, c.id, ['approved'], { status: 'paid', paidAt: at, updatedAt: at })) throw stateChanged()
          writeAudit(tx, at, { actorUserId: actor.id, action: 'claim.pay', entityType: 'aid_claim', entityId: c.id, before: { status: 'approved' }, after: { status: 'paid', paymentBatchId: id, bankReference } })
          sms.push(...notifier.notify(tx, at, { userId: c.userId, kind: 'claim.paid', params: { id: c.id, amount: fenToYuanString(c.payableFen) }, subject: `aid_claim:${c.id}` }))
        }
        writeAudit(tx, at, { actorUserId: actor.id, action: 'batch.paid', entityType: 'aid_payment_batch', entityId: id, before: { status: batch.status }, after: { status: 'paid', bankReference, totalFen: batch.totalFen } })
        return { answer: { id, status: 'paid' as const, claimCount: claims.length, totalFen: batch.totalFen, bankReference }, sms }
      }))
    },

    /** The bank returned one transfer: the claim is approved again, out of the batch, with the reason in its history. */
    itemFailed (actorIn: Actor | null, id: number, claimId: number, reason: string) {
      const { actor, claims } = load(actorIn, id)
      const c = claims.find((x) => x.id === claimId)
      if (c === undefined) throw notFound()
      if (!mayTake('transferReturned', { isClaimant: c.userId === actor.id, mayReviewBuilding: true })) throw forbidden('claims.error.ownClaim')
      const at = clock.iso()
      return notifier.afterCommit(db.transaction((tx) => {
        if (!batches.returnTransfer(tx, claimId, id, at)) throw stateChanged()
        batches.takeFromBatch(tx, id, c.payableFen)
        writeAudit(tx, at, {
          actorUserId: actor.id, action: 'claim.transfer_returned', entityType: 'aid_claim', entityId: claimId,
          before: { status: c.status, paymentBatchId: id }, after: { status: 'approved', paymentBatchId: null }, note: reason
        })
        writeAudit(tx, at, { actorUserId: actor.id, action: 'batch.item_failed', entityType: 'aid_payment_batch', entityId: id, after: { claimId, amountFen: c.payableFen }, note: reason })
        const sms = notifier.notify(tx, at, { userId: c.userId, kind: 'claim.transfer_returned', params: { id: claimId, reason }, subject: `aid_claim:${claimId}` })
        const batch = batches.findBatch(tx, id)!
        return { answer: { id, claimId, status: 'approved' as const, batch: { status: batch.status, totalFen: batch.totalFen, claimCount: batch.claimCount } }, sms }
      }))
    }
  }
}

export type BatchPayments = ReturnType<typeof createBatchPayments>
