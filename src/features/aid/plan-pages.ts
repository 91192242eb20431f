// The admin's pages of plans: the years, one plan's terms (form) and its history in words.

import type { FastifyInstance } from 'fastify'
import { parseInput } from '../../lib/validation.js'
import { AppError, type FieldErrors, badRequest } from '../../lib/errors.js'
import { requireAdmin } from '../../lib/access.js'
import type { Lang } from '../../i18n/index.js'
import { planFromLatest, defaultPlan, MAX_TIERS } from '../../domain/aid-plan.js'
import { REQUIRABLE_KINDS } from '../../domain/claim-documents.js'
import { fenToYuanString } from '../../domain/money.js'
import type { AidService } from './aid-service.js'
import { planForm, tiersFromForm, yearParam } from './aid-schemas.js'
import { getPlan, latestPlan, listPlans } from './plans-repository.js'
import { bpToPercent } from './percent.js'
import { planHistory } from './plan-history.js'
import { type Body, planView } from './aid-page-parts.js'

export function planPages (app: FastifyInstance, { service }: { service: AidService }): void {
  const csrf = { preHandler: app.verifyCsrf }

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
