// The claim pages: the member's claims, the claim form (yuan, consent, a hidden idempotency
// token), the claim with documents and history, the settlement sheet; for staff the review
// queue, payment batches and the fund overview. Same services as the API.
import { randomUUID } from 'node:crypto'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { z } from 'zod'
import { idParam, parseInput } from '../../lib/validation.js'
import { AppError, type FieldErrors } from '../../lib/errors.js'
import { pageLinks } from '../../lib/pagination.js'
import { fenToYuanString, formatFen } from '../../domain/money.js'
import type { ClaimsService } from './claims-service.js'
import { batchInput, claimForm, docParams, documentKindInput, queueQuery, rejectInput, REJECT_CODES } from './claims-schemas.js'
import { CLAIM_STATUSES, type ClaimStatus } from './claims-repository.js'
import { DOCUMENT_KINDS } from './documents.js'
import { claimDisplay, statusBadge } from './claims-display.js'
import { monthlyChartSvg } from './fund-chart.js'
import { readUpload } from './upload.js'
import { sendDocument } from '../../lib/download.js'
import { sendClaimsExport } from './claims-export.js'
import type { PayoutAccounts } from './payout-accounts.js'
import { payoutAccountInput } from './claims-schemas.js'

type Body = Record<string, unknown>
const fromQuery = z.object({ from: z.preprocess((v) => (v === '' ? undefined : v), z.coerce.number().int().positive().optional()) })

const kinds = (req: FastifyRequest) => DOCUMENT_KINDS.map((k) => ({ value: k, label: req.t(`claims.kind.${k}`) }))
const reasons = (req: FastifyRequest) => REJECT_CODES.map((c) => ({ value: c, label: req.t(`claims.reason.${c}`) }))

/** What the claim page shows (also re-rendered by payouts-pages after a form error). */
export function claimPage (app: FastifyInstance, service: ClaimsService, req: FastifyRequest, id: number): Body {
  const actor = app.requireSignedIn(req)
  const c = claimDisplay(req, service.view(actor, id))
  return { title: req.t('claims.claim.title', { id }), claim: c, kinds: kinds(req), reasons: reasons(req), values: {}, scripts: ['/static/claims.js'] }
}

