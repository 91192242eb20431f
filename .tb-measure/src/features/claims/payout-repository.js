import { and, asc, desc, eq, gte, lte, sql } from "drizzle-orm";
import { memberships, payoutAccounts, users, workCalendarDays } from "../../db/schema/index.js";
function findPayoutAccount(db, userId) {
  return db.select().from(payoutAccounts).where(eq(payoutAccounts.userId, userId)).get();
}
function savePayoutAccount(db, v) {
  const { userId: _u, ...set } = v;
  db.insert(payoutAccounts).values(v).onConflictDoUpdate({ target: payoutAccounts.userId, set }).run();
}
function memberName(db, userId) {
  const m = db.select({ name: memberships.name }).from(memberships).where(and(eq(memberships.userId, userId), sql`${memberships.joinedOn} is not null`)).orderBy(desc(memberships.id)).limit(1).get();
  return m?.name ?? db.select({ name: users.name }).from(users).where(eq(users.id, userId)).get()?.name;
}
function calendarDays(db, from, to) {
  return db.select().from(workCalendarDays).where(and(gte(workCalendarDays.date, from), lte(workCalendarDays.date, to))).orderBy(asc(workCalendarDays.date)).all();
}
function replaceCalendarYear(db, year, days) {
  db.delete(workCalendarDays).where(and(gte(workCalendarDays.date, `${year}-01-01`), lte(workCalendarDays.date, `${year}-12-31`))).run();
  if (days.length > 0) db.insert(workCalendarDays).values(days).run();
}
export {
  calendarDays,
  findPayoutAccount,
  memberName,
  replaceCalendarYear,
  savePayoutAccount
};
//# sourceMappingURL=payout-repository.js.map
