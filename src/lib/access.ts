// Who may do what. Services call these with an explicit actor; routes only pass it along.
import { forbidden, unauthorized } from './errors.js'

export type Role = 'member' | 'liaison' | 'staff' | 'admin'

export interface Actor {
  id: number
  name: string
  phone: string
  roles: Role[]
  isAdmin: boolean
  isStaff: boolean
  /** Buildings a staff account works for (empty for others; admin acts everywhere). */
  staffBuildingIds: number[]
  mustChangePassword: boolean
}

export function requireActor (actor: Actor | null | undefined): Actor {
  if (actor === null || actor === undefined) throw unauthorized()
  return actor
}

export function requireAdmin (actor: Actor | null | undefined): Actor {
  const a = requireActor(actor)
  if (!a.isAdmin) throw forbidden()
  return a
}

/** Staff scoped to this building, or admin. */
export function canActForBuilding (actor: Actor, buildingId: number): boolean {
  return actor.isAdmin || (actor.isStaff && actor.staffBuildingIds.includes(buildingId))
}

/** Staff (of any building) or admin. */
export function requireStaffOrAdmin (actor: Actor | null | undefined): Actor {
  const a = requireActor(actor)
  if (!a.isAdmin && !a.isStaff) throw forbidden()
  return a
}

/** The buildings whose data this actor may review: null means all (admin). */
export function reviewableBuildings (actor: Actor): number[] | null {
  return actor.isAdmin ? null : actor.isStaff ? actor.staffBuildingIds : []
}
