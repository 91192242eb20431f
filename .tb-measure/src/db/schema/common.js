import { sqliteTable, integer, text, primaryKey, index } from "drizzle-orm/sqlite-core";
const auditLog = sqliteTable("audit_log", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  at: text("at").notNull(),
  actorUserId: integer("actor_user_id"),
  action: text("action").notNull(),
  entityType: text("entity_type").notNull(),
  entityId: text("entity_id").notNull(),
  before: text("before"),
  after: text("after"),
  note: text("note")
}, (t) => [
  index("audit_entity").on(t.entityType, t.entityId),
  index("audit_actor").on(t.actorUserId),
  index("audit_at").on(t.at)
]);
const idempotencyKeys = sqliteTable("idempotency_keys", {
  userId: integer("user_id").notNull(),
  scope: text("scope").notNull(),
  key: text("key").notNull(),
  requestHash: text("request_hash").notNull(),
  statusCode: integer("status_code").notNull(),
  response: text("response").notNull(),
  createdAt: text("created_at").notNull()
}, (t) => [primaryKey({ columns: [t.userId, t.scope, t.key] })]);
const counters = sqliteTable("counters", {
  name: text("name").primaryKey(),
  value: integer("value").notNull()
});
export {
  auditLog,
  counters,
  idempotencyKeys
};
//# sourceMappingURL=common.js.map
