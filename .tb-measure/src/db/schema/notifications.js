import { sqliteTable, integer, text, index } from "drizzle-orm/sqlite-core";
import { users } from "./accounts.js";
const notifications = sqliteTable("notifications", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  userId: integer("user_id").notNull().references(() => users.id),
  kind: text("kind").notNull(),
  textZh: text("text_zh").notNull(),
  textEn: text("text_en").notNull(),
  /** What the notice is about, for a link: 'aid_claim:12', 'membership:3', 'aid_purchase:7'. */
  subject: text("subject"),
  createdAt: text("created_at").notNull(),
  readAt: text("read_at")
}, (t) => [index("notifications_user").on(t.userId, t.id)]);
const userLanguages = sqliteTable("user_languages", {
  userId: integer("user_id").primaryKey().references(() => users.id),
  lang: text("lang", { enum: ["zh", "en"] }).notNull(),
  updatedAt: text("updated_at").notNull()
});
export {
  notifications,
  userLanguages
};
//# sourceMappingURL=notifications.js.map
