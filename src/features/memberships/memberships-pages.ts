// The pages of membership: joining, the member's own page and e-card, the public card check,
// and for liaisons and staff the roster, applications, transfers, exports and imports.
import type { FastifyInstance, FastifyRequest } from 'fastify'
import QRCode from 'qrcode'
import { idParam, parseInput } from '../../lib/validation.js'
import { AppError, badRequest, forbidden, type FieldErrors } from '../../lib/errors.js'
import type { Actor } from '../../lib/access.js'
import { pageLinks } from '../../lib/pagination.js'
import { csvStream, sendCsv } from '../../lib/csv.js'
import { sendXlsx, xlsxBuffer, xlsxStream } from '../../lib/xlsx-writer.js'
import { maskMobile } from '../../domain/identity.js'
import { applyForm, importTarget, leaveInput, rejectInput, rosterQuery, transferInput } from './memberships-schemas.js'
import type { MembershipsService } from './memberships-service.js'
import type { RosterImports } from './roster-import.js'
import type { MembershipView } from './memberships-repository.js'
import { importJson, readUpload } from './memberships-api.js'
import { searchEnterprises } from '../buildings/buildings-repository.js'

const PAGE_SIZE = 30
/** Enterprises offered at once on the application form (a search narrows them). */
const ENTERPRISE_CHOICES = 50
type Body = Record<string, string | undefined>