export default async function claimsPages (app: FastifyInstance, { service, accounts }: { service: ClaimsService, accounts: PayoutAccounts }): Promise<void> {
  const claimFormSchema = claimForm(app.clock.today)
  const csrf = { preHandler: app.verifyCsrf }
  const isReviewer = (a: { isStaff: boolean, isAdmin: boolean } | null): boolean => a !== null && (a.isStaff || a.isAdmin)

  app.navLinks.push({ href: '/aid/claims', labelKey: 'claims.nav.mine', order: 40, show: (a) => a !== null })
  app.navLinks.push({ href: '/aid/review', labelKey: 'claims.nav.review', order: 60, show: isReviewer })
  app.navLinks.push({ href: '/aid/payouts', labelKey: 'claims.nav.payouts', order: 61, show: isReviewer })
  app.navLinks.push({ href: '/aid/fund', labelKey: 'claims.nav.fund', order: 62, show: isReviewer })

  const claimPageData = (req: FastifyRequest, id: number): Body => claimPage(app, service, req, id)

  // ---- the member ----

  app.get('/aid/claims', async (req, reply) => {
    const actor = app.requireSignedIn(req)
    const { items } = service.list(actor, { mine: true, page: 1 })
    return reply.page('claims/list', {
      titleKey: 'claims.list.title',
      claims: items.map((c) => ({ ...c, badge: statusBadge(req, c.status), amountFen: c.payableFen ?? c.estimateFen }))
    })
  })

  /** The claim form offers the payout account: the one on file (masked), else fields for one. */
  function formPage (req: FastifyRequest, values: Body, extra: Body = {}): Body {
    const payout = accounts.formDefaults(req.actor)
    return {
      titleKey: 'claims.new.title',
      values: { accountName: payout.memberName, ...values },
      payoutAccount: payout.account,
      today: app.clock.today(),
      ...extra
    }
  }

  app.get('/aid/claims/new', async (req, reply) => {
    const actor = app.requireSignedIn(req)
    const { from } = parseInput(fromQuery, req.query)
    const values: Body = { idempotencyKey: randomUUID() }
    if (from !== undefined) {
      // Correcting a rejected claim: start from what was sent.
      const c = service.view(actor, from)
      if (c.viewer.isClaimant && c.status === 'rejected') {
        Object.assign(values, {
          resubmissionOf: c.id, admissionDate: c.admissionDate, dischargeDate: c.dischargeDate, hospital: c.hospital, invoiceNo: c.invoiceNo,
          totalCost: fenToYuanString(c.totalCostFen), insurancePaid: fenToYuanString(c.insurancePaidFen), excluded: fenToYuanString(c.excludedFen)
        })
      }
    }
    return reply.page('claims/new', formPage(req, values))
  })

  app.post('/aid/claims', csrf, async (req, reply) => {
    const actor = app.requireSignedIn(req)
    const body = (req.body ?? {}) as Body
    try {
      // A payout account typed on the form is checked with the claim, before anything is saved.
      const withAccount = typeof body.accountNo === 'string' && body.accountNo.trim() !== ''
      let fields: FieldErrors = {}
      let parsed: ReturnType<typeof claimFormSchema.parse> | undefined
      try { parsed = parseInput(claimFormSchema, body) } catch (err) { if (err instanceof AppError && err.fields !== undefined) fields = { ...err.fields }; else throw err }
      let account
      if (withAccount) {
        try { account = parseInput(payoutAccountInput, body) } catch (err) { if (err instanceof AppError && err.fields !== undefined) fields = { ...fields, ...err.fields }; else throw err }
      }
      if (parsed === undefined || (withAccount && account === undefined)) throw new AppError(400, 'INVALID_INPUT', 'error.invalidInput', {}, fields)
      if (account !== undefined) accounts.save(actor, account)
      const { input, idempotencyKey } = parsed
      const answer = await service.submit(actor, input, idempotencyKey)
      reply.flash('claims.flash.submitted')
      return reply.redirect(`/aid/claims/${answer.body.id}`, 303)
    } catch (err) {
      return reply.formError(err, 'claims/new', formPage(req, body))
    }
  })

  app.get('/aid/claims/:id', async (req, reply) => {
    const { id } = parseInput(idParam, req.params)
    return reply.page('claims/claim', claimPageData(req, id))
  })

  app.post('/aid/claims/:id/documents', csrf, async (req, reply) => {
    const actor = app.requireSignedIn(req)
    const { id } = parseInput(idParam, req.params)
    try {
      const upload = await readUpload(req)
      const { kind } = parseInput(documentKindInput, upload.fields)
      if (upload.file === undefined) throw new AppError(400, 'INVALID_INPUT', 'claims.doc.fileRequired', {}, { file: 'claims.doc.fileRequired' })
      service.addDocument(actor, id, kind, upload.file.fileName, upload.file.bytes)
      reply.flash('claims.flash.uploaded')
      return reply.redirect(`/aid/claims/${id}`, 303)
    } catch (err) {
      return reply.formError(err, 'claims/claim', claimPageData(req, id))
    }
  })

  app.get('/aid/claims/:id/documents/:docId', async (req, reply) => {
    const actor = app.requireSignedIn(req)
    const { id, docId } = parseInput(docParams, req.params)
    const { doc, bytes } = service.readDocument(actor, id, docId)
    return sendDocument(reply, doc, bytes)
  })

  app.get('/aid/claims/:id/settlement', async (req, reply) => {
    const actor = app.requireSignedIn(req)
    const { id } = parseInput(idParam, req.params)
    const c = claimDisplay(req, service.view(actor, id))
    return reply.page('claims/settlement', { title: req.t('claims.sheet.title'), claim: c })
  })

  // ---- review ----

  async function decide (req: FastifyRequest, reply: FastifyReply, act: (id: number) => string): Promise<FastifyReply> {
    const { id } = parseInput(idParam, req.params)
    try {
      reply.flash(act(id))
      return reply.redirect(`/aid/claims/${id}`, 303)
    } catch (err) {
      if (err instanceof AppError && err.statusCode === 409) {
        reply.flash(err.messageKey)
        return reply.redirect(`/aid/claims/${id}`, 303)
      }
      return reply.formError(err, 'claims/claim', { ...claimPageData(req, id), values: req.body ?? {} })
    }
  }

  app.post('/aid/claims/:id/approve', csrf, async (req, reply) => decide(req, reply, (id) => {
    const r = service.approve(app.requireSignedIn(req), id)
    return r.status === 'approved' ? 'claims.flash.approved' : 'claims.flash.firstApproved'
  }))

  app.post('/aid/claims/:id/reject', csrf, async (req, reply) => decide(req, reply, (id) => {
    service.reject(app.requireSignedIn(req), id, parseInput(rejectInput, req.body))
    return 'claims.flash.rejected'
  }))

  app.get('/aid/review', async (req, reply) => {
    const actor = app.requireSignedIn(req)
    const q = parseInput(queueQuery, req.query)
    const r = service.queue(actor, q)
    const statuses = ['open', 'all', ...CLAIM_STATUSES].map((s) => ({ value: s, label: req.t(`claims.status.${s}`), selected: s === q.status }))
    // One badge per status, shared by the page's rows (not one translation per row).
    const badges = Object.fromEntries(CLAIM_STATUSES.map((s) => [s, statusBadge(req, s)])) as Record<ClaimStatus, ReturnType<typeof statusBadge>>
    return reply.page('claims/review', {
      titleKey: 'claims.review.title',
      q,
      statuses,
      buildings: r.buildings.map((b) => ({ ...b, selected: b.id === q.building })),
      counts: CLAIM_STATUSES.map((s) => ({ label: badges[s].label, n: r.counts[s], href: `/aid/review?status=${s}${q.building === undefined ? '' : `&building=${q.building}`}` })),
      total: r.total,
      rows: r.rows.map((c) => Object.assign(c, { badge: badges[c.status], amountFen: c.payableFen ?? c.estimateFen })),
      pagination: pageLinks('/aid/review', { building: q.building, status: q.status, from: q.from, to: q.to }, Math.min(q.page, r.pages), r.pages)
    })
  })

  for (const format of ['csv', 'xlsx'] as const) {
    app.get(`/aid/review/export.${format}`, async (req, reply) => {
      const q = parseInput(queueQuery, req.query)
      const rows = service.exportQueue(app.requireSignedIn(req), q)
      return sendClaimsExport(req, reply, rows, app.clock.today(), format)
    })
  }

  // ---- payment ----

  app.get('/aid/payouts', async (req, reply) => {
    const actor = app.requireSignedIn(req)
    const ready = service.payable(actor)
    const batches = service.listBatches(actor)
    return reply.page('claims/payouts', {
      titleKey: 'claims.payouts.title',
      scripts: ['/static/claims.js'],
      ready,
      readyTotalFen: ready.reduce((a, c) => a + c.payableFen, 0),
      batches: batches.map((b) => ({ ...b, statusLabel: req.t(`claims.batch.status.${b.status}`) }))
    })
  })

  app.post('/aid/payouts', csrf, async (req, reply) => {
    const actor = app.requireSignedIn(req)
    const { claimIds } = parseInput(batchInput, req.body)
    const b = service.createBatch(actor, claimIds)
    reply.flash('claims.flash.batchCreated')
    return reply.redirect(`/aid/payouts/${b.id}`, 303)
  })

  // ---- the fund ----

  app.get('/aid/fund', async (req, reply) => {
    const actor = app.requireSignedIn(req)
    const f = service.fund(actor)
    return reply.page('claims/fund', {
      titleKey: 'claims.fund.title',
      f,
      scopeAll: actor.isAdmin,
      byStatus: CLAIM_STATUSES.map((s) => ({ label: req.t(`claims.status.${s}`), ...f.claimsByStatus[s] })),
      reconciliation: f.reconciliation.map((r) => ({
        ...r,
        check: req.t(`payout.fund.${r.state}`, { amount: formatFen(r.deficitFen) }),
        checkCls: r.state === 'balanced' ? 'ok' : 'bad',
        submittedNote: r.submittedEstimateFen > 0 ? req.t('claims.fund.submittedNote', { amount: formatFen(r.submittedEstimateFen) }) : null
      })),
      chart: monthlyChartSvg(f.monthly, { title: req.t('claims.fund.monthly'), approved: req.t('claims.fund.approved'), paid: req.t('claims.fund.paid') })
    })
  })
}
