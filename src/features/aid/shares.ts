// What members and staff see of shares: one order, the orders staff may list, the member's share
// page (every plan open to them and why another is not) and the home card.

import { type Actor, canActForBuilding, requireActor, requireStaffOrAdmin, reviewableBuildings } from '../../lib/access.js'
import { forbidden, notFound } from '../../lib/errors.js'
import { enrolmentOpen, type PlanTerms } from '../../domain/aid-plan.js'
import * as repo from './purchases-repository.js'
import type { AidDeps } from './deps.js'
import { coverFor } from './deps.js'
import type { PlanUseCases } from './plans.js'
import type { OfferState, PlanOffer } from './aid-service.js'

export function shareUseCases ({ db, clock }: AidDeps, { currentPlan, enrolmentPlans }: PlanUseCases) {
  const windowOpen = enrolmentOpen
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

  return { orderFor, orderScope, shareSummary, currentShare }
}
