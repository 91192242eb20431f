import { and, asc, eq, getTableColumns, inArray, sql } from "drizzle-orm";
import { preparedQuery, preparedSql } from "../../db/prepared.js";
import { aidClaimDocuments, aidClaims, buildings, CLAIM_STATUS_VALUES, enterprises, memberships, users } from "../../db/schema/index.js";
const CLAIM_STATUSES = [...CLAIM_STATUS_VALUES];
const everActiveQuery = preparedQuery((db) => db.select({ id: memberships.id }).from(memberships).where(and(eq(memberships.userId, sql.placeholder("userId")), sql`${memberships.joinedOn} is not null`)).limit(1).prepare());
function everActiveMember(db, userId) {
  return everActiveQuery(db).get({ userId }) !== void 0;
}
function findPaidShare(db, userId, planYear) {
  return paidShareQuery.get(db, { userId, planYear });
}
const paidShareQuery = preparedSql(sql`
    select p.id as purchaseId, p.membership_id as membershipId, e.building_id as buildingId, p.shares, p.paid_on as paidOn,
      p.cover_from as coverFrom, p.plan_year as planYear
    from memberships m cross join aid_purchases p on p.membership_id = m.id cross join enterprises e on e.id = m.enterprise_id
    where m.user_id = ${sql.placeholder("userId")} and p.plan_year = ${sql.placeholder("planYear")} and p.status = 'paid'
    order by p.id limit 1`);
const invoiceClaimedQuery = preparedQuery((db) => db.select({ id: aidClaims.id }).from(aidClaims).where(and(
  sql`(${aidClaims.userId} = ${sql.placeholder("userId")} or ${aidClaims.membershipId} = ${sql.placeholder("membershipId")})`,
  eq(aidClaims.invoiceNo, sql.placeholder("invoiceNo")),
  sql`${aidClaims.status} <> 'rejected'`
)).limit(1).prepare());
function invoiceClaimed(db, userId, membershipId, invoiceNo) {
  return invoiceClaimedQuery(db).get({ userId, membershipId, invoiceNo }) !== void 0;
}
function paidThisYear(db, membershipId, planYear, exceptClaimId) {
  const row = exceptClaimId === void 0 ? paidThisYearQuery(db).get({ membershipId, planYear }) : paidThisYearExceptQuery(db).get({ membershipId, planYear, exceptClaimId });
  return Number(row?.total ?? 0);
}
const paidThisYearSelect = (db, except) => db.select({ total: sql`coalesce(sum(${aidClaims.payableFen}), 0)` }).from(aidClaims).where(and(
  eq(aidClaims.membershipId, sql.placeholder("membershipId")),
  eq(aidClaims.planYear, sql.placeholder("planYear")),
  inArray(aidClaims.status, ["approved", "paid"]),
  except
)).prepare();
const paidThisYearQuery = preparedQuery((db) => paidThisYearSelect(db));
const paidThisYearExceptQuery = preparedQuery((db) => paidThisYearSelect(db, sql`${aidClaims.id} <> ${sql.placeholder("exceptClaimId")}`));
const CLAIM_COLUMNS = Object.keys(getTableColumns(aidClaims)).filter((k) => k !== "id");
const insertClaimQuery = preparedQuery((db) => db.insert(aidClaims).values(Object.fromEntries(CLAIM_COLUMNS.map((k) => [k, sql.placeholder(k)]))).returning().prepare());
function insertClaim(db, v) {
  if (v.id !== void 0) return db.insert(aidClaims).values(v).returning().get();
  return insertClaimQuery(db).get(Object.fromEntries(CLAIM_COLUMNS.map((k) => [k, v[k] ?? null])));
}
function findClaim(db, id) {
  return db.select().from(aidClaims).where(eq(aidClaims.id, id)).get();
}
function findClaimWithMember(db, id) {
  return db.select({
    claim: aidClaims,
    memberName: memberships.name,
    memberNo: memberships.memberNo,
    enterpriseName: enterprises.name,
    buildingId: aidClaims.buildingId,
    buildingName: buildings.name,
    federationName: buildings.federationName
  }).from(aidClaims).innerJoin(memberships, eq(memberships.id, aidClaims.membershipId)).innerJoin(enterprises, eq(enterprises.id, memberships.enterpriseId)).innerJoin(buildings, eq(buildings.id, aidClaims.buildingId)).where(eq(aidClaims.id, id)).get();
}
function moveClaim(db, id, from, patch) {
  return db.update(aidClaims).set(patch).where(and(eq(aidClaims.id, id), inArray(aidClaims.status, from))).run().changes === 1;
}
function listDocuments(db, claimId) {
  return db.select().from(aidClaimDocuments).where(eq(aidClaimDocuments.claimId, claimId)).orderBy(asc(aidClaimDocuments.id)).all();
}
function findDocument(db, claimId, docId) {
  return db.select().from(aidClaimDocuments).where(and(eq(aidClaimDocuments.id, docId), eq(aidClaimDocuments.claimId, claimId))).get();
}
function insertDocument(db, v) {
  return db.insert(aidClaimDocuments).values(v).returning().get();
}
function userNames(db, ids) {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return /* @__PURE__ */ new Map();
  return new Map(db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, unique)).all().map((u) => [u.id, u.name]));
}
const inList = (values) => sql.join(values.map((v) => sql`${v}`), sql`, `);
function inBuildings(buildingIds) {
  if (buildingIds === null) return sql`1 = 1`;
  return buildingIds.length === 0 ? sql`0 = 1` : sql`c.building_id in (${inList(buildingIds)})`;
}
export {
  CLAIM_STATUSES,
  everActiveMember,
  findClaim,
  findClaimWithMember,
  findDocument,
  findPaidShare,
  inBuildings,
  inList,
  insertClaim,
  insertDocument,
  invoiceClaimed,
  listDocuments,
  moveClaim,
  paidThisYear,
  userNames
};
//# sourceMappingURL=claims-repository.js.map
