// The rows the memberships repositories share: a membership with its enterprise and building.
import { eq, sql } from 'drizzle-orm'
import type { DbOrTx } from '../../db/index.js'
import { buildings, enterprises, memberships, membershipTransfers, rosterImports } from '../../db/schema/index.js'

export type MembershipRow = typeof memberships.$inferSelect
export type NewMembership = typeof memberships.$inferInsert
export type TransferRow = typeof membershipTransfers.$inferSelect
export type ImportRow = typeof rosterImports.$inferSelect
export type MembershipStatus = MembershipRow['status']

export const OPEN = sql`${memberships.status} in ('applied', 'active')`

export const withPlace = {
  m: memberships,
  enterpriseName: enterprises.name,
  enterpriseStatus: enterprises.status,
  buildingId: enterprises.buildingId,
  buildingName: buildings.name,
  federationName: buildings.federationName,
  liaisonUserId: enterprises.liaisonUserId
}
export type MembershipView = MembershipRow & { enterpriseName: string, enterpriseStatus: string, buildingId: number, buildingName: string, federationName: string | null, liaisonUserId: number }

export function flatten (r: { m: MembershipRow, enterpriseName: string, enterpriseStatus: string, buildingId: number, buildingName: string, federationName: string | null, liaisonUserId: number }): MembershipView {
  return {
    ...r.m, enterpriseName: r.enterpriseName, enterpriseStatus: r.enterpriseStatus, buildingId: r.buildingId, buildingName: r.buildingName,
    federationName: r.federationName, liaisonUserId: r.liaisonUserId
  }
}

export function selectView (db: DbOrTx) {
  return db.select(withPlace).from(memberships)
    .innerJoin(enterprises, eq(enterprises.id, memberships.enterpriseId))
    .innerJoin(buildings, eq(buildings.id, enterprises.buildingId))
}
