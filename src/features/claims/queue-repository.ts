// The review queue's and a member's lists of claims, their counts per status and the export's
// chunks. A claim carries the building whose staff review it, so the review queue reads one
// building's claims from the (building_id, status, created_at, id, user_id) index and its counts
// from claim_counts (kept by triggers): their cost depends on the page, not on how many claims
// the city has.
import { asc, eq, inArray, sql, type SQL } from 'drizzle-orm'
import type { z } from 'zod'
import type { DbOrTx } from '../../db/index.js'
import { preparedQuery, preparedSql, type PreparedSql } from '../../db/prepared.js'
import { buildings } from '../../db/schema/index.js'
import { CLAIM_STATUSES, inBuildings, inList, type ClaimStatus } from './claims-repository.js'
import type { claimListItem } from './claims-answers.js'

export interface ClaimListFilter {
  /** Buildings in scope (null: every building). */
  buildingIds: number[] | null
  buildingId?: number
  statuses?: ClaimStatus[]
  /** Submitted at or after / before these ISO instants. */
  fromIso?: string
  toIso?: string
  /** Only the claims of this user (a member's own list). */
  userId?: number
  /** Leave out the claims of this user (a reviewer never sees their own in the queue). */
  exceptUserId?: number
}

/** A list row: its shape is the API's answer (claims-answers.ts). */
export type ClaimListRow = z.output<typeof claimListItem>

/** The buildings the filter covers: null for every building, else the (possibly empty) list. */
function filterBuildings (f: Pick<ClaimListFilter, 'buildingIds' | 'buildingId'>): number[] | null {
  if (f.buildingId === undefined) return f.buildingIds
  return f.buildingIds === null || f.buildingIds.includes(f.buildingId) ? [f.buildingId] : []
}

function dateConditions (f: ClaimListFilter): SQL[] {
  return [
    ...(f.fromIso === undefined ? [] : [sql`c.created_at >= ${f.fromIso}`]),
    ...(f.toIso === undefined ? [] : [sql`c.created_at < ${f.toIso}`])
  ]
}

function listConditions (f: ClaimListFilter, withStatus: boolean): SQL {
  const parts: SQL[] = [inBuildings(filterBuildings(f)), ...dateConditions(f)]
  if (withStatus && f.statuses !== undefined) parts.push(sql`c.status in (${inList(f.statuses)})`)
  if (f.userId !== undefined) parts.push(sql`c.user_id = ${f.userId}`)
  if (f.exceptUserId !== undefined) parts.push(sql`c.user_id <> ${f.exceptUserId}`)
  return sql.join(parts, sql` and `)
}

const FROM_CLAIMS = sql`from aid_claims c
  join memberships m on m.id = c.membership_id
  join enterprises e on e.id = m.enterprise_id
  join buildings b on b.id = c.building_id`

/** A list row's fields and the expressions that give them, in the order selected. */
const LIST_FIELDS: ReadonlyArray<readonly [keyof ClaimListRow, string]> = [
  ['id', 'c.id'], ['status', 'c.status'], ['createdAt', 'c.created_at'], ['planYear', 'c.plan_year'],
  ['admissionDate', 'c.admission_date'], ['dischargeDate', 'c.discharge_date'], ['hospital', 'c.hospital'], ['invoiceNo', 'c.invoice_no'],
  ['totalCostFen', 'c.total_cost_fen'], ['insurancePaidFen', 'c.insurance_paid_fen'], ['excludedFen', 'c.excluded_fen'],
  ['baseFen', 'c.base_fen'], ['estimateFen', "json_extract(c.estimate, '$.payableFen')"], ['payableFen', 'c.payable_fen'],
  ['reasonCode', 'c.reason_code'], ['paymentBatchId', 'c.payment_batch_id'], ['resubmissionOf', 'c.resubmission_of'],
  ['memberName', 'm.name'], ['memberNo', 'm.member_no'], ['buildingId', 'c.building_id'], ['buildingName', 'b.name']
]
const LIST_COLUMNS = sql.raw(LIST_FIELDS.map(([name, expr]) => `${expr} as ${name}`).join(', '))

