import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import { preparedQuery } from "../../db/prepared.js";
import { buildings, enterprises, memberships, users } from "../../db/schema/index.js";
function listCoverage(db, onlyIds) {
  if (onlyIds !== void 0 && onlyIds.length === 0) return [];
  const filter = onlyIds === void 0 ? sql`` : sql`where b.id in (${sql.join(onlyIds.map((id) => sql`${id}`), sql`, `)})`;
  const rows = db.all(sql`
    with enrolled as (
      select building_id, count(*) as n from enterprises where status = 'enrolled' group by building_id
    ), active_members as (
      select e.building_id, sum(m.n) as n
      from (select enterprise_id, count(*) as n from memberships where status = 'active' group by enterprise_id) m
      join enterprises e on e.id = m.enterprise_id
      group by e.building_id
    )
    select b.id, b.name, b.district, b.enterprises_total as enterprisesTotal,
      coalesce(en.n, 0) as enterprisesEnrolled, coalesce(am.n, 0) as members,
      b.is_model as isModel, b.has_worker_congress as hasWorkerCongress, b.has_affairs_disclosure as hasAffairsDisclosure
    from buildings b
    left join enrolled en on en.building_id = b.id
    left join active_members am on am.building_id = b.id
    ${filter}
    order by b.id`);
  return rows.map((r) => ({
    ...r,
    enterprisesEnrolled: Number(r.enterprisesEnrolled),
    members: Number(r.members),
    isModel: r.isModel === 1,
    hasWorkerCongress: r.hasWorkerCongress === 1,
    hasAffairsDisclosure: r.hasAffairsDisclosure === 1
  }));
}
function dataStamp(db) {
  const client = db.$client;
  const changes = client.prepare("select total_changes() as n").get().n;
  return `${changes}:${String(client.pragma("data_version", { simple: true }))}`;
}
function findBuilding(db, id) {
  return db.select().from(buildings).where(eq(buildings.id, id)).get();
}
function listBuildingChoices(db) {
  return db.select({ id: buildings.id, name: buildings.name, district: buildings.district }).from(buildings).orderBy(asc(buildings.district), asc(buildings.name)).all();
}
function insertBuilding(db, v) {
  return db.insert(buildings).values(v).returning().get();
}
function updateBuilding(db, id, patch) {
  db.update(buildings).set(patch).where(eq(buildings.id, id)).run();
}
function countEnterprises(db, buildingId, status) {
  return db.select({ n: sql`count(*)` }).from(enterprises).where(and(eq(enterprises.buildingId, buildingId), eq(enterprises.status, status))).get()?.n ?? 0;
}
function findEnterprise(db, id) {
  return db.select().from(enterprises).where(eq(enterprises.id, id)).get();
}
function findEnterpriseByUscc(db, code) {
  return db.select().from(enterprises).where(eq(enterprises.uscc, code)).get();
}
function insertEnterprise(db, v) {
  return db.insert(enterprises).values(v).returning().get();
}
function updateEnterpriseIf(db, id, from, patch) {
  return db.update(enterprises).set(patch).where(and(eq(enterprises.id, id), inArray(enterprises.status, [...from]))).run().changes > 0;
}
const enterprisesOfLiaisonQuery = preparedQuery((db) => db.select({
  id: enterprises.id,
  name: enterprises.name,
  buildingId: enterprises.buildingId,
  buildingName: buildings.name,
  status: enterprises.status,
  rejectReason: enterprises.rejectReason,
  submittedAt: enterprises.submittedAt
}).from(enterprises).innerJoin(buildings, eq(buildings.id, enterprises.buildingId)).where(eq(enterprises.liaisonUserId, sql.placeholder("userId"))).orderBy(desc(enterprises.id)).prepare());
function enterprisesOfLiaison(db, userId) {
  return enterprisesOfLiaisonQuery(db).all({ userId });
}
function pendingEnterprises(db, buildingIds, limit) {
  if (buildingIds !== null && buildingIds.length === 0) return { rows: [], total: 0 };
  const where = buildingIds === null ? eq(enterprises.status, "pending") : and(eq(enterprises.status, "pending"), inArray(enterprises.buildingId, buildingIds));
  const rows = db.select({
    id: enterprises.id,
    name: enterprises.name,
    buildingName: buildings.name,
    submittedAt: enterprises.submittedAt
  }).from(enterprises).innerJoin(buildings, eq(buildings.id, enterprises.buildingId)).where(where).orderBy(asc(enterprises.submittedAt), asc(enterprises.id)).limit(limit).all();
  const total = db.select({ n: sql`count(*)` }).from(enterprises).where(where).get()?.n ?? 0;
  return { rows, total };
}
function enterprisesWithMembers(db, buildingId, status) {
  const rows = db.all(sql`
    select e.id, e.name, e.uscc, e.floor_room as floorRoom, e.headcount, e.status, e.reject_reason as rejectReason,
      e.contact_name as contactName, e.contact_phone as contactPhone, u.name as liaisonName, u.phone as liaisonPhone,
      e.submitted_at as submittedAt, e.decided_at as decidedAt, e.withdrawn_at as withdrawnAt,
      coalesce(m.n, 0) as members
    from enterprises e
    join users u on u.id = e.liaison_user_id
    left join (
      select enterprise_id, count(*) as n from memberships
      where status = 'active' and enterprise_id in (select id from enterprises where building_id = ${buildingId})
      group by enterprise_id
    ) m on m.enterprise_id = e.id
    where e.building_id = ${buildingId} ${status === void 0 ? sql`` : sql`and e.status = ${status}`}
    order by case e.status when 'pending' then 0 when 'enrolled' then 1 when 'rejected' then 2 else 3 end, e.name`);
  return rows.map((r) => ({ ...r, members: Number(r.members) }));
}
function statusCounts(db, buildingId) {
  const counts = { pending: 0, enrolled: 0, rejected: 0, withdrawn: 0 };
  const rows = db.select({ status: enterprises.status, n: sql`count(*)` }).from(enterprises).where(eq(enterprises.buildingId, buildingId)).groupBy(enterprises.status).all();
  for (const r of rows) counts[r.status] = r.n;
  return counts;
}
function activeMembersOf(db, enterpriseId) {
  return db.select({ n: sql`count(*)` }).from(memberships).where(and(eq(memberships.enterpriseId, enterpriseId), eq(memberships.status, "active"))).get()?.n ?? 0;
}
function userById(db, id) {
  return db.select({ id: users.id, name: users.name, phone: users.phone, active: users.active }).from(users).where(eq(users.id, id)).get();
}
function userByPhone(db, phone) {
  return db.select({ id: users.id, name: users.name, phone: users.phone, active: users.active }).from(users).where(eq(users.phone, phone)).get();
}
function acceptHandOver(db, id, userId, at) {
  return db.update(enterprises).set({ liaisonUserId: userId, handoverToUserId: null, updatedAt: at }).where(and(eq(enterprises.id, id), eq(enterprises.handoverToUserId, userId), inArray(enterprises.status, ["pending", "enrolled", "rejected"]))).run().changes > 0;
}
function likePattern(q) {
  return "%" + q.replace(/[\\%_]/g, (c) => "\\" + c) + "%";
}
function searchEnterprises(db, f) {
  const conds = [];
  if (f.id !== void 0) conds.push(eq(enterprises.id, f.id));
  if (f.buildingId !== void 0) conds.push(eq(enterprises.buildingId, f.buildingId));
  if (f.status !== void 0) conds.push(eq(enterprises.status, f.status));
  if (f.q !== void 0 && f.q !== "") {
    const p = likePattern(f.q);
    conds.push(sql`(${enterprises.name} like ${p} escape '\\' or ${enterprises.uscc} like ${p.toUpperCase()} escape '\\')`);
  }
  return db.select({ id: enterprises.id, name: enterprises.name, buildingId: enterprises.buildingId, buildingName: buildings.name, status: enterprises.status }).from(enterprises).innerJoin(buildings, eq(buildings.id, enterprises.buildingId)).where(conds.length === 0 ? void 0 : and(...conds)).orderBy(sql`${enterprises.status} <> 'enrolled'`, asc(enterprises.name), asc(enterprises.id)).limit(f.limit).all();
}
export {
  acceptHandOver,
  activeMembersOf,
  countEnterprises,
  dataStamp,
  enterprisesOfLiaison,
  enterprisesWithMembers,
  findBuilding,
  findEnterprise,
  findEnterpriseByUscc,
  insertBuilding,
  insertEnterprise,
  listBuildingChoices,
  listCoverage,
  pendingEnterprises,
  searchEnterprises,
  statusCounts,
  updateBuilding,
  updateEnterpriseIf,
  userById,
  userByPhone
};
//# sourceMappingURL=buildings-repository.js.map
