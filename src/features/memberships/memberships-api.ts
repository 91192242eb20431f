// The JSON door onto the membership services (/api/v1). Thin: parse, call, answer.
import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { idParam, parseInput } from '../../lib/validation.js'
import { badRequest } from '../../lib/errors.js'
import { sendCsv } from '../../lib/csv.js'
import { applyApi, bulkApproveInput, bulkRejectInput, leaveInput, rejectInput, rosterQuery, transferInput, importTarget } from './memberships-schemas.js'
import { approveMany, rejectMany } from './bulk-decisions.js'
import type { MembershipsService } from './memberships-service.js'
import type { RosterImports } from './roster-import.js'
import type { MembershipView } from './memberships-repository.js'
import { importJson, readUpload } from './roster-upload.js'
import { apiDoc, arr, date, fromZod, int, items, nullable, obj, oneOf, ref, str } from '../../plugins/openapi.js'

const PAGE_SIZE = 50

export function publicMembership (m: MembershipView) {
  return {
    id: m.id, status: m.status, memberNo: m.memberNo, name: m.name, idMasked: m.idMasked, gender: m.gender, mobile: m.mobile,
    enterpriseId: m.enterpriseId, enterpriseName: m.enterpriseName, buildingId: m.buildingId, buildingName: m.buildingName,
    appliedAt: m.appliedAt, joinedOn: m.joinedOn, leftOn: m.leftOn, rejectReason: m.rejectReason, source: m.source
  }
}

