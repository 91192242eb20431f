// Who may see and act on an enterprise, shared by the enterprise use cases, and the errors and
// audit snapshot they share.
import type { DbOrTx } from '../../db/index.js'
import { AppError, badRequest, conflict, forbidden, notFound } from '../../lib/errors.js'
import { canActForBuilding, type Actor } from '../../lib/access.js'
import * as repo from './buildings-repository.js'

export const usccTaken = (): AppError => conflict('USCC_TAKEN', 'buildings.v.usccTaken', { uscc: 'buildings.v.usccTaken' })
export const unknownBuilding = (): AppError => badRequest({ buildingId: 'buildings.v.unknownBuilding' })

/** The enterprise, if this actor may see it: its liaison, staff of its building, admin. */
export function enterpriseFor (tx: DbOrTx, actor: Actor, id: number): repo.EnterpriseRow {
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
export function reviewable (tx: DbOrTx, actor: Actor, id: number): repo.EnterpriseRow {
  const e = repo.findEnterprise(tx, id)
  if (e === undefined) throw notFound()
  if (!canActForBuilding(actor, e.buildingId)) throw forbidden()
  if (e.liaisonUserId === actor.id || e.handoverToUserId === actor.id) throw forbidden('buildings.ownEnterprise')
  if (e.enrolledBy === actor.id) throw forbidden('buildings.ownEnrolment')
  return e
}

/** What the audit keeps of an enterprise. */
export const snapshot = (e: Pick<repo.EnterpriseRow, 'buildingId' | 'name' | 'uscc' | 'floorRoom' | 'headcount' | 'contactName' | 'contactPhone' | 'status'>) => ({
  buildingId: e.buildingId, name: e.name, uscc: e.uscc, floorRoom: e.floorRoom, headcount: e.headcount,
  contactName: e.contactName, contactPhone: e.contactPhone, status: e.status
})
