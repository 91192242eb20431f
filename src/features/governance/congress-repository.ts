// The only place with the congress's queries: terms, representatives, sessions, attendance,
// motions and votes (and the member facts a representative needs).
import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm'
import type { DbOrTx } from '../../db/index.js'
import {
  buildings, congresses, congressRepresentatives, congressSessions, enterprises, memberships, motions, motionVotes, sessionAttendance
} from '../../db/schema/index.js'
import type { RepresentativeCategory, Vote } from '../../domain/congress.js'

export type CongressRow = typeof congresses.$inferSelect
export type SessionRow = typeof congressSessions.$inferSelect
export type MotionRow = typeof motions.$inferSelect
export type RepresentativeRow = typeof congressRepresentatives.$inferSelect

export function findBuilding (db: DbOrTx, id: number) {
  return db.select({ id: buildings.id, name: buildings.name, federationName: buildings.federationName }).from(buildings)
    .where(eq(buildings.id, id)).get()
}

export function insertCongress (db: DbOrTx, v: typeof congresses.$inferInsert): CongressRow {
  return db.insert(congresses).values(v).returning().get()
}

export function findCongress (db: DbOrTx, id: number): CongressRow | undefined {
  return db.select().from(congresses).where(eq(congresses.id, id)).get()
}

export function congressesOf (db: DbOrTx, buildingId: number): CongressRow[] {
  return db.select().from(congresses)
    .where(eq(congresses.buildingId, buildingId))
    .orderBy(desc(congresses.startsOn), desc(congresses.id)).all()
}

export function countCongresses (db: DbOrTx, buildingId: number): number {
  return db.get<{ n: number }>(sql`select count(*) as n from congresses where building_id = ${buildingId}`)?.n ?? 0
}

/** Active members of the building's enrolled enterprises. */
export function buildingMembers (db: DbOrTx, buildingId: number): number {
  return db.get<{ n: number }>(sql`select count(*) as n from memberships m join enterprises e on e.id = m.enterprise_id
    where e.building_id = ${buildingId} and e.status = 'enrolled' and m.status = 'active'`)?.n ?? 0
}

export interface MemberFacts {
  id: number
  userId: number | null
  name: string
  status: string
  enterpriseId: number
  enterpriseName: string
  enterpriseStatus: string
  buildingId: number
}

export function memberFacts (db: DbOrTx, membershipId: number): MemberFacts | undefined {
  return db.select({
    id: memberships.id, userId: memberships.userId, name: memberships.name, status: memberships.status, enterpriseId: enterprises.id,
    enterpriseName: enterprises.name, enterpriseStatus: enterprises.status, buildingId: enterprises.buildingId
  }).from(memberships).innerJoin(enterprises, eq(enterprises.id, memberships.enterpriseId)).where(eq(memberships.id, membershipId)).get()
}

/** Active members of the building's enrolled enterprises who hold no seat yet (for the assembly and the pick list). */
export function membersWithoutSeat (db: DbOrTx, congressId: number, buildingId: number, limit = 200) {
  return db.all<{ id: number, name: string, enterpriseId: number, enterpriseName: string }>(sql`
    select m.id, m.name, e.id as enterpriseId, e.name as enterpriseName from memberships m join enterprises e on e.id = m.enterprise_id
    where e.building_id = ${buildingId} and e.status = 'enrolled' and m.status = 'active'
      and not exists (select 1 from congress_representatives r where r.congress_id = ${congressId} and r.membership_id = m.id and r.removed_at is null)
    order by e.name, m.name limit ${limit}`)
}

export function insertRepresentative (db: DbOrTx, v: typeof congressRepresentatives.$inferInsert): RepresentativeRow {
  return db.insert(congressRepresentatives).values(v).returning().get()
}

export function findRepresentative (db: DbOrTx, congressId: number, id: number): RepresentativeRow | undefined {
  return db.select().from(congressRepresentatives)
    .where(and(eq(congressRepresentatives.id, id), eq(congressRepresentatives.congressId, congressId))).get()
}