/**
 * List rows read as arrays (better-sqlite3's raw mode) and made into objects here: SQLite's
 * driver builds an object row property by property, ~2 µs a row of 21 columns, a third of a
 * queue page's SQL. Each row is one object literal, in LIST_FIELDS' order (queue-rows.test.ts
 * compares every field with the row read by name): an object given more than a dozen properties one by one under computed names is
 * kept by V8 as a slow dictionary, which every later read, spread and template lookup of it pays
 * for (measured: 5 µs a row for one spread, 30 µs a page to build them).
 */
function listRow (r: unknown[]): ClaimListRow {
  return {
    id: r[0], status: r[1], createdAt: r[2], planYear: r[3], admissionDate: r[4], dischargeDate: r[5], hospital: r[6], invoiceNo: r[7],
    totalCostFen: r[8], insurancePaidFen: r[9], excludedFen: r[10], baseFen: r[11], estimateFen: r[12], payableFen: r[13],
    reasonCode: r[14], paymentBatchId: r[15], resubmissionOf: r[16],
    memberName: r[17], memberNo: r[18], buildingId: r[19], buildingName: r[20]
  } as ClaimListRow
}

/** Above this many (building, status) pairs, a page is read status by status over all the buildings. */
const MAX_PAGE_PARTS = 40

/**
 * One page of claims, oldest first (a member's own list: newest first).
 *
 * A reviewer's page: the ids first, read along the (building_id, status, created_at, id, user_id)
 * index alone (every building: (status, created_at, id, user_id)), one ordered range per building
 * and status, each stopping after the `offset + limit` rows the page can need; those are merged
 * in SQL, the page cut out, and only then its rows joined to their members and buildings. The
 * cost grows with the page number, never with how many claims there are.
 */
export function listClaims (db: DbOrTx, f: ClaimListFilter, limit: number, offset: number, opts: { newestFirst?: boolean } = {}): ClaimListRow[] {
  if (isPlainOwnList(f)) {
    return (opts.newestFirst === true ? ownClaimsNewestFirst : ownClaimsOldestFirst).all(db, { userId: f.userId, limit, offset })
  }
  if (f.userId !== undefined) {
    const dir = opts.newestFirst === true ? sql`desc` : sql`asc`
    return db.values(sql`select ${LIST_COLUMNS}
      from aid_claims c join memberships m on m.id = c.membership_id join buildings b on b.id = c.building_id
      where ${listConditions(f, true)}
      order by c.created_at ${dir}, c.id ${dir}
      limit ${limit} offset ${offset}`).map(listRow)
  }
  const scope = filterBuildings(f)
  if (scope !== null && scope.length === 0) return []
  const statuses = f.statuses ?? CLAIM_STATUSES
  const shape: PageShape = {
    buildings: scope === null ? null : scope.length, statuses: statuses.length,
    from: f.fromIso !== undefined, to: f.toIso !== undefined, except: f.exceptUserId !== undefined
  }
  const values: Record<string, unknown> = { enough: offset + limit, limit, offset, from: f.fromIso, to: f.toIso, u: f.exceptUserId }
  scope?.forEach((b, i) => { values[`b${i}`] = b })
  statuses.forEach((s, i) => { values[`s${i}`] = s })
  return reviewerPage(shape).values(db, values).map(listRow)
}

/** What a reviewer's page statement depends on; the values themselves are bound. */
interface PageShape { buildings: number | null, statuses: number, from: boolean, to: boolean, except: boolean }

/**
 * A reviewer's page statement for its shape, built by drizzle once per shape and kept (building
 * it each time cost ~0.1 ms a page, 3–4% of the queue). Shapes are few: a staff member's
 * buildings and a status filter.
 */
function reviewerPage (shape: PageShape): PreparedSql<unknown> {
  const key = `${shape.buildings ?? '*'}|${shape.statuses}|${shape.from ? 'f' : ''}${shape.to ? 't' : ''}${shape.except ? 'u' : ''}`
  let query = reviewerPages.get(key)
  if (query === undefined) {
    if (reviewerPages.size >= MAX_PAGE_SHAPES) reviewerPages.delete(reviewerPages.keys().next().value as string)
    query = preparedSql(reviewerPageSql(shape))
    reviewerPages.set(key, query)
  }
  return query
}
const reviewerPages = new Map<string, PreparedSql<unknown>>()
const MAX_PAGE_SHAPES = 200

