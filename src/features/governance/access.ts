// Who may see and do what in a building's democratic management. Staff of the building and
// admin run it; the building's members may read it (and vote when they hold a seat and are
// present); anyone else is told it does not exist (404).
import { sql } from 'drizzle-orm'
import type { DbOrTx } from '../../db/index.js'
import { canActForBuilding, type Actor } from '../../lib/access.js'
import { forbidden, notFound } from '../../lib/errors.js'

/** The enterprises (and their buildings) where the user is an active member. */
export function activeMembershipsOf (
  db: DbOrTx, userId: number
): Array<{ membershipId: number, enterpriseId: number, buildingId: number }> {
  return db.all(sql`select m.id as membershipId, m.enterprise_id as enterpriseId, e.building_id as buildingId
    from memberships m join enterprises e on e.id = m.enterprise_id where m.user_id = ${userId} and m.status = 'active'`)
}

export function isMemberOfBuilding (db: DbOrTx, actor: Actor, buildingId: number): boolean {
  return activeMembershipsOf(db, actor.id).some((m) => m.buildingId === buildingId)
}

/** May see the building's congress, contracts and federation disclosures; 404 otherwise. */
export function requireBuildingReader (db: DbOrTx, actor: Actor, buildingId: number): void {
  if (canActForBuilding(actor, buildingId)) return
  if (!isMemberOfBuilding(db, actor, buildingId)) throw notFound()
}

/** Runs the building's democratic management: 404 to those who may not see it, 403 to readers. */
export function requireBuildingManager (db: DbOrTx, actor: Actor, buildingId: number): void {
  if (canActForBuilding(actor, buildingId)) return
  requireBuildingReader(db, actor, buildingId)
  throw forbidden()
}
