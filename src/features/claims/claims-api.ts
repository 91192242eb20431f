// The contract's claim calls under /api/v1/aid/claims, plus payment batches and the fund
// overview. Thin: parse, call the service, answer.
import type { FastifyInstance } from 'fastify'
import { parseInput, idParam } from '../../lib/validation.js'
import { requireIdempotencyKey } from '../../lib/idempotency.js'
import { AppError } from '../../lib/errors.js'
import { sendDocument } from '../../lib/download.js'
import type { ClaimsService } from './claims-service.js'
import { sendClaimsExport } from './claims-export.js'
import { batchInput, claimInput, docParams, documentKindInput, listQuery, queueQuery, rejectInput } from './claims-schemas.js'
import { readUpload } from './upload.js'
import { claimAnswer, claimListAnswer, documentAnswer, submitAnswer } from './claims-answers.js'
import { answerFromZod, apiDoc, arr, fenInt, fromZod, int, items, obj, oneOf } from '../../plugins/openapi.js'
import { DOCUMENT_KINDS } from './documents.js'

export default async function claimsApi (app: FastifyInstance, { service }: { service: ClaimsService }): Promise<void> {
  const claimBody = claimInput(app.clock.today)
  app.get('/api/v1/aid/claims', {
    schema: apiDoc({
      summary: 'Claims: my own; staff and admin get those they may review (`mine=1`: their own)',
      tag: 'claims',
      query: fromZod(listQuery),
      answer: { description: 'One page of claims with counts per status', schema: answerFromZod(claimListAnswer) }
    })
  }, async (req) => {
    const q = parseInput(listQuery, req.query)
    return service.list(app.requireSignedIn(req), { mine: q.mine === '1' || q.mine === 'true', status: q.status, page: q.page })
  })

  app.post('/api/v1/aid/claims', {
    schema: apiDoc({
      summary: 'Submit a claim (报销申请)',
      description: 'Schema errors (fractional fen, negative amounts, discharge before admission, dates after today) are 400 before the automatic checks. The automatic checks run in this order, the first that fails answers 422 with its code and nothing is stored: NOT_MEMBER, NOT_COVERED, WAITING_PERIOD, LATE, DUPLICATE, INCONSISTENT_AMOUNTS. `resubmissionOf` names a rejected claim submitted again.',
      tag: 'claims',
      body: fromZod(claimBody),
      idempotencyKey: true,
      answer: { status: 201, description: 'Submitted, with the estimate on the plan\'s terms', schema: answerFromZod(submitAnswer) },
      errors: { 422: 'NOT_MEMBER, NOT_COVERED, WAITING_PERIOD, LATE, DUPLICATE, INCONSISTENT_AMOUNTS, or IDEMPOTENCY_KEY_REUSED' }
    })
  }, async (req, reply) => {
    const actor = app.requireSignedIn(req)
    const key = requireIdempotencyKey(req.headers['idempotency-key'])
    const input = parseInput(claimBody, req.body)
    const answer = await service.submit(actor, input, key)
    return reply.code(answer.statusCode).send(answer.body)
  })

  for (const format of ['csv', 'xlsx'] as const) {
    app.get(`/api/v1/aid/claims/export.${format}`, {
      schema: apiDoc({
        summary: `The review queue as ${format.toUpperCase()} (staff, admin): status and reason in words, times in Shanghai`,
        tag: 'claims',
        query: fromZod(queueQuery),
        answer: { description: `${format.toUpperCase()} download`, contentType: format === 'csv' ? 'text/csv' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }
      })
    }, async (req, reply) => {
      const q = parseInput(queueQuery, req.query)
      const rows = service.exportQueue(app.requireSignedIn(req), q)
      return sendClaimsExport(req, reply, rows, app.clock.today(), format)
    })
  }

  app.get('/api/v1/aid/claims/:id', {
    schema: apiDoc({
      summary: 'One claim with its breakdown, documents and history (the claimant, its reviewers)',
      tag: 'claims',
      params: fromZod(idParam),
      answer: {
        description: 'The claim',
        schema: answerFromZod(claimAnswer)
      }
    })
  }, async (req) => {
    const actor = app.requireSignedIn(req)
    const { id } = parseInput(idParam, req.params)
    const { viewer: _viewer, ...claim } = service.view(actor, id)
    return claim
  })

  app.post('/api/v1/aid/claims/:id/documents', {
    schema: apiDoc({
      summary: 'Attach a document to one\'s own open claim (PDF, JPEG or PNG, recognised by its bytes; at most 10 MB)',
      tag: 'claims',
      params: fromZod(idParam),
      multipart: obj({ kind: { type: 'string', enum: [...DOCUMENT_KINDS] }, file: { type: 'string', format: 'binary' } }),
      answer: { status: 201, description: 'The stored document (encrypted at rest)', schema: answerFromZod(documentAnswer) },
      errors: { 400: 'INVALID_INPUT (no multipart file, or no kind) or UNSUPPORTED_FILE_TYPE (not PDF, JPEG or PNG by its bytes)', 409: 'CLAIM_CLOSED or TOO_MANY_DOCUMENTS', 413: 'PAYLOAD_TOO_LARGE or FILE_TOO_LARGE' }
    })
  }, async (req, reply) => {
    const actor = app.requireSignedIn(req)
    const { id } = parseInput(idParam, req.params)
    const upload = await readUpload(req)
    const { kind } = parseInput(documentKindInput, upload.fields)
    if (upload.file === undefined) throw new AppError(400, 'INVALID_INPUT', 'claims.doc.fileRequired', {}, { file: 'claims.doc.fileRequired' })
    const doc = service.addDocument(actor, id, kind, upload.file.fileName, upload.file.bytes)
    return reply.code(201).send(doc)
  })

  app.get('/api/v1/aid/claims/:id/documents/:docId', {
    schema: apiDoc({
      summary: 'Download a claim document (the claimant, its reviewers)',
      tag: 'claims',
      params: fromZod(docParams),
      answer: { description: 'The file, as an attachment', contentType: 'application/octet-stream' }
    })
  }, async (req, reply) => {
    const actor = app.requireSignedIn(req)
    const { id, docId } = parseInput(docParams, req.params)
    const { doc, bytes } = service.readDocument(actor, id, docId)
    return sendDocument(reply, doc, bytes)
  })

  app.post('/api/v1/aid/claims/:id/approve', {
    schema: apiDoc({
      summary: 'Approve a claim (staff of the member\'s building, admin; not the claimant)',
      description: 'Above the plan\'s second-approval threshold a claim needs two approvals by different people; the amount is computed again at the final approval.',
      tag: 'claims',
      params: fromZod(idParam),
      answer: { description: 'Approved, or waiting for a second approval', schema: obj({ status: oneOf('approved', 'awaiting_second_approval'), payableFen: fenInt() }) },
      errors: { 409: 'STATE_CHANGED: already decided (or lost a race)' }
    })
  }, async (req) => {
    const actor = app.requireSignedIn(req)
    const { id } = parseInput(idParam, req.params)
    return service.approve(actor, id)
  })

  app.post('/api/v1/aid/claims/:id/reject', {
    schema: apiDoc({
      summary: 'Reject a claim with a reason code (same people as approve); `OTHER` needs a note',
      tag: 'claims',
      params: fromZod(idParam),
      body: fromZod(rejectInput),
      answer: { description: 'Rejected', schema: obj({ status: oneOf('rejected') }) },
      errors: { 409: 'STATE_CHANGED: already decided' }
    })
  }, async (req) => {
    const actor = app.requireSignedIn(req)
    const { id } = parseInput(idParam, req.params)
    // Who may act is settled before the body is read: 404/403 come before 400.
    service.checkMayReview(actor, id)
    return service.reject(actor, id, parseInput(rejectInput, req.body))
  })

  // ---- payment batches (not in the fixed contract; added for other systems) ----

  app.get('/api/v1/aid/payment-batches', {
    schema: apiDoc({
      summary: 'Payment batches, and the approved claims ready to pay (staff, admin)',
      tag: 'payment-batches',
      answer: { description: 'Batches and payable claims', schema: items(obj({}), { ready: arr(obj({})) }) }
    })
  }, async (req) => {
    const actor = app.requireSignedIn(req)
    return { items: service.listBatches(actor), ready: service.payable(actor) }
  })

  app.post('/api/v1/aid/payment-batches', {
    schema: apiDoc({
      summary: 'Put approved claims into a payment batch (all ready ones, or `claimIds`)',
      tag: 'payment-batches',
      body: fromZod(batchInput),
      answer: { status: 201, description: 'The batch', schema: obj({}) },
      errors: { 409: 'CLAIMS_NOT_PAYABLE or STATE_CHANGED', 422: 'NOTHING_TO_PAY' }
    })
  }, async (req, reply) => {
    const actor = app.requireSignedIn(req)
    const { claimIds } = parseInput(batchInput, req.body)
    return reply.code(201).send(service.createBatch(actor, claimIds))
  })

  app.get('/api/v1/aid/payment-batches/:id', {
    schema: apiDoc({
      summary: 'One payment batch with its claims',
      tag: 'payment-batches',
      params: fromZod(idParam),
      answer: { description: 'The batch', schema: obj({ id: int(), claims: arr(obj({})) }) }
    })
  }, async (req) => {
    const actor = app.requireSignedIn(req)
    const { id } = parseInput(idParam, req.params)
    const { batch, claims } = service.batch(actor, id)
    return { ...batch, claims: claims.map(({ userId: _u, ...c }) => c) }
  })

  app.get('/api/v1/aid/fund', {
    schema: apiDoc({
      summary: 'The fund overview: shares sold and claims paid per year (staff, admin)',
      tag: 'payment-batches',
      answer: { description: 'Totals', schema: obj({}) }
    })
  }, async (req) => service.fund(app.requireSignedIn(req)))
}
