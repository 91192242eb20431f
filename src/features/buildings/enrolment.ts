// Enrolling an enterprise and deciding on it: a signed-in user enrols it and becomes its liaison;
// staff of its building (never the liaison nor the enroller) approve or reject; the liaison
// corrects a rejected enrolment; it withdraws. One transaction and one audit entry per change.
import { forbidden, isUniqueViolation, stateChanged } from '../../lib/errors.js'
import type { Actor } from '../../lib/access.js'
import { writeAudit } from '../audit/audit-repository.js'
import * as repo from './buildings-repository.js'
import type { EnterpriseInput } from './buildings-schemas.js'
import { enterpriseFor, reviewable, snapshot, unknownBuilding, usccTaken } from './enterprise-access.js'
import type { BuildingsDeps } from './deps.js'
import { ENTERPRISE_TRANSITIONS } from '../../domain/lifecycles.js'

export function enrolmentUseCases ({ db, clock }: BuildingsDeps) {
  return {
    /** A signed-in user enrols an enterprise in a building and becomes its liaison. */
    enrol (a: Actor, input: EnterpriseInput): repo.EnterpriseRow {
      try {
        return db.transaction((tx) => {
          if (repo.findBuilding(tx, input.buildingId) === undefined) throw unknownBuilding()
          if (repo.findEnterpriseByUscc(tx, input.uscc) !== undefined) throw usccTaken()
          const at = clock.iso()
          const e = repo.insertEnterprise(tx, {
            buildingId: input.buildingId, name: input.name, uscc: input.uscc, floorRoom: input.floorRoom ?? null,
            headcount: input.headcount, contactName: input.contactName ?? null, contactPhone: input.contactPhone ?? null,
            liaisonUserId: a.id, enrolledBy: a.id, status: 'pending', submittedAt: at, createdAt: at, updatedAt: at
          })
          writeAudit(tx, at, { actorUserId: a.id, action: 'enterprise.enrol', entityType: 'enterprise', entityId: e.id, after: snapshot(e) })
          return e
        })
      } catch (err) {
        if (isUniqueViolation(err)) throw usccTaken()
        throw err
      }
    },

    approve (a: Actor, id: number): { status: 'enrolled' } {
      return db.transaction((tx) => {
        const e = reviewable(tx, a, id)
        const at = clock.iso()
        const step = ENTERPRISE_TRANSITIONS.approve
        if (!repo.updateEnterpriseIf(tx, id, step.from, { status: step.to, decidedAt: at, decidedBy: a.id, rejectReason: null, updatedAt: at })) throw stateChanged()
        writeAudit(tx, at, { actorUserId: a.id, action: 'enterprise.approve', entityType: 'enterprise', entityId: id, before: { status: e.status }, after: { status: step.to } })
        return { status: step.to }
      })
    },

    reject (a: Actor, id: number, reason: string): { status: 'rejected' } {
      return db.transaction((tx) => {
        const e = reviewable(tx, a, id)
        const at = clock.iso()
        const step = ENTERPRISE_TRANSITIONS.reject
        if (!repo.updateEnterpriseIf(tx, id, step.from, { status: step.to, rejectReason: reason, decidedAt: at, decidedBy: a.id, updatedAt: at })) throw stateChanged()
        writeAudit(tx, at, { actorUserId: a.id, action: 'enterprise.reject', entityType: 'enterprise', entityId: id, before: { status: e.status }, after: { status: step.to, reason }, note: reason })
        return { status: step.to }
      })
    },

    /** The liaison corrects a rejected enrolment and sends it again (back to pending). */
    resubmit (a: Actor, id: number, input: EnterpriseInput): { status: 'pending' } {
      try {
        return db.transaction((tx) => {
          const e = enterpriseFor(tx, a, id)
          if (e.liaisonUserId !== a.id) throw forbidden('buildings.liaisonOnly')
          if (repo.findBuilding(tx, input.buildingId) === undefined) throw unknownBuilding()
          const other = repo.findEnterpriseByUscc(tx, input.uscc)
          if (other !== undefined && other.id !== id) throw usccTaken()
          const at = clock.iso()
          const patch = {
            buildingId: input.buildingId, name: input.name, uscc: input.uscc, floorRoom: input.floorRoom ?? null,
            headcount: input.headcount, contactName: input.contactName ?? null, contactPhone: input.contactPhone ?? null, status: ENTERPRISE_TRANSITIONS.resubmit.to
          }
          if (!repo.updateEnterpriseIf(tx, id, ENTERPRISE_TRANSITIONS.resubmit.from, { ...patch, rejectReason: null, decidedAt: null, decidedBy: null, submittedAt: at, updatedAt: at })) throw stateChanged()
          writeAudit(tx, at, { actorUserId: a.id, action: 'enterprise.resubmit', entityType: 'enterprise', entityId: id, before: { ...snapshot(e), rejectReason: e.rejectReason }, after: patch })
          return { status: 'pending' as const }
        })
      } catch (err) {
        if (isUniqueViolation(err)) throw usccTaken()
        throw err
      }
    },

    /**
     * An enrolled enterprise leaves the federation: its liaison, staff of its building or admin.
     * The row and its history stay; its members stay members (and can transfer).
     */
    withdraw (a: Actor, id: number, note?: string): { status: 'withdrawn' } {
      return db.transaction((tx) => {
        const e = enterpriseFor(tx, a, id)
        const at = clock.iso()
        const step = ENTERPRISE_TRANSITIONS.withdraw
        if (!repo.updateEnterpriseIf(tx, id, step.from, { status: step.to, withdrawnAt: at, updatedAt: at })) throw stateChanged()
        writeAudit(tx, at, { actorUserId: a.id, action: 'enterprise.withdraw', entityType: 'enterprise', entityId: id, before: { status: e.status }, after: { status: step.to }, note })
        return { status: step.to }
      })
    },

    /** Throws 404/403 unless this actor may approve or reject the enterprise (checked before its input). */
    assertReviewer (a: Actor, id: number): void {
      reviewable(db, a, id)
    },

    /** Throws 404/403 unless this actor is the enterprise's liaison. */
    assertLiaison (a: Actor, id: number): void {
      const e = enterpriseFor(db, a, id)
      if (e.liaisonUserId !== a.id) throw forbidden('buildings.liaisonOnly')
    }
  }
}
