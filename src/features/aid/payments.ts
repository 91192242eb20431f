// Confirming payments: by staff of the member's building (never the member or whoever ordered)
// or by the payment provider's signed notice; cover is computed and stored once, the member told.
import type { PendingSms } from '../notifications/notifier.js'
import type { DbOrTx } from '../../db/index.js'
import { type Actor, canActForBuilding, requireActor } from '../../lib/access.js'
import { badRequest, conflict, fieldError, forbidden, isUniqueViolation, notFound, ruleRefused, stateChanged } from '../../lib/errors.js'
import { writeAudit } from '../audit/audit-repository.js'
import { getPlan } from './plans-repository.js'
import * as repo from './purchases-repository.js'
import type { AidDeps } from './deps.js'
import { coverFor, tellMember } from './deps.js'
import type { PaidAnswer, PaymentInput, WebhookInput } from './aid-service.js'
import { ORDER_TRANSITIONS, transition } from '../../domain/lifecycles.js'

export function paymentUseCases ({ db, clock, notifier }: AidDeps) {
  const tellPaid = (tx: DbOrTx, p: repo.PurchaseRow, coverFrom: string, coverTo: string, at: string): PendingSms[] =>
    tellMember(notifier, tx, at, p, { kind: 'purchase.paid', params: { year: p.planYear, coverFrom, coverTo } })

  /**
   * The checks and the change shared by staff confirmation and the webhook. `groupReceipt`: one
   * company transfer paying every order of a group order, whose receipt the caller has checked
   * is not used outside the group. `sms`: where the member's text message is queued, to be sent
   * after the commit.
   */
  function applyPayment (
    tx: DbOrTx, p: repo.PurchaseRow, input: PaymentInput, via: 'staff' | 'webhook', by: number | null,
    opts: { groupReceipt?: boolean, sms?: PendingSms[] } = {}
  ): PaidAnswer {
    const { groupReceipt = false, sms = [] } = opts
    const today = clock.today()
    if (input.paidOn < p.orderedOn) throw badRequest({ paidOn: fieldError('aid.v.paidOnBeforeOrder', { date: p.orderedOn }) })
    if (input.paidOn > today) throw badRequest({ paidOn: 'v.dateFuture' })
    if (transition(ORDER_TRANSITIONS, 'confirmPayment', p.status) === null) throw stateChanged()
    if (!groupReceipt && repo.receiptTaken(tx, p.planYear, input.receiptNo)) throw conflict('RECEIPT_TAKEN', 'aid.err.receiptTaken', { receiptNo: 'aid.err.receiptTaken' })
    // The plan's terms at confirmation decide the waiting period; cover is stored and never moves.
    const plan = getPlan(tx, p.planYear)!
    const { window, renewal } = coverFor(tx, p.membershipId, plan, input.paidOn)
    if (window === null) throw ruleRefused('NO_COVER_LEFT', 'aid.err.noCoverLeft')
    const at = clock.iso()
    let changes: number
    try {
      changes = repo.markPaid(tx, p.id, { receiptNo: input.receiptNo, paidOn: input.paidOn, via, by, firstTime: !renewal, coverFrom: window.coverFrom, coverTo: window.coverTo, at })
    } catch (err) {
      // The receipt number's partial unique index refused a second use (a race the check lost).
      if (isUniqueViolation(err, 'receipt_no')) throw conflict('RECEIPT_TAKEN', 'aid.err.receiptTaken', { receiptNo: 'aid.err.receiptTaken' })
      throw err
    }
    if (changes === 0) throw stateChanged()
    writeAudit(tx, at, {
      actorUserId: by,
      action: via === 'staff' ? 'aid_purchase.confirm' : 'aid_purchase.webhook',
      entityType: 'aid_purchase',
      entityId: p.id,
      before: { status: p.status },
      after: { status: 'paid', receiptNo: input.receiptNo, paidOn: input.paidOn, firstTime: !renewal, waitingDays: plan.waitingDays, coverFrom: window.coverFrom, coverTo: window.coverTo }
    })
    sms.push(...tellPaid(tx, p, window.coverFrom, window.coverTo, at))
    return { status: 'paid', coverFrom: window.coverFrom, coverTo: window.coverTo }
  }

  /** Staff of the member's current building, or admin; nobody confirms their own payment. */
  /** Staff of the member's current building, or admin, and never the member or whoever ordered. */
  function mayConfirm (tx: DbOrTx, a: Actor, purchaseId: number) {
    const p = repo.findPurchase(tx, purchaseId)
    if (p === undefined) throw notFound()
    const m = repo.membershipFacts(tx, p.membershipId)!
    if (!canActForBuilding(a, m.buildingId)) throw forbidden()
    if (m.userId === a.id || p.orderedBy === a.id) throw forbidden('aid.err.ownPayment')
    return p
  }

  /** Lets a door refuse someone who may not confirm before it reads their input. */
  function checkMayConfirm (actor: Actor | null, purchaseId: number): void {
    mayConfirm(db, requireActor(actor), purchaseId)
  }

  function confirmPayment (actor: Actor | null, purchaseId: number, input: PaymentInput): PaidAnswer {
    const a = requireActor(actor)
    const sms: PendingSms[] = []
    const answer = db.transaction((tx) => applyPayment(tx, mayConfirm(tx, a, purchaseId), input, 'staff', a.id, { sms }))
    notifier?.send(sms)
    return answer
  }

  /** A signed notice from the payment provider. The same notice again changes nothing. */
  function webhookPayment (input: WebhookInput): PaidAnswer & { replayed: boolean } {
    const sms: PendingSms[] = []
    const answer = db.transaction((tx) => {
      const p = repo.findPurchase(tx, input.purchaseId)
      if (p === undefined) throw notFound()
      // A notice for another sum than the order's pays nothing, whatever its signature.
      if (input.amountFen !== p.amountFen) throw ruleRefused('AMOUNT_MISMATCH', 'aid.err.amountMismatch', { amount: input.amountFen, expected: p.amountFen })
      if (p.status === 'paid' && p.receiptNo === input.receiptNo && p.paidOn === input.paidOn) {
        return { status: 'paid' as const, coverFrom: p.coverFrom!, coverTo: p.coverTo!, replayed: true }
      }
      return { ...applyPayment(tx, p, input, 'webhook', null, { sms }), replayed: false }
    })
    notifier?.send(sms)
    return answer
  }

  /** Sends the text messages queued by applyPayment, after its transaction has committed. */
  const sendNotices = (sms: PendingSms[]): void => { notifier?.send(sms) }

  return { applyPayment, sendNotices, checkMayConfirm, confirmPayment, webhookPayment }
}