/** The QR code as SVG markup with presentation attributes only (the CSP forbids style=""). */
export async function qrSvg (text: string): Promise<string> {
  const svg = await QRCode.toString(text, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' })
  return svg.replace(/\sstyle="[^"]*"/g, '').replace('<svg ', '<svg class="qr" role="img" aria-hidden="true" ')
}

export default async function membershipsPages (app: FastifyInstance, { service, imports }: { service: MembershipsService, imports: RosterImports }): Promise<void> {
  const csrf = { preHandler: app.verifyCsrf }
  const today = () => app.clock.today()
  const applyFormSchema = applyForm(today)

  app.navLinks.push({ href: '/membership', labelKey: 'memberships.nav.mine', order: 20, show: (a) => a !== null })
  app.navLinks.push({ href: '/memberships', labelKey: 'memberships.nav.roster', order: 30, show: (a) => a !== null && (a.roles.includes('liaison') || a.isStaff || a.isAdmin) })

  app.homeCards.push({
    order: 10,
    partial: 'memberships/home-card',
    load: (req) => {
      const actor = req.actor
      if (actor === null) return null
      const m = service.mineForCard(actor)
      if (m === undefined) return { none: true }
      return { m, pendingTo: m.pendingTo, isActive: m.status === 'active', canApplyAgain: m.status === 'rejected' || m.status === 'left' }
    }
  })
  app.homeCards.push({
    order: 15,
    partial: 'memberships/review-card',
    load: (req) => {
      const actor = req.actor
      if (actor === null || !service.isReviewer(actor)) return null
      return { applications: service.pendingApplicationsCount(actor), transfers: service.pendingTransfersFor(actor).length }
    }
  })

  // ---- the member's own pages ----

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
    if (existing !== undefined && (existing.status === 'applied' || existing.status === 'active')) return reply.redirect('/membership')
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
      canApplyAgain: m.status === 'rejected' || m.status === 'left',
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

  // ---- liaisons and staff ----

  const rosterData = (actor: Actor, req: FastifyRequest) => {
    const q = parseInput(rosterQuery, req.query)
    const { rows, total } = service.roster(actor, q, PAGE_SIZE, (q.page - 1) * PAGE_SIZE)
    const pages = Math.max(1, Math.ceil(total / PAGE_SIZE))
    const params = { q: q.q, idh: q.idh, status: q.status, enterpriseId: q.enterpriseId, buildingId: q.buildingId }
    const exportQuery = new URLSearchParams(Object.entries(params).filter(([, v]) => v !== undefined).map(([k, v]): [string, string] => [k, String(v)])).toString()
    const manageable = service.manageableEnterprises(actor)
    return {
      titleKey: 'memberships.roster.title',
      needsCsrf: true,
      // The import page refuses anyone without an enrolled enterprise; don't offer them the link.
      canImport: manageable.some((e) => e.status === 'enrolled'),
      rows: rows.map((m) => ({ ...summary(m), mobileMasked: m.mobile === null ? '' : maskMobile(m.mobile) })),
      total,
      q: params,
      enterprises: manageable.map((e) => ({ ...e, selected: e.id === q.enterpriseId })),
      statuses: ['applied', 'active', 'rejected', 'left'].map((s) => ({ value: s, selected: s === q.status })),
      transfers: service.pendingTransfersFor(actor),
      // Applications on this page may be ticked and decided together (select-all works without script: ?all=1).
      canDecide: rows.some((m) => m.status === 'applied'),
      selectAll: (req.query as Record<string, unknown>)?.all === '1',
      selectAllHref: '/memberships?' + new URLSearchParams(Object.entries({ ...params, page: q.page > 1 ? q.page : undefined, all: 1 }).filter(([, v]) => v !== undefined).map(([k, v]): [string, string] => [k, String(v)])).toString(),
      exportHref: '/memberships/export.csv' + (exportQuery === '' ? '' : '?' + exportQuery),
      exportXlsxHref: '/memberships/export.xlsx' + (exportQuery === '' ? '' : '?' + exportQuery),
      ...pageLinks('/memberships', params, q.page, pages)
    }
  }

  app.get('/memberships', async (req, reply) => {
    const actor = app.requireSignedIn(req)
    return reply.page('memberships/roster', rosterData(actor, req))
  })

  // The search form posts, so an ID number typed into it never appears in a URL (the address
  // bar, history, proxies' access logs): it goes on as its keyed hash.
  app.post('/memberships/search', csrf, async (req, reply) => {
    app.requireSignedIn(req)
    const q = parseInput(rosterQuery, req.body ?? {})
    const idh = service.idSearchHash(q.q) ?? q.idh
    const params = { ...(idh !== undefined ? { idh } : { q: q.q }), status: q.status, enterpriseId: q.enterpriseId, buildingId: q.buildingId }
    const query = new URLSearchParams(Object.entries(params).filter(([, v]) => v !== undefined).map(([k, v]): [string, string] => [k, String(v)])).toString()
    return reply.code(303).redirect('/memberships' + (query === '' ? '' : '?' + query))
  })

  // The roster as CSV or XLSX: the same columns, streamed a chunk per turn of the event loop.
  const exportRoster = (req: FastifyRequest) => {
    const actor = app.requireSignedIn(req)
    const q = parseInput(rosterQuery, req.query)
    const rows = service.exportRoster(actor, q)
    const t = req.t.bind(req)
    const header = ['memberNo', 'name', 'idMasked', 'gender', 'mobile', 'enterprise', 'building', 'status', 'appliedAt', 'joinedOn', 'leftOn']
      .map((k) => t('memberships.field.' + k))
    const lines = (function * () {
      for (const m of rows) {
        yield [m.memberNo, m.name, m.idMasked, t('memberships.gender.' + m.gender), m.mobile, m.enterpriseName, m.buildingName,
          t('memberships.status.' + m.status), m.appliedAt.slice(0, 10), m.joinedOn, m.leftOn]
      }
    })()
    return { header, lines }
  }
  app.get('/memberships/export.csv', async (req, reply) => {
    const { header, lines } = exportRoster(req)
    return sendCsv(reply, `members-${app.clock.today()}.csv`, csvStream(header, lines))
  })
  app.get('/memberships/export.xlsx', async (req, reply) => {
    const { header, lines } = exportRoster(req)
    // Member numbers and mobiles as text: Excel keeps every digit.
    return sendXlsx(reply, `members-${app.clock.today()}.xlsx`, xlsxStream(req.t('memberships.roster.title'), header, lines, { textColumns: [0, 2, 4] }))
  })

  const detailData = (actor: Actor, id: number, extra: Record<string, unknown> = {}) => {
    const v = service.view(actor, id)
    return {
      titleKey: 'memberships.detail.title',
      m: summary(v.membership),
      transfers: v.transfers,
      canDecide: v.canDecide,
      canLeave: v.canLeave && !v.self,
      canRevealId: v.canRevealId,
      canRequestTransfer: v.canRequestTransfer && !v.self,
      transferTargets: v.canRequestTransfer && !v.self ? service.enrolledEnterprises().filter((e) => e.id !== v.membership.enterpriseId) : [],
      pendingTransferForActor: v.pendingTransferForActor,
      decidedByName: v.decidedByName,
      history: v.manager ? service.history(id) : [],
      values: {},
      ...extra
    }
  }

  app.get('/memberships/:id', async (req, reply) => {
    const actor = app.requireSignedIn(req)
    const { id } = parseInput(idParam, req.params)
    return reply.page('memberships/detail', detailData(actor, id))
  })

  const action = (path: string, run: (actor: Actor, id: number, body: unknown) => string) => {
    app.post(`/memberships/:id/${path}`, csrf, async (req, reply) => {
      const actor = app.requireSignedIn(req)
      const { id } = parseInput(idParam, req.params)
      try {
        reply.flash(run(actor, id, req.body))
        return await reply.redirect(`/memberships/${id}`)
      } catch (err) {
        return reply.formError(err, 'memberships/detail', detailData(actor, id, { values: req.body }))
      }
    })
  }
  action('approve', (actor, id) => { service.approve(actor, id); return 'memberships.approved' })
  action('reject', (actor, id, body) => { service.reject(actor, id, parseInput(rejectInput, body).reason); return 'memberships.rejected' })
  action('leave', (actor, id, body) => { service.leave(actor, id, parseInput(leaveInput, body).note); return 'memberships.leftRecorded' })
  action('transfer', (actor, id, body) => { service.requestTransfer(actor, id, parseInput(transferInput, body).enterpriseId); return 'memberships.transfer.sent' })

  app.post('/memberships/:id/reveal-id', csrf, async (req, reply) => {
    const actor = app.requireSignedIn(req)
    const { id } = parseInput(idParam, req.params)
    const fullId = service.revealId(actor, id)
    return reply.page('memberships/detail', detailData(actor, id, { fullId }))
  })

  const transferAction = (path: string, run: (actor: Actor, id: number, body: unknown) => string) => {
    app.post(`/memberships/transfers/:id/${path}`, csrf, async (req, reply) => {
      const actor = app.requireSignedIn(req)
      const { id } = parseInput(idParam, req.params)
      try {
        reply.flash(run(actor, id, req.body))
        return await reply.redirect('/memberships')
      } catch (err) {
        if (!(err instanceof AppError) || err.statusCode === 403 || err.statusCode >= 500) throw err
        return reply.formError(err, 'memberships/roster', rosterData(actor, req))
      }
    })
  }
  transferAction('confirm', (actor, id) => { service.confirmTransfer(actor, id); return 'memberships.transfer.confirmed' })
  transferAction('reject', (actor, id, body) => { service.rejectTransfer(actor, id, parseInput(rejectInput, body).reason); return 'memberships.transfer.rejected' })

  // ---- roster import ----

  const importPage = (actor: Actor, extra: Record<string, unknown> = {}) => {
    const enterprises = service.manageableEnterprises(actor).filter((e) => e.status === 'enrolled')
    if (enterprises.length === 0) throw forbidden()
    const values = (extra.values ?? {}) as Record<string, unknown>
    return {
      titleKey: 'memberships.import.title',
      enterprises: enterprises.map((e) => ({ ...e, selected: String(values.enterpriseId) === String(e.id) })),
      recent: imports.recent(actor),
      values,
      showEncoding: values.encoding === 'gb18030' || values.encoding === 'utf-8',
      needsCsrf: true,
      ...extra
    }
  }

  app.get('/memberships/import', async (req, reply) => {
    const actor = app.requireSignedIn(req)
    return reply.page('memberships/import', importPage(actor))
  })

  app.get('/memberships/import/template.csv', async (req, reply) => {
    app.requireSignedIn(req)
    const t = req.t.bind(req)
    return sendCsv(reply, 'roster-template.csv', '\uFEFF' + [t('memberships.field.name'), t('memberships.import.col.idNumber'), t('memberships.field.mobile')].join(',') + '\r\n')
  })

  // The same header as an Excel workbook whose ID and mobile columns are Text, so that an ID
  // typed or pasted there keeps its 18 characters (in a General column Excel keeps 15 digits).
  app.get('/memberships/import/template.xlsx', async (req, reply) => {
    app.requireSignedIn(req)
    const t = req.t.bind(req)
    const header = [t('memberships.field.name'), t('memberships.import.col.idNumber'), t('memberships.field.mobile')]
    return sendXlsx(reply, 'roster-template.xlsx', await xlsxBuffer(t('memberships.import.title'), header, [], { textColumns: [1, 2], textRows: 1000 }))
  })

  app.post('/memberships/import', csrf, async (req, reply) => {
    const actor = app.requireSignedIn(req)
    let fields: Record<string, string> = {}
    try {
      const upload = await readUpload(req).catch((err: { code?: string }) => {
        if (err?.code === 'FST_REQ_FILE_TOO_LARGE') throw badRequest({ file: 'memberships.import.tooLarge' })
        throw err
      })
      fields = upload.fields
      // Every missing part is named at once: the enterprise, the consent, the file.
      const problems: FieldErrors = {}
      let target: ReturnType<typeof importTarget.parse> | undefined
      try { target = parseInput(importTarget, fields) } catch (err) { if (err instanceof AppError && err.fields !== undefined) Object.assign(problems, err.fields); else throw err }
      if (fields.consent === undefined) problems.consent = 'memberships.import.consentRequired'
      if (upload.file === undefined) problems.file = 'memberships.import.noFile'
      if (target === undefined || upload.file === undefined || Object.keys(problems).length > 0) throw badRequest(problems)
      const { enterpriseId, encoding } = target
      const { import: imp, repeated } = await imports.start(actor, { enterpriseId, encoding, fileName: upload.file.name, data: upload.file.data, lang: req.lang })
      if (repeated) reply.flash('memberships.import.repeated')
      return await reply.redirect(`/memberships/imports/${imp.id}`)
    } catch (caught) {
      const err = caught instanceof AppError && caught.statusCode === 413 ? badRequest({ file: 'memberships.import.tooLarge' }) : caught
      // A file that reads plausibly both ways: the form asks which (the names shown both ways).
      const ask = err instanceof AppError && err.code === 'ENCODING_AMBIGUOUS'
      return reply.formError(err, 'memberships/import', importPage(actor, { values: fields, ...(ask ? { showEncoding: true } : {}) }))
    }
  })

  app.get('/memberships/imports/:id', async (req, reply) => {
    const actor = app.requireSignedIn(req)
    const { id } = parseInput(idParam, req.params)
    const imp = imports.get(actor, id)
    return reply.page('memberships/import-status', { titleKey: 'memberships.import.statusTitle', imp: importJson(imp, imports, false, '/memberships/imports'), running: imp.status === 'running', failed: imp.status === 'failed' })
  })

  app.get('/memberships/imports/:id/status.json', async (req) => {
    const actor = app.requireSignedIn(req)
    const { id } = parseInput(idParam, req.params)
    return importJson(imports.get(actor, id), imports, false, '/memberships/imports')
  })

  app.get('/memberships/imports/:id/errors.csv', async (req, reply) => {
    const actor = app.requireSignedIn(req)
    const { id } = parseInput(idParam, req.params)
    const report = imports.errorReport(actor, id)
    return sendCsv(reply, `import-${id}-refused.csv`, report)
  })
}

/** What pages show of a membership: masked ID, never the cipher or hash. */
export function summary (m: MembershipView) {
  return {
    id: m.id, status: m.status, memberNo: m.memberNo, name: m.name, idMasked: m.idMasked, gender: m.gender, birthDate: m.birthDate,
    mobile: m.mobile, enterpriseId: m.enterpriseId, enterpriseName: m.enterpriseName, enterpriseStatus: m.enterpriseStatus,
    buildingId: m.buildingId, buildingName: m.buildingName, federationName: m.federationName ?? m.buildingName,
    appliedAt: m.appliedAt, joinedOn: m.joinedOn, leftOn: m.leftOn, rejectReason: m.rejectReason, source: m.source,
    decidedAt: m.decidedAt
  }
}
