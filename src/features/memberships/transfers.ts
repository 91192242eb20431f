// Transfers between enterprises: asked for by the member (or staff of their building), confirmed
// or refused by the new enterprise's side, withdrawn by whoever asked; the number stays.
import type { Actor } from '../../lib/access.js'
import { canActForBuilding } from '../../lib/access.js'
import { badRequest, conflict, forbidden, notFound, stateChanged } from '../../lib/errors.js'
import { TRANSFER_TRANSITIONS, transition } from '../../domain/lifecycles.js'
import { writeAudit } from '../audit/audit-repository.js'
import * as repo from './memberships-repository.js'
import { canReviewTransfer, changing, checkTransferReviewer, isPerson, notEnrolled, scopeOf, tell, unknownEnterprise, type MembershipsDeps } from './deps.js'
import { isUniqueViolation } from '../../lib/errors.js'

export function transferUseCases (deps: MembershipsDeps) {
  const { db, clock } = deps
  return {
    /** An active member (or staff of the current building for them) asks to move to another enterprise. */
    requestTransfer (actor: Actor, id: number, toEnterpriseId: number): { id: number, status: 'pending' } {
      try {
        return changing(deps, (tx, sms) => {
          const m = repo.findMembership(tx, id)
          if (m === undefined) throw notFound()
          if (!isPerson(actor, m) && !canActForBuilding(actor, m.buildingId)) throw forbidden()
          if (m.status !== 'active') throw conflict('NOT_ACTIVE', 'memberships.notActive')
          const to = repo.findEnterprise(tx, toEnterpriseId)
          if (to === undefined) throw unknownEnterprise()
          if (to.id === m.enterpriseId) throw badRequest({ enterpriseId: 'memberships.v.sameEnterprise' })
          if (to.status !== 'enrolled') throw notEnrolled()
          if (repo.transfersOf(tx, id).some((t) => t.status === 'pending')) throw conflict('TRANSFER_PENDING', 'memberships.transferPending')
          const at = clock.iso()
          const t = repo.insertTransfer(tx, { membershipId: id, fromEnterpriseId: m.enterpriseId, toEnterpriseId: to.id, status: 'pending', requestedAt: at, requestedBy: actor.id })
          writeAudit(tx, at, { actorUserId: actor.id, action: 'membership.transfer_request', entityType: 'membership', entityId: id, after: { transferId: t.id, from: m.enterpriseId, to: to.id } })
          sms.push(...tell(deps, tx, at, m.userId, { kind: 'membership.transfer_requested', params: { enterprise: to.name }, subject: `membership:${id}` }))
          return { id: t.id, status: 'pending' as const }
        })
      } catch (err) {
        if (isUniqueViolation(err, 'membership_transfers')) throw conflict('TRANSFER_PENDING', 'memberships.transferPending')
        throw err
      }
    },

    /** The new enterprise's liaison, staff of the new building or admin confirm; the number stays. */
    confirmTransfer (actor: Actor, transferId: number): { status: 'confirmed', enterpriseId: number, effectiveOn: string } {
      return changing(deps, (tx, sms) => {
        const t = repo.findTransfer(tx, transferId)
        if (t === undefined) throw notFound()
        checkTransferReviewer(actor, t)
        const to = transition(TRANSFER_TRANSITIONS, 'confirm', t.status)
        if (to === null) throw stateChanged()
        if (t.toStatus !== 'enrolled') throw notEnrolled()
        const at = clock.iso()
        const today = clock.today()
        if (!repo.changeTransfer(tx, transferId, { status: to, decidedAt: at, decidedBy: actor.id, effectiveOn: today })) throw stateChanged()
        const moved = repo.moveMembership(tx, t.membershipId, t.fromEnterpriseId, t.toEnterpriseId, at)
        if (!moved) throw stateChanged()
        // The member's medical-aid claims move with them in this same transaction: the trigger
        // claims_follow_membership (migration 0003_claims_building) sets aid_claims.building_id to
        // the new building, so its staff review them from now on ("staff of X's building").
        writeAudit(tx, at, {
          actorUserId: actor.id, action: 'membership.transfer_confirm', entityType: 'membership', entityId: t.membershipId,
          before: { enterpriseId: t.fromEnterpriseId }, after: { enterpriseId: t.toEnterpriseId, transferId, effectiveOn: today }
        })
        sms.push(...tell(deps, tx, at, t.memberUserId, { kind: 'membership.transferred', params: { enterprise: t.toName }, subject: `membership:${t.membershipId}` }))
        return { status: to, enterpriseId: t.toEnterpriseId, effectiveOn: today }
      })
    },

    rejectTransfer (actor: Actor, transferId: number, note: string | undefined): { status: 'rejected' } {
      return changing(deps, (tx, sms) => {
        const t = repo.findTransfer(tx, transferId)
        if (t === undefined) throw notFound()
        checkTransferReviewer(actor, t)
        const at = clock.iso()
        const to = transition(TRANSFER_TRANSITIONS, 'reject', t.status)
        if (to === null || !repo.changeTransfer(tx, transferId, { status: to, decidedAt: at, decidedBy: actor.id, note: note ?? null })) throw stateChanged()
        writeAudit(tx, at, { actorUserId: actor.id, action: 'membership.transfer_reject', entityType: 'membership', entityId: t.membershipId, after: { transferId, note: note ?? null } })
        sms.push(...tell(deps, tx, at, t.memberUserId, { kind: 'membership.transfer_refused', params: { enterprise: t.toName, note: note ?? '' }, subject: `membership:${t.membershipId}` }))
        return { status: to }
      })
    },

    cancelTransfer (actor: Actor, transferId: number): { status: 'cancelled' } {
      return changing(deps, (tx, sms) => {
        const t = repo.findTransfer(tx, transferId)
        if (t === undefined) throw notFound()
        const m = repo.findMembership(tx, t.membershipId)!
        if (!isPerson(actor, m) && t.requestedBy !== actor.id) throw forbidden()
        const at = clock.iso()
        const to = transition(TRANSFER_TRANSITIONS, 'cancel', t.status)
        if (to === null || !repo.changeTransfer(tx, transferId, { status: to, decidedAt: at, decidedBy: actor.id })) throw stateChanged()
        writeAudit(tx, at, { actorUserId: actor.id, action: 'membership.transfer_cancel', entityType: 'membership', entityId: t.membershipId, after: { transferId } })
        sms.push(...tell(deps, tx, at, m.userId, { kind: 'membership.transfer_withdrawn', params: { enterprise: t.toName }, subject: `membership:${t.membershipId}` }))
        return { status: to }
      })
    },

    pendingTransfersFor (actor: Actor): repo.TransferView[] {
      const s = scopeOf(db, actor)
      return repo.pendingTransfersInto(db, s.enterpriseIds, s.buildingIds).filter((t) => canReviewTransfer(actor, t))
    }
  }
}
