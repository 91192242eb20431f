// Deciding several applications at once (a liaison ticking a page of new colleagues). Each one
// goes through the single-application use case in its own transaction, exactly as if it had
// been decided alone: who may act, never one's own application, its state, the enterprise's.
// One refusal does not undo or stop the others; the answer says which were refused and why.
import { AppError } from '../../lib/errors.js'
import type { Actor } from '../../lib/access.js'
import type { createMembershipsService } from './memberships-service.js'

type MembershipsService = ReturnType<typeof createMembershipsService>

export interface BulkAnswer { approved: number[], refused: Array<{ id: number, code: string }> }
export interface BulkRejectAnswer { rejected: number[], refused: Array<{ id: number, code: string }> }

function refusalCode (err: unknown): string {
  if (err instanceof AppError && err.statusCode < 500) return err.code
  throw err
}

export function approveMany (service: MembershipsService, actor: Actor, ids: number[]): BulkAnswer {
  const answer: BulkAnswer = { approved: [], refused: [] }
  for (const id of [...new Set(ids)]) {
    try {
      service.approve(actor, id)
      answer.approved.push(id)
    } catch (err) {
      answer.refused.push({ id, code: refusalCode(err) })
    }
  }
  return answer
}

/** The same reason for each; a missing reason is refused before anything (the caller checks it). */
export function rejectMany (service: MembershipsService, actor: Actor, ids: number[], reason: string): BulkRejectAnswer {
  const answer: BulkRejectAnswer = { rejected: [], refused: [] }
  for (const id of [...new Set(ids)]) {
    try {
      service.reject(actor, id, reason)
      answer.rejected.push(id)
    } catch (err) {
      answer.refused.push({ id, code: refusalCode(err) })
    }
  }
  return answer
}
