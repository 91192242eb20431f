// The medical-aid fund's use cases: plans, the quote, ordering shares (alone or as a group),
// confirming payments (staff or the signed webhook) and cancelling stale orders. Who may do
// what is checked here with an explicit actor; each change is one transaction with its audit entry.
import type { Notifier, PendingSms } from '../notifications/notifier.js'
import type { Db, DbOrTx } from '../../db/index.js'
import type { Clock } from '../../lib/clock.js'
import { type Actor, canActForBuilding, requireActor, requireAdmin, requireStaffOrAdmin, reviewableBuildings } from '../../lib/access.js'
import { AppError, badRequest, conflict, forbidden, isUniqueViolation, notFound, ruleRefused, stateChanged } from '../../lib/errors.js'
import { hashRequest, withIdempotency, type StoredAnswer } from '../../lib/idempotency.js'
import { writeAudit } from '../audit/audit-repository.js'
import { enrolmentOpen, nextYearPlan, planProblems, type PlanTerms } from '../../domain/aid-plan.js'
import { coverWindow, type CoverWindow } from '../../domain/cover.js'
import { computeReimbursement, quoteShape, type Quote } from '../../domain/reimbursement.js'
import { ensurePlan, getPlan, upsertPlan } from './plans-repository.js'
import * as repo from './purchases-repository.js'

/** Unpaid orders are cancelled this long after they were placed. */
export const STALE_ORDER_DAYS = 30

export interface QuoteInput { totalCostFen: number, insurancePaidFen: number, excludedFen: number, shares?: number, paidThisYearFen?: number }
export interface OrderInput { shares: number, year?: number }
export interface GroupOrderInput { enterpriseId: number, membershipIds: number[], shares: number, year?: number }
export interface PaymentInput { receiptNo: string, paidOn: string }
export interface WebhookInput extends PaymentInput { purchaseId: number, amountFen: number }

export interface OrderAnswer { id: number, status: 'pending_payment', amountFen: number, planYear: number }
export type SkipReason = 'already_ordered' | 'not_active' | 'no_cover_left'
export interface GroupOrderAnswer {
  id: number
  planYear: number
  ordered: Array<{ membershipId: number, purchaseId: number, amountFen: number }>
  skipped: Array<{ membershipId: number, reason: SkipReason }>
  totalFen: number
}
/** Why a plan is or is not offered to a member today. */
export type OfferState = 'ordered' | 'open' | 'not_yet_open' | 'closed' | 'no_cover_left'
export interface PlanOffer { plan: PlanTerms, state: OfferState, order: repo.OrderListRow | undefined, coverPreview: CoverWindow | null, renewal: boolean }
export interface PaidAnswer { status: 'paid', coverFrom: string, coverTo: string }

