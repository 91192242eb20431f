// Pages for deciding several applications at once: the roster's ticked rows are approved, or
// rejected after a confirmation step that asks for the reason (the applicant reads it).
import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { parseInput } from '../../lib/validation.js'
import { AppError, badRequest } from '../../lib/errors.js'
import type { Actor } from '../../lib/access.js'
import type { MembershipsService } from './memberships-service.js'
import { bulkApproveInput, bulkRejectInput } from './memberships-schemas.js'
import { approveMany, rejectMany } from './bulk-decisions.js'

/** Refusal codes a person may read about; anything else reads as "could not be decided". */
const KNOWN_CODES = new Set(['STATE_CHANGED', 'FORBIDDEN', 'NOT_FOUND', 'ENTERPRISE_NOT_ENROLLED'])

const decision = z.object({ decision: z.enum(['approve', 'reject'], { error: 'memberships.v.ids' }) })

export default async function bulkPages (app: FastifyInstance, { service }: { service: MembershipsService }): Promise<void> {
  const csrf = { preHandler: app.verifyCsrf }

  /** The applications behind the ids, as far as this person may see them (the rest are left out). */
  const applications = (actor: Actor, ids: number[]) => ids.flatMap((id) => {
    try {
      const v = service.view(actor, id)
      return [{ id, name: v.membership.name, enterpriseName: v.membership.enterpriseName, applied: v.membership.status === 'applied' }]
    } catch (err) {
      if (err instanceof AppError && err.statusCode < 500) return []
      throw err
    }
  })

  const resultPage = (actor: Actor, done: number[], refused: Array<{ id: number, code: string }>, doneKey: string) => {
    const names = new Map(applications(actor, [...done, ...refused.map((r) => r.id)]).map((a) => [a.id, a.name]))
    return {
      titleKey: 'memberships.bulk.resultTitle',
      doneKey,
      doneCount: done.length,
      done: done.map((id) => ({ id, name: names.get(id) ?? `#${id}` })),
      refused: refused.map((r) => ({ id: r.id, name: names.get(r.id) ?? `#${r.id}`, reasonKey: `memberships.bulk.code.${KNOWN_CODES.has(r.code) ? r.code : 'OTHER'}` }))
    }
  }

  const confirmPage = (actor: Actor, ids: number[], extra: Record<string, unknown> = {}) => ({
    titleKey: 'memberships.bulk.rejectTitle',
    items: applications(actor, ids).filter((a) => a.applied),
    values: {},
    ...extra
  })

  // One form, two buttons: approve at once, or go on to the rejection's confirmation step.
  app.post('/memberships/decide', csrf, async (req, reply) => {
    const actor = app.requireSignedIn(req)
    const body = (req.body ?? {}) as Record<string, unknown>
    try {
      const { ids } = parseInput(bulkApproveInput, body)
      const { decision: d } = parseInput(decision, body)
      if (d === 'reject') return await reply.page('memberships/reject-confirm', confirmPage(actor, ids))
      const answer = approveMany(service, actor, ids)
      return await reply.page('memberships/bulk-result', resultPage(actor, answer.approved, answer.refused, 'memberships.bulk.approved'))
    } catch (err) {
      if (err instanceof AppError && err.statusCode === 400) {
        reply.flash('memberships.v.ids')
        return await reply.redirect('/memberships?status=applied')
      }
      throw err
    }
  })

  app.post('/memberships/reject-many', csrf, async (req, reply) => {
    const actor = app.requireSignedIn(req)
    const body = (req.body ?? {}) as Record<string, unknown>
    const input = parseInput(bulkRejectInput, body)
    try {
      if (input.reason === undefined || input.reason.trim() === '') throw badRequest({ reason: 'memberships.v.reasonRequired' })
      const answer = rejectMany(service, actor, input.ids, input.reason)
      return await reply.page('memberships/bulk-result', resultPage(actor, answer.rejected, answer.refused, 'memberships.bulk.rejected'))
    } catch (err) {
      return reply.formError(err, 'memberships/reject-confirm', confirmPage(actor, input.ids, { values: body }))
    }
  })
}
