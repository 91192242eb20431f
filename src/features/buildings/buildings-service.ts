// Buildings and enterprise enrolment: who may do what (checked here, with an explicit actor),
// one transaction per change, an audit entry beside every change.
import type { Db, DbOrTx } from '../../db/index.js'
import type { Clock } from '../../lib/clock.js'
import { AppError, badRequest, conflict, forbidden, notFound } from '../../lib/errors.js'
import { canActForBuilding, requireActor, requireAdmin, requireStaffOrAdmin, reviewableBuildings, type Actor } from '../../lib/access.js'
import { auditHistory, writeAudit } from '../audit/audit-repository.js'
import * as repo from './buildings-repository.js'
import { governanceFacts } from '../governance/contracts-repository.js'
import { addMonths } from '../../domain/collective-contract.js'
import type { BuildingInput, EnterpriseInput } from './buildings-schemas.js'

const stateChanged = (): AppError => conflict('STATE_CHANGED', 'error.stateChanged')
const usccTaken = (): AppError => conflict('USCC_TAKEN', 'buildings.v.usccTaken', { uscc: 'buildings.v.usccTaken' })
const unknownBuilding = (): AppError => badRequest({ buildingId: 'buildings.v.unknownBuilding' })

/** A UNIQUE violation that slipped past the look-up (two enrolments of one code at once). */
function isUniqueViolation (err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE'
}

/** What the enterprise's page shows and which actions it offers this actor. */
export interface EnterpriseView {
  enterprise: repo.EnterpriseRow
  building: repo.BuildingRow
  liaison: { id: number, name: string, phone: string }
  members: number
  history: ReturnType<typeof auditHistory>
  isLiaison: boolean
  isReviewer: boolean
  can: { decide: boolean, resubmit: boolean, withdraw: boolean, handOver: boolean, viewBuilding: boolean, acceptHandOver: boolean }
}

