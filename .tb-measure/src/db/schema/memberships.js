import { sqliteTable, integer, text, index, uniqueIndex } from "drizzle-orm/sqlite-core";
import { sql } from "drizzle-orm";
import { users } from "./accounts.js";
import { enterprises, buildings } from "./buildings.js";
const memberships = sqliteTable("memberships", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  /** The account of the person, when they have one (staff imports may have none yet). */
  userId: integer("user_id").references(() => users.id),
  enterpriseId: integer("enterprise_id").notNull().references(() => enterprises.id),
  name: text("name").notNull(),
  /** AES-256-GCM ciphertext of the resident ID number. */
  idCipher: text("id_cipher").notNull(),
  /** Keyed hash (HMAC-SHA256) of the ID number, for look-ups and uniqueness. */
  idHash: text("id_hash").notNull(),
  idMasked: text("id_masked").notNull(),
  gender: text("gender", { enum: ["male", "female"] }).notNull(),
  birthDate: text("birth_date").notNull(),
  mobile: text("mobile"),
  /** Assigned at first approval; unique, never reused, kept for life. */
  memberNo: text("member_no").unique(),
  status: text("status", { enum: ["applied", "active", "rejected", "left"] }).notNull(),
  joinedOn: text("joined_on"),
  leftOn: text("left_on"),
  consentAt: text("consent_at").notNull(),
  appliedAt: text("applied_at").notNull(),
  appliedBy: integer("applied_by").references(() => users.id),
  decidedAt: text("decided_at"),
  decidedBy: integer("decided_by").references(() => users.id),
  rejectReason: text("reject_reason"),
  source: text("source", { enum: ["online", "import"] }).notNull().default("online"),
  createdAt: text("created_at").notNull(),
  updatedAt: text("updated_at").notNull()
}, (t) => [
  // One person has at most one membership that is applied or active.
  uniqueIndex("memberships_one_open_per_person").on(t.idHash).where(sql`status in ('applied', 'active')`),
  index("memberships_id_hash").on(t.idHash),
  index("memberships_enterprise_status").on(t.enterpriseId, t.status),
  index("memberships_user").on(t.userId),
  index("memberships_mobile").on(t.mobile)
]);
const membershipTransfers = sqliteTable("membership_transfers", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  membershipId: integer("membership_id").notNull().references(() => memberships.id),
  fromEnterpriseId: integer("from_enterprise_id").notNull().references(() => enterprises.id),
  toEnterpriseId: integer("to_enterprise_id").notNull().references(() => enterprises.id),
  status: text("status", { enum: ["pending", "confirmed", "rejected", "cancelled"] }).notNull(),
  requestedAt: text("requested_at").notNull(),
  requestedBy: integer("requested_by").references(() => users.id),
  decidedAt: text("decided_at"),
  decidedBy: integer("decided_by").references(() => users.id),
  effectiveOn: text("effective_on"),
  note: text("note")
}, (t) => [
  index("transfers_membership").on(t.membershipId),
  index("transfers_to_status").on(t.toEnterpriseId, t.status),
  uniqueIndex("transfers_one_pending").on(t.membershipId).where(sql`status = 'pending'`)
]);
const rosterImports = sqliteTable("roster_imports", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  enterpriseId: integer("enterprise_id").references(() => enterprises.id),
  buildingId: integer("building_id").references(() => buildings.id),
  uploadedBy: integer("uploaded_by").notNull().references(() => users.id),
  fileName: text("file_name").notNull(),
  fileSha256: text("file_sha256").notNull(),
  status: text("status", { enum: ["queued", "running", "done", "failed"] }).notNull(),
  totalRows: integer("total_rows").notNull().default(0),
  processedRows: integer("processed_rows").notNull().default(0),
  createdRows: integer("created_rows").notNull().default(0),
  duplicateRows: integer("duplicate_rows").notNull().default(0),
  invalidRows: integer("invalid_rows").notNull().default(0),
  /** CSV (with BOM) of the refused rows and their reasons; holds no full ID numbers. */
  errorReport: text("error_report"),
  failure: text("failure"),
  createdAt: text("created_at").notNull(),
  finishedAt: text("finished_at")
}, (t) => [uniqueIndex("roster_imports_file").on(t.enterpriseId, t.fileSha256)]);
export {
  membershipTransfers,
  memberships,
  rosterImports
};
//# sourceMappingURL=memberships.js.map
