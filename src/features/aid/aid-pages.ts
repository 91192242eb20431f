// The aid fund's pages: the public calculator (试算), a member's share, a liaison's group order,
// staff's orders with payment confirmation and the CSV export, and the admin's plans.
import { randomUUID } from 'node:crypto'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { idParam, parseInput } from '../../lib/validation.js'
import { AppError, type FieldErrors, badRequest } from '../../lib/errors.js'
import { requireActor, requireAdmin, type Actor, canActForBuilding } from '../../lib/access.js'
import { pageLinks } from '../../lib/pagination.js'
import { csvStream, sendCsv } from '../../lib/csv.js'
import { sendXlsx, xlsxStream } from '../../lib/xlsx-writer.js'
import { auditHistory } from '../audit/audit-repository.js'
import type { Lang } from '../../i18n/index.js'
import { planFromLatest, defaultPlan, enrolmentOpen, MAX_TIERS, type PlanTerms } from '../../domain/aid-plan.js'
import { REQUIRABLE_KINDS } from '../../domain/claim-documents.js'
import type { Quote } from '../../domain/reimbursement.js'
import { fenToYuanString } from '../../domain/money.js'
import type { AidService, PlanOffer } from './aid-service.js'
import { groupOrderForm, orderForm, ordersQuery, paymentBody, planForm, quoteForm, tiersFromForm, yearParam } from './aid-schemas.js'
import * as repo from './purchases-repository.js'
import { federationAccount, groupOrdersOfLiaison } from './group-orders-repository.js'
import { paymentReference } from '../../domain/payment-reference.js'
import { getPlan, latestPlan, listPlans } from './plans-repository.js'
import { bpToPercent } from './percent.js'
import { planHistory } from './plan-history.js'

const PAGE_SIZE = 50
type Body = Record<string, unknown>

/** What a page shows of a plan. */
export function planView (plan: PlanTerms) {
  return {
    ...plan,
    tiers: plan.tiers.map((t, i) => ({ fromFen: t.fromFen, toFen: plan.tiers[i + 1]?.fromFen ?? null, ratePct: bpToPercent(t.rateBp) })),
    maxPercent: bpToPercent(Math.max(...plan.tiers.map((t) => t.rateBp)))
  }
}

function quoteView (q: Quote) {
  return {
    ...q,
    lines: q.lines.map((l) => ({ ...l, ratePct: bpToPercent(l.rateBp) })),
    limitedKey: `aid.limitedBy.${q.limitedBy}`
  }
}

const statusKey = (s: string): string => `aid.status.${s}`

function orderView (o: repo.OrderListRow) {
  return { ...o, statusKey: statusKey(o.status), badge: o.status === 'paid' ? 'ok' : o.status === 'cancelled' ? 'bad' : 'warn' }
}

/** An unpaid order with where to pay it: its building's account and the remark to write. */
function payableView (db: FastifyInstance['db'], o: repo.OrderListRow) {
  return {
    ...orderView(o),
    reference: paymentReference({ kind: 'order', id: o.id }),
    groupReference: o.groupOrderId === null ? undefined : paymentReference({ kind: 'group', id: o.groupOrderId }),
    payAccount: o.status === 'pending_payment' ? federationAccount(db, o.buildingId) : undefined
  }
}

