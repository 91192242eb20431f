// The second release's claim calls: return for documents and resubmit, the member's payout
// account, and paying a batch (bank file, handed to the bank, paid by a second person, a
// returned transfer). Thin: who may act first, then the body, then the use case.
import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { idParam, parseInput } from '../../lib/validation.js'
import { apiDoc, fenInt, fromZod, int, obj, oneOf, str } from '../../plugins/openapi.js'
import { batchPaidInput, failedItemInput, payoutAccountInput, returnInput } from './claims-schemas.js'
import type { Returns } from './returns.js'
import type { PayoutAccounts } from './payout-accounts.js'
import type { BatchPayments } from './batch-payments.js'
import { bankFileCsv, bankFileXlsx, sendBankFile } from './bank-file.js'
import { notFound } from '../../lib/errors.js'

const itemParams = z.object({ id: z.coerce.number().int().positive(), claimId: z.coerce.number().int().positive() })
const MASKED_ACCOUNT = obj({ bankName: str(), accountNo: str('**** **** 1234: only the last four digits'), accountLast4: str(), accountName: str(), updatedAt: str() })

export default async function payoutsApi (app: FastifyInstance, { returns, accounts, batches }: { returns: Returns, accounts: PayoutAccounts, batches: BatchPayments }): Promise<void> {
  app.post('/api/v1/aid/claims/:id/return', {
    schema: apiDoc({
      summary: 'Return a claim to the member for documents (reviewers)',
      description: 'From `submitted` or `awaiting_second_approval`; the note says what is missing. A claim returned from the second approval needs both approvals again.',
      tag: 'claims',
      params: fromZod(idParam),
      body: fromZod(returnInput),
      answer: { description: 'Returned', schema: obj({ status: oneOf('needs_documents') }) },
      errors: { 409: 'STATE_CHANGED' }
    })
  }, async (req) => {
    const actor = app.requireSignedIn(req)
    const { id } = parseInput(idParam, req.params)
    returns.checkMayReturn(actor, id)
    return returns.returnForDocuments(actor, id, parseInput(returnInput, req.body).note)
  })

  app.post('/api/v1/aid/claims/:id/resubmit', {
    schema: apiDoc({
      summary: 'Send a claim returned for documents back for review (the claimant)',
      tag: 'claims',
      params: fromZod(idParam),
      answer: { description: 'Back in the queue', schema: obj({ status: oneOf('submitted') }) },
      errors: { 409: 'STATE_CHANGED: the claim is not waiting for documents' }
    })
  }, async (req) => {
    const actor = app.requireSignedIn(req)
    const { id } = parseInput(idParam, req.params)
    return returns.resubmit(actor, id)
  })

  app.get('/api/v1/me/payout-account', {
    schema: apiDoc({ summary: 'My payout account, masked', tag: 'me', answer: { description: 'The account', schema: MASKED_ACCOUNT }, errors: { 404: 'NOT_FOUND: none on file' } })
  }, async (req) => {
    const account = accounts.get(app.requireSignedIn(req))
    if (account === null) throw notFound()
    return account
  })

  app.put('/api/v1/me/payout-account', {
    schema: apiDoc({
      summary: 'Set my payout account (收款账户) for claims',
      description: '`accountName` must be the member\'s own name; `accountNo` 12–19 digits (spaces and hyphens ignored). Stored encrypted; answered masked.',
      tag: 'me',
      body: fromZod(payoutAccountInput),
      answer: { description: 'The account, masked', schema: MASKED_ACCOUNT }
    })
  }, async (req) => {
    const actor = app.requireSignedIn(req)
    return accounts.save(actor, parseInput(payoutAccountInput, req.body))
  })

  for (const kind of ['csv', 'xlsx'] as const) {
    const paths = kind === 'csv' ? ['/api/v1/aid/payment-batches/:id/bank-file.csv', '/api/v1/aid/payment-batches/:id/export.csv'] : ['/api/v1/aid/payment-batches/:id/bank-file.xlsx']
    for (const path of paths) {
      app.get(path, {
        schema: apiDoc({
          summary: `The batch's bank file (批量代发, ${kind.toUpperCase()}): a read, the batch does not change`,
          description: 'Columns: 序号, 收款账号 (full), 收款户名, 金额（元）, 收款银行, 用途, 备注（报销单号）; every cell text.',
          tag: 'payment-batches',
          params: fromZod(idParam),
          answer: { description: 'The file', contentType: kind === 'csv' ? 'text/csv' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }
        })
      }, async (req, reply) => {
        const { id } = parseInput(idParam, req.params)
        const file = batches.bankFile(app.requireSignedIn(req), id)
        return sendBankFile(reply, file, kind, kind === 'csv' ? bankFileCsv(file) : await bankFileXlsx(file))
      })
    }
  }

  app.post('/api/v1/aid/payment-batches/:id/exported', {
    schema: apiDoc({
      summary: 'Mark a batch exported: its bank file was handed to the bank',
      tag: 'payment-batches',
      params: fromZod(idParam),
      answer: { description: 'Exported', schema: obj({ id: int(), status: oneOf('exported') }) },
      errors: { 409: 'STATE_CHANGED' }
    })
  }, async (req) => {
    const { id } = parseInput(idParam, req.params)
    return batches.markExported(app.requireSignedIn(req), id)
  })

  app.post('/api/v1/aid/payment-batches/:id/paid', {
    schema: apiDoc({
      summary: 'Mark a batch paid with the bank reference (a reviewer other than its maker): its claims become paid',
      tag: 'payment-batches',
      params: fromZod(idParam),
      body: fromZod(batchPaidInput),
      answer: { description: 'The batch, paid', schema: obj({ id: int(), status: oneOf('paid'), claimCount: int(), totalFen: fenInt(), bankReference: str() }) },
      errors: { 403: 'SECOND_PERSON_REQUIRED: the batch\'s maker cannot mark it paid', 409: 'STATE_CHANGED' }
    })
  }, async (req) => {
    const actor = app.requireSignedIn(req)
    const { id } = parseInput(idParam, req.params)
    batches.check(actor, id)
    const { bankReference } = parseInput(batchPaidInput, req.body)
    return batches.markPaid(actor, id, bankReference)
  })

  app.post('/api/v1/aid/payment-batches/:id/items/:claimId/failed', {
    schema: apiDoc({
      summary: 'A transfer the bank returned: the claim is approved again and leaves the batch',
      tag: 'payment-batches',
      params: fromZod(itemParams),
      body: fromZod(failedItemInput),
      answer: { description: 'The claim and the batch\'s new totals', schema: obj({ id: int(), claimId: int(), status: oneOf('approved'), batch: obj({ status: str(), totalFen: fenInt(), claimCount: int() }) }) },
      errors: { 409: 'STATE_CHANGED: not in this batch any more' }
    })
  }, async (req) => {
    const actor = app.requireSignedIn(req)
    const { id, claimId } = parseInput(itemParams, req.params)
    batches.check(actor, id)
    return batches.itemFailed(actor, id, claimId, parseInput(failedItemInput, req.body).reason)
  })
}
