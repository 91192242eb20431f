import { and, asc, desc, eq, isNull, sql } from "drizzle-orm";
import {
  buildings,
  congresses,
  congressRepresentatives,
  congressSessions,
  enterprises,
  memberships,
  motions,
  motionVotes,
  sessionAttendance
} from "../../db/schema/index.js";
function findBuilding(db, id) {
  return db.select({ id: buildings.id, name: buildings.name, federationName: buildings.federationName }).from(buildings).where(eq(buildings.id, id)).get();
}
function insertCongress(db, v) {
  return db.insert(congresses).values(v).returning().get();
}
function findCongress(db, id) {
  return db.select().from(congresses).where(eq(congresses.id, id)).get();
}
function congressesOf(db, buildingId) {
  return db.select().from(congresses).where(eq(congresses.buildingId, buildingId)).orderBy(desc(congresses.startsOn), desc(congresses.id)).all();
}
function countCongresses(db, buildingId) {
  return db.get(sql`select count(*) as n from congresses where building_id = ${buildingId}`)?.n ?? 0;
}
function buildingMembers(db, buildingId) {
  return db.get(sql`select count(*) as n from memberships m join enterprises e on e.id = m.enterprise_id
    where e.building_id = ${buildingId} and e.status = 'enrolled' and m.status = 'active'`)?.n ?? 0;
}
function memberFacts(db, membershipId) {
  return db.select({
    id: memberships.id,
    userId: memberships.userId,
    name: memberships.name,
    status: memberships.status,
    enterpriseId: enterprises.id,
    enterpriseName: enterprises.name,
    enterpriseStatus: enterprises.status,
    buildingId: enterprises.buildingId
  }).from(memberships).innerJoin(enterprises, eq(enterprises.id, memberships.enterpriseId)).where(eq(memberships.id, membershipId)).get();
}
function membersWithoutSeat(db, congressId, buildingId, limit = 200) {
  return db.all(sql`
    select m.id, m.name, e.id as enterpriseId, e.name as enterpriseName from memberships m join enterprises e on e.id = m.enterprise_id
    where e.building_id = ${buildingId} and e.status = 'enrolled' and m.status = 'active'
      and not exists (select 1 from congress_representatives r where r.congress_id = ${congressId} and r.membership_id = m.id and r.removed_at is null)
    order by e.name, m.name limit ${limit}`);
}
function insertRepresentative(db, v) {
  return db.insert(congressRepresentatives).values(v).returning().get();
}
function findRepresentative(db, congressId, id) {
  return db.select().from(congressRepresentatives).where(and(eq(congressRepresentatives.id, id), eq(congressRepresentatives.congressId, congressId))).get();
}
function seatOf(db, congressId, membershipId) {
  return db.select().from(congressRepresentatives).where(and(
    eq(congressRepresentatives.congressId, congressId),
    eq(congressRepresentatives.membershipId, membershipId),
    isNull(congressRepresentatives.removedAt)
  )).get();
}
function seatOfUser(db, congressId, userId) {
  return db.select({ r: congressRepresentatives }).from(congressRepresentatives).innerJoin(memberships, eq(memberships.id, congressRepresentatives.membershipId)).where(and(
    eq(congressRepresentatives.congressId, congressId),
    eq(memberships.userId, userId),
    isNull(congressRepresentatives.removedAt)
  )).get()?.r;
}
function removeRepresentative(db, id, by, at) {
  return db.update(congressRepresentatives).set({ removedAt: at, removedBy: by }).where(and(eq(congressRepresentatives.id, id), isNull(congressRepresentatives.removedAt))).run().changes === 1;
}
function representatives(db, congressId, includeRemoved = false) {
  return db.select({
    id: congressRepresentatives.id,
    membershipId: congressRepresentatives.membershipId,
    name: memberships.name,
    category: congressRepresentatives.category,
    enterpriseId: congressRepresentatives.enterpriseId,
    enterpriseName: enterprises.name,
    removedAt: congressRepresentatives.removedAt
  }).from(congressRepresentatives).innerJoin(memberships, eq(memberships.id, congressRepresentatives.membershipId)).innerJoin(enterprises, eq(enterprises.id, congressRepresentatives.enterpriseId)).where(includeRemoved ? eq(congressRepresentatives.congressId, congressId) : and(eq(congressRepresentatives.congressId, congressId), isNull(congressRepresentatives.removedAt))).orderBy(asc(congressRepresentatives.category), asc(enterprises.name), asc(memberships.name)).all();
}
function categoryCounts(db, congressId) {
  const rows = db.all(sql`select category, count(*) as n from congress_representatives
    where congress_id = ${congressId} and removed_at is null group by category`);
  const out = { frontline: 0, staff: 0, operator: 0 };
  for (const r of rows) out[r.category] = r.n;
  return out;
}
function insertSession(db, v) {
  return db.insert(congressSessions).values(v).returning().get();
}
function findSession(db, id) {
  return db.select().from(congressSessions).where(eq(congressSessions.id, id)).get();
}
function sessionsOf(db, congressId) {
  return db.select().from(congressSessions).where(eq(congressSessions.congressId, congressId)).orderBy(desc(congressSessions.date), desc(congressSessions.id)).all();
}
function markPresent(db, v) {
  return db.insert(sessionAttendance).values(v).onConflictDoNothing().run().changes === 1;
}
function attendanceCount(db, sessionId, congressId) {
  const r = db.get(sql`select
    (select count(*) from session_attendance a join congress_representatives r on r.id = a.representative_id
      where a.session_id = ${sessionId} and r.removed_at is null) as present,
    (select count(*) from congress_representatives where congress_id = ${congressId} and removed_at is null) as total`);
  return { present: r?.present ?? 0, total: r?.total ?? 0 };
}
function attendanceOf(db, sessionId) {
  return db.select({ representativeId: sessionAttendance.representativeId, via: sessionAttendance.via, at: sessionAttendance.at }).from(sessionAttendance).where(eq(sessionAttendance.sessionId, sessionId)).all();
}
function isPresent(db, sessionId, representativeId) {
  return db.select({ r: sessionAttendance.representativeId }).from(sessionAttendance).where(and(eq(sessionAttendance.sessionId, sessionId), eq(sessionAttendance.representativeId, representativeId))).get() !== void 0;
}
function insertMotion(db, v) {
  return db.insert(motions).values(v).returning().get();
}
function findMotion(db, id) {
  return db.select().from(motions).where(eq(motions.id, id)).get();
}
function motionsOf(db, sessionId) {
  return db.select().from(motions).where(eq(motions.sessionId, sessionId)).orderBy(asc(motions.id)).all();
}
function insertVote(db, motionId, representativeId, vote, at) {
  return db.insert(motionVotes).values({ motionId, representativeId, vote, at }).onConflictDoNothing().run().changes === 1;
}
function voteOf(db, motionId, representativeId) {
  return db.select({ vote: motionVotes.vote }).from(motionVotes).where(and(eq(motionVotes.motionId, motionId), eq(motionVotes.representativeId, representativeId))).get()?.vote;
}
function tally(db, motionId) {
  const rows = db.all(sql`select vote, count(*) as n from motion_votes where motion_id = ${motionId} group by vote`);
  const out = { yes: 0, no: 0, abstain: 0 };
  for (const r of rows) out[r.vote] = r.n;
  return out;
}
function votesOfSession(db, sessionId) {
  return db.all(sql`
    select v.motion_id as motionId, v.representative_id as representativeId, m2.name, e.name as enterpriseName, v.vote
    from motion_votes v join motions mo on mo.id = v.motion_id
    join congress_representatives r on r.id = v.representative_id
    join memberships m2 on m2.id = r.membership_id join enterprises e on e.id = r.enterprise_id
    where mo.session_id = ${sessionId} order by v.motion_id, e.name, m2.name`);
}
function closeMotion(db, id, patch) {
  return db.update(motions).set({ ...patch, status: "closed" }).where(and(eq(motions.id, id), eq(motions.status, "open"))).run().changes === 1;
}
function buildingsByIds(db, ids) {
  const q = db.select({ id: buildings.id, name: buildings.name, district: buildings.district }).from(buildings);
  if (ids === null) return q.orderBy(asc(buildings.id)).all();
  if (ids.length === 0) return [];
  return q.where(sql`${buildings.id} in (${sql.join(ids.map((i) => sql`${i}`), sql`, `)})`).orderBy(asc(buildings.id)).all();
}
function upcomingSessionsOfUser(db, userId, today) {
  return db.all(sql`
    select s.id as sessionId, s.date, s.title, b.name as buildingName
    from congress_representatives r join memberships m on m.id = r.membership_id
    join congress_sessions s on s.congress_id = r.congress_id
    join congresses c on c.id = r.congress_id join buildings b on b.id = c.building_id
    where m.user_id = ${userId} and r.removed_at is null and s.date >= ${today}
    order by s.date, s.id limit 3`);
}
export {
  attendanceCount,
  attendanceOf,
  buildingMembers,
  buildingsByIds,
  categoryCounts,
  closeMotion,
  congressesOf,
  countCongresses,
  findBuilding,
  findCongress,
  findMotion,
  findRepresentative,
  findSession,
  insertCongress,
  insertMotion,
  insertRepresentative,
  insertSession,
  insertVote,
  isPresent,
  markPresent,
  memberFacts,
  membersWithoutSeat,
  motionsOf,
  removeRepresentative,
  representatives,
  seatOf,
  seatOfUser,
  sessionsOf,
  tally,
  upcomingSessionsOfUser,
  voteOf,
  votesOfSession
};
//# sourceMappingURL=congress-repository.js.map
