// The calculator (试算, anyone), a member's share page and a liaison's group order.
import { randomUUID } from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import { parseInput } from '../../lib/validation.js'
import { AppError } from '../../lib/errors.js'
import { requireActor, type Actor } from '../../lib/access.js'
import { enrolmentOpen } from '../../domain/aid-plan.js'
import type { AidService } from './aid-service.js'
import { groupOrderForm, orderForm, quoteForm } from './aid-schemas.js'
import * as repo from './purchases-repository.js'
import { groupOrdersOfLiaison } from './group-orders-repository.js'
import { paymentReference } from '../../domain/payment-reference.js'
import { type Body, offerView, orderView, payableView, planView, quoteView, sharesOptions, statusKey } from './aid-page-parts.js'

export function sharePages (app: FastifyInstance, { service }: { service: AidService }): void {
  const csrf = { preHandler: app.verifyCsrf }

  // ---- the calculator: a GET form, so anyone can use (and bookmark) it without a session ----
  app.get('/aid/calculator', async (req, reply) => {
    const q = (req.query ?? {}) as Record<string, string | undefined>
    const plan = service.currentPlan()
    const data: Record<string, unknown> = { titleKey: 'aid.calc.title', plan: planView(plan), values: q, sharesOptions: sharesOptions(plan, Number(q.shares ?? 1)) }
    if (q.total === undefined && q.insurance === undefined) return reply.page('aid/calculator', data)
    try {
      const input = parseInput(quoteForm, q)
      let result
      try {
        result = service.quote({ totalCostFen: input.total, insurancePaidFen: input.insurance, excludedFen: input.excluded ?? 0, shares: input.shares, paidThisYearFen: input.paidThisYear ?? 0 })
      } catch (err) {
        if (err instanceof AppError && err.code === 'INCONSISTENT_AMOUNTS') throw new AppError(422, err.code, err.messageKey, {}, { insurance: err.messageKey })
        throw err
      }
      return await reply.page('aid/calculator', { ...data, quote: quoteView(result.quote), shares: input.shares ?? 1 })
    } catch (err) {
      return reply.formError(err, 'aid/calculator', data)
    }
  })

  // ---- a member's share ----
  const sharePage = (actor: Actor, extra: Record<string, unknown> = {}) => {
    const s = service.shareSummary(actor.id)
    const offers = s.offers.map((o) => offerView(o, s.offers))
    return {
      titleKey: 'aid.share.title',
      offers,
      offersOpen: offers.filter((o) => o.open),
      // Next year's opening date matters only to someone this year's plan is not offered to.
      offersNotOpen: offers.filter((o, i) => !o.open && o.state !== 'ordered' && (i === 0 || o.state !== 'not_yet_open' || ['closed', 'no_cover_left'].includes(offers[0].state))),
      openOrders: s.offers.flatMap((o) => (o.order === undefined ? [] : [payableView(app.db, o.order)])),
      plan: planView(s.plan),
      membership: s.membership,
      current: s.current === undefined ? undefined : orderView(s.current),
      orders: s.orders.map(orderView),
      canOrder: s.canOrder,
      windowOpen: s.windowOpen,
      coverPreview: s.coverPreview,
      renewal: s.renewal,
      sharesOptions: sharesOptions(s.plan, 1),
      multipleShares: s.plan.maxShares > 1,
      idempotencyKey: randomUUID(),
      ...extra
    }
  }

  app.get('/aid/share', async (req, reply) => {
    const actor = requireActor(req.actor)
    return reply.page('aid/share', sharePage(actor))
  })

  app.post('/aid/share', csrf, async (req, reply) => {
    const actor = requireActor(req.actor)
    const body = (req.body ?? {}) as Body
    try {
      const input = parseInput(orderForm, body)
      await service.orderShare(actor, { shares: input.shares, year: input.year }, input.idempotencyKey)
      reply.flash('aid.share.ordered')
      return await reply.redirect('/aid/share')
    } catch (err) {
      return reply.formError(err, 'aid/share', sharePage(actor, { values: body }))
    }
  })

  // ---- a liaison's group order ----
  const groupPage = (actor: Actor, enterpriseId: number | undefined, year: number | undefined, extra: Record<string, unknown> = {}) => {
    const enterprises = repo.enterprisesOfLiaison(app.db, actor.id).filter((e) => e.status === 'enrolled')
    const chosen = enterprises.find((e) => e.id === enterpriseId) ?? enterprises[0]
    // Every plan whose window is open may be ordered; the others say why not.
    const today = app.clock.today()
    const plans = service.enrolmentPlans()
    const open = plans.filter((p) => enrolmentOpen(p, today))
    const plan = open.find((p) => p.year === year) ?? open[0] ?? plans[0]
    const members = chosen === undefined
      ? []
      : repo.activeMembersWithOrders(app.db, chosen.id, plan.year).map((m) => ({ ...m, statusKey: m.purchaseStatus === null ? undefined : statusKey(m.purchaseStatus), free: m.purchaseId === null }))
    return {
      titleKey: 'aid.group.title',
      enterprises: enterprises.map((e) => ({ ...e, selected: e.id === chosen?.id })),
      enterprise: chosen,
      plan: planView(plan),
      canOrder: enrolmentOpen(plan, today),
      years: open.length > 1 ? open.map((p) => ({ year: p.year, selected: p.year === plan.year })) : [],
      notOffered: plans.filter((p, i) => !enrolmentOpen(p, today) && (i === 0 || today > plans[0].enrolTo)).map((p) => ({
        year: p.year, from: p.enrolFrom, to: p.enrolTo, reasonKey: today < p.enrolFrom ? 'aid.offer.notYetOpen' : 'aid.offer.closed'
      })),
      members,
      freeCount: members.filter((m) => m.free).length,
      groupOrders: groupOrdersOfLiaison(app.db, actor.id).map((g) => ({ ...g, reference: paymentReference({ kind: 'group', id: g.id }) })),
      sharesOptions: sharesOptions(plan, 1),
      multipleShares: plan.maxShares > 1,
      idempotencyKey: randomUUID(),
      ...extra
    }
  }

  const queryId = (v: unknown): number | undefined => {
    const n = Number(v)
    return v !== undefined && v !== '' && Number.isSafeInteger(n) && n > 0 ? n : undefined
  }

  app.get('/aid/group', async (req, reply) => {
    const actor = requireActor(req.actor)
    const q = (req.query ?? {}) as Record<string, string | undefined>
    return reply.page('aid/group', groupPage(actor, queryId(q.enterpriseId), queryId(q.year)))
  })

  app.post('/aid/group', csrf, async (req, reply) => {
    const actor = requireActor(req.actor)
    const body = (req.body ?? {}) as Body
    try {
      // No box ticked means an empty selection ("select at least one"), not a missing field.
      const input = parseInput(groupOrderForm, { ...body, membershipIds: body.membershipIds ?? [] })
      const answer = service.orderGroup(actor, { enterpriseId: input.enterpriseId, membershipIds: input.membershipIds, shares: input.shares, year: input.year }, input.idempotencyKey).body
      const names = new Map(repo.activeMembersWithOrders(app.db, input.enterpriseId, answer.planYear).map((m) => [m.id, m.name]))
      return await reply.page('aid/group', groupPage(actor, input.enterpriseId, answer.planYear, {
        result: {
          ...answer,
          ordered: answer.ordered.map((o) => ({ ...o, name: names.get(o.membershipId) ?? String(o.membershipId) })),
          skipped: answer.skipped.map((s) => ({ ...s, name: names.get(s.membershipId) ?? String(s.membershipId), reasonKey: `aid.skip.${s.reason}` }))
        }
      }))
    } catch (err) {
      return reply.formError(err, 'aid/group', groupPage(actor, queryId(body.enterpriseId), queryId(body.year), { values: body }))
    }
  })
}