export function createBuildingsService (db: Db, clock: Clock) {
  /** The enterprise, if this actor may see it: its liaison, staff of its building, admin. */
  function enterpriseFor (tx: DbOrTx, actor: Actor, id: number): repo.EnterpriseRow {
    const e = repo.findEnterprise(tx, id)
    if (e === undefined) throw notFound()
    if (e.liaisonUserId !== actor.id && !canActForBuilding(actor, e.buildingId)) throw forbidden()
    return e
  }

  /**
   * Staff of the building or admin; never the enterprise's own liaison, nor whoever enrolled it
   * (a hand-over of the liaison role does not make the enroller a neutral reviewer), nor the
   * person a hand-over is waiting for.
   */
  function reviewable (tx: DbOrTx, actor: Actor, id: number): repo.EnterpriseRow {
    const e = repo.findEnterprise(tx, id)
    if (e === undefined) throw notFound()
    if (!canActForBuilding(actor, e.buildingId)) throw forbidden()
    if (e.liaisonUserId === actor.id || e.handoverToUserId === actor.id) throw forbidden('buildings.ownEnterprise')
    if (e.enrolledBy === actor.id) throw forbidden('buildings.ownEnrolment')
    return e
  }

  const snapshot = (e: Pick<repo.EnterpriseRow, 'buildingId' | 'name' | 'uscc' | 'floorRoom' | 'headcount' | 'contactName' | 'contactPhone' | 'status'>) => ({
    buildingId: e.buildingId, name: e.name, uscc: e.uscc, floorRoom: e.floorRoom, headcount: e.headcount,
    contactName: e.contactName, contactPhone: e.contactPhone, status: e.status
  })

  // The city's coverage is read by anyone (GET /api/v1/buildings) and counts every active
  // member; it is kept until the database changes, which the stamp tells exactly.
  let cityCache: { stamp: string, rows: repo.BuildingCoverage[] } | null = null
  function cityCoverage (): repo.BuildingCoverage[] {
    const stamp = repo.dataStamp(db)
    if (cityCache === null || cityCache.stamp !== stamp) cityCache = { stamp, rows: repo.listCoverage(db) }
    return cityCache.rows
  }

  return {
    // ---- buildings ----

    coverage (onlyIds?: number[]): repo.BuildingCoverage[] {
      if (onlyIds !== undefined) return repo.listCoverage(db, onlyIds)
      return cityCoverage()
    },

    buildingExists (id: number): boolean {
      return repo.findBuilding(db, id) !== undefined
    },

    buildingChoices () {
      return repo.listBuildingChoices(db)
    },

    createBuilding (actor: Actor | null, input: BuildingInput): repo.BuildingRow {
      const a = requireAdmin(actor)
      return db.transaction((tx) => {
        const at = clock.iso()
        const b = repo.insertBuilding(tx, {
          name: input.name, district: input.district, address: input.address, federationName: input.federationName ?? null,
          foundedOn: input.foundedOn ?? null, enterprisesTotal: input.enterprisesTotal, isModel: input.isModel,
          hasWorkerCongress: input.hasWorkerCongress, hasAffairsDisclosure: input.hasAffairsDisclosure, createdAt: at, updatedAt: at
        })
        writeAudit(tx, at, { actorUserId: a.id, action: 'building.create', entityType: 'building', entityId: b.id, after: input })
        return b
      })
    },

    updateBuilding (actor: Actor | null, id: number, input: BuildingInput): void {
      const a = requireAdmin(actor)
      db.transaction((tx) => {
        const before = repo.findBuilding(tx, id)
        if (before === undefined) throw notFound()
        // Coverage can never show more enrolled enterprises than the building holds.
        const enrolled = repo.countEnterprises(tx, id, 'enrolled')
        if (input.enterprisesTotal < enrolled) {
          throw new AppError(400, 'INVALID_INPUT', 'error.invalidInput', {}, { enterprisesTotal: `buildings.v.totalBelowEnrolled|${JSON.stringify({ enrolled })}` })
        }
        const at = clock.iso()
        const patch = {
          name: input.name, district: input.district, address: input.address, federationName: input.federationName ?? null,
          foundedOn: input.foundedOn ?? null, enterprisesTotal: input.enterprisesTotal, isModel: input.isModel,
          hasWorkerCongress: input.hasWorkerCongress, hasAffairsDisclosure: input.hasAffairsDisclosure
        }
        repo.updateBuilding(tx, id, { ...patch, updatedAt: at })
        const { createdAt: _c, updatedAt: _u, id: _i, ...old } = before
        writeAudit(tx, at, { actorUserId: a.id, action: 'building.update', entityType: 'building', entityId: id, before: old, after: patch })
      })
    },

    building (id: number): repo.BuildingRow {
      const b = repo.findBuilding(db, id)
      if (b === undefined) throw notFound()
      return b
    },

    /** A building's page for its staff and admin: enterprises, members, coverage. */
    buildingReport (actor: Actor | null, id: number, status?: repo.EnterpriseStatus) {
      const a = requireActor(actor)
      const building = repo.findBuilding(db, id)
      if (building === undefined) throw notFound()
      if (!canActForBuilding(a, id)) throw forbidden()
      const [coverage] = repo.listCoverage(db, [id])
      return {
        building,
        coverage,
        counts: repo.statusCounts(db, id),
        enterprises: repo.enterprisesWithMembers(db, id, status)
      }
    },

    /** The buildings this staff account works for (all for admin), with coverage. */
    myBuildings (actor: Actor | null): repo.BuildingCoverage[] {
      const a = requireStaffOrAdmin(actor)
      const scope = reviewableBuildings(a)
      return scope === null ? cityCoverage() : repo.listCoverage(db, scope)
    },

    /** The city overview for admin: every building, and the totals the article reports. */
    cityOverview (actor: Actor | null) {
      requireAdmin(actor)
      // Congress and disclosure come from the records, not the building's flags: a congress
      // session decided something, or a disclosure was published, in the last 12 months.
      const facts = governanceFacts(db, addMonths(clock.today(), -12))
      const rows = cityCoverage().map((r) => ({
        ...r, hasWorkerCongress: facts.get(r.id)?.congress === true, hasAffairsDisclosure: facts.get(r.id)?.disclosure === true
      }))
      const sum = (f: (r: repo.BuildingCoverage) => number): number => rows.reduce((s, r) => s + f(r), 0)
      return {
        rows,
        totals: {
          buildings: rows.length,
          model: rows.filter((r) => r.isModel).length,
          workerCongress: rows.filter((r) => r.hasWorkerCongress).length,
          affairsDisclosure: rows.filter((r) => r.hasAffairsDisclosure).length,
          both: rows.filter((r) => r.hasWorkerCongress && r.hasAffairsDisclosure).length,
          enterprisesTotal: sum((r) => r.enterprisesTotal),
          enterprisesEnrolled: sum((r) => r.enterprisesEnrolled),
          members: sum((r) => r.members)
        }
      }
    },

    /** The rows of a building's CSV export; the export itself is audited. */
    exportEnterprises (actor: Actor | null, buildingId: number): { building: repo.BuildingRow, rows: repo.BuildingEnterprise[] } {
      const a = requireActor(actor)
      const building = repo.findBuilding(db, buildingId)
      if (building === undefined) throw notFound()
      if (!canActForBuilding(a, buildingId)) throw forbidden()
      return db.transaction((tx) => {
        const rows = repo.enterprisesWithMembers(tx, buildingId)
        writeAudit(tx, clock.iso(), {
          actorUserId: a.id, action: 'building.export_enterprises', entityType: 'building', entityId: buildingId, after: { rows: rows.length }
        })
        return { building, rows }
      })
    },

    // ---- enterprises ----

    /** A signed-in user enrols an enterprise in a building and becomes its liaison. */
    enrol (actor: Actor | null, input: EnterpriseInput): repo.EnterpriseRow {
      const a = requireActor(actor)
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

    approve (actor: Actor | null, id: number): { status: 'enrolled' } {
      const a = requireActor(actor)
      return db.transaction((tx) => {
        const e = reviewable(tx, a, id)
        const at = clock.iso()
        if (!repo.updateEnterpriseIf(tx, id, ['pending'], { status: 'enrolled', decidedAt: at, decidedBy: a.id, rejectReason: null, updatedAt: at })) throw stateChanged()
        writeAudit(tx, at, { actorUserId: a.id, action: 'enterprise.approve', entityType: 'enterprise', entityId: id, before: { status: e.status }, after: { status: 'enrolled' } })
        return { status: 'enrolled' as const }
      })
    },

    reject (actor: Actor | null, id: number, reason: string): { status: 'rejected' } {
      const a = requireActor(actor)
      return db.transaction((tx) => {
        const e = reviewable(tx, a, id)
        const at = clock.iso()
        if (!repo.updateEnterpriseIf(tx, id, ['pending'], { status: 'rejected', rejectReason: reason, decidedAt: at, decidedBy: a.id, updatedAt: at })) throw stateChanged()
        writeAudit(tx, at, { actorUserId: a.id, action: 'enterprise.reject', entityType: 'enterprise', entityId: id, before: { status: e.status }, after: { status: 'rejected', reason }, note: reason })
        return { status: 'rejected' as const }
      })
    },

    /** The liaison corrects a rejected enrolment and sends it again (back to pending). */
    resubmit (actor: Actor | null, id: number, input: EnterpriseInput): { status: 'pending' } {
      const a = requireActor(actor)
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
            headcount: input.headcount, contactName: input.contactName ?? null, contactPhone: input.contactPhone ?? null, status: 'pending' as const
          }
          if (!repo.updateEnterpriseIf(tx, id, ['rejected'], { ...patch, rejectReason: null, decidedAt: null, decidedBy: null, submittedAt: at, updatedAt: at })) throw stateChanged()
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
    withdraw (actor: Actor | null, id: number, note?: string): { status: 'withdrawn' } {
      const a = requireActor(actor)
      return db.transaction((tx) => {
        const e = enterpriseFor(tx, a, id)
        const at = clock.iso()
        if (!repo.updateEnterpriseIf(tx, id, ['enrolled'], { status: 'withdrawn', withdrawnAt: at, updatedAt: at })) throw stateChanged()
        writeAudit(tx, at, { actorUserId: a.id, action: 'enterprise.withdraw', entityType: 'enterprise', entityId: id, before: { status: e.status }, after: { status: 'withdrawn' }, note })
        return { status: 'withdrawn' as const }
      })
    },

    /**
     * Offers the liaison role to another registered user, found by phone. It takes effect only
     * when that person accepts it, signed in (acceptHandOver); a new offer replaces a pending one.
     */
    handOver (actor: Actor | null, id: number, phone: string): { liaisonUserId: number, pendingLiaisonUserId: number } {
      const a = requireActor(actor)
      return db.transaction((tx) => {
        const e = enterpriseFor(tx, a, id)
        const to = repo.userByPhone(tx, phone)
        if (to === undefined || !to.active) throw badRequest({ phone: 'buildings.v.unknownUser' })
        if (to.id === e.liaisonUserId) throw badRequest({ phone: 'buildings.v.alreadyLiaison' })
        const at = clock.iso()
        if (!repo.updateEnterpriseIf(tx, id, ['pending', 'enrolled', 'rejected'], { handoverToUserId: to.id, updatedAt: at })) throw stateChanged()
        writeAudit(tx, at, { actorUserId: a.id, action: 'enterprise.hand_over', entityType: 'enterprise', entityId: id, before: { liaisonUserId: e.liaisonUserId }, after: { pendingLiaisonUserId: to.id }, note: 'waiting for acceptance' })
        return { liaisonUserId: e.liaisonUserId, pendingLiaisonUserId: to.id }
      })
    },

    /**
     * The person a hand-over names accepts it and becomes the liaison. 404 for anyone it does not name
     * (unless they may see the enterprise: 403).
     */
    acceptHandOver (actor: Actor | null, id: number): { liaisonUserId: number } {
      const a = requireActor(actor)
      return db.transaction((tx) => {
        const e = repo.findEnterprise(tx, id)
        if (e === undefined) throw notFound()
        if (e.handoverToUserId !== a.id) {
          if (e.liaisonUserId === a.id || canActForBuilding(a, e.buildingId)) throw forbidden('buildings.handOver.notForYou')
          throw notFound()
        }
        const at = clock.iso()
        if (!repo.acceptHandOver(tx, id, a.id, at)) throw stateChanged()
        writeAudit(tx, at, { actorUserId: a.id, action: 'enterprise.hand_over_accept', entityType: 'enterprise', entityId: id, before: { liaisonUserId: e.liaisonUserId }, after: { liaisonUserId: a.id } })
        return { liaisonUserId: a.id }
      })
    },

    /** One enterprise as its liaison, its building's staff or admin may see it. */
    view (actor: Actor | null, id: number): EnterpriseView {
      const a = requireActor(actor)
      // The person a hand-over names sees the enterprise, to accept it.
      const offered = repo.findEnterprise(db, id)
      const e = offered !== undefined && offered.handoverToUserId === a.id ? offered : enterpriseFor(db, a, id)
      const building = repo.findBuilding(db, e.buildingId)!
      const liaison = repo.userById(db, e.liaisonUserId)!
      const isLiaison = e.liaisonUserId === a.id
      const isReviewer = canActForBuilding(a, e.buildingId)
      return {
        enterprise: e,
        building,
        liaison,
        members: repo.activeMembersOf(db, id),
        history: auditHistory(db, 'enterprise', id),
        isLiaison,
        isReviewer,
        can: {
          decide: isReviewer && !isLiaison && e.enrolledBy !== a.id && e.handoverToUserId !== a.id && e.status === 'pending',
          resubmit: isLiaison && e.status === 'rejected',
          withdraw: e.status === 'enrolled',
          handOver: e.status !== 'withdrawn' && (isLiaison || isReviewer),
          viewBuilding: isReviewer,
          acceptHandOver: e.handoverToUserId === a.id && e.status !== 'withdrawn'
        }
      }
    },

    /** Throws 404/403 unless this actor may approve or reject the enterprise (checked before its input). */
    assertReviewer (actor: Actor | null, id: number): void {
      reviewable(db, requireActor(actor), id)
    },

    /** Throws 404/403 unless this actor is the enterprise's liaison. */
    assertLiaison (actor: Actor | null, id: number): void {
      const a = requireActor(actor)
      const e = enterpriseFor(db, a, id)
      if (e.liaisonUserId !== a.id) throw forbidden('buildings.liaisonOnly')
    },

    /** The signed-in user's enterprises as liaison (GET /api/v1/me, the home card). */
    mine (actor: Actor) {
      return repo.enterprisesOfLiaison(db, actor.id)
    },

    /** Enterprises waiting for this staff account's decision (admin: all). */
    pendingFor (actor: Actor, limit = 5) {
      return repo.pendingEnterprises(db, reviewableBuildings(actor), limit)
    }
  }
}

export type BuildingsService = ReturnType<typeof createBuildingsService>