export function seatOf (db: DbOrTx, congressId: number, membershipId: number): RepresentativeRow | undefined {
  return db.select().from(congressRepresentatives)
    .where(and(
      eq(congressRepresentatives.congressId, congressId), eq(congressRepresentatives.membershipId, membershipId),
      isNull(congressRepresentatives.removedAt)
    )).get()
}

/** The seat a user holds in a congress now, through their membership. */
export function seatOfUser (db: DbOrTx, congressId: number, userId: number): RepresentativeRow | undefined {
  return db.select({ r: congressRepresentatives }).from(congressRepresentatives)
    .innerJoin(memberships, eq(memberships.id, congressRepresentatives.membershipId))
    .where(and(
      eq(congressRepresentatives.congressId, congressId), eq(memberships.userId, userId), isNull(congressRepresentatives.removedAt)
    )).get()?.r
}

export function removeRepresentative (db: DbOrTx, id: number, by: number, at: string): boolean {
  return db.update(congressRepresentatives).set({ removedAt: at, removedBy: by })
    .where(and(eq(congressRepresentatives.id, id), isNull(congressRepresentatives.removedAt))).run().changes === 1
}

export interface RepresentativeView {
  id: number
  membershipId: number
  name: string
  category: RepresentativeCategory
  enterpriseId: number
  enterpriseName: string
  removedAt: string | null
}

export function representatives (db: DbOrTx, congressId: number, includeRemoved = false): RepresentativeView[] {
  return db.select({
    id: congressRepresentatives.id, membershipId: congressRepresentatives.membershipId, name: memberships.name, category: congressRepresentatives.category,
    enterpriseId: congressRepresentatives.enterpriseId, enterpriseName: enterprises.name, removedAt: congressRepresentatives.removedAt
  }).from(congressRepresentatives)
    .innerJoin(memberships, eq(memberships.id, congressRepresentatives.membershipId))
    .innerJoin(enterprises, eq(enterprises.id, congressRepresentatives.enterpriseId))
    .where(includeRemoved
      ? eq(congressRepresentatives.congressId, congressId)
      : and(eq(congressRepresentatives.congressId, congressId), isNull(congressRepresentatives.removedAt)))
    .orderBy(asc(congressRepresentatives.category), asc(enterprises.name), asc(memberships.name)).all()
}

export function categoryCounts (db: DbOrTx, congressId: number): Record<RepresentativeCategory, number> {
  const rows = db.all<{ category: RepresentativeCategory, n: number }>(sql`select category, count(*) as n from congress_representatives
    where congress_id = ${congressId} and removed_at is null group by category`)
  const out = { frontline: 0, staff: 0, operator: 0 }
  for (const r of rows) out[r.category] = r.n
  return out
}

export function insertSession (db: DbOrTx, v: typeof congressSessions.$inferInsert): SessionRow {
  return db.insert(congressSessions).values(v).returning().get()
}

export function findSession (db: DbOrTx, id: number): SessionRow | undefined {
  return db.select().from(congressSessions).where(eq(congressSessions.id, id)).get()
}

export function sessionsOf (db: DbOrTx, congressId: number): SessionRow[] {
  return db.select().from(congressSessions)
    .where(eq(congressSessions.congressId, congressId))
    .orderBy(desc(congressSessions.date), desc(congressSessions.id)).all()
}

/** Marks present (a second mark of the same representative changes nothing). */
export function markPresent (db: DbOrTx, v: typeof sessionAttendance.$inferInsert): boolean {
  return db.insert(sessionAttendance).values(v).onConflictDoNothing().run().changes === 1
}

/** Present and sitting representatives, and all sitting representatives. */
export function attendanceCount (db: DbOrTx, sessionId: number, congressId: number): { present: number, total: number } {
  const r = db.get<{ present: number, total: number }>(sql`select
    (select count(*) from session_attendance a join congress_representatives r on r.id = a.representative_id
      where a.session_id = ${sessionId} and r.removed_at is null) as present,
    (select count(*) from congress_representatives where congress_id = ${congressId} and removed_at is null) as total`)
  return { present: r?.present ?? 0, total: r?.total ?? 0 }
}

export function attendanceOf (db: DbOrTx, sessionId: number) {
  return db.select({ representativeId: sessionAttendance.representativeId, via: sessionAttendance.via, at: sessionAttendance.at })
    .from(sessionAttendance).where(eq(sessionAttendance.sessionId, sessionId)).all()
}

