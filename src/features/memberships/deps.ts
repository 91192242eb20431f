// What every memberships use case is given, and the rules of who may act that they share.
import type { Db, DbOrTx } from '../../db/index.js'
import type { Clock } from '../../lib/clock.js'
import type { Pii } from '../../lib/pii.js'
import type { Notice, Notifier, PendingSms } from '../notifications/notifier.js'
import { canActForBuilding, reviewableBuildings, type Actor } from '../../lib/access.js'
import { AppError, badRequest, forbidden, notFound, ruleRefused } from '../../lib/errors.js'
import * as repo from './memberships-repository.js'

export interface MembershipsDeps { db: Db, clock: Clock, pii: Pii, notifier?: Notifier }

export const notEnrolled = (): AppError => ruleRefused('ENTERPRISE_NOT_ENROLLED', 'memberships.enterpriseNotEnrolled')
export const unknownEnterprise = (): AppError => badRequest({ enterpriseId: 'memberships.v.unknownEnterprise' })

/**
 * The person a membership belongs to: its account. An imported membership has none until the
 * person claims it by applying with the same ID number and name (a phone number alone proves
 * nothing: anyone can sign up with any number).
 */
export function isPerson (actor: Actor, m: { userId: number | null }): boolean {
  return m.userId === actor.id
}

/** The enterprise's liaison (while it has not withdrawn), staff of its building, admin. */
export function canManage (actor: Actor, e: { liaisonUserId: number, enterpriseStatus: string, buildingId: number }): boolean {
  return (e.liaisonUserId === actor.id && e.enterpriseStatus !== 'withdrawn') || canActForBuilding(actor, e.buildingId)
}

/** The new enterprise's liaison (while it has not withdrawn), staff of the new building, admin. */
export function canReviewTransfer (actor: Actor, t: repo.TransferView): boolean {
  return (t.toLiaisonUserId === actor.id && t.toStatus !== 'withdrawn') || canActForBuilding(actor, t.toBuildingId)
}

export function checkTransferReviewer (actor: Actor, t: repo.TransferView): void {
  if (!canReviewTransfer(actor, t)) throw forbidden()
  // Nobody confirms their own move, nor one they asked for.
  if (t.memberUserId === actor.id || t.requestedBy === actor.id) throw forbidden('memberships.ownApplication')
}

/** What the actor reviews: enterprises as liaison and buildings as staff (null: everything). */
export function scopeOf (db: DbOrTx, actor: Actor): { enterpriseIds: number[] | null, buildingIds: number[] | null } {
  const buildingIds = reviewableBuildings(actor)
  if (buildingIds === null) return { enterpriseIds: null, buildingIds: null }
  return { enterpriseIds: repo.liaisonEnterpriseIds(db, actor.id), buildingIds }
}

export function loadMembership (db: DbOrTx, id: number): repo.MembershipView {
  const m = repo.findMembership(db, id)
  if (m === undefined) throw notFound()
  return m
}

/** A notice to the member (in the transaction) and its SMS, to be sent once the change committed. */
export function tell (deps: MembershipsDeps, tx: DbOrTx, at: string, userId: number | null, n: Omit<Notice, 'userId'>): PendingSms[] {
  return deps.notifier === undefined || userId === null ? [] : deps.notifier.notify(tx, at, { ...n, userId })
}

/** One transaction that may queue notices' SMS; they are sent once it has committed. */
export function changing<T> (deps: MembershipsDeps, fn: (tx: DbOrTx, sms: PendingSms[]) => T): T {
  const sms: PendingSms[] = []
  const answer = deps.db.transaction((tx) => fn(tx, sms))
  deps.notifier?.send(sms)
  return answer
}
