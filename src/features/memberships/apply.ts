// Applying to join: a new application, a returning member's old row reopened (their number
// back), or an imported membership claimed by the person with the same ID number and name.
import type { Actor } from '../../lib/access.js'
import { conflict, stateChanged } from '../../lib/errors.js'
import { maskResidentId, normaliseResidentId, residentIdFacts } from '../../domain/identity.js'
import { writeAudit } from '../audit/audit-repository.js'
import * as repo from './memberships-repository.js'
import { notEnrolled, unknownEnterprise, type MembershipsDeps } from './deps.js'
import type { ApplyInput } from './memberships-schemas.js'
import { isUniqueViolation } from '../../lib/errors.js'
import { MEMBERSHIP_TRANSITIONS, transition } from '../../domain/lifecycles.js'

export function applyUseCases (deps: MembershipsDeps) {
  const { db, clock, pii } = deps
  return {
    /** An employee applies to join for an enrolled enterprise. */
    apply (actor: Actor, input: ApplyInput): { id: number, status: 'applied' | 'active' } {
      const idNumber = normaliseResidentId(input.idNumber)
      const idHash = pii.hash(idNumber)
      const ent = repo.findEnterprise(db, input.enterpriseId)
      if (ent === undefined) throw unknownEnterprise()
      if (ent.status !== 'enrolled') throw notEnrolled()
      try {
        return db.transaction((tx) => {
          const open = repo.findOpenByHash(tx, idHash)
          if (repo.findOpenByUser(tx, actor.id) !== undefined) throw conflict('MEMBERSHIP_EXISTS', 'memberships.accountHasMembership')
          const at = clock.iso()
          if (open !== undefined) {
            // A roster import made this membership before the person had an account. The same
            // ID number and name make an application for it, which then needs approval; an
            // ACTIVE one is taken over as it is only with proof that it is this person's: the
            // account's verified phone is the roster's mobile (knowing someone's name and ID
            // number proves nothing). One approved by this very account goes back to approval.
            if (open.userId !== null || open.name !== input.name) throw conflict('MEMBERSHIP_EXISTS', 'memberships.exists', { idNumber: 'memberships.exists' })
            const proven = open.mobile !== null && open.mobile === actor.phone && repo.phoneVerified(tx, actor.id)
            if (open.status === 'active' && !proven) throw conflict('MEMBERSHIP_EXISTS', 'memberships.claimNeedsPhone', { idNumber: 'memberships.claimNeedsPhone' })
            const back = open.decidedBy === actor.id ? transition(MEMBERSHIP_TRANSITIONS, 'backToApproval', open.status) : null
            const backToApproval = back !== null
            const patch = back !== null ? { userId: actor.id, status: back, decidedAt: null, decidedBy: null, updatedAt: at } : { userId: actor.id, updatedAt: at }
            if (!repo.changeMembership(tx, open.id, open.status, patch)) throw stateChanged()
            // Active only when an active imported membership was taken over with the proven phone.
            const status = !backToApproval && open.status === 'active' ? 'active' as const : 'applied' as const
            writeAudit(tx, at, {
              actorUserId: actor.id, action: 'membership.claim', entityType: 'membership', entityId: open.id, before: { userId: null, status: open.status }, after: { userId: actor.id, status },
              note: backToApproval ? 'imported membership approved by the claimant themselves: back to approval' : proven ? 'imported membership claimed: verified phone matches the roster' : 'imported application claimed with its ID number: approval follows'
            })
            return { id: open.id, status }
          }
          const facts = residentIdFacts(idNumber)
          const values = {
            userId: actor.id, enterpriseId: ent.id, name: input.name, idCipher: pii.encrypt(idNumber), idHash,
            idMasked: maskResidentId(idNumber), gender: facts.gender, birthDate: facts.birthDate, mobile: input.mobile ?? actor.phone,
            status: 'applied' as const, consentAt: at, appliedAt: at, appliedBy: actor.id, decidedAt: null, decidedBy: null,
            rejectReason: null, leftOn: null, source: 'online' as const, updatedAt: at
          }
          // Someone who was a member before gets their number back: the earlier row is reopened.
          const earlier = repo.findNumberedClosedByHash(tx, idHash)
          let id: number
          if (earlier !== undefined) {
            if (transition(MEMBERSHIP_TRANSITIONS, 'applyAgain', earlier.status) === null) throw stateChanged()
            if (!repo.changeMembership(tx, earlier.id, earlier.status, values)) throw stateChanged()
            id = earlier.id
          } else {
            id = repo.insertMembership(tx, { ...values, createdAt: at }).id
          }
          writeAudit(tx, at, {
            actorUserId: actor.id, action: 'membership.apply', entityType: 'membership', entityId: id,
            after: { enterpriseId: ent.id, name: input.name, idMasked: values.idMasked, memberNo: earlier?.memberNo ?? undefined }
          })
          return { id, status: 'applied' as const }
        })
      } catch (err) {
        if (isUniqueViolation(err, 'memberships.id_hash')) throw conflict('MEMBERSHIP_EXISTS', 'memberships.exists', { idNumber: 'memberships.exists' })
        throw err
      }
    }
  }
}
