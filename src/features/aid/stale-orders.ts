// Orders still unpaid STALE_ORDER_DAYS after they were placed are cancelled (hourly, and at start).
import type { Notifier, PendingSms } from '../notifications/notifier.js'
import { formatFen } from '../../domain/money.js'
import type { Db } from '../../db/index.js'
import type { Clock } from '../../lib/clock.js'
import { writeAudit } from '../audit/audit-repository.js'
import * as repo from './purchases-repository.js'
import { tellMember } from './deps.js'
import { ORDER_TRANSITIONS, transition } from '../../domain/lifecycles.js'

/** Unpaid orders are cancelled this long after they were placed. */
export const STALE_ORDER_DAYS = 30

/**
 * Cancels orders still unpaid STALE_ORDER_DAYS after they were placed; each cancellation is
 * guarded (a payment confirmed meanwhile wins) and audited with no actor. Returns how many.
 */
export function cancelStaleOrders (db: Db, clock: Clock, notifier?: Notifier): number {
  const cutoff = new Date(clock.now().getTime() - STALE_ORDER_DAYS * 86_400_000).toISOString()
  const sms: PendingSms[] = []
  const cancelled = db.transaction((tx) => {
    const at = clock.iso()
    let n = 0
    for (const p of repo.stalePending(tx, cutoff)) {
      const to = transition(ORDER_TRANSITIONS, 'cancelUnpaid', p.status)
      if (to === null || repo.cancelPending(tx, p.id, 'unpaid_30_days', at) === 0) continue
      writeAudit(tx, at, {
        actorUserId: null, action: 'aid_purchase.cancel', entityType: 'aid_purchase', entityId: p.id,
        before: { status: p.status }, after: { status: to, reason: 'unpaid_30_days' }, note: `unpaid after ${STALE_ORDER_DAYS} days`
      })
      sms.push(...tellMember(notifier, tx, at, p, { kind: 'purchase.cancelled_unpaid', params: { year: p.planYear, amount: formatFen(p.amountFen), days: STALE_ORDER_DAYS } }))
      n++
    }
    return n
  })
  notifier?.send(sms)
  return cancelled
}
