import { randomBytes } from "node:crypto";
import { AppError, badRequest, conflict, notFound, unauthorized } from "../../lib/errors.js";
import { requireAdmin } from "../../lib/access.js";
import { DUMMY_HASH, hashPassword, verifyPassword } from "../../lib/password.js";
import { writeAudit } from "../audit/audit-repository.js";
import * as repo from "./accounts-repository.js";
const MAX_FAILED_LOGINS = 5;
const LOCK_MINUTES = 15;
const actorId = (a) => a === "cli" ? null : a.id;
const checkAdmin = (a) => {
  if (a !== "cli") requireAdmin(a);
};
function createAccountsService(db, clock) {
  const lockUntil = () => new Date(clock.now().getTime() + LOCK_MINUTES * 6e4).toISOString();
  return {
    async register(input) {
      const passwordHash = await hashPassword(input.password);
      return db.transaction((tx) => {
        if (repo.findUserByPhone(tx, input.phone) !== void 0) throw conflict("PHONE_TAKEN", "accounts.phoneTaken", { phone: "accounts.phoneTaken" });
        const at = clock.iso();
        const user = repo.insertUser(tx, { phone: input.phone, name: input.name, passwordHash, at });
        writeAudit(tx, at, { actorUserId: user.id, action: "user.register", entityType: "user", entityId: user.id, after: { phone: user.phone, name: user.name } });
        return user;
      });
    },
    /**
     * Checks a phone and password. Five wrong passwords in a row lock the account for 15
     * minutes; while locked, even the right password answers 429 ACCOUNT_LOCKED.
     * The attempt is reserved (counted) in one statement BEFORE the slow hash is checked, so
     * guesses sent at once, from however many addresses, never get more than five evaluated:
     * the sixth finds the count full and is refused unheard. The right password clears the count.
     */
    async signIn(input) {
      const user = repo.findUserByPhone(db, input.phone);
      if (user === void 0) {
        await verifyPassword(input.password, DUMMY_HASH);
        throw unauthorized("INVALID_CREDENTIALS", "accounts.invalidCredentials");
      }
      const reserved = repo.reserveSignIn(db, user.id, MAX_FAILED_LOGINS, clock.iso());
      if (reserved === null) {
        const until = repo.lockIfFull(db, user.id, MAX_FAILED_LOGINS, clock.iso(), lockUntil());
        throw lockedError(until, clock.now());
      }
      const ok = await verifyPassword(input.password, user.passwordHash);
      const outcome = db.transaction((tx) => {
        const fresh = repo.findUserById(tx, user.id);
        const now = clock.iso();
        if (!ok) {
          if (fresh.failedLogins >= MAX_FAILED_LOGINS) {
            const until = lockUntil();
            repo.updateUser(tx, user.id, { failedLogins: 0, lockedUntil: until, updatedAt: now });
            writeAudit(tx, now, { actorUserId: null, action: "user.lock", entityType: "user", entityId: user.id, after: { lockedUntil: until }, note: `${MAX_FAILED_LOGINS} wrong passwords in a row` });
          }
          return "wrong";
        }
        repo.updateUser(tx, user.id, { failedLogins: 0, lockedUntil: null });
        if (!fresh.active) return "disabled";
        return { ...fresh, failedLogins: 0, lockedUntil: null };
      });
      if (outcome === "wrong") throw unauthorized("INVALID_CREDENTIALS", "accounts.invalidCredentials");
      if (outcome === "disabled") throw unauthorized("ACCOUNT_DISABLED", "accounts.disabled");
      return outcome;
    },
    async changePassword(actor, input) {
      const user = repo.findUserById(db, actor.id);
      if (user === void 0) throw notFound();
      if (!await verifyPassword(input.currentPassword, user.passwordHash)) {
        throw badRequest({ currentPassword: "accounts.wrongCurrentPassword" });
      }
      if (input.currentPassword === input.newPassword) throw badRequest({ newPassword: "accounts.samePassword" });
      const passwordHash = await hashPassword(input.newPassword);
      return db.transaction((tx) => {
        const at = clock.iso();
        const next = { passwordHash, mustChangePassword: false, tokenVersion: user.tokenVersion + 1, updatedAt: at };
        repo.updateUser(tx, user.id, next);
        repo.revokeSessionsOf(tx, user.id, at);
        writeAudit(tx, at, { actorUserId: actor.id, action: "user.change_password", entityType: "user", entityId: user.id });
        return { ...user, ...next };
      });
    },
    publicUser(user) {
      const facts = repo.loadRoleFacts(db, user.id);
      const roles = ["member"];
      if (facts.liaison) roles.push("liaison");
      for (const r of ["staff", "admin"]) if (facts.grants.includes(r)) roles.push(r);
      return { id: user.id, phone: user.phone, name: user.name, roles };
    },
    // ---- administration (admin pages and the command line) ----
    /** Creates an account with a role; for staff, the buildings it works for. */
    async createUser(by, input) {
      checkAdmin(by);
      const passwordHash = await hashPassword(input.password);
      return db.transaction((tx) => {
        if (repo.findUserByPhone(tx, input.phone) !== void 0) throw conflict("PHONE_TAKEN", "accounts.phoneTaken", { phone: "accounts.phoneTaken" });
        const at = clock.iso();
        const user = repo.insertUser(tx, { phone: input.phone, name: input.name, passwordHash, at });
        if (input.role !== "member") repo.grantRole(tx, user.id, input.role, actorId(by), at);
        for (const b of input.buildingIds ?? []) {
          if (!repo.buildingExists(tx, b)) throw badRequest({ building: "accounts.unknownBuilding" });
          repo.addStaffScope(tx, user.id, b, actorId(by), at);
        }
        writeAudit(tx, at, {
          actorUserId: actorId(by),
          action: "user.create",
          entityType: "user",
          entityId: user.id,
          after: { phone: user.phone, name: user.name, role: input.role, buildingIds: input.buildingIds ?? [] },
          note: by === "cli" ? "command line" : void 0
        });
        return user;
      });
    },
    setActive(by, userId, active) {
      checkAdmin(by);
      if (by !== "cli" && by.id === userId && !active) throw new AppError(422, "CANNOT_DEACTIVATE_SELF", "accounts.cannotDeactivateSelf");
      db.transaction((tx) => {
        const user = repo.findUserById(tx, userId);
        if (user === void 0) throw notFound();
        if (user.active === active) return;
        const at = clock.iso();
        repo.updateUser(tx, userId, { active, tokenVersion: user.tokenVersion + 1, updatedAt: at });
        if (!active) repo.revokeSessionsOf(tx, userId, at);
        writeAudit(tx, at, {
          actorUserId: actorId(by),
          action: active ? "user.reactivate" : "user.deactivate",
          entityType: "user",
          entityId: userId,
          before: { active: user.active },
          after: { active },
          note: by === "cli" ? "command line" : void 0
        });
      });
    },
    /** Sets a temporary password that must be changed at next sign-in; returns it. */
    async resetPassword(by, userId, temporary) {
      checkAdmin(by);
      const password = temporary ?? generateTemporaryPassword();
      const passwordHash = await hashPassword(password);
      db.transaction((tx) => {
        const user = repo.findUserById(tx, userId);
        if (user === void 0) throw notFound();
        const at = clock.iso();
        repo.updateUser(
          tx,
          userId,
          { passwordHash, mustChangePassword: true, failedLogins: 0, lockedUntil: null, tokenVersion: user.tokenVersion + 1, updatedAt: at }
        );
        repo.revokeSessionsOf(tx, userId, at);
        writeAudit(tx, at, { actorUserId: actorId(by), action: "user.reset_password", entityType: "user", entityId: userId, note: by === "cli" ? "command line" : void 0 });
      });
      return password;
    },
    /** Grants or revokes the staff or admin role. */
    setRole(by, userId, role, granted) {
      checkAdmin(by);
      if (by !== "cli" && by.id === userId && role === "admin" && !granted) throw new AppError(422, "CANNOT_REVOKE_OWN_ADMIN", "accounts.cannotRevokeOwnAdmin");
      db.transaction((tx) => {
        if (repo.findUserById(tx, userId) === void 0) throw notFound();
        const at = clock.iso();
        if (granted) {
          if (repo.grantRole(tx, userId, role, actorId(by), at)) writeAudit(tx, at, { actorUserId: actorId(by), action: "user.grant_role", entityType: "user", entityId: userId, after: { role } });
          return;
        }
        const buildingIds = role === "staff" ? repo.scopesOf(tx, userId).map((s) => s.buildingId) : [];
        const revoked = repo.revokeRole(tx, userId, role);
        for (const b of buildingIds) repo.removeStaffScope(tx, userId, b);
        if (revoked || buildingIds.length > 0) {
          writeAudit(tx, at, { actorUserId: actorId(by), action: "user.revoke_role", entityType: "user", entityId: userId, before: { role, buildingIds }, after: { role: null } });
        }
      });
    },
    /** Adds or removes a building from a staff account's scope (granting the staff role). */
    setStaffScope(by, userId, buildingId, granted) {
      checkAdmin(by);
      db.transaction((tx) => {
        if (repo.findUserById(tx, userId) === void 0) throw notFound();
        if (!repo.buildingExists(tx, buildingId)) throw badRequest({ buildingId: "accounts.unknownBuilding" });
        const at = clock.iso();
        if (granted) {
          const newStaff = repo.grantRole(tx, userId, "staff", actorId(by), at);
          if (repo.addStaffScope(tx, userId, buildingId, actorId(by), at) || newStaff) {
            writeAudit(tx, at, { actorUserId: actorId(by), action: "user.grant_scope", entityType: "user", entityId: userId, after: newStaff ? { buildingId, role: "staff" } : { buildingId } });
          }
        } else if (repo.removeStaffScope(tx, userId, buildingId)) {
          writeAudit(tx, at, { actorUserId: actorId(by), action: "user.revoke_scope", entityType: "user", entityId: userId, before: { buildingId } });
        }
      });
    }
  };
}
function lockedError(until, now) {
  const minutes = Math.max(1, Math.ceil((Date.parse(until) - now.getTime()) / 6e4));
  return new AppError(429, "ACCOUNT_LOCKED", "accounts.locked", { minutes: Math.min(minutes, LOCK_MINUTES) });
}
function generateTemporaryPassword() {
  const alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  const bytes = randomBytes(12);
  let s = "Tmp";
  for (const b of bytes) s += alphabet[b % alphabet.length];
  return s;
}
export {
  LOCK_MINUTES,
  MAX_FAILED_LOGINS,
  createAccountsService
};
//# sourceMappingURL=accounts-service.js.map
