// What every aid use case is given, and what they share: cover if a share were paid on a day,
// telling a member of their order's change.
import type { Notice, Notifier, PendingSms } from '../notifications/notifier.js'
import type { Db, DbOrTx } from '../../db/index.js'
import type { Clock } from '../../lib/clock.js'
import type { PlanTerms } from '../../domain/aid-plan.js'
import { coverWindow, type CoverWindow } from '../../domain/cover.js'
import * as repo from './purchases-repository.js'

export interface AidDeps { db: Db, clock: Clock, notifier?: Notifier }

/** The member of an order is told of its change: a notice in the transaction, the SMS after it. */
export function tellMember (notifier: Notifier | undefined, tx: DbOrTx, at: string, p: { id: number, membershipId: number }, n: Omit<Notice, 'userId' | 'subject'>): PendingSms[] {
  const userId = notifier === undefined ? undefined : repo.membershipFacts(tx, p.membershipId)?.userId
  if (notifier === undefined || userId === undefined || userId === null) return []
  return notifier.notify(tx, at, { ...n, userId, subject: `aid_purchase:${p.id}` })
}

/** Cover if the share were paid on `paidOn` (renewal = a paid share in the previous plan year). */
export function coverFor (tx: DbOrTx, membershipId: number, plan: PlanTerms, paidOn: string): { window: CoverWindow | null, renewal: boolean } {
  const renewal = repo.hasPaidShare(tx, membershipId, plan.year - 1)
  return { window: coverWindow(plan.year, paidOn, plan.waitingDays, renewal), renewal }
}
