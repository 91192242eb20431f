// The aid fund's JSON API (/api/v1/aid/…): thin doors onto the service.
import type { FastifyInstance } from 'fastify'
import { idParam, parseInput } from '../../lib/validation.js'
import { requireAdmin } from '../../lib/access.js'
import { requireIdempotencyKey } from '../../lib/idempotency.js'
import { notFound } from '../../lib/errors.js'
import type { AidService } from './aid-service.js'
import { groupOrderBody, orderBody, paymentBody, planBody, planFromBody, quoteBody, yearParam } from './aid-schemas.js'
import { ordersOfUser } from './purchases-repository.js'
import { apiDoc, arr, date, fenInt, fromZod, int, items, obj, oneOf, ref } from '../../plugins/openapi.js'

export default async function aidApi (app: FastifyInstance, { service }: { service: AidService }): Promise<void> {
  app.get('/api/v1/aid/plans/current', {
    schema: apiDoc({
      summary: 'The current plan year\'s aid plan (created from the latest terms when missing)',
      tag: 'aid',
      auth: false,
      answer: { description: 'The plan', schema: ref('Plan') }
    })
  }, async () => service.currentPlan())

  app.get('/api/v1/aid/plans/:year', {
    schema: apiDoc({
      summary: 'One plan year\'s aid plan',
      tag: 'aid',
      auth: false,
      params: fromZod(yearParam),
      answer: { description: 'The plan', schema: ref('Plan') }
    })
  }, async (req) => {
    const { year } = parseInput(yearParam, req.params)
    const plan = service.planOf(year)
    if (plan === undefined) throw notFound('aid.err.noPlan')
    return plan
  })

  app.put('/api/v1/aid/plans/:year', {
    schema: apiDoc({
      summary: 'Set a year\'s plan (admin): the whole plan',
      description: 'Changing a plan affects payments confirmed afterwards, never cover already computed. A rate above 2000 bp or tiers not strictly ascending from 0 → 400 with `fields.tiers`.',
      tag: 'aid',
      params: fromZod(yearParam),
      body: fromZod(planBody, { fields: { tiers: { type: 'array', minItems: 1, items: ref('Tier'), description: 'Strictly ascending `fromFen` starting at 0; each `rateBp` from 0 to 2000', example: [{ fromFen: 0, rateBp: 0 }, { fromFen: 50000, rateBp: 1000 }, { fromFen: 500000, rateBp: 1500 }, { fromFen: 2000000, rateBp: 2000 }] } } }),
      answer: { description: 'The saved plan', schema: ref('Plan') }
    })
  }, async (req) => {
    const actor = requireAdmin(app.requireSignedIn(req))
    const { year } = parseInput(yearParam, req.params)
    const body = parseInput(planBody, req.body)
    return service.savePlan(actor, planFromBody(year, body))
  })

  app.post('/api/v1/aid/quote', {
    schema: apiDoc({
      summary: 'Reimbursement estimate on the current plan (测算)',
      tag: 'aid',
      auth: false,
      body: fromZod(quoteBody),
      answer: { description: 'The breakdown: base, tier lines, gross, payable and what limited it', schema: ref('Quote') },
      errors: { 422: 'INCONSISTENT_AMOUNTS: insurance paid plus excluded exceed the total cost' }
    })
  }, async (req) => {
    const input = parseInput(quoteBody, req.body)
    return service.quote(input).quote
  })

  app.get('/api/v1/aid/purchases', {
    schema: apiDoc({
      summary: 'My aid share orders',
      tag: 'aid',
      answer: { description: 'The signed-in user\'s orders', schema: items(ref('Order')) }
    })
  }, async (req) => {
    const actor = app.requireSignedIn(req)
    return { items: ordersOfUser(app.db, actor.id).map(publicOrder) }
  })

  app.get('/api/v1/aid/purchases/:id', {
    schema: apiDoc({
      summary: 'One order (its member, staff of its building, admin)',
      tag: 'aid',
      params: fromZod(idParam),
      answer: { description: 'The order', schema: ref('Order') }
    })
  }, async (req) => {
    const { id } = parseInput(idParam, req.params)
    return publicOrder(service.orderFor(app.requireSignedIn(req), id))
  })

  app.post('/api/v1/aid/purchases', {
    schema: apiDoc({
      summary: 'Order an aid share (active member)',
      description: 'One order per member per plan. `year` defaults to the current plan year.',
      tag: 'aid',
      body: fromZod(orderBody),
      idempotencyKey: true,
      answer: { status: 201, description: 'The order, waiting for payment', schema: obj({ id: int(), status: oneOf('pending_payment'), amountFen: fenInt(), planYear: int() }) },
      errors: { 403: 'Not an active member', 404: 'No plan for that year', 409: 'ORDER_EXISTS: an order for this plan is pending or paid', 422: 'ENROLMENT_CLOSED, NO_COVER_LEFT, or IDEMPOTENCY_KEY_REUSED with a different body' }
    })
  }, async (req, reply) => {
    const actor = app.requireSignedIn(req)
    const key = requireIdempotencyKey(req.headers['idempotency-key'])
    const input = parseInput(orderBody, req.body)
    const answer = await service.orderShare(actor, input, key)
    return reply.code(answer.statusCode).send(answer.body)
  })

  app.post('/api/v1/aid/group-orders', {
    schema: apiDoc({
      summary: 'Group order by an enterprise\'s liaison: one order per active member',
      tag: 'aid',
      body: fromZod(groupOrderBody, { optional: ['shares'] }),
      idempotencyKey: true,
      answer: { status: 201, description: 'The group order: the orders placed and the members skipped', schema: obj({ id: int(), planYear: int(), ordered: arr(obj({ membershipId: int(), purchaseId: int(), amountFen: fenInt() })), skipped: arr(obj({ membershipId: int(), reason: oneOf('not_active', 'already_ordered', 'no_cover_left') })), totalFen: fenInt() }) },
      errors: { 403: 'Not the enterprise\'s liaison', 404: 'No such enterprise or plan', 422: 'ENTERPRISE_NOT_ENROLLED, ENROLMENT_CLOSED, NOTHING_TO_ORDER, IDEMPOTENCY_KEY_REUSED' }
    })
  }, async (req, reply) => {
    const actor = app.requireSignedIn(req)
    const key = requireIdempotencyKey(req.headers['idempotency-key'])
    const input = parseInput(groupOrderBody, req.body)
    const answer = service.orderGroup(actor, input, key)
    return reply.code(answer.statusCode).send(answer.body)
  })

  app.post('/api/v1/aid/purchases/:id/confirm-payment', {
    schema: apiDoc({
      summary: 'Confirm an offline or bank payment (staff of the member\'s building, admin)',
      description: '`paidOn` is the date on the receipt: not before the order, not after today. Cover is computed now. Nobody confirms their own payment.',
      tag: 'aid',
      params: fromZod(idParam),
      body: fromZod(paymentBody),
      answer: { description: 'Paid, with the cover window', schema: obj({ status: oneOf('paid'), coverFrom: date(), coverTo: date() }) },
      errors: { 409: 'STATE_CHANGED (not pending any more) or RECEIPT_TAKEN (receipt number used in this plan)', 422: 'NO_COVER_LEFT' }
    })
  }, async (req) => {
    const actor = app.requireSignedIn(req)
    const { id } = parseInput(idParam, req.params)
    // Who may act is settled before the body is read: 404/403 come before 400.
    service.checkMayConfirm(actor, id)
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