function reviewerPageSql (shape: PageShape): SQL {
  const p = sql.placeholder
  const rest = sql.join([
    sql`1 = 1`,
    ...(shape.from ? [sql`c.created_at >= ${p('from')}`] : []),
    ...(shape.to ? [sql`c.created_at < ${p('to')}`] : []),
    ...(shape.except ? [sql`c.user_id <> ${p('u')}`] : [])
  ], sql` and `)
  const part = (index: SQL, where: SQL): SQL => sql`select id, createdAt from (select c.id, c.created_at as createdAt
    from aid_claims c indexed by ${index} where ${where} and ${rest} order by c.created_at, c.id limit ${p('enough')})`
  const building = Array.from({ length: shape.buildings ?? 0 }, (_, i) => p(`b${i}`))
  const parts: SQL[] = []
  for (let i = 0; i < shape.statuses; i++) {
    const status = p(`s${i}`)
    if (shape.buildings === null) {
      parts.push(part(sql`claims_status_created`, sql`c.status = ${status}`))
    } else if (shape.buildings * shape.statuses <= MAX_PAGE_PARTS) {
      for (const b of building) parts.push(part(sql`claims_building_status_created`, sql`c.building_id = ${b} and c.status = ${status}`))
    } else {
      parts.push(part(sql`claims_building_status_created`, sql`c.building_id in (${sql.join(building, sql`, `)}) and c.status = ${status}`))
    }
  }
  return sql`with page as (${sql.join(parts, sql` union all `)} order by createdAt, id limit ${p('limit')} offset ${p('offset')})
    select ${LIST_COLUMNS}
    from page p cross join aid_claims c on c.id = p.id cross join memberships m on m.id = c.membership_id cross join buildings b on b.id = c.building_id
    order by p.createdAt, p.id`
}

/** A member's own claims with no other filter (the home page, the member's list): prepared. */
function isPlainOwnList (f: ClaimListFilter): f is ClaimListFilter & { userId: number } {
  return f.userId !== undefined && f.buildingIds === null && f.buildingId === undefined && f.statuses === undefined &&
    f.fromIso === undefined && f.toIso === undefined && f.exceptUserId === undefined
}

/** The statement listClaims builds for a plain own list, with placeholders for its values. */
const ownClaims = (dir: SQL) => preparedSql<ClaimListRow>(sql`select ${LIST_COLUMNS}
      from aid_claims c join memberships m on m.id = c.membership_id join buildings b on b.id = c.building_id
      where ${listConditions({ buildingIds: null }, true)} and c.user_id = ${sql.placeholder('userId')}
      order by c.created_at ${dir}, c.id ${dir}
      limit ${sql.placeholder('limit')} offset ${sql.placeholder('offset')}`)
const ownClaimsNewestFirst = ownClaims(sql`desc`)
const ownClaimsOldestFirst = ownClaims(sql`asc`)

/** A member's newest claims with how many they have in all (the home card), in one read. */
export interface LatestOwnClaim { id: number, status: ClaimStatus, admissionDate: string, hospital: string, payableFen: number | null, estimateFen: number | null }
export function latestOwnClaims (db: DbOrTx, userId: number, n: number): { items: LatestOwnClaim[], total: number } {
  const rows = latestOwnQuery.all(db, { userId, n })
  return { items: rows.map(({ total: _, ...c }) => c), total: rows[0]?.total ?? 0 }
}
const latestOwnQuery = preparedSql<LatestOwnClaim & { total: number }>(sql`
  select c.id, c.status, c.admission_date as admissionDate, c.hospital, c.payable_fen as payableFen,
    case when c.payable_fen is null then json_extract(c.estimate, '$.payableFen') end as estimateFen,
    count(*) over () as total
  from aid_claims c where c.user_id = ${sql.placeholder('userId')}
  order by c.created_at desc, c.id desc limit ${sql.placeholder('n')}`)

/** countByStatus for a member's own claims with no dates: prepared. */
const ownCounts = preparedSql<{ status: ClaimStatus, n: number }>(
  sql`select c.status as status, count(*) as n from aid_claims c where c.user_id = ${sql.placeholder('userId')} and ${sql`1 = 1`} group by c.status`)

/** The counts of a building from claim_counts, less those of the reviewer's own claims there:
 *  the queue's usual case, one statement prepared once. */
