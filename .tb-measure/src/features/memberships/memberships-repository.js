import { and, desc, eq, inArray, sql } from "drizzle-orm";
import { preparedQuery, preparedSql } from "../../db/prepared.js";
import { counters, memberships } from "../../db/schema/index.js";
import { flatten, OPEN, selectView } from "./membership-rows.js";
export * from "./places-repository.js";
export * from "./roster-repository.js";
export * from "./transfers-repository.js";
export * from "./imports-repository.js";
function findMembership(db, id) {
  const r = selectView(db).where(eq(memberships.id, id)).get();
  return r === void 0 ? void 0 : flatten(r);
}
function findOpenByHash(db, idHash) {
  return db.select().from(memberships).where(and(eq(memberships.idHash, idHash), OPEN)).get();
}
function findOpenByUser(db, userId) {
  return db.select().from(memberships).where(and(eq(memberships.userId, userId), OPEN)).get();
}
function findNumberedClosedByHash(db, idHash) {
  return db.select().from(memberships).where(and(eq(memberships.idHash, idHash), sql`${memberships.memberNo} is not null`, inArray(memberships.status, ["left", "rejected"]))).orderBy(desc(memberships.id)).get();
}
const OPEN_FIRST = sql`case when ${memberships.status} in ('applied', 'active') then 0 else 1 end, ${memberships.updatedAt} desc, ${memberships.id} desc`;
const membershipOfUserQuery = preparedQuery((db) => selectView(db).where(eq(memberships.userId, sql.placeholder("userId"))).orderBy(OPEN_FIRST).prepare());
function membershipCardOf(db, userId) {
  return membershipCardQuery.get(db, { userId });
}
const membershipCardQuery = preparedSql(sql`
  select ${memberships.id} as id, ${memberships.status} as status, ${memberships.memberNo} as memberNo,
    ${memberships.rejectReason} as rejectReason, e.name as enterpriseName, b.name as buildingName,
    (select te.name from membership_transfers t join enterprises te on te.id = t.to_enterprise_id
      where t.membership_id = ${memberships.id} and t.status = 'pending' order by t.id desc limit 1) as pendingTo
  from ${memberships} join enterprises e on e.id = ${memberships.enterpriseId} join buildings b on b.id = e.building_id
  where ${memberships.userId} = ${sql.placeholder("userId")}
  order by ${OPEN_FIRST}
  limit 1`);
function membershipOfUser(db, userId) {
  const own = membershipOfUserQuery(db).get({ userId });
  return own === void 0 ? void 0 : flatten(own);
}
function insertMembership(db, v) {
  return db.insert(memberships).values(v).returning().get();
}
const BULK_COLUMNS = [
  "userId",
  "enterpriseId",
  "name",
  "idCipher",
  "idHash",
  "idMasked",
  "gender",
  "birthDate",
  "mobile",
  "memberNo",
  "status",
  "joinedOn",
  "leftOn",
  "consentAt",
  "appliedAt",
  "appliedBy",
  "decidedAt",
  "decidedBy",
  "rejectReason",
  "source",
  "createdAt",
  "updatedAt"
];
function insertMemberships(db, rows) {
  if (rows.length === 0) return;
  const cols = BULK_COLUMNS.map((k) => memberships[k].name);
  const stmt = db.$client.prepare(`insert into memberships (${cols.join(", ")}) values (${cols.map(() => "?").join(", ")})`);
  for (const r of rows) stmt.run(BULK_COLUMNS.map((k) => r[k] ?? null));
}
function changeMembership(db, id, from, patch, extra) {
  return db.update(memberships).set(patch).where(and(eq(memberships.id, id), eq(memberships.status, from), extra)).run().changes === 1;
}
function moveMembership(db, id, from, to, at) {
  return changeMembership(db, id, "active", { enterpriseId: to, updatedAt: at }, eq(memberships.enterpriseId, from));
}
function takeNumbers(db, name, count = 1) {
  const row = db.insert(counters).values({ name, value: count }).onConflictDoUpdate({ target: counters.name, set: { value: sql`${counters.value} + ${count}` } }).returning({ value: counters.value }).get();
  return row.value - count + 1;
}
export {
  changeMembership,
  findMembership,
  findNumberedClosedByHash,
  findOpenByHash,
  findOpenByUser,
  insertMembership,
  insertMemberships,
  membershipCardOf,
  membershipOfUser,
  moveMembership,
  takeNumbers
};
//# sourceMappingURL=memberships-repository.js.map
