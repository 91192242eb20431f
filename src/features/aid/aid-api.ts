// The aid fund's JSON API (/api/v1/aid/…): thin doors onto the service.
import type { FastifyInstance } from 'fastify'
import { idParam, parseInput } from '../../lib/validation.js'
import { requireIdempotencyKey } from '../../lib/idempotency.js'
import { notFound } from '../../lib/errors.js'
import type { AidService } from './aid-service.js'
import { groupOrderBody, orderBody, paymentBody, planBody, planFromBody, quoteBody, yearParam } from './aid-schemas.js'
import { ordersOfUser } from './purchases-repository.js'

export default async function aidApi (app: FastifyInstance, { service }: { service: AidService }): Promise<void> {
  app.get('/api/v1/aid/plans/current', async () => service.currentPlan())

  app.get('/api/v1/aid/plans/:year', async (req) => {
    const { year } = parseInput(yearParam, req.params)
    const plan = service.planOf(year)
    if (plan === undefined) throw notFound('aid.err.noPlan')
    return plan
  })

  app.put('/api/v1/aid/plans/:year', async (req) => {
    const actor = app.requireSignedIn(req)
    const { year } = parseInput(yearParam, req.params)
    const body = parseInput(planBody, req.body)
    return service.savePlan(actor, planFromBody(year, body))
  })

  app.post('/api/v1/aid/quote', async (req) => {
    const input = parseInput(quoteBody, req.body)
    return service.quote(input).quote
  })

  app.get('/api/v1/aid/purchases', async (req) => {
    const actor = app.requireSignedIn(req)
    return { items: ordersOfUser(app.db, actor.id).map(publicOrder) }
  })

  app.get('/api/v1/aid/purchases/:id', async (req) => {
    const { id } = parseInput(idParam, req.params)
    return publicOrder(service.orderFor(app.requireSignedIn(req), id))
  })

  app.post('/api/v1/aid/purchases', async (req, reply) => {
    const actor = app.requireSignedIn(req)
    const key = requireIdempotencyKey(req.headers['idempotency-key'])
    const input = parseInput(orderBody, req.body)
    const answer = service.orderShare(actor, input, key)
    return reply.code(answer.statusCode).send(answer.body)
  })

  app.post('/api/v1/aid/group-orders', async (req, reply) => {
    const actor = app.requireSignedIn(req)
    const key = requireIdempotencyKey(req.headers['idempotency-key'])
    const input = parseInput(groupOrderBody, req.body)
    const answer = service.orderGroup(actor, input, key)
    return reply.code(answer.statusCode).send(answer.body)
  })

  app.post('/api/v1/aid/purchases/:id/confirm-payment', async (req) => {
    const actor = app.requireSignedIn(req)
    const { id } = parseInput(idParam, req.params)
    const input = parseInput(paymentBody, req.body)
    return service.confirmPayment(actor, id, input)
  })
}

/** An order as the API shows it (no internal user ids). */
export function publicOrder (o: ReturnType<typeof ordersOfUser>[number]) {
  return {
    id: o.id,
    planYear: o.planYear,
    membershipId: o.membershipId,
    memberName: o.memberName,
    memberNo: o.memberNo,
    enterpriseName: o.enterpriseName,
    shares: o.shares,
    amountFen: o.amountFen,
    status: o.status,
    orderedOn: o.orderedOn,
    groupOrderId: o.groupOrderId,
    receiptNo: o.receiptNo,
    paidOn: o.paidOn,
    coverFrom: o.coverFrom,
    coverTo: o.coverTo
  }
}