export default async function aidPages (app: FastifyInstance, { service }: { service: AidService }): Promise<void> {
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
      service.orderShare(actor, { shares: input.shares, year: input.year }, input.idempotencyKey)
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

  // ---- staff: orders by building and state, payment confirmation, CSV export ----
  app.get('/aid/orders', async (req, reply) => {
    const q = parseInput(ordersQuery, req.query)
    const scope = service.orderScope(req.actor, q.buildingId)
    const filter = { buildingIds: scope, status: q.status, planYear: q.year }
    const { rows, total } = repo.listOrders(app.db, filter, PAGE_SIZE, (q.page - 1) * PAGE_SIZE)
    const pages = Math.max(1, Math.ceil(total / PAGE_SIZE))
    const params = { buildingId: q.buildingId, status: q.status, year: q.year }
    const exportQuery = new URLSearchParams()
    for (const [k, v] of Object.entries(params)) if (v !== undefined) exportQuery.set(k, String(v))
    const actor = req.actor!
    return reply.page('aid/orders', {
      titleKey: 'aid.orders.title',
      orders: rows.map(orderView),
      total,
      filters: q,
      buildings: repo.buildingNames(app.db, actor.isAdmin ? null : actor.staffBuildingIds).map((b) => ({ ...b, selected: b.id === q.buildingId })),
      statuses: ['pending_payment', 'paid', 'cancelled'].map((s) => ({ value: s, key: statusKey(s), selected: s === q.status })),
      exportHref: '/aid/orders.csv' + (exportQuery.size > 0 ? '?' + exportQuery.toString() : ''),
      exportXlsxHref: '/aid/orders.xlsx' + (exportQuery.size > 0 ? '?' + exportQuery.toString() : ''),
      ...pageLinks('/aid/orders', params, q.page, pages)
    })
  })

  for (const format of ['csv', 'xlsx'] as const) {
    app.get(`/aid/orders.${format}`, async (req, reply) => {
      const q = parseInput(ordersQuery, req.query)
      const scope = service.orderScope(req.actor, q.buildingId)
      const t = (k: string) => req.t(k)
      const header = ['id', 'planYear', 'building', 'enterprise', 'memberNo', 'name', 'shares', 'amountYuan', 'status', 'orderedOn', 'receiptNo', 'paidOn', 'confirmedVia', 'coverFrom', 'coverTo']
        .map((h) => t(`aid.csv.${h}`))
      const rows = (function * () {
        for (const o of repo.iterateOrders(app.db, { buildingIds: scope, status: q.status, planYear: q.year })) {
          yield [o.id, o.planYear, o.buildingName, o.enterpriseName, o.memberNo, o.memberName, o.shares, fenToYuanString(o.amountFen), t(statusKey(o.status)),
            o.orderedOn, o.receiptNo, o.paidOn, o.confirmedVia, o.coverFrom, o.coverTo]
        }
      })()
      // Member and receipt numbers as text: Excel keeps every digit.
      if (format === 'xlsx') return sendXlsx(reply, `aid-orders-${app.clock.today()}.xlsx`, xlsxStream('orders', header, rows, { textColumns: [4, 10] }))
      return sendCsv(reply, `aid-orders-${app.clock.today()}.csv`, csvStream(header, rows))
    })
  }

  const orderPage = (req: FastifyRequest, id: number, extra: Record<string, unknown> = {}) => {
    const actor = requireActor(req.actor)
    const o = service.orderFor(actor, id)
    const mayConfirm = o.status === 'pending_payment' && canActForBuilding(actor, o.buildingId) && o.memberUserId !== actor.id
    return {
      titleKey: 'aid.order.title',
      order: payableView(app.db, o),
      mayConfirm,
      isStaffView: canActForBuilding(actor, o.buildingId),
      history: auditHistory(app.db, 'aid_purchase', id).map((h) => ({ ...h, actionKey: `aid.audit.${h.action}` })),
      values: { paidOn: app.clock.today() },
      ...extra
    }
  }

  app.get('/aid/orders/:id', async (req, reply) => {
    const { id } = parseInput(idParam, req.params)
    return reply.page('aid/order', orderPage(req, id))
  })

  app.post('/aid/orders/:id/confirm', csrf, async (req, reply) => {
    const { id } = parseInput(idParam, req.params)
    const body = (req.body ?? {}) as Body
    try {
      const input = parseInput(paymentBody, body)
      service.confirmPayment(req.actor, id, input)
      reply.flash('aid.order.confirmed')
      return await reply.redirect(`/aid/orders/${id}`)
    } catch (err) {
      return reply.formError(err, 'aid/order', orderPage(req, id, { values: body }))
    }
  })

  // ---- admin: plans ----
  app.get('/admin/aid/plans', async (req, reply) => {
    requireAdmin(req.actor)
    const q = (req.query ?? {}) as Record<string, string | undefined>
    if (q.year !== undefined) {
      const { year } = parseInput(yearParam, { year: q.year })
      return reply.redirect(`/admin/aid/plans/${year}`)
    }
    return reply.page('aid/plans', {
      titleKey: 'aid.plans.title',
      plans: listPlans(app.db).map(planView),
      nextYear: service.currentYear() + 1
    })
  })

  const planPage = (year: number, lang: Lang, extra: Record<string, unknown> = {}) => {
    const existing = getPlan(app.db, year)
    const latest = latestPlan(app.db)
    const plan = existing ?? (latest === undefined ? defaultPlan(year) : planFromLatest(latest, year))
    const rows = Array.from({ length: MAX_TIERS }, (_, i) => {
      const t = plan.tiers[i]
      return { i, from: t === undefined ? '' : fenToYuanString(t.fromFen), rate: t === undefined ? '' : bpToPercent(t.rateBp) }
    })
    return {
      titleKey: 'aid.plan.title',
      year,
      exists: existing !== undefined,
      tierRows: rows,
      values: {
        shareFee: fenToYuanString(plan.shareFeeFen),
        maxShares: String(plan.maxShares),
        enrolFrom: plan.enrolFrom,
        enrolTo: plan.enrolTo,
        waitingDays: String(plan.waitingDays),
        perAdmissionCap: fenToYuanString(plan.perAdmissionCapFen),
        annualCapPerShare: fenToYuanString(plan.annualCapPerShareFen),
        claimDeadlineDays: String(plan.claimDeadlineDays),
        secondApprovalAbove: fenToYuanString(plan.secondApprovalAboveFen),
        processingDays: String(plan.processingDays)
      },
      documentKinds: REQUIRABLE_KINDS.map((k) => ({ value: k, labelKey: `claims.kind.${k}`, checked: plan.requiredDocuments.includes(k) })),
      history: planHistory(app.db, year, lang).slice(0, 50),
      ...extra
    }
  }

  app.get('/admin/aid/plans/:year', async (req, reply) => {
    requireAdmin(req.actor)
    const { year } = parseInput(yearParam, req.params)
    return reply.page('aid/plan', planPage(year, req.lang))
  })

  app.post('/admin/aid/plans/:year', csrf, async (req, reply) => {
    const actor = requireAdmin(req.actor)
    const { year } = parseInput(yearParam, req.params)
    const body = (req.body ?? {}) as Body
    try {
      const tiers = tiersFromForm(body)
      let fields: FieldErrors = {}
      let form
      try { form = parseInput(planForm, body) } catch (err) { if (err instanceof AppError && err.fields !== undefined) fields = { ...err.fields }; else throw err }
      if ('problem' in tiers) fields.tiers = tiers.problem
      if (form === undefined || 'problem' in tiers) throw badRequest(fields)
      service.savePlan(actor, {
        year,
        shareFeeFen: form.shareFee,
        maxShares: form.maxShares,
        enrolFrom: form.enrolFrom,
        enrolTo: form.enrolTo,
        waitingDays: form.waitingDays,
        tiers: tiers.tiers,
        perAdmissionCapFen: form.perAdmissionCap,
        annualCapPerShareFen: form.annualCapPerShare,
        claimDeadlineDays: form.claimDeadlineDays,
        secondApprovalAboveFen: form.secondApprovalAbove,
        requiredDocuments: form.requiredDocuments,
        processingDays: form.processingDays
      })
      reply.flash('common.saved')
      return await reply.redirect(`/admin/aid/plans/${year}`)
    } catch (err) {
      const page = planPage(year, req.lang)
      const rows = page.tierRows.map((r) => ({ ...r, from: String(body[`tierFrom${r.i}`] ?? ''), rate: String(body[`tierRate${r.i}`] ?? '') }))
      return reply.formError(err, 'aid/plan', { ...page, tierRows: rows, values: body })
    }
  })
}

/**
 * One plan on the share page: whether it can be ordered, when cover would start if paid today,
 * and otherwise why not, in words (with the other plan a member may turn to instead).
 */
function offerView (o: PlanOffer, all: PlanOffer[]) {
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

function sharesOptions (plan: PlanTerms, selected: number) {
  return Array.from({ length: plan.maxShares }, (_, i) => ({ value: i + 1, selected: i + 1 === selected }))
}