const buildingCountsExceptUser = preparedSql<{ status: ClaimStatus, n: number }>(sql`
    select status, n from claim_counts where building_id = ${sql.placeholder('buildingId')}
    union all
    select c.status, -count(*) from aid_claims c indexed by claims_user
    where c.user_id = ${sql.placeholder('userId')} and c.building_id = ${sql.placeholder('buildingId')} group by c.status`)

/**
 * How many claims per status under the same filter (the status filter itself left out). A
 * reviewer's counts come from claim_counts (kept by triggers), a few rows per building whatever
 * the number of claims; submitted between two dates, which the summary cannot answer, from the
 * (building_id, status, created_at, …) index ((status, created_at, …) for every building). The
 * reviewer's own claims, which they never review, are taken off (a handful, by the user index),
 * in the same statement.
 */
export function countByStatus (db: DbOrTx, f: ClaimListFilter): Record<ClaimStatus, number> {
  const out = Object.fromEntries(CLAIM_STATUSES.map((s) => [s, 0])) as Record<ClaimStatus, number>
  const add = (rows: Array<{ status: ClaimStatus, n: number }>): void => { for (const r of rows) out[r.status] += r.n }
  const dates = sql.join([sql`1 = 1`, ...dateConditions(f)], sql` and `)
  if (f.userId !== undefined && f.fromIso === undefined && f.toIso === undefined) {
    add(ownCounts.all(db, { userId: f.userId }))
    return out
  }
  if (f.userId !== undefined) {
    add(db.all(sql`select c.status as status, count(*) as n from aid_claims c where c.user_id = ${f.userId} and ${dates} group by c.status`))
    return out
  }
  const scope = filterBuildings(f)
  if (scope !== null && scope.length === 0) return out
  const dated = f.fromIso !== undefined || f.toIso !== undefined
  if (!dated && scope?.length === 1 && f.exceptUserId !== undefined) {
    add(buildingCountsExceptUser.all(db, { buildingId: scope[0], userId: f.exceptUserId }))
    return out
  }
  const all: SQL = dated
    ? sql`select c.status as status, count(*) as n from aid_claims c indexed by ${scope === null ? sql`claims_status_created` : sql`claims_building_status_created`}
      where ${inBuildings(scope)} and ${dates} group by c.status`
    : scope === null
      ? sql`select status, sum(n) as n from claim_counts group by status`
      : sql`select status, sum(n) as n from claim_counts where building_id in (${inList(scope)}) group by status`
  const own: SQL = f.exceptUserId === undefined
    ? sql``
    : sql` union all select c.status as status, -count(*) as n from aid_claims c indexed by claims_user
      where c.user_id = ${f.exceptUserId} and ${inBuildings(scope)} and ${dates} group by c.status`
  add(db.all(sql`${all}${own}`))
  return out
}

/** A chunk of claims after `afterId`, in id order, with the filter: for streamed exports. */
export function claimsAfter (db: DbOrTx, f: ClaimListFilter, afterId: number, limit: number) {
  return db.all<ClaimListRow & { enterpriseName: string }>(sql`select ${LIST_COLUMNS}, e.name as enterpriseName ${FROM_CLAIMS}
    where c.id > ${afterId} and ${listConditions(f, true)} order by c.id limit ${limit}`)
}

/** The buildings with these ids (null: every building), by id. Every building and one building
 *  (a staff member's usual scope) are prepared: building the select costs more than running it. */
export function buildingsIn (db: DbOrTx, ids: number[] | null) {
  if (ids === null) return allBuildingsQuery(db).all()
  if (ids.length === 1) return oneBuildingQuery(db).all({ id: ids[0] })
  return db.select({ id: buildings.id, name: buildings.name }).from(buildings)
    .where(inArray(buildings.id, ids.length === 0 ? [-1] : ids)).orderBy(asc(buildings.id)).all()
}
const allBuildingsQuery = preparedQuery((db) => db.select({ id: buildings.id, name: buildings.name }).from(buildings).orderBy(asc(buildings.id)).prepare())
const oneBuildingQuery = preparedQuery((db) => db.select({ id: buildings.id, name: buildings.name }).from(buildings)
  .where(eq(buildings.id, sql.placeholder('id'))).prepare())
