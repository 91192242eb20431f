// The JSON door onto the membership services (/api/v1). Thin: parse, call, answer.
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { z } from 'zod'
import { idParam, parseInput } from '../../lib/validation.js'
import { badRequest } from '../../lib/errors.js'
import { sendCsv } from '../../lib/csv.js'
import { applyApi, leaveInput, rejectInput, rosterQuery, transferInput, importTarget } from './memberships-schemas.js'
import type { MembershipsService } from './memberships-service.js'
import type { RosterImports } from './roster-import.js'
import type { MembershipView } from './memberships-repository.js'

const PAGE_SIZE = 50

export function publicMembership (m: MembershipView) {
  return {
    id: m.id, status: m.status, memberNo: m.memberNo, name: m.name, idMasked: m.idMasked, gender: m.gender, mobile: m.mobile,
    enterpriseId: m.enterpriseId, enterpriseName: m.enterpriseName, buildingId: m.buildingId, buildingName: m.buildingName,
    appliedAt: m.appliedAt, joinedOn: m.joinedOn, leftOn: m.leftOn, rejectReason: m.rejectReason, source: m.source
  }
}

/** Reads a multipart upload: its fields and its one file (limits come from the multipart plugin). */
export async function readUpload (req: FastifyRequest): Promise<{ fields: Record<string, string>, file?: { name: string, data: Buffer } }> {
  if (!req.isMultipart()) throw badRequest({ file: 'memberships.import.noFile' })
  const fields: Record<string, string> = {}
  let file: { name: string, data: Buffer } | undefined
  for await (const part of req.parts()) {
    if (part.type === 'file') {
      const data = await part.toBuffer()
      if (part.file.truncated) throw badRequest({ file: 'memberships.import.tooLarge' })
      if (file === undefined && part.filename !== '') file = { name: part.filename, data }
    } else if (typeof part.value === 'string') {
      fields[part.fieldname] = part.value
    }
  }
  return { fields, file }
}

export default async function membershipsApi (app: FastifyInstance, { service, imports }: { service: MembershipsService, imports: RosterImports }): Promise<void> {
  const today = () => app.clock.today()

  app.post('/api/v1/memberships', async (req, reply) => {
    const actor = app.requireSignedIn(req)
    const input = parseInput(applyApi(today), req.body)
    return reply.code(201).send(service.apply(actor, input))
  })

  app.get('/api/v1/memberships', async (req) => {
    const actor = app.requireSignedIn(req)
    const q = parseInput(rosterQuery, req.query)
    const { rows, total } = service.roster(actor, q, PAGE_SIZE, (q.page - 1) * PAGE_SIZE)
    return { items: rows.map(publicMembership), total, page: q.page, pageSize: PAGE_SIZE }
  })

  app.get('/api/v1/memberships/:id', async (req) => {
    const actor = app.requireSignedIn(req)
    const { id } = parseInput(idParam, req.params)
    const v = service.view(actor, id)
    return {
      ...publicMembership(v.membership),
      transfers: v.transfers.map((t) => ({ id: t.id, status: t.status, fromEnterpriseId: t.fromEnterpriseId, toEnterpriseId: t.toEnterpriseId, requestedAt: t.requestedAt, decidedAt: t.decidedAt, effectiveOn: t.effectiveOn }))
    }
  })

  app.post('/api/v1/memberships/:id/approve', async (req) => {
    const actor = app.requireSignedIn(req)
    const { id } = parseInput(idParam, req.params)
    return service.approve(actor, id)
  })

  app.post('/api/v1/memberships/:id/reject', async (req) => {
    const actor = app.requireSignedIn(req)
    const { id } = parseInput(idParam, req.params)
    const input = parseInput(rejectInput, req.body)
    return service.reject(actor, id, input.reason)
  })

  app.post('/api/v1/memberships/:id/leave', async (req) => {
    const actor = app.requireSignedIn(req)
    const { id } = parseInput(idParam, req.params)
    const input = parseInput(leaveInput, req.body)
    return service.leave(actor, id, input.note)
  })

  app.post('/api/v1/memberships/:id/transfers', async (req, reply) => {
    const actor = app.requireSignedIn(req)
    const { id } = parseInput(idParam, req.params)
    const input = parseInput(transferInput, req.body)
    return reply.code(201).send(service.requestTransfer(actor, id, input.enterpriseId))
  })

  const transferNote = z.object({ note: z.string().trim().max(500, 'v.tooLong').optional() })

  app.post('/api/v1/membership-transfers/:id/confirm', async (req) => {
    const actor = app.requireSignedIn(req)
    const { id } = parseInput(idParam, req.params)
    return service.confirmTransfer(actor, id)
  })

  app.post('/api/v1/membership-transfers/:id/reject', async (req) => {
    const actor = app.requireSignedIn(req)
    const { id } = parseInput(idParam, req.params)
    const input = parseInput(transferNote, req.body)
    return service.rejectTransfer(actor, id, input.note === '' ? undefined : input.note)
  })

  app.post('/api/v1/membership-transfers/:id/cancel', async (req) => {
    const actor = app.requireSignedIn(req)
    const { id } = parseInput(idParam, req.params)
    return service.cancelTransfer(actor, id)
  })

  app.post('/api/v1/membership-imports', async (req, reply) => {
    const actor = app.requireSignedIn(req)
    const upload = await readUpload(req)
    const { enterpriseId } = parseInput(importTarget, upload.fields)
    if (upload.file === undefined) throw badRequest({ file: 'memberships.import.noFile' })
    const { import: imp, repeated } = await imports.start(actor, { enterpriseId, fileName: upload.file.name, data: upload.file.data, lang: req.lang })
    return reply.code(repeated ? 200 : imp.status === 'running' ? 202 : 201).send(importJson(imp, imports, repeated))
  })

  app.get('/api/v1/membership-imports/:id', async (req) => {
    const actor = app.requireSignedIn(req)
    const { id } = parseInput(idParam, req.params)
    return importJson(imports.get(actor, id), imports, false)
  })

  app.get('/api/v1/membership-imports/:id/errors.csv', async (req, reply) => {
    const actor = app.requireSignedIn(req)
    const { id } = parseInput(idParam, req.params)
    const report = imports.errorReport(actor, id)
    return sendCsv(reply, `import-${id}-refused.csv`, report)
  })
}

/** The import's state; the refused rows' URL is under the API or the pages, matching the caller's credentials. */
export function importJson (imp: import('./memberships-repository.js').ImportRow, imports: RosterImports, repeated: boolean, base = '/api/v1/membership-imports') {
  const p = imports.progressOf(imp)
  return {
    id: imp.id, status: imp.status, repeated, enterpriseId: imp.enterpriseId, fileName: imp.fileName,
    totalRows: imp.totalRows, processed: p.processed, total: p.total, done: p.done,
    createdRows: imp.createdRows, duplicateRows: imp.duplicateRows, invalidRows: imp.invalidRows,
    errorReportUrl: imp.errorReport === null ? null : `${base}/${imp.id}/errors.csv`
  }
}
