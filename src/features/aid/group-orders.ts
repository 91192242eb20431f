// Group orders after they are placed: the liaison and the building's staff open them, one
// company transfer (one receipt) pays every unpaid order in one, and each building's
// federation account tells payers where to send the money and what to write in the remark.
import type { Db } from '../../db/index.js'
import type { Clock } from '../../lib/clock.js'
import { type Actor, canActForBuilding, requireActor, requireStaffOrAdmin } from '../../lib/access.js'
import { conflict, forbidden, notFound, stateChanged } from '../../lib/errors.js'
import { paymentReference } from '../../domain/payment-reference.js'
import { writeAudit } from '../audit/audit-repository.js'
import type { AidService, PaymentInput } from './aid-service.js'
import { findPurchase } from './purchases-repository.js'
import * as repo from './group-orders-repository.js'
import type { PendingSms } from '../notifications/notifier.js'

export interface GroupPaidAnswer {
  status: 'paid'
  groupOrderId: number
  receiptNo: string
  paidOn: string
  totalFen: number
  paid: Array<{ id: number, coverFrom: string, coverTo: string }>
}

export interface AccountInput { accountName: string, bankName: string, accountNo: string }

export function createGroupOrders (db: Db, clock: Clock, aid: AidService) {
  /**
   * Its enterprise's liaison (or whoever placed it) and staff of its building see it; anyone
   * else is told it does not exist.
   */
  function load (a: Actor, id: number) {
    const group = repo.findGroupOrder(db, id)
    if (group === undefined) throw notFound()
    const asStaff = canActForBuilding(a, group.buildingId)
    const asLiaison = group.liaisonUserId === a.id || group.orderedBy === a.id
    if (!asStaff && !asLiaison) throw notFound()
    return { group, asStaff, asLiaison }
  }

  /** The group order with its orders, totals, where to pay and the reference to write. */
  function view (actor: Actor | null, id: number) {
    const a = requireActor(actor)
    const { group, asStaff, asLiaison } = load(a, id)
    const orders = repo.ordersOfGroup(db, id)
    const unpaid = orders.filter((o) => o.status === 'pending_payment')
    return {
      group,
      orders,
      totalFen: orders.filter((o) => o.status !== 'cancelled').reduce((s, o) => s + o.amountFen, 0),
      unpaidFen: unpaid.reduce((s, o) => s + o.amountFen, 0),
      unpaidCount: unpaid.length,
      reference: paymentReference({ kind: 'group', id }),
      account: repo.federationAccount(db, group.buildingId),
      mayConfirm: asStaff && !asLiaison && unpaid.length > 0 && !unpaid.some((o) => o.memberUserId === a.id)
    }
  }

  /** Staff of its building or an admin, never its liaison: settled before the body is read. */
  function checkMayConfirm (actor: Actor | null, id: number) {
    const a = requireActor(actor)
    const loaded = load(a, id)
    if (!loaded.asStaff) throw forbidden()
    if (loaded.asLiaison) throw forbidden('aid.err.ownPayment')
    return { a, group: loaded.group }
  }

  /**
   * One receipt pays every unpaid order of the group, in one transaction: any order refused
   * (a receipt dated before it was placed, no cover left, one's own share) refuses them all.
   */
  function confirmPayment (actor: Actor | null, id: number, input: PaymentInput): GroupPaidAnswer {
    const sms: PendingSms[] = []
    const result = db.transaction((tx) => {
      const { a, group } = checkMayConfirm(actor, id)
      const unpaid = repo.ordersOfGroup(tx, id).filter((o) => o.status === 'pending_payment')
      if (unpaid.length === 0) throw stateChanged()
      if (unpaid.some((o) => o.memberUserId === a.id)) throw forbidden('aid.err.ownPayment')
      if (repo.receiptTakenOutsideGroup(tx, group.planYear, input.receiptNo, id)) throw conflict('RECEIPT_TAKEN', 'aid.err.receiptTaken', { receiptNo: 'aid.err.receiptTaken' })
      const answer: GroupPaidAnswer = { status: 'paid', groupOrderId: id, receiptNo: input.receiptNo, paidOn: input.paidOn, totalFen: 0, paid: [] }
      for (const o of unpaid) {
        const paid = aid.applyPayment(tx, findPurchase(tx, o.id)!, input, 'staff', a.id, { groupReceipt: true, sms })
        answer.paid.push({ id: o.id, coverFrom: paid.coverFrom, coverTo: paid.coverTo })
        answer.totalFen += o.amountFen
      }
      writeAudit(tx, clock.iso(), {
        actorUserId: a.id, action: 'aid_group_order.confirm', entityType: 'aid_group_order', entityId: id,
        after: { receiptNo: input.receiptNo, paidOn: input.paidOn, orders: answer.paid.length, totalFen: answer.totalFen }
      })
      return answer
    })
    aid.sendNotices(sms)
    return result
  }

  /** The buildings whose accounts this person keeps (staff: theirs; admin: every one). */
  function accounts (actor: Actor | null) {
    const a = requireStaffOrAdmin(actor)
    return repo.buildingsWithAccounts(db, a.isAdmin ? null : a.staffBuildingIds)
  }

  function saveAccount (actor: Actor | null, buildingId: number, input: AccountInput): void {
    const a = requireStaffOrAdmin(actor)
    if (repo.buildingsWithAccounts(db, [buildingId]).length === 0) throw notFound()
    if (!canActForBuilding(a, buildingId)) throw forbidden()
    db.transaction((tx) => {
      const before = repo.federationAccount(tx, buildingId)
      const at = clock.iso()
      repo.saveFederationAccount(tx, { buildingId, ...input }, a.id, at)
      writeAudit(tx, at, {
        actorUserId: a.id, action: 'aid_account.update', entityType: 'building', entityId: buildingId,
        before: before === undefined ? undefined : { accountName: before.accountName, bankName: before.bankName, accountNo: before.accountNo },
        after: input
      })
    })
  }

  return { view, checkMayConfirm, confirmPayment, accounts, saveAccount }
}

export type GroupOrders = ReturnType<typeof createGroupOrders>