export function createAidService (db: Db, clock: Clock, notifier?: Notifier) {
  /** The member is told their share is paid (a notice in the transaction, the SMS after it). */
  function tellPaid (tx: DbOrTx, p: repo.PurchaseRow, coverFrom: string, coverTo: string, at: string): PendingSms[] {
    const userId = notifier === undefined ? undefined : repo.membershipFacts(tx, p.membershipId)?.userId
    if (notifier === undefined || userId === undefined || userId === null) return []
    return notifier.notify(tx, at, { userId, kind: 'purchase.paid', params: { year: p.planYear, coverFrom, coverTo }, subject: `aid_purchase:${p.id}` })
  }

  /**
   * The plan of a year. The current year always has one (created from the latest terms when
   * missing); next year's exists by default too, made from this year's terms with enrolment
   * opening on 1 November. Either is created and audited when first asked for.
   */
  function planOf (year: number): PlanTerms | undefined {
    const current = Number(clock.today().slice(0, 4))
    const existing = getPlan(db, year)
    if (existing !== undefined || (year !== current && year !== current + 1)) return existing
    const derive = year === current ? undefined : ((base: PlanTerms) => () => nextYearPlan(base, year))(planOf(current)!)
    return db.transaction((tx) => {
      const { plan, created } = ensurePlan(tx, year, clock.iso(), derive)
      if (created) writeAudit(tx, clock.iso(), { actorUserId: null, action: 'aid_plan.create', entityType: 'aid_plan', entityId: year, after: plan, note: 'automatic' })
      return plan
    }, { behavior: 'immediate' })
  }

  /**
   * This year's plan and next year's. Next year's is stored once it is asked for or its window
   * has opened; before that it is shown as it would be made (so a year's terms are not fixed
   * months before anyone needs them, and changes to this year's carry over).
   */
  function enrolmentPlans (): PlanTerms[] {
    const current = currentPlan()
    const nextYear = current.year + 1
    const next = getPlan(db, nextYear) ?? nextYearPlan(current, nextYear)
    return [current, clock.today() >= next.enrolFrom ? planOf(nextYear)! : next]
  }

  function currentYear (): number { return Number(clock.today().slice(0, 4)) }
  function currentPlan (): PlanTerms { return planOf(currentYear())! }

  function savePlan (actor: Actor | null, terms: PlanTerms): PlanTerms {
    const a = requireAdmin(actor)
    const problems = planProblems(terms)
    if (Object.keys(problems).length > 0) throw badRequest(problems)
    return db.transaction((tx) => {
      const before = getPlan(tx, terms.year)
      const at = clock.iso()
      upsertPlan(tx, terms, a.id, at)
      const after = getPlan(tx, terms.year)!
      writeAudit(tx, at, { actorUserId: a.id, action: before === undefined ? 'aid_plan.create' : 'aid_plan.update', entityType: 'aid_plan', entityId: terms.year, before, after })
      return after
    }, { behavior: 'immediate' })
  }

  function sharesProblem (shares: number, plan: PlanTerms): AppError | null {
    return shares > plan.maxShares ? badRequest({ shares: `aid.v.sharesMax|${JSON.stringify({ max: plan.maxShares })}` }) : null
  }

  function quote (input: QuoteInput): { plan: PlanTerms, quote: Quote } {
    const plan = currentPlan()
    const shares = input.shares ?? 1
    const sp = sharesProblem(shares, plan)
    if (sp !== null) throw sp
    if (input.insurancePaidFen + input.excludedFen > input.totalCostFen) throw ruleRefused('INCONSISTENT_AMOUNTS', 'aid.err.inconsistentAmounts')
    const r = computeReimbursement({ totalCostFen: input.totalCostFen, insurancePaidFen: input.insurancePaidFen, excludedFen: input.excludedFen, shares, paidThisYearFen: input.paidThisYearFen ?? 0 }, plan)
    return { plan, quote: quoteShape(r) }
  }

  /** Cover if the share were paid on `paidOn` (renewal = a paid share in the previous plan year). */
  function coverFor (tx: DbOrTx, membershipId: number, plan: PlanTerms, paidOn: string): { window: CoverWindow | null, renewal: boolean } {
    const renewal = repo.hasPaidShare(tx, membershipId, plan.year - 1)
    return { window: coverWindow(plan.year, paidOn, plan.waitingDays, renewal), renewal }
  }

  const windowOpen = enrolmentOpen
  const enrolmentClosed = (plan: PlanTerms): AppError => ruleRefused('ENROLMENT_CLOSED', 'aid.err.enrolmentClosed', { from: plan.enrolFrom, to: plan.enrolTo })

  function planForOrder (year: number | undefined, shares: number): PlanTerms {
    const plan = planOf(year ?? currentYear())
    if (plan === undefined) throw notFound('aid.err.noPlan')
    const sp = sharesProblem(shares, plan)
    if (sp !== null) throw sp
    return plan
  }

  /** An individual order by an active member. Idempotent by key (the same key answers the first answer). */
  function orderShare (actor: Actor | null, input: OrderInput, key: string): StoredAnswer<OrderAnswer> {
    const a = requireActor(actor)
    if (repo.activeMembershipOfUser(db, a.id) === undefined) throw forbidden('aid.err.notActiveMember')
    const plan = planForOrder(input.year, input.shares)
    const at = clock.iso()
    return withIdempotency(db, a.id, 'aid.purchase', key, hashRequest({ shares: input.shares, year: plan.year }), at, (tx) => {
      const m = repo.activeMembershipOfUser(tx, a.id)
      if (m === undefined) throw forbidden('aid.err.notActiveMember')
      const today = clock.today()
      if (repo.openPurchaseOf(tx, m.id, plan.year) !== undefined) throw conflict('ORDER_EXISTS', 'aid.err.orderExists')
      if (!windowOpen(plan, today)) throw enrolmentClosed(plan)
      if (coverFor(tx, m.id, plan, today).window === null) throw ruleRefused('NO_COVER_LEFT', 'aid.err.noCoverLeft')
      const row = insertOrder(tx, { membershipId: m.id, planYear: plan.year, shares: input.shares, amountFen: plan.shareFeeFen * input.shares, orderedBy: a.id, orderedOn: today, at })
      return { statusCode: 201, body: { id: row.id, status: 'pending_payment', amountFen: row.amountFen, planYear: row.planYear } }
    })
  }

  function insertOrder (tx: DbOrTx, p: repo.NewPurchase): repo.PurchaseRow {
    let row: repo.PurchaseRow
    try {
      row = repo.insertPurchase(tx, p)
    } catch (err) {
      if (isUniqueViolation(err)) throw conflict('ORDER_EXISTS', 'aid.err.orderExists')
      throw err
    }
    writeAudit(tx, p.at, { actorUserId: p.orderedBy, action: 'aid_purchase.order', entityType: 'aid_purchase', entityId: row.id, after: { status: row.status, membershipId: row.membershipId, planYear: row.planYear, shares: row.shares, amountFen: row.amountFen, groupOrderId: row.groupOrderId } })
    return row
  }

  /**
   * A liaison orders for selected active members of their enterprise as one group. Members who
   * cannot be ordered for (already have an order, are no longer active members here, or could
   * not be covered this year) are reported and skipped; the rest are ordered. When nobody can
   * be ordered for, nothing is written (422 NOTHING_TO_ORDER).
   */
  function orderGroup (actor: Actor | null, input: GroupOrderInput, key: string): StoredAnswer<GroupOrderAnswer> {
    const a = requireActor(actor)
    const ent = repo.findEnterprise(db, input.enterpriseId)
    if (ent === undefined) throw notFound()
    if (ent.liaisonUserId !== a.id) throw forbidden('aid.err.notLiaison')
    if (ent.status !== 'enrolled') throw ruleRefused('ENTERPRISE_NOT_ENROLLED', 'aid.err.enterpriseNotEnrolled')
    const plan = planForOrder(input.year, input.shares)
    const ids = [...new Set(input.membershipIds)]
    const at = clock.iso()
    return withIdempotency(db, a.id, 'aid.group-order', key, hashRequest({ enterpriseId: ent.id, membershipIds: ids, shares: input.shares, year: plan.year }), at, (tx) => {
      const today = clock.today()
      if (!windowOpen(plan, today)) throw enrolmentClosed(plan)
      const groupId = repo.insertGroupOrder(tx, { enterpriseId: ent.id, planYear: plan.year, orderedBy: a.id, at })
      const answer: GroupOrderAnswer = { id: groupId, planYear: plan.year, ordered: [], skipped: [], totalFen: 0 }
      for (const membershipId of ids) {
        const m = repo.membershipFacts(tx, membershipId)
        if (m === undefined || m.enterpriseId !== ent.id || m.status !== 'active') { answer.skipped.push({ membershipId, reason: 'not_active' }); continue }
        if (repo.openPurchaseOf(tx, m.id, plan.year) !== undefined) { answer.skipped.push({ membershipId, reason: 'already_ordered' }); continue }
        if (coverFor(tx, m.id, plan, today).window === null) { answer.skipped.push({ membershipId, reason: 'no_cover_left' }); continue }
        const row = insertOrder(tx, { membershipId: m.id, planYear: plan.year, shares: input.shares, amountFen: plan.shareFeeFen * input.shares, groupOrderId: groupId, orderedBy: a.id, orderedOn: today, at })
        answer.ordered.push({ membershipId: m.id, purchaseId: row.id, amountFen: row.amountFen })
        answer.totalFen += row.amountFen
      }
      if (answer.ordered.length === 0) throw ruleRefused('NOTHING_TO_ORDER', 'aid.err.nothingToOrder')
      writeAudit(tx, at, { actorUserId: a.id, action: 'aid_group_order.create', entityType: 'aid_group_order', entityId: groupId, after: answer })
      return { statusCode: 201, body: answer }
    })
  }

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
    if (input.paidOn < p.orderedOn) throw badRequest({ paidOn: `aid.v.paidOnBeforeOrder|${JSON.stringify({ date: p.orderedOn })}` })
    if (input.paidOn > today) throw badRequest({ paidOn: 'v.dateFuture' })
    if (p.status !== 'pending_payment') throw stateChanged()
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
    const answer = db.transaction((tx) => applyPayment(tx, mayConfirm(tx, a, purchaseId), input, 'staff', a.id, { sms }), { behavior: 'immediate' })
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
    }, { behavior: 'immediate' })
    notifier?.send(sms)
    return answer
  }

  /** A purchase as its member, staff of its building or admin may see it. */
  function orderFor (actor: Actor | null, id: number): repo.OrderListRow {
    const a = requireActor(actor)
    const row = repo.orderDetail(db, id)
    if (row === undefined) throw notFound()
    if (row.memberUserId !== a.id && !canActForBuilding(a, row.buildingId)) throw forbidden()
    return row
  }

  /** Staff: the buildings they may list (one chosen, or all of theirs). */
  function orderScope (actor: Actor | null, buildingId: number | undefined): number[] | null {
    const a = requireStaffOrAdmin(actor)
    if (buildingId !== undefined) {
      if (!canActForBuilding(a, buildingId)) throw forbidden()
      return [buildingId]
    }
    return reviewableBuildings(a)
  }

  /** What the member page and the home card show: membership, plan, their order, cover if paid today. */
  function shareSummary (userId: number) {
    const plan = currentPlan()
    const membership = repo.activeMembershipOfUser(db, userId)
    const orders = repo.ordersOfUser(db, userId)
    const current = orders.find((o) => o.planYear === plan.year && o.status !== 'cancelled') ?? orders.find((o) => o.planYear === plan.year)
    const today = clock.today()
    const preview = membership === undefined ? null : coverFor(db, membership.id, plan, today)
    const offers = enrolmentPlans().map((p) => offerOf(p, membership?.id, orders, today))
    return {
      offers,
      plan,
      membership,
      orders,
      current,
      canOrder: membership !== undefined && (current === undefined || current.status === 'cancelled') && windowOpen(plan, today) && preview?.window != null,
      windowOpen: windowOpen(plan, today),
      coverPreview: preview?.window ?? null,
      renewal: preview?.renewal ?? false
    }
  }

  /** One plan as a member may enrol for it today, and if not, why not. */
  function offerOf (plan: PlanTerms, membershipId: number | undefined, orders: repo.OrderListRow[], today: string): PlanOffer {
    const order = orders.find((o) => o.planYear === plan.year && o.status !== 'cancelled')
    const preview = membershipId === undefined ? null : coverFor(db, membershipId, plan, today)
    const state: OfferState = order !== undefined
      ? 'ordered'
      : today < plan.enrolFrom ? 'not_yet_open' : today > plan.enrolTo ? 'closed' : preview !== null && preview.window === null ? 'no_cover_left' : 'open'
    return { plan, state, order, coverPreview: preview?.window ?? null, renewal: preview?.renewal ?? false }
  }

  /**
   * The home card and GET /api/v1/me: this year's order and whether one can be placed, read
   * without the member's whole order history (what shareSummary reads for the share page).
   */
  function currentShare (userId: number) {
    const plan = currentPlan()
    const current = repo.yearOrderOfUser(db, userId, plan.year)
    const needsMembership = current === undefined || current.status === 'cancelled'
    const membership = needsMembership ? repo.activeMembershipOfUser(db, userId) : undefined
    const today = clock.today()
    const canOrder = membership !== undefined && windowOpen(plan, today) && coverFor(db, membership.id, plan, today).window != null
    return { plan, current, canOrder, shown: current !== undefined || membership !== undefined }
  }

  /** Sends the text messages queued by applyPayment, after its transaction has committed. */
  const sendNotices = (sms: PendingSms[]): void => { notifier?.send(sms) }

  return { applyPayment, sendNotices, planOf, enrolmentPlans, currentPlan, currentYear, savePlan, quote, orderShare, orderGroup, checkMayConfirm, confirmPayment, webhookPayment, orderFor, orderScope, shareSummary, currentShare }
}

export type AidService = ReturnType<typeof createAidService>

/**
 * Cancels orders still unpaid STALE_ORDER_DAYS after they were placed; each cancellation is
 * guarded (a payment confirmed meanwhile wins) and audited with no actor. Returns how many.
 */
export function cancelStaleOrders (db: Db, clock: Clock): number {
  const cutoff = new Date(clock.now().getTime() - STALE_ORDER_DAYS * 86_400_000).toISOString()
  return db.transaction((tx) => {
    const at = clock.iso()
    let n = 0
    for (const p of repo.stalePending(tx, cutoff)) {
      if (repo.cancelPending(tx, p.id, 'unpaid_30_days', at) === 0) continue
      writeAudit(tx, at, { actorUserId: null, action: 'aid_purchase.cancel', entityType: 'aid_purchase', entityId: p.id, before: { status: 'pending_payment' }, after: { status: 'cancelled', reason: 'unpaid_30_days' }, note: `unpaid after ${STALE_ORDER_DAYS} days` })
      n++
    }
    return n
  }, { behavior: 'immediate' })
}
