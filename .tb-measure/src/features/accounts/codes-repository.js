import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { users, verificationCodes } from "../../db/schema/index.js";
function latestCode(db, phone, purpose) {
  return db.select().from(verificationCodes).where(and(eq(verificationCodes.phone, phone), eq(verificationCodes.purpose, purpose))).orderBy(desc(verificationCodes.createdAt), desc(verificationCodes.id)).limit(1).get();
}
function insertCode(db, v) {
  db.insert(verificationCodes).values(v).run();
}
function countTry(db, id, maxTries) {
  return db.update(verificationCodes).set({ attempts: sql`${verificationCodes.attempts} + 1` }).where(and(eq(verificationCodes.id, id), isNull(verificationCodes.usedAt), sql`${verificationCodes.attempts} < ${maxTries}`)).run().changes > 0;
}
function markUsed(db, id, at) {
  return db.update(verificationCodes).set({ usedAt: at }).where(and(eq(verificationCodes.id, id), isNull(verificationCodes.usedAt))).run().changes > 0;
}
function pruneCodes(db, before) {
  db.delete(verificationCodes).where(sql`${verificationCodes.expiresAt} < ${before}`).run();
}
function setPhoneVerified(db, userId, at) {
  db.update(users).set({ phoneVerifiedAt: at, updatedAt: at }).where(eq(users.id, userId)).run();
}
export {
  countTry,
  insertCode,
  latestCode,
  markUsed,
  pruneCodes,
  setPhoneVerified
};
//# sourceMappingURL=codes-repository.js.map
