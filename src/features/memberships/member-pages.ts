// The member's own pages: applying (with the enterprise search), their membership, leaving,
// a transfer, the e-card, and the public check behind the card's QR code.
import type { FastifyInstance } from 'fastify'
import { idParam, parseInput } from '../../lib/validation.js'
import type { Actor } from '../../lib/access.js'
import { applyForm, leaveInput, transferInput } from './memberships-schemas.js'
import { searchEnterprises } from '../buildings/buildings-repository.js'
import { summary, type PagesDeps } from './page-parts.js'
import { qrSvg } from './page-parts.js'
import { MEMBERSHIP_OPEN, MEMBERSHIP_TRANSITIONS, transition } from '../../domain/lifecycles.js'

/** Enterprises offered at once on the application form (a search narrows them). */
const ENTERPRISE_CHOICES = 50
type Body = Record<string, string | undefined>

export function memberPages (app: FastifyInstance, { service }: PagesDeps): void {
  const csrf = { preHandler: app.verifyCsrf }
  const today = () => app.clock.today()
  const applyFormSchema = applyForm(today)

  /**
   * The application form. The enterprise is chosen from a search (part of the name or USCC,
   * within a building) done by a button of the same form, so nothing typed is lost on the way.
   */
  const applyPageData = (buildingId: number | undefined, q: string | undefined, values: Record<string, unknown>) => {
    const found = searchEnterprises(app.db, { buildingId, q, status: 'enrolled', limit: ENTERPRISE_CHOICES + 1 })
    const chosen = Number(values.enterpriseId)
    const choices = found.slice(0, ENTERPRISE_CHOICES)
    // The enterprise already chosen stays on offer whatever the search now finds.
    if (Number.isSafeInteger(chosen) && chosen > 0 && !choices.some((e) => e.id === chosen)) {
      const e = searchEnterprises(app.db, { status: 'enrolled', limit: 1, id: chosen })[0]
      if (e !== undefined) choices.unshift(e)
    }
    const groups: Array<{ buildingName: string, enterprises: Array<{ id: number, name: string, selected: boolean }> }> = []
    for (const e of [...choices].sort((a, b) => a.buildingName.localeCompare(b.buildingName, 'zh'))) {
      let g = groups.find((x) => x.buildingName === e.buildingName)
      if (g === undefined) { g = { buildingName: e.buildingName, enterprises: [] }; groups.push(g) }
      g.enterprises.push({ id: e.id, name: e.name, selected: String(values.enterpriseId) === String(e.id) })
    }
    const buildings = service.buildings().map((b) => ({ ...b, selected: b.id === buildingId }))
    const anyEnrolled = groups.length > 0 || searchEnterprises(app.db, { status: 'enrolled', limit: 1 }).length > 0
    return {
      titleKey: 'memberships.apply.title', groups, buildings, buildingId, q, values, anyEnrolled,
      moreThanShown: found.length > ENTERPRISE_CHOICES, searched: q !== undefined || buildingId !== undefined, shown: ENTERPRISE_CHOICES
    }
  }

  const applySearch = (v: Record<string, unknown>) => {
    const b = Number(v.buildingId)
    const q = typeof v.q === 'string' && v.q.trim() !== '' ? v.q.trim().slice(0, 50) : undefined
    return { buildingId: Number.isSafeInteger(b) && b > 0 ? b : undefined, q }
  }

  app.get('/membership/apply', async (req, reply) => {
    const actor = app.requireSignedIn(req)
    const existing = service.mine(actor)
    if (existing !== undefined && MEMBERSHIP_OPEN.includes(existing.status)) return reply.redirect('/membership')
    const { buildingId, q } = applySearch((req.query ?? {}) as Record<string, unknown>)
    return reply.page('memberships/apply', applyPageData(buildingId, q, { name: actor.name, mobile: actor.phone }))
  })

  app.post('/membership/apply', csrf, async (req, reply) => {
    const actor = app.requireSignedIn(req)
    const body = (req.body ?? {}) as Body
    const { buildingId, q } = applySearch(body)
    // The search button: the same page again with the enterprises found and everything typed kept.
    if (body.action === 'search') return await reply.page('memberships/apply', applyPageData(buildingId, q, { ...body }))
    try {
      const input = parseInput(applyFormSchema, body)
      service.apply(actor, input)
      reply.flash('memberships.apply.sent')
      return await reply.redirect('/membership')
    } catch (err) {
      // The ID number is not echoed back into the page.
      const values: Record<string, unknown> = { ...body }
      delete values.idNumber
      return reply.formError(err, 'memberships/apply', applyPageData(buildingId, q, values))
    }
  })

  const minePage = (actor: Actor, extra: Record<string, unknown> = {}) => {
    const m = service.mine(actor)
    if (m === undefined) return { titleKey: 'memberships.mine.title', none: true, ...extra }
    const v = service.view(actor, m.id)
    const pending = v.transfers.find((t) => t.status === 'pending')
    return {
      titleKey: 'memberships.mine.title',
      m: summary(m),
      transfers: v.transfers,
      pendingTransfer: pending,
      isActive: m.status === 'active',
      canApplyAgain: transition(MEMBERSHIP_TRANSITIONS, 'applyAgain', m.status) !== null,
      canLeave: v.canLeave,
      canRequestTransfer: v.canRequestTransfer,
      transferTargets: v.canRequestTransfer ? service.enrolledEnterprises().filter((e) => e.id !== m.enterpriseId) : [],
      values: {},
      ...extra
    }
  }

  app.get('/membership', async (req, reply) => {
    const actor = app.requireSignedIn(req)
    return reply.page('memberships/mine', minePage(actor))
  })

  app.post('/membership/reveal-id', csrf, async (req, reply) => {
    const actor = app.requireSignedIn(req)
    const m = service.mine(actor)
    if (m === undefined) return reply.redirect('/membership')
    return reply.page('memberships/mine', minePage(actor, { fullId: service.revealId(actor, m.id) }))
  })

  app.post('/membership/leave', csrf, async (req, reply) => {
    const actor = app.requireSignedIn(req)
    const m = service.mine(actor)
    if (m === undefined) return reply.redirect('/membership')
    try {
      service.leave(actor, m.id, parseInput(leaveInput, req.body).note)
      reply.flash('memberships.left')
      return await reply.redirect('/membership')
    } catch (err) {
      return reply.formError(err, 'memberships/mine', minePage(actor))
    }
  })

  app.post('/membership/transfer', csrf, async (req, reply) => {
    const actor = app.requireSignedIn(req)
    const m = service.mine(actor)
    if (m === undefined) return reply.redirect('/membership')
    try {
      const input = parseInput(transferInput, req.body)
      service.requestTransfer(actor, m.id, input.enterpriseId)
      reply.flash('memberships.transfer.sent')
      return await reply.redirect('/membership')
    } catch (err) {
      return reply.formError(err, 'memberships/mine', minePage(actor, { values: req.body }))
    }
  })

  app.post('/membership/transfers/:id/cancel', csrf, async (req, reply) => {
    const actor = app.requireSignedIn(req)
    const { id } = parseInput(idParam, req.params)
    try {
      service.cancelTransfer(actor, id)
      reply.flash('memberships.transfer.cancelled')
      return await reply.redirect('/membership')
    } catch (err) {
      return reply.formError(err, 'memberships/mine', minePage(actor))
    }
  })

  app.get('/membership/card', async (req, reply) => {
    const actor = app.requireSignedIn(req)
    const m = service.mine(actor)
    if (m === undefined || m.status !== 'active' || m.memberNo === null) return reply.redirect('/membership')
    const verifyUrl = `${req.protocol}://${req.host}/cards/verify/${service.cardToken(m.id)}`
    return reply.page('memberships/card', { titleKey: 'memberships.card.title', m: summary(m), qr: await qrSvg(verifyUrl), verifyUrl })
  })

  // ---- the public check behind the QR code ----

  app.get('/cards/verify/:token', async (req, reply) => {
    const { token } = req.params as { token: string }
    const result = typeof token === 'string' && token.length <= 64 ? service.verifyCard(token) : null
    reply.header('x-robots-tag', 'noindex')
    return reply.page('memberships/verify', { titleKey: 'memberships.verify.title', result, unknown: result === null }, result === null ? 404 : 200)
  })
}
