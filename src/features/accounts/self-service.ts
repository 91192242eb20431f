// Self-service by SMS: a forgotten password reset with a code sent to the account's phone, and a
// member proving they hold their phone (what lets an account take over an imported membership
// whose mobile matches). Codes: 6 digits, 10 minutes, 5 tries, one per phone per 60 s, stored
// only as a keyed hash.
import { randomInt, timingSafeEqual } from 'node:crypto'
import type { FastifyBaseLogger } from 'fastify'
import type { Db, DbOrTx } from '../../db/index.js'
import type { Clock } from '../../lib/clock.js'
import type { Pii } from '../../lib/pii.js'
import type { SmsSender } from '../../lib/sms/index.js'
import type { Actor } from '../../lib/access.js'
import { AppError, badRequest } from '../../lib/errors.js'
import { hashPassword } from '../../lib/password.js'
import { writeAudit } from '../audit/audit-repository.js'
import * as repo from './accounts-repository.js'
import * as codes from './codes-repository.js'

export const CODE_MINUTES = 10
export const CODE_TRIES = 5
export const CODE_INTERVAL_S = 60

const invalidCode = (): AppError => badRequest({ code: 'accounts.code.invalid' })

export function createSelfService (deps: { db: Db, clock: Clock, pii: Pii, sms: SmsSender, log: FastifyBaseLogger }) {
  const { db, clock, pii, sms, log } = deps
  const hashCode = (phone: string, purpose: codes.CodePurpose, code: string): string => pii.hash(`sms-code:v1:${purpose}:${phone}:${code}`)

  /** Issues a code and texts it; 'too_soon' while the last one for this phone is under 60 s old. */
  async function sendCode (phone: string, purpose: codes.CodePurpose, userId: number): Promise<'sent' | 'too_soon'> {
    const now = clock.now()
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0')
    const issued = db.transaction((tx) => {
      const last = codes.latestCode(tx, phone, purpose)
      if (last !== undefined && Date.parse(last.createdAt) > now.getTime() - CODE_INTERVAL_S * 1000) return false
      codes.pruneCodes(tx, new Date(now.getTime() - 24 * 3600_000).toISOString())
      codes.insertCode(tx, {
        phone, purpose, userId, codeHash: hashCode(phone, purpose, code), createdAt: now.toISOString(),
        expiresAt: new Date(now.getTime() + CODE_MINUTES * 60_000).toISOString()
      })
      return true
    })
    if (!issued) return 'too_soon'
    await sms.send({ to: phone, template: 'verification_code', params: { code, minutes: String(CODE_MINUTES) } })
    return 'sent'
  }

  /**
   * Whether `code` is the phone's newest code for this purpose, unexpired, unused and with tries
   * left; a wrong one uses up a try. Run inside the caller's transaction, which must commit
   * (not throw) so a wrong try is counted.
   */
  function useCode (tx: DbOrTx, phone: string, purpose: codes.CodePurpose, code: string): boolean {
    const row = codes.latestCode(tx, phone, purpose)
    if (row === undefined || row.usedAt !== null || row.expiresAt <= clock.iso()) return false
    if (!codes.countTry(tx, row.id, CODE_TRIES)) return false
    const given = Buffer.from(hashCode(phone, purpose, code))
    if (!timingSafeEqual(given, Buffer.from(row.codeHash))) return false
    return codes.markUsed(tx, row.id, clock.iso())
  }

  return {
    /** Always the same answer to the caller (202): whether the phone has an account never shows. */
    async requestPasswordReset (phone: string): Promise<void> {
      const user = repo.findUserByPhone(db, phone)
      if (user === undefined || !user.active) return
      try {
        await sendCode(phone, 'password_reset', user.id)
      } catch (err) {
        log.error({ err }, 'password-reset code could not be sent')
      }
    },

    /** A right code sets the new password, lifts a lock and ends every earlier session and token. */
    async confirmPasswordReset (input: { phone: string, code: string, password: string }): Promise<void> {
      const passwordHash = await hashPassword(input.password)
      const done = db.transaction((tx) => {
        const user = repo.findUserByPhone(tx, input.phone)
        if (user === undefined || !useCode(tx, input.phone, 'password_reset', input.code)) return false
        const at = clock.iso()
        repo.updateUser(tx, user.id, {
          passwordHash, mustChangePassword: false, failedLogins: 0, lockedUntil: null, tokenVersion: user.tokenVersion + 1,
          // The code reached this phone: it is the account's, proven.
          phoneVerifiedAt: user.phoneVerifiedAt ?? at, updatedAt: at
        })
        repo.revokeSessionsOf(tx, user.id, at)
        writeAudit(tx, at, { actorUserId: user.id, action: 'user.reset_password_sms', entityType: 'user', entityId: user.id, note: 'password reset with an SMS code' })
        return true
      })
      if (!done) throw invalidCode()
    },

    async requestPhoneVerification (actor: Actor): Promise<void> {
      if (await sendCode(actor.phone, 'phone_verification', actor.id) === 'too_soon') {
        throw new AppError(429, 'RATE_LIMITED', 'accounts.code.tooSoon', { seconds: CODE_INTERVAL_S })
      }
    },

    confirmPhoneVerification (actor: Actor, code: string): { phoneVerified: true } {
      const done = db.transaction((tx) => {
        if (!useCode(tx, actor.phone, 'phone_verification', code)) return false
        const at = clock.iso()
        codes.setPhoneVerified(tx, actor.id, at)
        writeAudit(tx, at, { actorUserId: actor.id, action: 'user.verify_phone', entityType: 'user', entityId: actor.id, after: { phoneVerifiedAt: at } })
        return true
      })
      if (!done) throw invalidCode()
      return { phoneVerified: true }
    },

    phoneVerified (userId: number): boolean {
      return repo.findUserById(db, userId)?.phoneVerifiedAt != null
    }
  }
}

export type SelfService = ReturnType<typeof createSelfService>
