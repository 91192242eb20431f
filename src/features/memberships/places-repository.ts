// Enterprises and buildings as memberships read them (owned by the buildings feature): SQL only here.
import { and, asc, eq, inArray, or, sql, type SQL } from 'drizzle-orm'
import type { DbOrTx } from '../../db/index.js'
import { preparedQuery } from '../../db/prepared.js'
import { buildings, enterprises } from '../../db/schema/index.js'

export interface EnterpriseFacts {
  id: number
  name: string
  status: string
  buildingId: number
  buildingName: string
  liaisonUserId: number
  headcount: number
}

export function findEnterprise (db: DbOrTx, id: number): EnterpriseFacts | undefined {
  return db.select({
    id: enterprises.id, name: enterprises.name, status: enterprises.status, buildingId: enterprises.buildingId,
    buildingName: buildings.name, liaisonUserId: enterprises.liaisonUserId, headcount: enterprises.headcount
  }).from(enterprises).innerJoin(buildings, eq(buildings.id, enterprises.buildingId)).where(eq(enterprises.id, id)).get()
}

export function listEnrolledEnterprises (db: DbOrTx, buildingId?: number) {
  return db.select({ id: enterprises.id, name: enterprises.name, buildingId: enterprises.buildingId, buildingName: buildings.name })
    .from(enterprises).innerJoin(buildings, eq(buildings.id, enterprises.buildingId))
    .where(and(eq(enterprises.status, 'enrolled'), buildingId === undefined ? undefined : eq(enterprises.buildingId, buildingId)))
    .orderBy(asc(buildings.name), asc(enterprises.name)).all()
}

export function listBuildings (db: DbOrTx) {
  return db.select({ id: buildings.id, name: buildings.name }).from(buildings).orderBy(asc(buildings.name)).all()
}

/** Enterprises this user is the liaison of (a withdrawn one no longer has a liaison's rights). */
const liaisonEnterprisesQuery = preparedQuery((db) => db.select({ id: enterprises.id }).from(enterprises)
  .where(and(eq(enterprises.liaisonUserId, sql.placeholder('userId')), sql`${enterprises.status} <> 'withdrawn'`)).prepare())

export function liaisonEnterpriseIds (db: DbOrTx, userId: number): number[] {
  return liaisonEnterprisesQuery(db).all({ userId }).map((e) => e.id)
}

/** Enterprises a liaison or staff account may manage members of (import targets, filters). */
export function manageableEnterprises (db: DbOrTx, liaisonOf: number[], buildingIds: number[] | null) {
  const conds: SQL[] = []
  if (liaisonOf.length > 0) conds.push(inArray(enterprises.id, liaisonOf))
  if (buildingIds === null) conds.push(sql`1 = 1`)
  else if (buildingIds.length > 0) conds.push(inArray(enterprises.buildingId, buildingIds))
  if (conds.length === 0) return []
  return db.select({
    id: enterprises.id, name: enterprises.name, status: enterprises.status, buildingId: enterprises.buildingId, buildingName: buildings.name
  })
    .from(enterprises).innerJoin(buildings, eq(buildings.id, enterprises.buildingId))
    .where(and(or(...conds), inArray(enterprises.status, ['enrolled', 'withdrawn'])))
    .orderBy(asc(buildings.name), asc(enterprises.name)).all()
}
