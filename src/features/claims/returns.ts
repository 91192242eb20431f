// Returning a claim for documents and the member's resubmission: a reviewer asks for what is
// missing (with a note), the member adds files and sends the claim back to the queue. Each step
// is one guarded transaction with its audit entry, so the claim's history shows who and when.
import type { Db } from '../../db/index.js'
import type { Clock } from '../../lib/clock.js'
import { type Actor, requireActor } from '../../lib/access.js'
import { stateChanged } from '../../lib/errors.js'
import { writeAudit } from '../audit/audit-repository.js'
import { loadForReview, loadVisible, nextState } from './claim-access.js'
import * as repo from './claims-repository.js'
import type { Notifier } from '../notifications/notifier.js'

export function createReturns ({ db, clock, notifier }: { db: Db, clock: Clock, notifier: Notifier }) {
  return {
    /** Lets a door refuse someone who may not review this claim before it reads their input. */
    checkMayReturn (actorIn: Actor | null, id: number): void {
      loadForReview(db, requireActor(actorIn), id)
    },

    returnForDocuments (actorIn: Actor | null, id: number, note: string): { status: 'needs_documents' } {
      const actor = requireActor(actorIn)
      const at = clock.iso()
      return notifier.afterCommit(db.transaction((tx) => {
        const c = loadForReview(tx, actor, id)
        const to = nextState(actor, c, 'returnForDocuments')
        // A claim returned from the second approval starts again at the first one.
        if (!repo.moveClaim(tx, id, [c.claim.status], { status: to, firstApprovedBy: null, firstApprovedAt: null, updatedAt: at })) {
          throw stateChanged()
        }
        writeAudit(tx, at, {
          actorUserId: actor.id, action: 'claim.return', entityType: 'aid_claim', entityId: id,
          before: { status: c.claim.status }, after: { status: to }, note
        })
        const sms = notifier.notify(tx, at, { userId: c.claim.userId, kind: 'claim.returned', params: { id, note }, subject: `aid_claim:${id}` })
        return { answer: { status: 'needs_documents' as const }, sms }
      }))
    },

    resubmit (actorIn: Actor | null, id: number): { status: 'submitted' } {
      const actor = requireActor(actorIn)
      const at = clock.iso()
      return db.transaction((tx) => {
        const c = loadVisible(tx, actor, id)
        const to = nextState(actor, c, 'resubmit', 'claims.error.onlyClaimant')
        if (!repo.moveClaim(tx, id, ['needs_documents'], { status: to, updatedAt: at })) throw stateChanged()
        writeAudit(tx, at, {
          actorUserId: actor.id, action: 'claim.resubmit.documents', entityType: 'aid_claim', entityId: id,
          before: { status: 'needs_documents' }, after: { status: to, documents: repo.listDocuments(tx, id).length }
        })
        return { status: 'submitted' as const }
      })
    }
  }
}

export type Returns = ReturnType<typeof createReturns>