export function isPresent (db: DbOrTx, sessionId: number, representativeId: number): boolean {
  return db.select({ r: sessionAttendance.representativeId }).from(sessionAttendance)
    .where(and(eq(sessionAttendance.sessionId, sessionId), eq(sessionAttendance.representativeId, representativeId))).get() !== undefined
}

export function insertMotion (db: DbOrTx, v: typeof motions.$inferInsert): MotionRow {
  return db.insert(motions).values(v).returning().get()
}

export function findMotion (db: DbOrTx, id: number): MotionRow | undefined {
  return db.select().from(motions).where(eq(motions.id, id)).get()
}

export function motionsOf (db: DbOrTx, sessionId: number): MotionRow[] {
  return db.select().from(motions).where(eq(motions.sessionId, sessionId)).orderBy(asc(motions.id)).all()
}

/** One vote per representative per motion: false when they had voted already. */
export function insertVote (db: DbOrTx, motionId: number, representativeId: number, vote: Vote, at: string): boolean {
  return db.insert(motionVotes).values({ motionId, representativeId, vote, at }).onConflictDoNothing().run().changes === 1
}

export function voteOf (db: DbOrTx, motionId: number, representativeId: number): Vote | undefined {
  return db.select({ vote: motionVotes.vote }).from(motionVotes)
    .where(and(eq(motionVotes.motionId, motionId), eq(motionVotes.representativeId, representativeId))).get()?.vote
}

export function tally (db: DbOrTx, motionId: number): { yes: number, no: number, abstain: number } {
  const rows = db.all<{ vote: Vote, n: number }>(sql`select vote, count(*) as n from motion_votes where motion_id = ${motionId} group by vote`)
  const out = { yes: 0, no: 0, abstain: 0 }
  for (const r of rows) out[r.vote] = r.n
  return out
}

/** Every vote of a session's motions, with the representative's name (the minutes). */
export function votesOfSession (db: DbOrTx, sessionId: number) {
  return db.all<{ motionId: number, representativeId: number, name: string, enterpriseName: string, vote: Vote }>(sql`
    select v.motion_id as motionId, v.representative_id as representativeId, m2.name, e.name as enterpriseName, v.vote
    from motion_votes v join motions mo on mo.id = v.motion_id
    join congress_representatives r on r.id = v.representative_id
    join memberships m2 on m2.id = r.membership_id join enterprises e on e.id = r.enterprise_id
    where mo.session_id = ${sessionId} order by v.motion_id, e.name, m2.name`)
}

/** Closes an open motion with its result; false when it was closed already. */
export function closeMotion (db: DbOrTx, id: number, patch: Pick<MotionRow, 'result' | 'yes' | 'no' | 'abstain' | 'closedBy' | 'closedAt'>): boolean {
  return db.update(motions).set({ ...patch, status: 'closed' }).where(and(eq(motions.id, id), eq(motions.status, 'open'))).run().changes === 1
}

/** Buildings by id, for the lists of the governance pages (all of them when ids is null). */
export function buildingsByIds (db: DbOrTx, ids: number[] | null) {
  const q = db.select({ id: buildings.id, name: buildings.name, district: buildings.district }).from(buildings)
  if (ids === null) return q.orderBy(asc(buildings.id)).all()
  if (ids.length === 0) return []
  return q.where(sql`${buildings.id} in (${sql.join(ids.map((i) => sql`${i}`), sql`, `)})`).orderBy(asc(buildings.id)).all()
}

/** The user's seats now, with the next session of each congress from `today` on. */
export function upcomingSessionsOfUser (db: DbOrTx, userId: number, today: string) {
  return db.all<{ sessionId: number, date: string, title: string, buildingName: string }>(sql`
    select s.id as sessionId, s.date, s.title, b.name as buildingName
    from congress_representatives r join memberships m on m.id = r.membership_id
    join congress_sessions s on s.congress_id = r.congress_id
    join congresses c on c.id = r.congress_id join buildings b on b.id = c.building_id
    where m.user_id = ${userId} and r.removed_at is null and s.date >= ${today}
    order by s.date, s.id limit 3`)
}
