// What the aid pages share: how a plan, a quote, an order and a plan on offer are shown.

import type { FastifyInstance } from 'fastify'
import type { PlanTerms } from '../../domain/aid-plan.js'
import type { Quote } from '../../domain/reimbursement.js'
import type { PlanOffer } from './aid-service.js'
import * as repo from './purchases-repository.js'
import { federationAccount } from './group-orders-repository.js'
import { paymentReference } from '../../domain/payment-reference.js'
import { bpToPercent } from './percent.js'

export const PAGE_SIZE = 50
export type Body = Record<string, unknown>

/** What a page shows of a plan. */
export function planView (plan: PlanTerms) {
  return {
    ...plan,
    tiers: plan.tiers.map((t, i) => ({ fromFen: t.fromFen, toFen: plan.tiers[i + 1]?.fromFen ?? null, ratePct: bpToPercent(t.rateBp) })),
    maxPercent: bpToPercent(Math.max(...plan.tiers.map((t) => t.rateBp)))
  }
}

export function quoteView (q: Quote) {
  return {
    ...q,
    lines: q.lines.map((l) => ({ ...l, ratePct: bpToPercent(l.rateBp) })),
    limitedKey: `aid.limitedBy.${q.limitedBy}`
  }
}

export const statusKey = (s: string): string => `aid.status.${s}`

/** An order's status in words and the colour of its badge. */
export function orderStatus (status: string) {
  return { statusKey: statusKey(status), badge: status === 'paid' ? 'ok' : status === 'cancelled' ? 'bad' : 'warn' }
}

export function orderView (o: repo.OrderListRow) {
  return { ...o, ...orderStatus(o.status) }
}

/** An unpaid order with where to pay it: its building's account and the remark to write. */
export function payableView (db: FastifyInstance['db'], o: repo.OrderListRow) {
  return {
    ...orderView(o),
    reference: paymentReference({ kind: 'order', id: o.id }),
    groupReference: o.groupOrderId === null ? undefined : paymentReference({ kind: 'group', id: o.groupOrderId }),
    payAccount: o.status === 'pending_payment' ? federationAccount(db, o.buildingId) : undefined
  }
}

/**
 * One plan on the share page: whether it can be ordered, when cover would start if paid today,
 * and otherwise why not, in words (with the other plan a member may turn to instead).
 */
export function offerView (o: PlanOffer, all: PlanOffer[]) {
  const other = all.find((x) => x.plan.year !== o.plan.year && x.state === 'open')
  const reasonKey = o.state === 'not_yet_open'
    ? 'aid.offer.notYetOpen'
    : o.state === 'closed' ? 'aid.offer.closed' : o.state === 'no_cover_left' ? 'aid.offer.noCoverLeft' : undefined
  return {
    year: o.plan.year,
    state: o.state,
    open: o.state === 'open',
    plan: planView(o.plan),
    coverPreview: o.coverPreview,
    renewal: o.renewal,
    reasonKey,
    otherYear: other?.plan.year,
    multipleShares: o.plan.maxShares > 1,
    sharesOptions: sharesOptions(o.plan, 1)
  }
}

export function sharesOptions (plan: PlanTerms, selected: number) {
  return Array.from({ length: plan.maxShares }, (_, i) => ({ value: i + 1, selected: i + 1 === selected }))
}
