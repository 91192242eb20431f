import { sqliteTable, integer, text, primaryKey, index } from "drizzle-orm/sqlite-core";
import { buildings } from "./buildings.js";
const users = sqliteTable("users", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  phone: text("phone").notNull().unique(),
  name: text("name").notNull(),
  passwordHash: text("password_hash").notNull(),
  /** Set by a password reset: the user must choose a new password at next sign-in. */
  mustChangePassword: integer("must_change_password", { mode: "boolean" }).notNull().default(false),
  active: integer("active", { mode: "boolean" }).notNull().default(true),
  /** Wrong passwords in a row; five lock the account until locked_until (ISO instant). */
  failedLogins: integer("failed_logins").notNull().default(0),
  lockedUntil: text("locked_until"),
  /** Bumped on deactivation and password change: older tokens stop working at once. */
  tokenVersion: integer("token_version").notNull().default(0),
  /** When the account proved it holds its phone (an SMS code); null until then. */
  phoneVerifiedAt: text("phone_verified_at"),
  createdAt: text("created_at").notNull(),
  updatedAt: text("updated_at").notNull()
});
const roleGrants = sqliteTable("role_grants", {
  userId: integer("user_id").notNull().references(() => users.id),
  role: text("role", { enum: ["staff", "admin"] }).notNull(),
  grantedAt: text("granted_at").notNull(),
  grantedBy: integer("granted_by").references(() => users.id)
}, (t) => [primaryKey({ columns: [t.userId, t.role] })]);
const staffScopes = sqliteTable("staff_scopes", {
  userId: integer("user_id").notNull().references(() => users.id),
  buildingId: integer("building_id").notNull().references(() => buildings.id),
  grantedAt: text("granted_at").notNull(),
  grantedBy: integer("granted_by").references(() => users.id)
}, (t) => [primaryKey({ columns: [t.userId, t.buildingId] }), index("staff_scopes_building").on(t.buildingId)]);
const sessions = sqliteTable("sessions", {
  id: text("id").primaryKey(),
  userId: integer("user_id").notNull().references(() => users.id),
  createdAt: text("created_at").notNull(),
  revokedAt: text("revoked_at")
}, (t) => [index("sessions_user").on(t.userId)]);
const verificationCodes = sqliteTable("verification_codes", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  phone: text("phone").notNull(),
  purpose: text("purpose", { enum: ["password_reset", "phone_verification"] }).notNull(),
  userId: integer("user_id").references(() => users.id),
  codeHash: text("code_hash").notNull(),
  createdAt: text("created_at").notNull(),
  expiresAt: text("expires_at").notNull(),
  attempts: integer("attempts").notNull().default(0),
  usedAt: text("used_at")
}, (t) => [index("verification_codes_phone").on(t.phone, t.purpose, t.createdAt)]);
export {
  roleGrants,
  sessions,
  staffScopes,
  users,
  verificationCodes
};
//# sourceMappingURL=accounts.js.map
