// Buildings and enterprise enrolment, assembled once per app: each file owns one part
// (buildings.ts, enrolment.ts, liaison.ts); pages and the JSON API share them. Who may do what is
// checked in the use cases with an explicit actor, resolved here first (401 without one, 403
// for an admin-only or staff-only use case); one transaction per change, an audit entry beside
// every change.
import type { Db } from '../../db/index.js'
import type { Clock } from '../../lib/clock.js'
import { requireActor, requireAdmin, requireStaffOrAdmin, type Actor } from '../../lib/access.js'
import type { BuildingInput, EnterpriseInput } from './buildings-schemas.js'
import type { EnterpriseStatus } from './buildings-repository.js'
import { buildingUseCases } from './buildings.js'
import { enrolmentUseCases } from './enrolment.js'
import { liaisonUseCases } from './liaison.js'

type Who = Actor | null

export function createBuildingsService (db: Db, clock: Clock) {
  const deps = { db, clock }
  const buildings = buildingUseCases(deps)
  const enrolment = enrolmentUseCases(deps)
  const liaison = liaisonUseCases(deps)
  const user = requireActor
  return {
    coverage: buildings.coverage,
    buildingExists: buildings.buildingExists,
    buildingChoices: buildings.buildingChoices,
    createBuilding: (a: Who, input: BuildingInput) => buildings.createBuilding(requireAdmin(a), input),
    updateBuilding: (a: Who, id: number, input: BuildingInput) => { buildings.updateBuilding(requireAdmin(a), id, input) },
    building: buildings.building,
    buildingReport: (a: Who, id: number, status?: EnterpriseStatus) => buildings.buildingReport(user(a), id, status),
    myBuildings: (a: Who) => buildings.myBuildings(requireStaffOrAdmin(a)),
    cityOverview: (a: Who) => { requireAdmin(a); return buildings.cityOverview() },
    exportEnterprises: (a: Who, buildingId: number) => buildings.exportEnterprises(user(a), buildingId),

    enrol: (a: Who, input: EnterpriseInput) => enrolment.enrol(user(a), input),
    approve: (a: Who, id: number) => enrolment.approve(user(a), id),
    reject: (a: Who, id: number, reason: string) => enrolment.reject(user(a), id, reason),
    resubmit: (a: Who, id: number, input: EnterpriseInput) => enrolment.resubmit(user(a), id, input),
    withdraw: (a: Who, id: number, note?: string) => enrolment.withdraw(user(a), id, note),
    assertReviewer: (a: Who, id: number) => { enrolment.assertReviewer(user(a), id) },
    assertLiaison: (a: Who, id: number) => { enrolment.assertLiaison(user(a), id) },

    handOver: (a: Who, id: number, phone: string) => liaison.handOver(user(a), id, phone),
    acceptHandOver: (a: Who, id: number) => liaison.acceptHandOver(user(a), id),
    view: (a: Who, id: number) => liaison.view(user(a), id),
    mine: liaison.mine,
    pendingFor: liaison.pendingFor
  }
}

export type BuildingsService = ReturnType<typeof createBuildingsService>
