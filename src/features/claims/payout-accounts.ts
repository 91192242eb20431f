// A member's payout account (收款账户): one per member, the number encrypted like ID numbers and
// shown masked (last four digits) everywhere but the bank file. The approval freezes it onto the
// claim, so a later change never redirects money already approved.
import type { Db, Tx } from '../../db/index.js'
import type { Clock } from '../../lib/clock.js'
import type { Pii } from '../../lib/pii.js'
import { type Actor, requireActor } from '../../lib/access.js'
import { badRequest } from '../../lib/errors.js'
import { writeAudit } from '../audit/audit-repository.js'
import * as repo from './payout-repository.js'
import type { PayoutAccountInput } from './claims-schemas.js'

export interface MaskedPayoutAccount { bankName: string, accountNo: string, accountLast4: string, accountName: string, updatedAt: string }

/** "**** **** 1234": only the last four digits. */
export function maskAccountNo (last4: string): string {
  return `**** **** ${last4}`
}

const masked = (r: repo.PayoutAccountRow): MaskedPayoutAccount => ({
  bankName: r.bankName, accountNo: maskAccountNo(r.accountLast4), accountLast4: r.accountLast4, accountName: r.accountName, updatedAt: r.updatedAt
})

/** Names compared as people write them: no spaces, full-width dots as the middle dot. */
const sameName = (a: string, b: string): boolean => {
  const norm = (s: string): string => s.normalize('NFKC').replace(/\s+/g, '').replace(/[.．・]/g, '·')
  return norm(a) === norm(b)
}

export function createPayoutAccounts ({ db, clock, pii }: { db: Db, clock: Clock, pii: Pii }) {
  return {
    get (actorIn: Actor | null): MaskedPayoutAccount | null {
      const row = repo.findPayoutAccount(db, requireActor(actorIn).id)
      return row === undefined ? null : masked(row)
    },

    /** What the form offers: the member's own name (the only accepted payee) and the account. */
    formDefaults (actorIn: Actor | null) {
      const actor = requireActor(actorIn)
      return { memberName: repo.memberName(db, actor.id) ?? actor.name, account: this.get(actor) }
    },

    save (actorIn: Actor | null, input: PayoutAccountInput): MaskedPayoutAccount {
      const actor = requireActor(actorIn)
      const own = repo.memberName(db, actor.id) ?? actor.name
      if (!sameName(input.accountName, own)) throw badRequest({ accountName: 'payout.v.accountName' })
      const at = clock.iso()
      return db.transaction((tx) => {
        const before = repo.findPayoutAccount(tx, actor.id)
        const row = { userId: actor.id, bankName: input.bankName, accountNo: pii.encrypt(input.accountNo), accountLast4: input.accountNo.slice(-4), accountName: own, updatedAt: at }
        repo.savePayoutAccount(tx, row)
        writeAudit(tx, at, {
          actorUserId: actor.id, action: 'payout_account.save', entityType: 'payout_account', entityId: actor.id,
          before: before === undefined ? undefined : { bankName: before.bankName, accountNo: maskAccountNo(before.accountLast4) },
          after: { bankName: row.bankName, accountNo: maskAccountNo(row.accountLast4) }
        })
        return masked(row)
      })
    }
  }
}

export type PayoutAccounts = ReturnType<typeof createPayoutAccounts>

/** The account to freeze onto a claim at its approval (the number stays encrypted), if any. */
export function accountToFreeze (tx: Tx | Db, userId: number) {
  const r = repo.findPayoutAccount(tx, userId)
  return r === undefined
    ? undefined
    : { payoutBankName: r.bankName, payoutAccountNo: r.accountNo, payoutAccountLast4: r.accountLast4, payoutAccountName: r.accountName }
}
