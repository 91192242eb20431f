import { asc, eq, inArray, sql } from "drizzle-orm";
import { preparedQuery, preparedSql } from "../../db/prepared.js";
import { buildings } from "../../db/schema/index.js";
import { CLAIM_STATUSES, inBuildings, inList } from "./claims-repository.js";
function filterBuildings(f) {
  if (f.buildingId === void 0) return f.buildingIds;
  return f.buildingIds === null || f.buildingIds.includes(f.buildingId) ? [f.buildingId] : [];
}
function dateConditions(f) {
  return [
    ...f.fromIso === void 0 ? [] : [sql`c.created_at >= ${f.fromIso}`],
    ...f.toIso === void 0 ? [] : [sql`c.created_at < ${f.toIso}`]
  ];
}
function listConditions(f, withStatus) {
  const parts = [inBuildings(filterBuildings(f)), ...dateConditions(f)];
  if (withStatus && f.statuses !== void 0) parts.push(sql`c.status in (${inList(f.statuses)})`);
  if (f.userId !== void 0) parts.push(sql`c.user_id = ${f.userId}`);
  if (f.exceptUserId !== void 0) parts.push(sql`c.user_id <> ${f.exceptUserId}`);
  return sql.join(parts, sql` and `);
}
const FROM_CLAIMS = sql`from aid_claims c
  join memberships m on m.id = c.membership_id
  join enterprises e on e.id = m.enterprise_id
  join buildings b on b.id = c.building_id`;
const LIST_FIELDS = [
  ["id", "c.id"],
  ["status", "c.status"],
  ["createdAt", "c.created_at"],
  ["planYear", "c.plan_year"],
  ["admissionDate", "c.admission_date"],
  ["dischargeDate", "c.discharge_date"],
  ["hospital", "c.hospital"],
  ["invoiceNo", "c.invoice_no"],
  ["totalCostFen", "c.total_cost_fen"],
  ["insurancePaidFen", "c.insurance_paid_fen"],
  ["excludedFen", "c.excluded_fen"],
  ["baseFen", "c.base_fen"],
  ["estimateFen", "json_extract(c.estimate, '$.payableFen')"],
  ["payableFen", "c.payable_fen"],
  ["reasonCode", "c.reason_code"],
  ["paymentBatchId", "c.payment_batch_id"],
  ["resubmissionOf", "c.resubmission_of"],
  ["memberName", "m.name"],
  ["memberNo", "m.member_no"],
  ["buildingId", "c.building_id"],
  ["buildingName", "b.name"]
];
const LIST_COLUMNS = sql.raw(LIST_FIELDS.map(([name, expr]) => `${expr} as ${name}`).join(", "));
function listRows(rows) {
  const out = new Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    const row = {};
    for (let j = 0; j < LIST_FIELDS.length; j++) row[LIST_FIELDS[j][0]] = r[j];
    out[i] = row;
  }
  return out;
}
const MAX_PAGE_PARTS = 40;
function listClaims(db, f, limit, offset, opts = {}) {
  if (isPlainOwnList(f)) {
    return (opts.newestFirst === true ? ownClaimsNewestFirst : ownClaimsOldestFirst).all(db, { userId: f.userId, limit, offset });
  }
  if (f.userId !== void 0) {
    const dir = opts.newestFirst === true ? sql`desc` : sql`asc`;
    return listRows(db.values(sql`select ${LIST_COLUMNS}
      from aid_claims c join memberships m on m.id = c.membership_id join buildings b on b.id = c.building_id
      where ${listConditions(f, true)}
      order by c.created_at ${dir}, c.id ${dir}
      limit ${limit} offset ${offset}`));
  }
  const scope = filterBuildings(f);
  if (scope !== null && scope.length === 0) return [];
  const statuses = f.statuses ?? CLAIM_STATUSES;
  const rest = sql.join([sql`1 = 1`, ...dateConditions(f), ...f.exceptUserId === void 0 ? [] : [sql`c.user_id <> ${f.exceptUserId}`]], sql` and `);
  const enough = offset + limit;
  const part = (index, where) => sql`select id, createdAt from (select c.id, c.created_at as createdAt
    from aid_claims c indexed by ${index} where ${where} and ${rest} order by c.created_at, c.id limit ${enough})`;
  const parts = [];
  for (const status of statuses) {
    if (scope === null) {
      parts.push(part(sql`claims_status_created`, sql`c.status = ${status}`));
    } else if (scope.length * statuses.length <= MAX_PAGE_PARTS) {
      for (const b of scope) parts.push(part(sql`claims_building_status_created`, sql`c.building_id = ${b} and c.status = ${status}`));
    } else {
      parts.push(part(sql`claims_building_status_created`, sql`c.building_id in (${inList(scope)}) and c.status = ${status}`));
    }
  }
  return listRows(db.values(sql`with page as (${sql.join(parts, sql` union all `)} order by createdAt, id limit ${limit} offset ${offset})
    select ${LIST_COLUMNS}
    from page p cross join aid_claims c on c.id = p.id cross join memberships m on m.id = c.membership_id cross join buildings b on b.id = c.building_id
    order by p.createdAt, p.id`));
}
function isPlainOwnList(f) {
  return f.userId !== void 0 && f.buildingIds === null && f.buildingId === void 0 && f.statuses === void 0 && f.fromIso === void 0 && f.toIso === void 0 && f.exceptUserId === void 0;
}
const ownClaims = (dir) => preparedSql(sql`select ${LIST_COLUMNS}
      from aid_claims c join memberships m on m.id = c.membership_id join buildings b on b.id = c.building_id
      where ${listConditions({ buildingIds: null }, true)} and c.user_id = ${sql.placeholder("userId")}
      order by c.created_at ${dir}, c.id ${dir}
      limit ${sql.placeholder("limit")} offset ${sql.placeholder("offset")}`);
