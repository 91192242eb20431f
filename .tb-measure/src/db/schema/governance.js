import { sqliteTable, integer, text, index, uniqueIndex, primaryKey } from "drizzle-orm/sqlite-core";
import { sql } from "drizzle-orm";
import { users } from "./accounts.js";
import { buildings, enterprises } from "./buildings.js";
import { memberships } from "./memberships.js";
const congresses = sqliteTable("congresses", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  buildingId: integer("building_id").notNull().references(() => buildings.id),
  /** Length of the term in years (3 or 5). */
  termYears: integer("term_years").notNull(),
  /** The term's number in the building (第 N 届), counted at founding. */
  termNo: integer("term_no").notNull(),
  form: text("form", { enum: ["representatives", "assembly"] }).notNull(),
  startsOn: text("starts_on").notNull(),
  endsOn: text("ends_on").notNull(),
  createdBy: integer("created_by").notNull().references(() => users.id),
  createdAt: text("created_at").notNull()
}, (t) => [index("congresses_building").on(t.buildingId, t.startsOn)]);
const congressRepresentatives = sqliteTable("congress_representatives", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  congressId: integer("congress_id").notNull().references(() => congresses.id),
  membershipId: integer("membership_id").notNull().references(() => memberships.id),
  category: text("category", { enum: ["frontline", "staff", "operator"] }).notNull(),
  /** The enterprise represented (the member's at the time of election). */
  enterpriseId: integer("enterprise_id").notNull().references(() => enterprises.id),
  addedBy: integer("added_by").notNull().references(() => users.id),
  addedAt: text("added_at").notNull(),
  /** Set when the representative left or was replaced; their past votes stay. */
  removedAt: text("removed_at"),
  removedBy: integer("removed_by").references(() => users.id)
}, (t) => [
  uniqueIndex("representatives_one_seat").on(t.congressId, t.membershipId).where(sql`removed_at is null`),
  index("representatives_membership").on(t.membershipId)
]);
const congressSessions = sqliteTable("congress_sessions", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  congressId: integer("congress_id").notNull().references(() => congresses.id),
  date: text("date").notNull(),
  title: text("title").notNull(),
  /** JSON array of agenda items (text). */
  agenda: text("agenda").notNull().default("[]"),
  /** The secret in the session's sign-in QR code. */
  signInToken: text("sign_in_token").notNull(),
  createdBy: integer("created_by").notNull().references(() => users.id),
  createdAt: text("created_at").notNull()
}, (t) => [index("sessions_congress").on(t.congressId, t.date)]);
const sessionAttendance = sqliteTable("session_attendance", {
  sessionId: integer("session_id").notNull().references(() => congressSessions.id),
  representativeId: integer("representative_id").notNull().references(() => congressRepresentatives.id),
  via: text("via", { enum: ["staff", "qr"] }).notNull(),
  recordedBy: integer("recorded_by").notNull().references(() => users.id),
  at: text("at").notNull()
}, (t) => [primaryKey({ columns: [t.sessionId, t.representativeId] })]);
const motions = sqliteTable("motions", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  sessionId: integer("session_id").notNull().references(() => congressSessions.id),
  title: text("title").notNull(),
  kind: text("kind", { enum: ["collective_contract", "resolution", "report"] }).notNull(),
  /** The contract draft this motion adopts (kind collective_contract). */
  contractId: integer("contract_id"),
  status: text("status", { enum: ["open", "closed"] }).notNull(),
  /** Representatives sitting when the motion was put: "more than half of all" counts these. */
  totalRepresentatives: integer("total_representatives").notNull(),
  result: text("result", { enum: ["passed", "failed"] }),
  yes: integer("yes"),
  no: integer("no"),
  abstain: integer("abstain"),
  createdBy: integer("created_by").notNull().references(() => users.id),
  createdAt: text("created_at").notNull(),
  closedBy: integer("closed_by").references(() => users.id),
  closedAt: text("closed_at")
}, (t) => [index("motions_session").on(t.sessionId), index("motions_closed").on(t.status, t.closedAt)]);
const motionVotes = sqliteTable("motion_votes", {
  motionId: integer("motion_id").notNull().references(() => motions.id),
  representativeId: integer("representative_id").notNull().references(() => congressRepresentatives.id),
  vote: text("vote", { enum: ["yes", "no", "abstain"] }).notNull(),
  at: text("at").notNull()
}, (t) => [primaryKey({ columns: [t.motionId, t.representativeId] })]);
const bargainingRounds = sqliteTable("bargaining_rounds", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  buildingId: integer("building_id").notNull().references(() => buildings.id),
  enterpriseId: integer("enterprise_id").references(() => enterprises.id),
  title: text("title").notNull(),
  /** JSON array of topic codes (pay, hours, rest, welfare, training, safety, women). */
  topics: text("topics").notNull(),
  createdBy: integer("created_by").notNull().references(() => users.id),
  createdAt: text("created_at").notNull()
}, (t) => [index("rounds_building").on(t.buildingId)]);
const bargainingNegotiators = sqliteTable("bargaining_negotiators", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  roundId: integer("round_id").notNull().references(() => bargainingRounds.id),
  side: text("side", { enum: ["workers", "employers"] }).notNull(),
  name: text("name").notNull(),
  position: text("position"),
  chief: integer("chief", { mode: "boolean" }).notNull().default(false)
}, (t) => [index("negotiators_round").on(t.roundId)]);
const bargainingProposals = sqliteTable("bargaining_proposals", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  roundId: integer("round_id").notNull().references(() => bargainingRounds.id),
  fromSide: text("from_side", { enum: ["workers", "employers"] }).notNull(),
  body: text("body").notNull(),
  proposedOn: text("proposed_on").notNull(),
  answerDueOn: text("answer_due_on").notNull(),
  answeredOn: text("answered_on"),
  answer: text("answer"),
  createdBy: integer("created_by").notNull().references(() => users.id),
  createdAt: text("created_at").notNull()
}, (t) => [index("proposals_round").on(t.roundId)]);
const bargainingMeetings = sqliteTable("bargaining_meetings", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  roundId: integer("round_id").notNull().references(() => bargainingRounds.id),
  heldOn: text("held_on").notNull(),
  record: text("record").notNull(),
  createdBy: integer("created_by").notNull().references(() => users.id),
  createdAt: text("created_at").notNull()
}, (t) => [index("meetings_round").on(t.roundId)]);
const collectiveContracts = sqliteTable("collective_contracts", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  buildingId: integer("building_id").notNull().references(() => buildings.id),
  enterpriseId: integer("enterprise_id").references(() => enterprises.id),
  roundId: integer("round_id").references(() => bargainingRounds.id),
  title: text("title").notNull(),
  kind: text("kind", { enum: ["general", "safety", "women"] }).notNull(),
  termYears: integer("term_years").notNull(),
  stage: text("stage", { enum: ["draft", "adopted", "signed", "filed", "renewed", "expired"] }).notNull(),
  motionId: integer("motion_id"),
  signedOn: text("signed_on"),
  workersChief: text("workers_chief"),
  employersChief: text("employers_chief"),
  filedOn: text("filed_on"),
  filedLate: integer("filed_late", { mode: "boolean" }),
  approvedOn: text("approved_on"),
  renewedById: integer("renewed_by_id"),
  /** Encrypted text (AES-256-GCM file under UPLOAD_DIR) and the signed scan. */
  textPath: text("text_path"),
  textSha256: text("text_sha256"),
  scanPath: text("scan_path"),
  scanName: text("scan_name"),
  scanMime: text("scan_mime"),
  createdBy: integer("created_by").notNull().references(() => users.id),
  createdAt: text("created_at").notNull(),
  updatedAt: text("updated_at").notNull()
}, (t) => [index("contracts_building").on(t.buildingId, t.stage)]);
const disclosures = sqliteTable("disclosures", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  buildingId: integer("building_id").notNull().references(() => buildings.id),
  enterpriseId: integer("enterprise_id").references(() => enterprises.id),
  category: text("category", { enum: ["pay", "welfare", "safety", "contract", "finance", "rules", "other"] }).notNull(),
  title: text("title").notNull(),
  body: text("body").notNull(),
  periodFrom: text("period_from").notNull(),
  periodTo: text("period_to").notNull(),
  publishedOn: text("published_on").notNull(),
  attachmentPath: text("attachment_path"),
  attachmentName: text("attachment_name"),
  attachmentMime: text("attachment_mime"),
  createdBy: integer("created_by").notNull().references(() => users.id),
  createdAt: text("created_at").notNull()
}, (t) => [
  index("disclosures_building").on(t.buildingId, t.publishedOn),
  index("disclosures_enterprise").on(t.enterpriseId, t.publishedOn)
]);
const charterVersions = sqliteTable("charter_versions", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  buildingId: integer("building_id").notNull().references(() => buildings.id),
  kind: text("kind", { enum: ["charter", "congress_rules"] }).notNull(),
  version: integer("version").notNull(),
  title: text("title").notNull(),
  body: text("body").notNull(),
  adoptedOn: text("adopted_on").notNull(),
  /** Who adopted it: the congress session, when it was one. */
  adoptedBySessionId: integer("adopted_by_session_id").references(() => congressSessions.id),
  adoptedByText: text("adopted_by_text").notNull(),
  createdBy: integer("created_by").notNull().references(() => users.id),
  createdAt: text("created_at").notNull()
}, (t) => [uniqueIndex("charter_version").on(t.buildingId, t.kind, t.version)]);
export {
  bargainingMeetings,
  bargainingNegotiators,
  bargainingProposals,
  bargainingRounds,
  charterVersions,
  collectiveContracts,
  congressRepresentatives,
  congressSessions,
  congresses,
  disclosures,
  motionVotes,
  motions,
  sessionAttendance
};
//# sourceMappingURL=governance.js.map
