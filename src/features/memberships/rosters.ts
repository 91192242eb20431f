// Rosters as liaisons and staff search and export them, and what their pages offer: how many
// applications wait, which enterprises and buildings they may choose.
import type { Actor } from '../../lib/access.js'
import { forbidden } from '../../lib/errors.js'
import { maskResidentId, normaliseResidentId, residentIdProblem } from '../../domain/identity.js'
import { writeAudit } from '../audit/audit-repository.js'
import * as repo from './memberships-repository.js'
import { scopeOf, type MembershipsDeps } from './deps.js'
import type { RosterSearch } from './memberships-service.js'

export function rosterUseCases (deps: MembershipsDeps) {
  const { db, clock, pii } = deps
  const rosters = {
    /** Whether this actor reviews anything at all (liaison of an enterprise, staff, admin). */
    isReviewer (actor: Actor): boolean {
      // A plain member (no enterprise as liaison, no staff scope) reviews nothing: no query.
      if (!actor.isAdmin && !actor.isStaff && !actor.roles.includes('liaison')) return false
      const s = scopeOf(db, actor)
      return s.enterpriseIds === null || s.enterpriseIds.length > 0 || (s.buildingIds?.length ?? 0) > 0
    },

    rosterFilter (actor: Actor, q: RosterSearch): repo.RosterFilter {
      const scope = scopeOf(db, actor)
      if (scope.enterpriseIds !== null && scope.enterpriseIds.length === 0 && (scope.buildingIds?.length ?? 0) === 0) throw forbidden()
      const typedId = rosters.idSearchHash(q.q)
      // A full ID number (typed, or its keyed hash from the page's POST search) matches by hash only.
      if (typedId !== undefined || q.idh !== undefined) return { ...scope, idHash: typedId ?? q.idh, status: q.status, enterpriseId: q.enterpriseId, buildingId: q.buildingId }
      return { ...scope, q: q.q, status: q.status, enterpriseId: q.enterpriseId, buildingId: q.buildingId }
    },

    /** The keyed hash of a search that is a full, valid resident ID number; else undefined. */
    idSearchHash (q: string | undefined): string | undefined {
      return q !== undefined && residentIdProblem(q, clock.today()) === null ? pii.hash(normaliseResidentId(q)) : undefined
    },

    roster (actor: Actor, q: RosterSearch, limit: number, offset: number) {
      return repo.searchRoster(db, rosters.rosterFilter(actor, q), limit, offset)
    },

    /** Audits the export (who, which filter, how many rows) and returns the rows to stream. */
    exportRoster (actor: Actor, q: RosterSearch): Iterable<repo.RosterExportRow> {
      const filter = rosters.rosterFilter(actor, q)
      const count = repo.countRoster(db, filter)
      // A search by ID number is recorded masked, never as the number or its hash.
      const idSearch = filter.idHash !== undefined
      const masked = !idSearch ? q.q : q.q !== undefined ? maskResidentId(normaliseResidentId(q.q)) : repo.maskedIdOf(db, filter.idHash!) ?? '(ID number)'
      db.transaction((tx) => {
        writeAudit(tx, clock.iso(), {
          actorUserId: actor.id, action: 'membership.export', entityType: 'membership', entityId: 'roster',
          after: { q: masked, status: q.status, enterpriseId: q.enterpriseId, buildingId: q.buildingId, rows: count }
        })
      })
      return repo.iterateRoster(db, filter)
    },

    pendingApplicationsCount (actor: Actor): number {
      const s = scopeOf(db, actor)
      if (s.enterpriseIds !== null && s.enterpriseIds.length === 0 && (s.buildingIds?.length ?? 0) === 0) return 0
      return repo.countRoster(db, { ...s, status: 'applied' })
    },

    enrolledEnterprises (buildingId?: number) {
      return repo.listEnrolledEnterprises(db, buildingId)
    },

    buildings () {
      return repo.listBuildings(db)
    },

    manageableEnterprises (actor: Actor) {
      const s = scopeOf(db, actor)
      return repo.manageableEnterprises(db, s.enterpriseIds ?? [], s.buildingIds)
    }
  }
  return rosters
}
