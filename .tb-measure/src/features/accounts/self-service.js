import { randomInt, timingSafeEqual } from "node:crypto";
import { AppError, badRequest } from "../../lib/errors.js";
import { hashPassword } from "../../lib/password.js";
import { writeAudit } from "../audit/audit-repository.js";
import * as repo from "./accounts-repository.js";
import * as codes from "./codes-repository.js";
const CODE_MINUTES = 10;
const CODE_TRIES = 5;
const CODE_INTERVAL_S = 60;
const invalidCode = () => badRequest({ code: "accounts.code.invalid" });
function createSelfService(deps) {
  const { db, clock, pii, sms, log } = deps;
  const hashCode = (phone, purpose, code) => pii.hash(`sms-code:v1:${purpose}:${phone}:${code}`);
  async function sendCode(phone, purpose, userId) {
    const now = clock.now();
    const code = String(randomInt(0, 1e6)).padStart(6, "0");
    const issued = db.transaction((tx) => {
      const last = codes.latestCode(tx, phone, purpose);
      if (last !== void 0 && Date.parse(last.createdAt) > now.getTime() - CODE_INTERVAL_S * 1e3) return false;
      codes.pruneCodes(tx, new Date(now.getTime() - 24 * 36e5).toISOString());
      codes.insertCode(tx, {
        phone,
        purpose,
        userId,
        codeHash: hashCode(phone, purpose, code),
        createdAt: now.toISOString(),
        expiresAt: new Date(now.getTime() + CODE_MINUTES * 6e4).toISOString()
      });
      return true;
    });
    if (!issued) return "too_soon";
    await sms.send({ to: phone, template: "verification_code", params: { code, minutes: String(CODE_MINUTES) } });
    return "sent";
  }
  function useCode(tx, phone, purpose, code) {
    const row = codes.latestCode(tx, phone, purpose);
    if (row === void 0 || row.usedAt !== null || row.expiresAt <= clock.iso()) return false;
    if (!codes.countTry(tx, row.id, CODE_TRIES)) return false;
    const given = Buffer.from(hashCode(phone, purpose, code));
    if (!timingSafeEqual(given, Buffer.from(row.codeHash))) return false;
    return codes.markUsed(tx, row.id, clock.iso());
  }
  return {
    /** Always the same answer to the caller (202): whether the phone has an account never shows. */
    async requestPasswordReset(phone) {
      const user = repo.findUserByPhone(db, phone);
      if (user === void 0 || !user.active) return;
      try {
        await sendCode(phone, "password_reset", user.id);
      } catch (err) {
        log.error({ err }, "password-reset code could not be sent");
      }
    },
    /** A right code sets the new password, lifts a lock and ends every earlier session and token. */
    async confirmPasswordReset(input) {
      const passwordHash = await hashPassword(input.password);
      const done = db.transaction((tx) => {
        const user = repo.findUserByPhone(tx, input.phone);
        if (user === void 0 || !useCode(tx, input.phone, "password_reset", input.code)) return false;
        const at = clock.iso();
        repo.updateUser(tx, user.id, {
          passwordHash,
          mustChangePassword: false,
          failedLogins: 0,
          lockedUntil: null,
          tokenVersion: user.tokenVersion + 1,
          // The code reached this phone: it is the account's, proven.
          phoneVerifiedAt: user.phoneVerifiedAt ?? at,
          updatedAt: at
        });
        repo.revokeSessionsOf(tx, user.id, at);
        writeAudit(tx, at, { actorUserId: user.id, action: "user.reset_password_sms", entityType: "user", entityId: user.id, note: "password reset with an SMS code" });
        return true;
      });
      if (!done) throw invalidCode();
    },
    async requestPhoneVerification(actor) {
      if (await sendCode(actor.phone, "phone_verification", actor.id) === "too_soon") {
        throw new AppError(429, "RATE_LIMITED", "accounts.code.tooSoon", { seconds: CODE_INTERVAL_S });
      }
    },
    confirmPhoneVerification(actor, code) {
      const done = db.transaction((tx) => {
        if (!useCode(tx, actor.phone, "phone_verification", code)) return false;
        const at = clock.iso();
        codes.setPhoneVerified(tx, actor.id, at);
        writeAudit(tx, at, { actorUserId: actor.id, action: "user.verify_phone", entityType: "user", entityId: actor.id, after: { phoneVerifiedAt: at } });
        return true;
      });
      if (!done) throw invalidCode();
      return { phoneVerified: true };
    },
    phoneVerified(userId) {
      return repo.findUserById(db, userId)?.phoneVerifiedAt != null;
    }
  };
}
export {
  CODE_INTERVAL_S,
  CODE_MINUTES,
  CODE_TRIES,
  createSelfService
};
//# sourceMappingURL=self-service.js.map
