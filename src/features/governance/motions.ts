// Motions: put to a session with quorum, voted once by each present representative for
// themselves, closed by staff with the result (more than half of ALL representatives).
import { badRequest, conflict, forbidden, notFound, ruleRefused } from '../../lib/errors.js'
import type { Actor } from '../../lib/access.js'
import { hasQuorum, motionPasses, type MotionKind, type Vote } from '../../domain/congress.js'
import { writeAudit } from '../audit/audit-repository.js'
import * as repo from './congress-repository.js'
import { sessionUseCases } from './sessions.js'
import type { GovernanceDeps } from './deps.js'
import type { DbOrTx } from '../../db/index.js'

export interface MotionInput { title: string, kind: MotionKind, contractId?: number }
export interface MotionResult { result: 'passed' | 'failed', yes: number, no: number, abstain: number, total: number }

export interface MotionHooks {
  /** A contract draft of the building that this motion would adopt (throws 400 otherwise). */
  checkContract?: (buildingId: number, contractId: number) => void
  /** Inside the closing transaction of a passed motion (adopts its contract draft). */
  onPassed?: (tx: DbOrTx, motion: repo.MotionRow, actor: Actor, at: string) => void
}

export function motionUseCases (deps: GovernanceDeps, hooks: MotionHooks = {}) {
  const { db, clock } = deps
  const sessions = sessionUseCases(deps)

  function motionFor (id: number) {
    const m = repo.findMotion(db, id)
    if (m === undefined) throw notFound()
    const s = repo.findSession(db, m.sessionId)!
    return { motion: m, session: s }
  }

  return {
    /** The session a motion belongs to (404 when there is no such motion). */
    sessionOf (motionId: number): number { return motionFor(motionId).session.id },

    put (actor: Actor, sessionId: number, input: MotionInput): repo.MotionRow {
      const { session, congress } = sessions.sessionFor(actor, sessionId, true)
      if (input.contractId !== undefined) {
        if (input.kind !== 'collective_contract') throw badRequest({ contractId: 'governance.v.notADraft' })
        hooks.checkContract?.(congress.buildingId, input.contractId)
      }
      return db.transaction((tx) => {
        const { present, total } = repo.attendanceCount(tx, session.id, congress.id)
        if (!hasQuorum(present, total)) throw ruleRefused('NO_QUORUM', 'governance.error.noQuorum', { present, total })
        const at = clock.iso()
        const m = repo.insertMotion(tx, {
          sessionId, title: input.title, kind: input.kind, contractId: input.contractId ?? null, status: 'open', totalRepresentatives: total, createdBy: actor.id, createdAt: at
        })
        writeAudit(tx, at, { actorUserId: actor.id, action: 'congress.motion.put', entityType: 'motion', entityId: m.id, after: { sessionId, ...input, present, total } })
        return m
      })
    },

    /** Who may vote: a sitting representative of the congress who is present. 403 for anyone else. */
    assertVoter (actor: Actor, motionId: number): repo.RepresentativeRow {
      const { session } = motionFor(motionId)
      const seat = repo.seatOfUser(db, session.congressId, actor.id)
      if (seat === undefined) throw forbidden('governance.error.notRepresentative')
      if (!repo.isPresent(db, session.id, seat.id)) throw forbidden('governance.error.notPresent')
      return seat
    },

    vote (actor: Actor, motionId: number, vote: Vote): void {
      const seat = this.assertVoter(actor, motionId)
      db.transaction((tx) => {
        const m = repo.findMotion(tx, motionId)!
        if (m.status !== 'open') throw conflict('MOTION_CLOSED', 'governance.error.motionClosed')
        const at = clock.iso()
        if (!repo.insertVote(tx, motionId, seat.id, vote, at)) throw conflict('ALREADY_VOTED', 'governance.error.alreadyVoted')
        // The audit says that the representative voted, not how: the vote is in motion_votes.
        writeAudit(tx, at, { actorUserId: actor.id, action: 'congress.motion.vote', entityType: 'motion', entityId: motionId, after: { representativeId: seat.id } })
      })
    },

    assertCloser (actor: Actor, motionId: number): void {
      const { session } = motionFor(motionId)
      sessions.sessionFor(actor, session.id, true)
    },

    close (actor: Actor, motionId: number): MotionResult {
      const { session } = motionFor(motionId)
      sessions.sessionFor(actor, session.id, true)
      return db.transaction((tx) => {
        const m = repo.findMotion(tx, motionId)!
        const t = repo.tally(tx, motionId)
        const total = m.totalRepresentatives
        const result = motionPasses(t, total) ? 'passed' : 'failed'
        const at = clock.iso()
        if (!repo.closeMotion(tx, motionId, { result, ...t, closedBy: actor.id, closedAt: at })) throw conflict('MOTION_CLOSED', 'governance.error.motionClosed')
        writeAudit(tx, at, { actorUserId: actor.id, action: 'congress.motion.close', entityType: 'motion', entityId: motionId, before: { status: 'open' }, after: { result, ...t, total } })
        if (result === 'passed') hooks.onPassed?.(tx, m, actor, at)
        return { result, ...t, total }
      })
    }
  }
}
