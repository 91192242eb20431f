// Ordering shares: alone by an active member, or as a group by an enterprise's liaison (whose
// members are told); both idempotent by key.
import type { PendingSms } from '../notifications/notifier.js'
import { formatFen } from '../../domain/money.js'
import type { DbOrTx } from '../../db/index.js'
import { type Actor, requireActor } from '../../lib/access.js'
import { AppError, conflict, forbidden, isUniqueViolation, notFound, ruleRefused } from '../../lib/errors.js'
import { hashRequest, withIdempotency, withIdempotencyGrouped, type StoredAnswer } from '../../lib/idempotency.js'
import { writeAudit } from '../audit/audit-repository.js'
import { enrolmentOpen, type PlanTerms } from '../../domain/aid-plan.js'
import * as repo from './purchases-repository.js'
import type { AidDeps } from './deps.js'
import { coverFor, tellMember } from './deps.js'
import type { PlanUseCases } from './plans.js'
import type { GroupOrderAnswer, OrderAnswer, OrderInput, GroupOrderInput } from './aid-service.js'

export function orderUseCases ({ db, clock, notifier }: AidDeps, { planOf, currentYear, sharesProblem }: PlanUseCases) {
  const windowOpen = enrolmentOpen
  const enrolmentClosed = (plan: PlanTerms): AppError => ruleRefused('ENROLMENT_CLOSED', 'aid.err.enrolmentClosed', { from: plan.enrolFrom, to: plan.enrolTo })

  function planForOrder (year: number | undefined, shares: number): PlanTerms {
    const plan = planOf(year ?? currentYear())
    if (plan === undefined) throw notFound('aid.err.noPlan')
    const sp = sharesProblem(shares, plan)
    if (sp !== null) throw sp
    return plan
  }

  /**
   * An individual order by an active member. Idempotent by key (the same key answers the first
   * answer). Orders come in a rush when enrolment opens: those of one turn share one commit.
   */
  async function orderShare (actor: Actor | null, input: OrderInput, key: string): Promise<StoredAnswer<OrderAnswer>> {
    const a = requireActor(actor)
    if (repo.activeMembershipOfUser(db, a.id) === undefined) throw forbidden('aid.err.notActiveMember')
    const plan = planForOrder(input.year, input.shares)
    const at = clock.iso()
    return await withIdempotencyGrouped(db, a.id, 'aid.purchase', key, hashRequest({ shares: input.shares, year: plan.year }), at, (tx) => {
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
    const sms: PendingSms[] = []
    const stored = withIdempotency(db, a.id, 'aid.group-order', key, hashRequest({ enterpriseId: ent.id, membershipIds: ids, shares: input.shares, year: plan.year }), at, (tx) => {
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
        // Ordered by the liaison: the member learns of it (and of what is to be paid).
        sms.push(...tellMember(notifier, tx, at, row, { kind: 'purchase.ordered', params: { enterprise: ent.name, year: plan.year, shares: row.shares, amount: formatFen(row.amountFen) } }))
      }
      if (answer.ordered.length === 0) throw ruleRefused('NOTHING_TO_ORDER', 'aid.err.nothingToOrder')
      writeAudit(tx, at, { actorUserId: a.id, action: 'aid_group_order.create', entityType: 'aid_group_order', entityId: groupId, after: answer })
      return { statusCode: 201, body: answer }
    })
    notifier?.send(sms)
    return stored
  }

  return { orderShare, orderGroup }
}
