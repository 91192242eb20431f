// The contract's claim calls under /api/v1/aid/claims, plus payment batches and the fund
// overview. Thin: parse, call the service, answer.
import type { FastifyInstance } from 'fastify'
import { parseInput, idParam } from '../../lib/validation.js'
import { requireIdempotencyKey } from '../../lib/idempotency.js'
import { AppError } from '../../lib/errors.js'
import { csvStream, sendCsv, attachmentHeader } from '../../lib/csv.js'
import { EXPORT_HEADER, type ClaimsService } from './claims-service.js'
import { batchInput, batchPaidInput, claimInput, documentKindInput, listQuery, queueQuery, rejectInput } from './claims-schemas.js'
import { readUpload } from './upload.js'
import { z } from 'zod'

export const BATCH_CSV_HEADER = ['会员姓名 Member name', '会员号 Member number', '金额（元）Amount (yuan)', '报销单号 Claim ID']

const docParams = z.object({ id: z.coerce.number().int().positive(), docId: z.coerce.number().int().positive() })

export default async function claimsApi (app: FastifyInstance, { service }: { service: ClaimsService }): Promise<void> {
  app.get('/api/v1/aid/claims', async (req) => {
    const q = parseInput(listQuery, req.query)
    return service.list(app.requireSignedIn(req), { mine: q.mine === '1' || q.mine === 'true', status: q.status, page: q.page })
  })

  app.post('/api/v1/aid/claims', async (req, reply) => {
    const actor = app.requireSignedIn(req)
    const key = requireIdempotencyKey(req.headers['idempotency-key'])
    const input = parseInput(claimInput(app.clock.today()), req.body)
    const answer = service.submit(actor, input, key)
    return reply.code(answer.statusCode).send(answer.body)
  })

  app.get('/api/v1/aid/claims/export.csv', async (req, reply) => {
    const q = parseInput(queueQuery, req.query)
    const rows = service.exportQueue(app.requireSignedIn(req), q)
    return sendCsv(reply, `claims-${app.clock.today()}.csv`, csvStream(EXPORT_HEADER, rows))
  })

  app.get('/api/v1/aid/claims/:id', async (req) => {
    const actor = app.requireSignedIn(req)
    const { id } = parseInput(idParam, req.params)
    const { viewer: _viewer, ...claim } = service.view(actor, id)
    return claim
  })

  app.post('/api/v1/aid/claims/:id/documents', async (req, reply) => {
    const actor = app.requireSignedIn(req)
    const { id } = parseInput(idParam, req.params)
    const upload = await readUpload(req)
    const { kind } = parseInput(documentKindInput, upload.fields)
    if (upload.file === undefined) throw new AppError(400, 'INVALID_INPUT', 'claims.doc.fileRequired', {}, { file: 'claims.doc.fileRequired' })
    const doc = service.addDocument(actor, id, kind, upload.file.fileName, upload.file.bytes)
    return reply.code(201).send(doc)
  })

  app.get('/api/v1/aid/claims/:id/documents/:docId', async (req, reply) => {
    const actor = app.requireSignedIn(req)
    const { id, docId } = parseInput(docParams, req.params)
    const { doc, bytes } = service.readDocument(actor, id, docId)
    return sendDocument(reply, doc, bytes)
  })

  app.post('/api/v1/aid/claims/:id/approve', async (req) => {
    const actor = app.requireSignedIn(req)
    const { id } = parseInput(idParam, req.params)
    return service.approve(actor, id)
  })

  app.post('/api/v1/aid/claims/:id/reject', async (req) => {
    const actor = app.requireSignedIn(req)
    const { id } = parseInput(idParam, req.params)
    return service.reject(actor, id, parseInput(rejectInput, req.body))
  })

  // ---- payment batches (not in the fixed contract; added for other systems) ----

  app.get('/api/v1/aid/payment-batches', async (req) => {
    const actor = app.requireSignedIn(req)
    return { items: service.listBatches(actor), ready: service.payable(actor) }
  })

  app.post('/api/v1/aid/payment-batches', async (req, reply) => {
    const actor = app.requireSignedIn(req)
    const { claimIds } = parseInput(batchInput, req.body)
    return reply.code(201).send(service.createBatch(actor, claimIds))
  })

  app.get('/api/v1/aid/payment-batches/:id', async (req) => {
    const actor = app.requireSignedIn(req)
    const { id } = parseInput(idParam, req.params)
    const { batch, claims } = service.batch(actor, id)
    return { ...batch, claims: claims.map(({ userId: _u, ...c }) => c) }
  })

  app.get('/api/v1/aid/payment-batches/:id/export.csv', async (req, reply) => {
    const actor = app.requireSignedIn(req)
    const { id } = parseInput(idParam, req.params)
    return sendBatchCsv(reply, service.exportBatch(actor, id))
  })

  app.post('/api/v1/aid/payment-batches/:id/paid', async (req) => {
    const actor = app.requireSignedIn(req)
    const { id } = parseInput(idParam, req.params)
    const { bankReference } = parseInput(batchPaidInput, req.body)
    return service.markBatchPaid(actor, id, bankReference)
  })

  app.get('/api/v1/aid/fund', async (req) => service.fund(app.requireSignedIn(req)))
}

type Reply = import('fastify').FastifyReply

/** The plain bytes with their real type, as a download that the browser may not re-interpret. */
export function sendDocument (reply: Reply, doc: { fileName: string, mime: string }, bytes: Buffer): Reply {
  return reply
    .header('content-type', doc.mime)
    .header('content-disposition', attachmentHeader(doc.fileName))
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, no-store')
    .send(bytes)
}

export function sendBatchCsv (reply: Reply, out: ReturnType<ClaimsService['exportBatch']>): Reply {
  return sendCsv(reply, `payment-batch-${out.batch.id}.csv`, csvStream(BATCH_CSV_HEADER, out.rows))
}
