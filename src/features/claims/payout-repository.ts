// Payout accounts and the official work calendar: the only place with their queries.
import { and, asc, desc, eq, gte, lte, sql } from 'drizzle-orm'
import type { DbOrTx } from '../../db/index.js'
import { memberships, payoutAccounts, users, workCalendarDays } from '../../db/schema/index.js'

export type PayoutAccountRow = typeof payoutAccounts.$inferSelect

export function findPayoutAccount (db: DbOrTx, userId: number): PayoutAccountRow | undefined {
  return db.select().from(payoutAccounts).where(eq(payoutAccounts.userId, userId)).get()
}

export function savePayoutAccount (db: DbOrTx, v: PayoutAccountRow): void {
  const { userId: _u, ...set } = v
  db.insert(payoutAccounts).values(v).onConflictDoUpdate({ target: payoutAccounts.userId, set }).run()
}

/**
 * The member's own name: the name on their newest membership that was ever active (the name
 * checked with the ID number), else the account's name.
 */
export function memberName (db: DbOrTx, userId: number): string | undefined {
  const m = db.select({ name: memberships.name }).from(memberships)
    .where(and(eq(memberships.userId, userId), sql`${memberships.joinedOn} is not null`)).orderBy(desc(memberships.id)).limit(1).get()
  return m?.name ?? db.select({ name: users.name }).from(users).where(eq(users.id, userId)).get()?.name
}

// ---- the work calendar ----

export type CalendarDayRow = typeof workCalendarDays.$inferSelect

export function calendarDays (db: DbOrTx, from: string, to: string): CalendarDayRow[] {
  return db.select().from(workCalendarDays).where(and(gte(workCalendarDays.date, from), lte(workCalendarDays.date, to)))
    .orderBy(asc(workCalendarDays.date)).all()
}

/** Replaces one year's days with these. */
export function replaceCalendarYear (db: DbOrTx, year: number, days: CalendarDayRow[]): void {
  db.delete(workCalendarDays).where(and(gte(workCalendarDays.date, `${year}-01-01`), lte(workCalendarDays.date, `${year}-12-31`))).run()
  if (days.length > 0) db.insert(workCalendarDays).values(days).run()
}
