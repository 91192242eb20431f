// Accounts: sign-up, sign-in with lockout, password changes, and what administrators do to
// accounts (roles, staff scopes, deactivation, password resets). Every change is audited.
import { randomBytes } from 'node:crypto'
import type { Db } from '../../db/index.js'
import type { Clock } from '../../lib/clock.js'
import { AppError, badRequest, conflict, notFound, unauthorized } from '../../lib/errors.js'
import { requireAdmin, type Actor } from '../../lib/access.js'
import { DUMMY_HASH, hashPassword, verifyPassword } from '../../lib/password.js'
import { writeAudit } from '../audit/audit-repository.js'
import * as repo from './accounts-repository.js'

export const MAX_FAILED_LOGINS = 5
export const LOCK_MINUTES = 15

export interface PublicUser { id: number, phone: string, name: string, roles: string[] }

/** Who did it: a signed-in actor, or the command line (audited with no user). */
export type ActingAs = Actor | 'cli'
const actorId = (a: ActingAs): number | null => (a === 'cli' ? null : a.id)
const checkAdmin = (a: ActingAs): void => { if (a !== 'cli') requireAdmin(a) }

export function createAccountsService (db: Db, clock: Clock) {
  const lockUntil = (): string => new Date(clock.now().getTime() + LOCK_MINUTES * 60_000).toISOString()
  return {
    async register (input: { phone: string, password: string, name: string }): Promise<repo.UserRow> {
      const passwordHash = await hashPassword(input.password)
      return db.transaction((tx) => {
        if (repo.findUserByPhone(tx, input.phone) !== undefined) throw conflict('PHONE_TAKEN', 'accounts.phoneTaken', { phone: 'accounts.phoneTaken' })
        const at = clock.iso()
        const user = repo.insertUser(tx, { phone: input.phone, name: input.name, passwordHash, at })
        writeAudit(tx, at, { actorUserId: user.id, action: 'user.register', entityType: 'user', entityId: user.id, after: { phone: user.phone, name: user.name } })
        return user
      })
    },

    /**
     * Checks a phone and password. Five wrong passwords in a row lock the account for 15
     * minutes; while locked, even the right password answers 429 ACCOUNT_LOCKED.
     * The attempt is reserved (counted) in one statement BEFORE the slow hash is checked, so
     * guesses sent at once, from however many addresses, never get more than five evaluated:
     * the sixth finds the count full and is refused unheard. The right password clears the count.
     */
    async signIn (input: { phone: string, password: string }): Promise<repo.UserRow> {
      const user = repo.findUserByPhone(db, input.phone)
      if (user === undefined) {
        await verifyPassword(input.password, DUMMY_HASH)
        throw unauthorized('INVALID_CREDENTIALS', 'accounts.invalidCredentials')
      }
      const reserved = repo.reserveSignIn(db, user.id, MAX_FAILED_LOGINS, clock.iso())
      if (reserved === null) {
        // Locked, or five attempts already under way: those five are all that is evaluated.
        const until = repo.lockIfFull(db, user.id, MAX_FAILED_LOGINS, clock.iso(), lockUntil())
        throw lockedError(until, clock.now())
      }
      const ok = await verifyPassword(input.password, user.passwordHash)
      // The outcome is written and committed before the refusal is thrown (a throw inside the
      // transaction would roll it back).
      const outcome = db.transaction((tx): 'wrong' | 'disabled' | repo.UserRow => {
        const fresh = repo.findUserById(tx, user.id)!
        const now = clock.iso()
        if (!ok) {
          // Five counted and none cleared since by a right password: five wrong in a row.
          if (fresh.failedLogins >= MAX_FAILED_LOGINS) {
            const until = lockUntil()
            repo.updateUser(tx, user.id, { failedLogins: 0, lockedUntil: until, updatedAt: now })
            writeAudit(tx, now, { actorUserId: null, action: 'user.lock', entityType: 'user', entityId: user.id, after: { lockedUntil: until }, note: `${MAX_FAILED_LOGINS} wrong passwords in a row` })
          }
          return 'wrong'
        }
        repo.updateUser(tx, user.id, { failedLogins: 0, lockedUntil: null })
        if (!fresh.active) return 'disabled'
        return { ...fresh, failedLogins: 0, lockedUntil: null }
      })
      if (outcome === 'wrong') throw unauthorized('INVALID_CREDENTIALS', 'accounts.invalidCredentials')
      if (outcome === 'disabled') throw unauthorized('ACCOUNT_DISABLED', 'accounts.disabled')
      return outcome
    },

    async changePassword (actor: Actor, input: { currentPassword: string, newPassword: string }): Promise<repo.UserRow> {
      const user = repo.findUserById(db, actor.id)
      if (user === undefined) throw notFound()
      if (!(await verifyPassword(input.currentPassword, user.passwordHash))) {
        throw badRequest({ currentPassword: 'accounts.wrongCurrentPassword' })
      }
      if (input.currentPassword === input.newPassword) throw badRequest({ newPassword: 'accounts.samePassword' })
      const passwordHash = await hashPassword(input.newPassword)
      return db.transaction((tx) => {
        const at = clock.iso()
        const next = { passwordHash, mustChangePassword: false, tokenVersion: user.tokenVersion + 1, updatedAt: at }
        repo.updateUser(tx, user.id, next)
        repo.revokeSessionsOf(tx, user.id, at)
        writeAudit(tx, at, { actorUserId: actor.id, action: 'user.change_password', entityType: 'user', entityId: user.id })
        return { ...user, ...next }
      })
    },

    publicUser (user: repo.UserRow): PublicUser {
      const facts = repo.loadRoleFacts(db, user.id)
      const roles = ['member']
      if (facts.liaison) roles.push('liaison')
      for (const r of ['staff', 'admin'] as const) if (facts.grants.includes(r)) roles.push(r)
      return { id: user.id, phone: user.phone, name: user.name, roles }
    },

    // ---- administration (admin pages and the command line) ----

    /** Creates an account with a role; for staff, the buildings it works for. */
    async createUser (by: ActingAs, input: { phone: string, password: string, name: string, role: 'member' | 'staff' | 'admin', buildingIds?: number[] }): Promise<repo.UserRow> {
      checkAdmin(by)
      const passwordHash = await hashPassword(input.password)
      return db.transaction((tx) => {
        if (repo.findUserByPhone(tx, input.phone) !== undefined) throw conflict('PHONE_TAKEN', 'accounts.phoneTaken', { phone: 'accounts.phoneTaken' })
        const at = clock.iso()
        const user = repo.insertUser(tx, { phone: input.phone, name: input.name, passwordHash, at })
        if (input.role !== 'member') repo.grantRole(tx, user.id, input.role, actorId(by), at)
        for (const b of input.buildingIds ?? []) {
          if (!repo.buildingExists(tx, b)) throw badRequest({ building: 'accounts.unknownBuilding' })
          repo.addStaffScope(tx, user.id, b, actorId(by), at)
        }
        writeAudit(tx, at, {
          actorUserId: actorId(by), action: 'user.create', entityType: 'user', entityId: user.id,
          after: { phone: user.phone, name: user.name, role: input.role, buildingIds: input.buildingIds ?? [] },
          note: by === 'cli' ? 'command line' : undefined
        })
        return user
      })
    },

    setActive (by: ActingAs, userId: number, active: boolean): void {
      checkAdmin(by)
      if (by !== 'cli' && by.id === userId && !active) throw new AppError(422, 'CANNOT_DEACTIVATE_SELF', 'accounts.cannotDeactivateSelf')
      db.transaction((tx) => {
        const user = repo.findUserById(tx, userId)
        if (user === undefined) throw notFound()
        if (user.active === active) return
        const at = clock.iso()
        // Deactivation bumps the token version: every token issued before stops working at once.
        repo.updateUser(tx, userId, { active, tokenVersion: user.tokenVersion + 1, updatedAt: at })
        if (!active) repo.revokeSessionsOf(tx, userId, at)
        writeAudit(tx, at, {
          actorUserId: actorId(by), action: active ? 'user.reactivate' : 'user.deactivate', entityType: 'user', entityId: userId,
          before: { active: user.active }, after: { active }, note: by === 'cli' ? 'command line' : undefined
        })
      })
    },

    /** Sets a temporary password that must be changed at next sign-in; returns it. */
    async resetPassword (by: ActingAs, userId: number, temporary?: string): Promise<string> {
      checkAdmin(by)
      const password = temporary ?? generateTemporaryPassword()
      const passwordHash = await hashPassword(password)
      db.transaction((tx) => {
        const user = repo.findUserById(tx, userId)
        if (user === undefined) throw notFound()
        const at = clock.iso()
        repo.updateUser(
          tx, userId,
          { passwordHash, mustChangePassword: true, failedLogins: 0, lockedUntil: null, tokenVersion: user.tokenVersion + 1, updatedAt: at }
        )
        repo.revokeSessionsOf(tx, userId, at)
        writeAudit(tx, at, { actorUserId: actorId(by), action: 'user.reset_password', entityType: 'user', entityId: userId, note: by === 'cli' ? 'command line' : undefined })
      })
      return password
    },

    /** Grants or revokes the staff or admin role. */
    setRole (by: ActingAs, userId: number, role: 'staff' | 'admin', granted: boolean): void {
      checkAdmin(by)
      if (by !== 'cli' && by.id === userId && role === 'admin' && !granted) throw new AppError(422, 'CANNOT_REVOKE_OWN_ADMIN', 'accounts.cannotRevokeOwnAdmin')
      db.transaction((tx) => {
        if (repo.findUserById(tx, userId) === undefined) throw notFound()
        const at = clock.iso()
        if (granted) {
          if (repo.grantRole(tx, userId, role, actorId(by), at)) writeAudit(tx, at, { actorUserId: actorId(by), action: 'user.grant_role', entityType: 'user', entityId: userId, after: { role } })
          return
        }
        // Revoking staff also ends its building scopes, so a later grant starts from none.
        const buildingIds = role === 'staff' ? repo.scopesOf(tx, userId).map((s) => s.buildingId) : []
        const revoked = repo.revokeRole(tx, userId, role)
        for (const b of buildingIds) repo.removeStaffScope(tx, userId, b)
        if (revoked || buildingIds.length > 0) {
          writeAudit(tx, at, { actorUserId: actorId(by), action: 'user.revoke_role', entityType: 'user', entityId: userId, before: { role, buildingIds }, after: { role: null } })
        }
      })
    },

    /** Adds or removes a building from a staff account's scope (granting the staff role). */
    setStaffScope (by: ActingAs, userId: number, buildingId: number, granted: boolean): void {
      checkAdmin(by)
      db.transaction((tx) => {
        if (repo.findUserById(tx, userId) === undefined) throw notFound()
        if (!repo.buildingExists(tx, buildingId)) throw badRequest({ buildingId: 'accounts.unknownBuilding' })
        const at = clock.iso()
        if (granted) {
          const newStaff = repo.grantRole(tx, userId, 'staff', actorId(by), at)
          if (repo.addStaffScope(tx, userId, buildingId, actorId(by), at) || newStaff) {
            writeAudit(tx, at, { actorUserId: actorId(by), action: 'user.grant_scope', entityType: 'user', entityId: userId, after: newStaff ? { buildingId, role: 'staff' } : { buildingId } })
          }
        } else if (repo.removeStaffScope(tx, userId, buildingId)) {
          writeAudit(tx, at, { actorUserId: actorId(by), action: 'user.revoke_scope', entityType: 'user', entityId: userId, before: { buildingId } })
        }
      })
    }
  }
}

export type AccountsService = ReturnType<typeof createAccountsService>

function lockedError (until: string, now: Date): AppError {
  const minutes = Math.max(1, Math.ceil((Date.parse(until) - now.getTime()) / 60_000))
  return new AppError(429, 'ACCOUNT_LOCKED', 'accounts.locked', { minutes: Math.min(minutes, LOCK_MINUTES) })
}

function generateTemporaryPassword (): string {
  // 12 characters from an alphabet without look-alikes; always contains a letter.
  const alphabet = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789'
  const bytes = randomBytes(12)
  let s = 'Tmp'
  for (const b of bytes) s += alphabet[b % alphabet.length]
  return s
}
