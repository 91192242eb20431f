import { sqliteTable, integer, text, index } from "drizzle-orm/sqlite-core";
import { users } from "./accounts.js";
const buildings = sqliteTable("buildings", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  name: text("name").notNull(),
  district: text("district").notNull(),
  address: text("address").notNull(),
  federationName: text("federation_name"),
  foundedOn: text("founded_on"),
  /** Enterprises physically in the building (the denominator of coverage). */
  enterprisesTotal: integer("enterprises_total").notNull(),
  isModel: integer("is_model", { mode: "boolean" }).notNull().default(false),
  hasWorkerCongress: integer("has_worker_congress", { mode: "boolean" }).notNull().default(false),
  hasAffairsDisclosure: integer("has_affairs_disclosure", { mode: "boolean" }).notNull().default(false),
  createdAt: text("created_at").notNull(),
  updatedAt: text("updated_at").notNull()
});
const enterprises = sqliteTable("enterprises", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  buildingId: integer("building_id").notNull().references(() => buildings.id),
  name: text("name").notNull(),
  uscc: text("uscc").notNull().unique(),
  floorRoom: text("floor_room"),
  headcount: integer("headcount").notNull(),
  contactName: text("contact_name"),
  contactPhone: text("contact_phone"),
  liaisonUserId: integer("liaison_user_id").notNull().references(() => users.id),
  /** Who enrolled it: never the one who approves it (backfilled from the audit log). */
  enrolledBy: integer("enrolled_by").references(() => users.id),
  /** A liaison hand-over waiting for the named person to accept it (signed in). */
  handoverToUserId: integer("handover_to_user_id").references(() => users.id),
  status: text("status", { enum: ["pending", "enrolled", "rejected", "withdrawn"] }).notNull(),
  rejectReason: text("reject_reason"),
  submittedAt: text("submitted_at").notNull(),
  decidedAt: text("decided_at"),
  decidedBy: integer("decided_by").references(() => users.id),
  withdrawnAt: text("withdrawn_at"),
  createdAt: text("created_at").notNull(),
  updatedAt: text("updated_at").notNull()
}, (t) => [
  index("enterprises_building_status").on(t.buildingId, t.status),
  index("enterprises_liaison").on(t.liaisonUserId)
]);
export {
  buildings,
  enterprises
};
//# sourceMappingURL=buildings.js.map
