// The contract's /api/v1/buildings and /api/v1/enterprises calls, plus a few more for the
// enterprise's life (view, resubmit, withdraw, hand over). Thin: parse, call the service, answer.
import type { FastifyInstance } from 'fastify'
import { idParam, optionalText, parseInput } from '../../lib/validation.js'
import { z } from 'zod'
import { requireAdmin } from '../../lib/access.js'
import type { BuildingsService } from './buildings-service.js'
import { buildingInput, enterpriseInput, handOverInput, rejectInput } from './buildings-schemas.js'

const withdrawInput = z.object({ note: optionalText(500) })

export default async function buildingsApi (app: FastifyInstance, { service }: { service: BuildingsService }): Promise<void> {
  app.get('/api/v1/buildings', async () => {
    const items = service.coverage().map((b) => ({
      id: b.id, name: b.name, district: b.district, enterprisesTotal: b.enterprisesTotal, enterprisesEnrolled: b.enterprisesEnrolled, members: b.members
    }))
    return { items }
  })

  app.post('/api/v1/buildings', async (req, reply) => {
    // Who may, before what: a non-admin learns nothing from validation messages.
    const actor = requireAdmin(app.requireSignedIn(req))
    const input = parseInput(buildingInput(app.clock.today), req.body)
    const b = service.createBuilding(actor, input)
    return reply.code(201).send({ id: b.id })
  })

  app.post('/api/v1/enterprises', async (req, reply) => {
    const actor = app.requireSignedIn(req)
    const input = parseInput(enterpriseInput(service.buildingExists), req.body)
    const e = service.enrol(actor, input)
    return reply.code(201).send({ id: e.id, status: e.status })
  })

  app.get('/api/v1/enterprises/:id', async (req) => {
    const actor = app.requireSignedIn(req)
    const { id } = parseInput(idParam, req.params)
    const v = service.view(actor, id)
    const e = v.enterprise
    return {
      id: e.id, buildingId: e.buildingId, name: e.name, uscc: e.uscc, floorRoom: e.floorRoom, headcount: e.headcount,
      contactName: e.contactName, contactPhone: e.contactPhone, status: e.status, rejectReason: e.rejectReason,
      liaison: { id: v.liaison.id, name: v.liaison.name }, members: v.members,
      submittedAt: e.submittedAt, decidedAt: e.decidedAt, withdrawnAt: e.withdrawnAt
    }
  })

  app.post('/api/v1/enterprises/:id/approve', async (req) => {
    const actor = app.requireSignedIn(req)
    const { id } = parseInput(idParam, req.params)
    return service.approve(actor, id)
  })

  app.post('/api/v1/enterprises/:id/reject', async (req) => {
    const actor = app.requireSignedIn(req)
    const { id } = parseInput(idParam, req.params)
    service.assertReviewer(actor, id)
    const { reason } = parseInput(rejectInput, req.body)
    return service.reject(actor, id, reason)
  })

  app.post('/api/v1/enterprises/:id/resubmit', async (req) => {
    const actor = app.requireSignedIn(req)
    const { id } = parseInput(idParam, req.params)
    service.assertLiaison(actor, id)
    const input = parseInput(enterpriseInput(service.buildingExists), req.body)
    return service.resubmit(actor, id, input)
  })

  app.post('/api/v1/enterprises/:id/withdraw', async (req) => {
    const actor = app.requireSignedIn(req)
    const { id } = parseInput(idParam, req.params)
    const { note } = parseInput(withdrawInput, req.body)
    return service.withdraw(actor, id, note)
  })

  app.post('/api/v1/enterprises/:id/liaison', async (req) => {
    const actor = app.requireSignedIn(req)
    const { id } = parseInput(idParam, req.params)
    service.view(actor, id)
    const { phone } = parseInput(handOverInput, req.body)
    return service.handOver(actor, id, phone)
  })
}
