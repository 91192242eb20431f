import { sqliteTable, integer, text, index } from 'drizzle-orm/sqlite-core'
import { users } from './accounts.js'

/**
 * Notices to a member about their claims, membership and share orders. The text is kept in
 * both languages as written when the change happened (the figures of that moment), and shown
 * in the reader's language; `read_at` is set when the member marks it read.
 */
export const notifications = sqliteTable('notifications', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  userId: integer('user_id').notNull().references(() => users.id),
  kind: text('kind').notNull(),
  textZh: text('text_zh').notNull(),
  textEn: text('text_en').notNull(),
  /** What the notice is about, for a link: 'aid_claim:12', 'membership:3', 'aid_purchase:7'. */
  subject: text('subject'),
  createdAt: text('created_at').notNull(),
  readAt: text('read_at')
}, (t) => [index('notifications_user').on(t.userId, t.id)])

/** The language a member last used the portal in: their notices' SMS are sent in it. */
export const userLanguages = sqliteTable('user_languages', {
  userId: integer('user_id').primaryKey().references(() => users.id),
  lang: text('lang', { enum: ['zh', 'en'] }).notNull(),
  updatedAt: text('updated_at').notNull()
})
