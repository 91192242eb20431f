import { and, asc, desc, eq, inArray, or, sql } from "drizzle-orm";
import { enterprises, memberships, users } from "../../db/schema/index.js";
import { flatten, OPEN, selectView } from "./membership-rows.js";
function rosterWhere(f) {
  const conds = [];
  const scope = [];
  if (f.enterpriseIds === null || f.buildingIds === null) scope.push(sql`1 = 1`);
  else {
    if (f.enterpriseIds.length > 0) scope.push(inArray(memberships.enterpriseId, f.enterpriseIds));
    if (f.buildingIds.length > 0) scope.push(inArray(enterprises.buildingId, f.buildingIds));
  }
  if (scope.length === 0) return sql`1 = 0`;
  conds.push(or(...scope));
  if (f.status !== void 0) conds.push(eq(memberships.status, f.status));
  if (f.enterpriseId !== void 0) conds.push(eq(memberships.enterpriseId, f.enterpriseId));
  if (f.buildingId !== void 0) conds.push(eq(enterprises.buildingId, f.buildingId));
  if (f.q !== void 0) {
    const pattern = `%${f.q.replace(/[\\%_]/g, (c) => "\\" + c)}%`;
    const matches = [
      sql`${memberships.name} like ${pattern} escape '\\'`,
      sql`${memberships.memberNo} like ${pattern} escape '\\'`,
      sql`${memberships.mobile} like ${pattern} escape '\\'`
    ];
    if (f.idHash !== void 0) matches.push(eq(memberships.idHash, f.idHash));
    conds.push(or(...matches));
  } else if (f.idHash !== void 0) {
    conds.push(eq(memberships.idHash, f.idHash));
  }
  return and(...conds);
}
function searchRoster(db, f, limit, offset) {
  const where = rosterWhere(f);
  const rows = selectView(db).where(where).orderBy(desc(memberships.appliedAt), desc(memberships.id)).limit(limit).offset(offset).all().map(flatten);
  const total = db.select({ n: sql`count(*)` }).from(memberships).innerJoin(enterprises, eq(enterprises.id, memberships.enterpriseId)).where(where).get()?.n ?? 0;
  return { rows, total };
}
function* iterateRoster(db, f) {
  const where = rosterWhere(f);
  let lastId = 0;
  for (; ; ) {
    const batch = selectView(db).where(and(where, sql`${memberships.id} > ${lastId}`)).orderBy(asc(memberships.id)).limit(1e3).all();
    if (batch.length === 0) return;
    for (const r of batch) yield flatten(r);
    lastId = batch[batch.length - 1].m.id;
  }
}
function countRoster(db, f) {
  return db.select({ n: sql`count(*)` }).from(memberships).innerJoin(enterprises, eq(enterprises.id, memberships.enterpriseId)).where(rosterWhere(f)).get()?.n ?? 0;
}
function userName(db, id) {
  if (id === null) return void 0;
  return db.select({ name: users.name }).from(users).where(eq(users.id, id)).get()?.name;
}
function openHashes(db, hashes) {
  const out = /* @__PURE__ */ new Set();
  for (let i = 0; i < hashes.length; i += 500) {
    for (const r of db.select({ h: memberships.idHash }).from(memberships).where(and(
      inArray(memberships.idHash, hashes.slice(i, i + 500)),
      OPEN
    )).all()) out.add(r.h);
  }
  return out;
}
function numberedClosedByHashes(db, hashes) {
  const out = /* @__PURE__ */ new Map();
  for (let i = 0; i < hashes.length; i += 500) {
    const rows = db.select().from(memberships).where(and(inArray(memberships.idHash, hashes.slice(i, i + 500)), sql`${memberships.memberNo} is not null`, inArray(memberships.status, ["left", "rejected"]))).orderBy(asc(memberships.id)).all();
    for (const r of rows) out.set(r.idHash, r);
  }
  return out;
}
function isSamePerson(db, userId, idHash) {
  return db.select({ id: memberships.id }).from(memberships).where(and(eq(memberships.userId, userId), eq(memberships.idHash, idHash))).limit(1).get() !== void 0;
}
function phoneVerified(db, userId) {
  return db.select({ at: users.phoneVerifiedAt }).from(users).where(eq(users.id, userId)).get()?.at != null;
}
function maskedIdOf(db, idHash) {
  return db.select({ m: memberships.idMasked }).from(memberships).where(eq(memberships.idHash, idHash)).limit(1).get()?.m;
}
export {
  countRoster,
  isSamePerson,
  iterateRoster,
  maskedIdOf,
  numberedClosedByHashes,
  openHashes,
  phoneVerified,
  searchRoster,
  userName
};
//# sourceMappingURL=roster-repository.js.map
