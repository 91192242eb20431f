// One-time SMS codes: the only SQL on verification_codes.
import { and, desc, eq, isNull, sql } from 'drizzle-orm'
import type { DbOrTx } from '../../db/index.js'
import { users, verificationCodes } from '../../db/schema/index.js'

export type CodePurpose = 'password_reset' | 'phone_verification'
export type CodeRow = typeof verificationCodes.$inferSelect

/** The newest code for a phone and purpose: only that one can be used. */
export function latestCode (db: DbOrTx, phone: string, purpose: CodePurpose): CodeRow | undefined {
  return db.select().from(verificationCodes)
    .where(and(eq(verificationCodes.phone, phone), eq(verificationCodes.purpose, purpose)))
    .orderBy(desc(verificationCodes.createdAt), desc(verificationCodes.id)).limit(1).get()
}

export function insertCode (db: DbOrTx, v: typeof verificationCodes.$inferInsert): void {
  db.insert(verificationCodes).values(v).run()
}

/** Counts one try against a code; false when it had no tries left (or was used meanwhile). */
export function countTry (db: DbOrTx, id: number, maxTries: number): boolean {
  return db.update(verificationCodes).set({ attempts: sql`${verificationCodes.attempts} + 1` })
    .where(and(eq(verificationCodes.id, id), isNull(verificationCodes.usedAt), sql`${verificationCodes.attempts} < ${maxTries}`)).run().changes > 0
}

export function markUsed (db: DbOrTx, id: number, at: string): boolean {
  return db.update(verificationCodes).set({ usedAt: at })
    .where(and(eq(verificationCodes.id, id), isNull(verificationCodes.usedAt))).run().changes > 0
}

/** Codes long expired are of no use to anyone: removed when new ones are issued. */
export function pruneCodes (db: DbOrTx, before: string): void {
  db.delete(verificationCodes).where(sql`${verificationCodes.expiresAt} < ${before}`).run()
}

export function setPhoneVerified (db: DbOrTx, userId: number, at: string): void {
  db.update(users).set({ phoneVerifiedAt: at, updatedAt: at }).where(eq(users.id, userId)).run()
}