export default async function membershipsApi (app: FastifyInstance, { service, imports }: { service: MembershipsService, imports: RosterImports }): Promise<void> {
  const today = () => app.clock.today()
  const applyBody = applyApi(today)

  app.post('/api/v1/memberships', {
    schema: apiDoc({
      summary: 'Apply to join the union for an enrolled enterprise',
      description: 'Calling states the person\'s consent to storing the ID number (collected by the caller\'s own form); `consent: false` is refused. `mobile` defaults to the account\'s phone. One person has at most one applied or active membership.',
      tag: 'memberships',
      body: fromZod(applyBody),
      answer: { status: 201, description: 'Applied; the enterprise\'s liaison or the building\'s staff decide. `active` only when the caller took over an active membership a roster import made for them (same ID number and name, and the roster\'s mobile is the account\'s verified phone): nothing left to decide', schema: obj({ id: int(), status: oneOf('applied', 'active') }) },
      errors: { 409: 'MEMBERSHIP_EXISTS', 422: 'ENTERPRISE_NOT_ENROLLED' }
    })
  }, async (req, reply) => {
    const actor = app.requireSignedIn(req)
    const input = parseInput(applyBody, req.body)
    return reply.code(201).send(service.apply(actor, input))
  })

  app.get('/api/v1/memberships', {
    schema: apiDoc({
      summary: 'The roster the caller may manage (liaison: their enterprises; staff: their buildings), 50 a page',
      tag: 'memberships',
      query: fromZod(rosterQuery),
      answer: { description: 'One page of memberships', schema: items(ref('Membership'), { total: int(), page: int(), pageSize: int() }) }
    })
  }, async (req) => {
    const actor = app.requireSignedIn(req)
    const q = parseInput(rosterQuery, req.query)
    const { rows, total } = service.roster(actor, q, PAGE_SIZE, (q.page - 1) * PAGE_SIZE)
    return { items: rows.map(publicMembership), total, page: q.page, pageSize: PAGE_SIZE }
  })

  app.get('/api/v1/memberships/:id', {
    schema: apiDoc({
      summary: 'One membership with its transfers (the member, its liaison, its building\'s staff)',
      tag: 'memberships',
      params: fromZod(idParam),
      answer: { description: 'The membership', schema: { allOf: [ref('Membership'), obj({ transfers: arr(obj({ id: int(), status: str(), fromEnterpriseId: int(), toEnterpriseId: int(), requestedAt: str(), decidedAt: nullable(str()), effectiveOn: nullable(date()) })) })] } }
    })
  }, async (req) => {
    const actor = app.requireSignedIn(req)
    const { id } = parseInput(idParam, req.params)
    const v = service.view(actor, id)
    return {
      ...publicMembership(v.membership),
      transfers: v.transfers.map((t) => ({ id: t.id, status: t.status, fromEnterpriseId: t.fromEnterpriseId, toEnterpriseId: t.toEnterpriseId, requestedAt: t.requestedAt, decidedAt: t.decidedAt, effectiveOn: t.effectiveOn }))
    }
  })

  const refusedDoc = arr(obj({ id: int(), code: str() }))
  app.post('/api/v1/memberships/approve', {
    schema: apiDoc({
      summary: 'Approve several applications at once, each decided as if alone',
      description: 'Each id goes through the same checks as POST /api/v1/memberships/{id}/approve; one refused (NOT_FOUND, FORBIDDEN, STATE_CHANGED, ENTERPRISE_NOT_ENROLLED, …) does not stop the others.',
      tag: 'memberships',
      body: fromZod(bulkApproveInput, { fields: { ids: { type: 'array', items: { type: 'integer' }, minItems: 1, maxItems: 500 } } }),
      answer: { description: 'Which were approved and which refused, with the code each would have got alone', schema: obj({ approved: arr(int()), refused: refusedDoc }) }
    })
  }, async (req) => {
    const actor = app.requireSignedIn(req)
    const input = parseInput(bulkApproveInput, req.body)
    return approveMany(service, actor, input.ids)
  })

  app.post('/api/v1/memberships/reject', {
    schema: apiDoc({
      summary: 'Reject several applications at once with one reason (required), each decided as if alone',
      tag: 'memberships',
      body: fromZod(bulkRejectInput, { fields: { ids: { type: 'array', items: { type: 'integer' }, minItems: 1, maxItems: 500 } } }),
      answer: { description: 'Which were rejected and which refused', schema: obj({ rejected: arr(int()), refused: refusedDoc }) }
    })
  }, async (req) => {
    const actor = app.requireSignedIn(req)
    const input = parseInput(bulkRejectInput, req.body)
    if (input.reason === undefined || input.reason.trim() === '') throw badRequest({ reason: 'memberships.v.reasonRequired' })
    return rejectMany(service, actor, input.ids, input.reason)
  })

  app.post('/api/v1/memberships/:id/approve', {
    schema: apiDoc({
      summary: 'Approve an application (the enterprise\'s liaison, staff of its building, admin; not one\'s own)',
      tag: 'memberships',
      params: fromZod(idParam),
      answer: { description: 'Active, with the membership number', schema: obj({ status: oneOf('active'), memberNo: str() }) },
      errors: { 409: 'STATE_CHANGED: not applied any more', 422: 'ENTERPRISE_NOT_ENROLLED' }
    })
  }, async (req) => {
    const actor = app.requireSignedIn(req)
    const { id } = parseInput(idParam, req.params)
    return service.approve(actor, id)
  })

  app.post('/api/v1/memberships/:id/reject', {
    schema: apiDoc({
      summary: 'Reject an application (same people as approve); the reason is required (400 fields.reason)',
      tag: 'memberships',
      params: fromZod(idParam),
      body: fromZod(rejectInput),
      answer: { description: 'Rejected', schema: obj({ status: oneOf('rejected') }) },
      errors: { 409: 'STATE_CHANGED: not applied any more' }
    })
  }, async (req) => {
    const actor = app.requireSignedIn(req)
    const { id } = parseInput(idParam, req.params)
    const input = parseInput(rejectInput, req.body)
    return service.reject(actor, id, input.reason)
  })

  app.post('/api/v1/memberships/:id/leave', {
    schema: apiDoc({
      summary: 'Leave the union (the member, staff of the building); paid aid cover continues',
      tag: 'memberships',
      params: fromZod(idParam),
      body: fromZod(leaveInput),
      answer: { description: 'Left', schema: obj({ status: oneOf('left'), leftOn: date() }) },
      errors: { 409: 'STATE_CHANGED' }
    })
  }, async (req) => {
    const actor = app.requireSignedIn(req)
    const { id } = parseInput(idParam, req.params)
    const input = parseInput(leaveInput, req.body)
    return service.leave(actor, id, input.note)
  })

  app.post('/api/v1/memberships/:id/transfers', {
    schema: apiDoc({
      summary: 'Ask to transfer to another enrolled enterprise (any building); number and history are kept',
      tag: 'memberships',
      params: fromZod(idParam),
      body: fromZod(transferInput),
      answer: { status: 201, description: 'The transfer, waiting for the new enterprise\'s side', schema: obj({ id: int(), status: oneOf('pending') }) },
      errors: { 409: 'NOT_ACTIVE or TRANSFER_PENDING', 422: 'ENTERPRISE_NOT_ENROLLED' }
    })
  }, async (req, reply) => {
    const actor = app.requireSignedIn(req)
    const { id } = parseInput(idParam, req.params)
    const input = parseInput(transferInput, req.body)
    return reply.code(201).send(service.requestTransfer(actor, id, input.enterpriseId))
  })

  const transferNote = z.object({ note: z.string().trim().max(500, 'v.tooLong').optional() })

  app.post('/api/v1/membership-transfers/:id/confirm', {
    schema: apiDoc({
      summary: 'Confirm a transfer (the new enterprise\'s liaison or staff of its building)',
      tag: 'memberships',
      params: fromZod(idParam),
      answer: { description: 'Confirmed', schema: obj({ status: oneOf('confirmed'), enterpriseId: int(), effectiveOn: date() }) },
      errors: { 409: 'STATE_CHANGED' }
    })
  }, async (req) => {
    const actor = app.requireSignedIn(req)
    const { id } = parseInput(idParam, req.params)
    return service.confirmTransfer(actor, id)
  })

  app.post('/api/v1/membership-transfers/:id/reject', {
    schema: apiDoc({
      summary: 'Reject a transfer',
      tag: 'memberships',
      params: fromZod(idParam),
      body: fromZod(transferNote),
      answer: { description: 'Rejected', schema: obj({ status: oneOf('rejected') }) },
      errors: { 409: 'STATE_CHANGED' }
    })
  }, async (req) => {
    const actor = app.requireSignedIn(req)
    const { id } = parseInput(idParam, req.params)
    const input = parseInput(transferNote, req.body)
    return service.rejectTransfer(actor, id, input.note === '' ? undefined : input.note)
  })

  app.post('/api/v1/membership-transfers/:id/cancel', {
    schema: apiDoc({
      summary: 'Cancel one\'s own transfer request',
      tag: 'memberships',
      params: fromZod(idParam),
      answer: { description: 'Cancelled', schema: obj({ status: oneOf('cancelled') }) },
      errors: { 409: 'STATE_CHANGED' }
    })
  }, async (req) => {
    const actor = app.requireSignedIn(req)
    const { id } = parseInput(idParam, req.params)
    return service.cancelTransfer(actor, id)
  })

  app.post('/api/v1/membership-imports', {
    schema: apiDoc({
      summary: 'Import an enterprise\'s roster (xlsx or csv) as its liaison or staff; large files run in the background',
      tag: 'memberships',
      multipart: obj({ enterpriseId: int(), file: { type: 'string', format: 'binary', description: 'xlsx or csv, at most 10 MB' }, encoding: { type: 'string', enum: ['auto', 'utf-8', 'gb18030'], description: 'How to read a CSV without a BOM; needed only after a 400 ENCODING_AMBIGUOUS (its message shows the first names both ways)' } }),
      answer: { status: 201, description: 'Finished (201), still running (202: poll GET /api/v1/membership-imports/{id}), or the same file again (200)', schema: obj({ id: int(), status: str(), repeated: { type: 'boolean' }, enterpriseId: int(), fileName: str(), totalRows: nullable(int()), processed: int(), total: int(), done: { type: 'boolean' }, createdRows: int(), duplicateRows: int(), invalidRows: int(), errorReportUrl: nullable(str()) }) },
      errors: {
        400: 'INVALID_INPUT: `fields` maps each bad field to its message (`fields.file` for a file refused whole); ENCODING_AMBIGUOUS: a CSV without BOM that reads plausibly as both GBK and UTF-8, `fields.encoding` shows the first names both ways: upload again with `encoding`',
        413: 'PAYLOAD_TOO_LARGE',
        422: 'ROSTER_EXCEEDS_HEADCOUNT: a liaison\'s roster of more than max(2 × headcount, headcount + 20) rows (staff and admins may import larger); ENTERPRISE_NOT_ENROLLED'
      }
    })
  }, async (req, reply) => {
    const actor = app.requireSignedIn(req)
    const upload = await readUpload(req)
    const { enterpriseId, encoding } = parseInput(importTarget, upload.fields)
    if (upload.file === undefined) throw badRequest({ file: 'memberships.import.noFile' })
    const { import: imp, repeated } = await imports.start(actor, { enterpriseId, encoding, fileName: upload.file.name, data: upload.file.data, lang: req.lang })
    return reply.code(repeated ? 200 : imp.status === 'running' ? 202 : 201).send(importJson(imp, imports, repeated))
  })

  app.get('/api/v1/membership-imports/:id', {
    schema: apiDoc({
      summary: 'An import\'s progress and counts',
      tag: 'memberships',
      params: fromZod(idParam),
      answer: { description: 'The import', schema: obj({ id: int(), status: str(), repeated: { type: 'boolean' }, enterpriseId: int(), fileName: str(), totalRows: nullable(int()), processed: int(), total: int(), done: { type: 'boolean' }, createdRows: int(), duplicateRows: int(), invalidRows: int(), errorReportUrl: nullable(str()) }) }
    })
  }, async (req) => {
    const actor = app.requireSignedIn(req)
    const { id } = parseInput(idParam, req.params)
    return importJson(imports.get(actor, id), imports, false)
  })

  app.get('/api/v1/membership-imports/:id/errors.csv', {
    schema: apiDoc({
      summary: 'The refused rows of an import, with the reason (CSV)',
      tag: 'memberships',
      params: fromZod(idParam),
      answer: { description: 'CSV download', contentType: 'text/csv' }
    })
  }, async (req, reply) => {
    const actor = app.requireSignedIn(req)
    const { id } = parseInput(idParam, req.params)
    const report = imports.errorReport(actor, id)
    return sendCsv(reply, `import-${id}-refused.csv`, report)
  })
}
