// Deciding an application (approve with the next member number, or reject with a reason) and
// leaving: each guarded (`UPDATE … WHERE status = 'x'`), audited and told to the member.
import type { Actor } from '../../lib/access.js'
import { canActForBuilding } from '../../lib/access.js'
import { badRequest, forbidden, notFound, stateChanged } from '../../lib/errors.js'
import { formatMemberNo, MEMBER_NO_COUNTER } from '../../domain/memberships.js'
import { MEMBERSHIP_TRANSITIONS, TRANSFER_TRANSITIONS, transition } from '../../domain/lifecycles.js'
import { writeAudit } from '../audit/audit-repository.js'
import * as repo from './memberships-repository.js'
import { canManage, changing, isPerson, notEnrolled, tell, type MembershipsDeps } from './deps.js'

export function decisionUseCases (deps: MembershipsDeps) {
  const { clock } = deps
  return {
    approve (actor: Actor, id: number): { status: 'active', memberNo: string } {
      return changing(deps, (tx, sms) => {
        const m = repo.findMembership(tx, id)
        if (m === undefined) throw notFound()
        if (!canManage(actor, m)) throw forbidden()
        if (isPerson(actor, m) || repo.isSamePerson(tx, actor.id, m.idHash)) throw forbidden('memberships.ownApplication')
        const to = transition(MEMBERSHIP_TRANSITIONS, 'approve', m.status)
        if (to === null) throw stateChanged()
        if (m.enterpriseStatus !== 'enrolled') throw notEnrolled()
        const at = clock.iso()
        const today = clock.today()
        // Taken in this transaction: a refusal below rolls the counter back, so no gap is left
        // by refusals, and a committed number is never handed out again.
        const memberNo = m.memberNo ?? formatMemberNo(today.slice(0, 4), repo.takeNumbers(tx, MEMBER_NO_COUNTER))
        if (!repo.changeMembership(tx, id, m.status, { status: to, memberNo, joinedOn: today, decidedAt: at, decidedBy: actor.id, rejectReason: null, updatedAt: at })) throw stateChanged()
        writeAudit(tx, at, { actorUserId: actor.id, action: 'membership.approve', entityType: 'membership', entityId: id, before: { status: m.status }, after: { status: to, memberNo, joinedOn: today } })
        sms.push(...tell(deps, tx, at, m.userId, { kind: 'membership.active', params: { memberNo }, subject: `membership:${id}` }))
        return { status: to, memberNo }
      })
    },

    reject (actor: Actor, id: number, reason: string | undefined): { status: 'rejected' } {
      return changing(deps, (tx, sms) => {
        const m = repo.findMembership(tx, id)
        if (m === undefined) throw notFound()
        if (!canManage(actor, m)) throw forbidden()
        if (isPerson(actor, m) || repo.isSamePerson(tx, actor.id, m.idHash)) throw forbidden('memberships.ownApplication')
        // The applicant is told why: a rejection without a reason is refused (after who may act).
        if (reason === undefined || reason.trim() === '') throw badRequest({ reason: 'memberships.v.reasonRequired' })
        const at = clock.iso()
        const to = transition(MEMBERSHIP_TRANSITIONS, 'reject', m.status)
        if (to === null || !repo.changeMembership(tx, id, m.status, { status: to, rejectReason: reason, decidedAt: at, decidedBy: actor.id, updatedAt: at })) throw stateChanged()
        writeAudit(tx, at, { actorUserId: actor.id, action: 'membership.reject', entityType: 'membership', entityId: id, before: { status: m.status }, after: { status: to, reason } })
        sms.push(...tell(deps, tx, at, m.userId, { kind: 'membership.rejected', params: { reason }, subject: `membership:${id}` }))
        return { status: to }
      })
    },

    /** The member leaves, or staff of the building record it. The number stays theirs. */
    leave (actor: Actor, id: number, note: string | undefined): { status: 'left', leftOn: string } {
      return changing(deps, (tx, sms) => {
        const m = repo.findMembership(tx, id)
        if (m === undefined) throw notFound()
        if (!isPerson(actor, m) && !canActForBuilding(actor, m.buildingId)) throw forbidden()
        const at = clock.iso()
        const today = clock.today()
        const to = transition(MEMBERSHIP_TRANSITIONS, 'leave', m.status)
        if (to === null || !repo.changeMembership(tx, id, m.status, { status: to, leftOn: today, updatedAt: at })) throw stateChanged()
        for (const t of repo.transfersOf(tx, id)) {
          const ended = transition(TRANSFER_TRANSITIONS, 'cancel', t.status)
          if (ended !== null) repo.changeTransfer(tx, t.id, { status: ended, decidedAt: at, decidedBy: actor.id, note: 'membership ended' })
        }
        writeAudit(tx, at, { actorUserId: actor.id, action: 'membership.leave', entityType: 'membership', entityId: id, before: { status: m.status }, after: { status: to, leftOn: today }, note })
        sms.push(...tell(deps, tx, at, m.userId, { kind: 'membership.left', params: { leftOn: today }, subject: `membership:${id}` }))
        return { status: to, leftOn: today }
      })
    }
  }
}