const ownClaimsNewestFirst = ownClaims(sql`desc`);
const ownClaimsOldestFirst = ownClaims(sql`asc`);
function latestOwnClaims(db, userId, n) {
  const rows = latestOwnQuery.all(db, { userId, n });
  return { items: rows.map(({ total: _, ...c }) => c), total: rows[0]?.total ?? 0 };
}
const latestOwnQuery = preparedSql(sql`
  select c.id, c.status, c.admission_date as admissionDate, c.hospital, c.payable_fen as payableFen,
    case when c.payable_fen is null then json_extract(c.estimate, '$.payableFen') end as estimateFen,
    count(*) over () as total
  from aid_claims c where c.user_id = ${sql.placeholder("userId")}
  order by c.created_at desc, c.id desc limit ${sql.placeholder("n")}`);
const ownCounts = preparedSql(
  sql`select c.status as status, count(*) as n from aid_claims c where c.user_id = ${sql.placeholder("userId")} and ${sql`1 = 1`} group by c.status`
);
const buildingCountsExceptUser = preparedSql(sql`
    select status, n from claim_counts where building_id = ${sql.placeholder("buildingId")}
    union all
    select c.status, -count(*) from aid_claims c indexed by claims_user
    where c.user_id = ${sql.placeholder("userId")} and c.building_id = ${sql.placeholder("buildingId")} group by c.status`);
function countByStatus(db, f) {
  const out = Object.fromEntries(CLAIM_STATUSES.map((s) => [s, 0]));
  const add = (rows) => {
    for (const r of rows) out[r.status] += r.n;
  };
  const dates = sql.join([sql`1 = 1`, ...dateConditions(f)], sql` and `);
  if (f.userId !== void 0 && f.fromIso === void 0 && f.toIso === void 0) {
    add(ownCounts.all(db, { userId: f.userId }));
    return out;
  }
  if (f.userId !== void 0) {
    add(db.all(sql`select c.status as status, count(*) as n from aid_claims c where c.user_id = ${f.userId} and ${dates} group by c.status`));
    return out;
  }
  const scope = filterBuildings(f);
  if (scope !== null && scope.length === 0) return out;
  const dated = f.fromIso !== void 0 || f.toIso !== void 0;
  if (!dated && scope?.length === 1 && f.exceptUserId !== void 0) {
    add(buildingCountsExceptUser.all(db, { buildingId: scope[0], userId: f.exceptUserId }));
    return out;
  }
  const all = dated ? sql`select c.status as status, count(*) as n from aid_claims c indexed by ${scope === null ? sql`claims_status_created` : sql`claims_building_status_created`}
      where ${inBuildings(scope)} and ${dates} group by c.status` : scope === null ? sql`select status, sum(n) as n from claim_counts group by status` : sql`select status, sum(n) as n from claim_counts where building_id in (${inList(scope)}) group by status`;
  const own = f.exceptUserId === void 0 ? sql`` : sql` union all select c.status as status, -count(*) as n from aid_claims c indexed by claims_user
      where c.user_id = ${f.exceptUserId} and ${inBuildings(scope)} and ${dates} group by c.status`;
  add(db.all(sql`${all}${own}`));
  return out;
}
function claimsAfter(db, f, afterId, limit) {
  return db.all(sql`select ${LIST_COLUMNS}, e.name as enterpriseName ${FROM_CLAIMS}
    where c.id > ${afterId} and ${listConditions(f, true)} order by c.id limit ${limit}`);
}
function buildingsIn(db, ids) {
  if (ids === null) return allBuildingsQuery(db).all();
  if (ids.length === 1) return oneBuildingQuery(db).all({ id: ids[0] });
  return db.select({ id: buildings.id, name: buildings.name }).from(buildings).where(inArray(buildings.id, ids.length === 0 ? [-1] : ids)).orderBy(asc(buildings.id)).all();
}
const allBuildingsQuery = preparedQuery((db) => db.select({ id: buildings.id, name: buildings.name }).from(buildings).orderBy(asc(buildings.id)).prepare());
const oneBuildingQuery = preparedQuery((db) => db.select({ id: buildings.id, name: buildings.name }).from(buildings).where(eq(buildings.id, sql.placeholder("id"))).prepare());
export {
  buildingsIn,
  claimsAfter,
  countByStatus,
  latestOwnClaims,
  listClaims
};
//# sourceMappingURL=queue-repository.js.map
