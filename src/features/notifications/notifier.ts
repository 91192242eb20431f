// Telling a member that something of theirs changed: a notice in the portal, written in the same
// transaction as the change (in both languages, with the figures of that moment), and an SMS in
// the member's language sent only AFTER the commit. A failed SMS never undoes the change: it is
// logged and the notice stays in the portal.
import type { FastifyBaseLogger } from 'fastify'
import type { DbOrTx } from '../../db/index.js'
import type { SmsSender } from '../../lib/sms/index.js'
import { t } from '../../i18n/index.js'
import * as repo from './notifications-repository.js'

/** What a notice is about; each kind has a message `notice.<kind>` in both languages. */
export type NoticeKind =
  | 'claim.returned' | 'claim.approved' | 'claim.rejected' | 'claim.paid' | 'claim.transfer_returned'
  | 'membership.active' | 'membership.rejected' | 'membership.left' | 'membership.transferred'
  | 'membership.transfer_requested' | 'membership.transfer_refused' | 'membership.transfer_withdrawn'
  | 'purchase.ordered' | 'purchase.paid' | 'purchase.cancelled' | 'purchase.cancelled_unpaid'

export interface Notice { userId: number, kind: NoticeKind, params: Record<string, string | number>, subject?: string }

/** An SMS to send once the transaction that wrote its notice has committed. */
export interface PendingSms { to: string, text: string }

export function createNotifier ({ sms, log }: { sms: SmsSender, log: FastifyBaseLogger }) {
  /** Sends after the commit, without waiting: the answer never depends on the SMS provider. */
  function send (pending: PendingSms[]): void {
    for (const p of pending) {
      sms.send({ to: p.to, template: 'notice', params: { text: p.text } }).catch((err: unknown) => {
        log.warn({ err, to: `${p.to.slice(0, 3)}****${p.to.slice(-4)}` }, 'notice SMS not sent')
      })
    }
  }
  return {
    /** Writes the notice (inside the caller's transaction) and returns the SMS to send after it. */
    notify (tx: DbOrTx, at: string, n: Notice): PendingSms[] {
      const params = n.params
      repo.insertNotification(tx, {
        userId: n.userId, kind: n.kind, textZh: t('zh', `notice.${n.kind}`, params), textEn: t('en', `notice.${n.kind}`, params),
        subject: n.subject ?? null, createdAt: at, readAt: null
      })
      const to = repo.recipient(tx, n.userId)
      return to === undefined ? [] : [{ to: to.phone, text: t(to.lang, `notice.${n.kind}`, params) }]
    },
    /** Takes a committed transaction's answer and its SMS; sends them and returns the answer. */
    afterCommit<T> (done: { answer: T, sms: PendingSms[] }): T {
      send(done.sms)
      return done.answer
    },
    send
  }
}

export type Notifier = ReturnType<typeof createNotifier>
