// The only place with the queries of bargaining rounds, collective contracts, affairs
// disclosures and charter versions.
import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm'
import type { DbOrTx } from '../../db/index.js'
import {
  bargainingMeetings, bargainingNegotiators, bargainingProposals, bargainingRounds, charterVersions, collectiveContracts, disclosures,
  enterprises
} from '../../db/schema/index.js'
import type { ContractStage } from '../../domain/collective-contract.js'

export type RoundRow = typeof bargainingRounds.$inferSelect
export type ContractRow = typeof collectiveContracts.$inferSelect
export type DisclosureRow = typeof disclosures.$inferSelect

export function findEnterprise (db: DbOrTx, id: number) {
  return db.select({
    id: enterprises.id, name: enterprises.name, buildingId: enterprises.buildingId, status: enterprises.status,
    liaisonUserId: enterprises.liaisonUserId
  })
    .from(enterprises).where(eq(enterprises.id, id)).get()
}

export function enrolledEnterprises (db: DbOrTx, buildingId: number) {
  return db.select({ id: enterprises.id, name: enterprises.name }).from(enterprises)
    .where(and(eq(enterprises.buildingId, buildingId), eq(enterprises.status, 'enrolled'))).orderBy(asc(enterprises.name)).all()
}

// ---- bargaining ----

export function insertRound (db: DbOrTx, v: typeof bargainingRounds.$inferInsert): RoundRow {
  return db.insert(bargainingRounds).values(v).returning().get()
}
export function findRound (db: DbOrTx, id: number): RoundRow | undefined {
  return db.select().from(bargainingRounds).where(eq(bargainingRounds.id, id)).get()
}
export function roundsOf (db: DbOrTx, buildingId: number): RoundRow[] {
  return db.select().from(bargainingRounds).where(eq(bargainingRounds.buildingId, buildingId)).orderBy(desc(bargainingRounds.id)).all()
}
export function insertNegotiator (db: DbOrTx, v: typeof bargainingNegotiators.$inferInsert) {
  return db.insert(bargainingNegotiators).values(v).returning().get()
}
export function negotiatorsOf (db: DbOrTx, roundId: number) {
  return db.select().from(bargainingNegotiators)
    .where(eq(bargainingNegotiators.roundId, roundId))
    .orderBy(asc(bargainingNegotiators.side), desc(bargainingNegotiators.chief), asc(bargainingNegotiators.id)).all()
}
export function insertProposal (db: DbOrTx, v: typeof bargainingProposals.$inferInsert) {
  return db.insert(bargainingProposals).values(v).returning().get()
}
export function findProposal (db: DbOrTx, id: number) {
  return db.select().from(bargainingProposals).where(eq(bargainingProposals.id, id)).get()
}
export function proposalsOf (db: DbOrTx, roundId: number) {
  return db.select().from(bargainingProposals)
    .where(eq(bargainingProposals.roundId, roundId))
    .orderBy(asc(bargainingProposals.proposedOn), asc(bargainingProposals.id)).all()
}
export function answerProposal (db: DbOrTx, id: number, answeredOn: string, answer: string): boolean {
  return db.update(bargainingProposals).set({ answeredOn, answer })
    .where(and(eq(bargainingProposals.id, id), isNull(bargainingProposals.answeredOn))).run().changes === 1
}
export function insertMeeting (db: DbOrTx, v: typeof bargainingMeetings.$inferInsert) {
  return db.insert(bargainingMeetings).values(v).returning().get()
}
export function meetingsOf (db: DbOrTx, roundId: number) {
  return db.select().from(bargainingMeetings)
    .where(eq(bargainingMeetings.roundId, roundId))
    .orderBy(asc(bargainingMeetings.heldOn), asc(bargainingMeetings.id)).all()
}

// ---- contracts ----

export function insertContract (db: DbOrTx, v: typeof collectiveContracts.$inferInsert): ContractRow {
  return db.insert(collectiveContracts).values(v).returning().get()
}
export function findContract (db: DbOrTx, id: number): ContractRow | undefined {
  return db.select().from(collectiveContracts).where(eq(collectiveContracts.id, id)).get()
}
export function contractsOf (db: DbOrTx, buildingId: number): ContractRow[] {
  return db.select().from(collectiveContracts)
    .where(eq(collectiveContracts.buildingId, buildingId))
    .orderBy(desc(collectiveContracts.id)).all()
}
/** Moves a contract on only from the stage it was read in (a concurrent step loses: false). */
export function moveContract (
  db: DbOrTx, id: number, from: ContractStage, patch: Partial<typeof collectiveContracts.$inferInsert>
): boolean {
  return db.update(collectiveContracts).set(patch)
    .where(and(eq(collectiveContracts.id, id), eq(collectiveContracts.stage, from))).run().changes === 1
}
export function setContractFile (db: DbOrTx, id: number, patch: Partial<typeof collectiveContracts.$inferInsert>): void {
  db.update(collectiveContracts).set(patch).where(eq(collectiveContracts.id, id)).run()
}

// ---- disclosures ----

export function insertDisclosure (db: DbOrTx, v: typeof disclosures.$inferInsert): DisclosureRow {
  return db.insert(disclosures).values(v).returning().get()
}
export function findDisclosure (db: DbOrTx, id: number): DisclosureRow | undefined {
  return db.select().from(disclosures).where(eq(disclosures.id, id)).get()
}

/** The federation's and the given enterprises' disclosures of a building, newest first. */
export function disclosuresFor (db: DbOrTx, buildingId: number, enterpriseIds: number[] | null, limit = 100) {
  const scope = enterpriseIds === null
    ? sql``
    : enterpriseIds.length === 0
      ? sql`and d.enterprise_id is null`
      : sql`and (d.enterprise_id is null or d.enterprise_id in (${sql.join(enterpriseIds.map((i) => sql`${i}`), sql`, `)}))`
  return db.all<DisclosureRow & { enterpriseName: string | null }>(sql`
    select d.id, d.building_id as buildingId, d.enterprise_id as enterpriseId, d.category, d.title, d.body, d.period_from as periodFrom,
      d.period_to as periodTo, d.published_on as publishedOn, d.attachment_path as attachmentPath, d.attachment_name as attachmentName,
      d.attachment_mime as attachmentMime, d.created_by as createdBy, d.created_at as createdAt, e.name as enterpriseName
    from disclosures d left join enterprises e on e.id = d.enterprise_id
    where d.building_id = ${buildingId} ${scope} order by d.published_on desc, d.id desc limit ${limit}`)
}

/** Enrolled enterprises of the building with no disclosure published from `from` on. */
export function silentEnterprises (db: DbOrTx, buildingId: number, from: string) {
  return db.all<{ id: number, name: string }>(sql`select e.id, e.name from enterprises e
    where e.building_id = ${buildingId} and e.status = 'enrolled'
      and not exists (select 1 from disclosures d where d.enterprise_id = e.id and d.published_on >= ${from})
    order by e.name`)
}

// ---- charter ----

export function charterVersionsOf (db: DbOrTx, buildingId: number) {
  return db.select().from(charterVersions)
    .where(eq(charterVersions.buildingId, buildingId))
    .orderBy(asc(charterVersions.kind), desc(charterVersions.version)).all()
}
export function nextCharterVersion (db: DbOrTx, buildingId: number, kind: 'charter' | 'congress_rules'): number {
  return (db.get<{ v: number | null }>(sql`select max(version) as v from charter_versions where building_id = ${buildingId} and kind = ${kind}`)?.v ?? 0) + 1
}
export function insertCharterVersion (db: DbOrTx, v: typeof charterVersions.$inferInsert) {
  return db.insert(charterVersions).values(v).returning().get()
}

// ---- the city's figures ----

/**
 * Per building, from the records: a congress session decided something (a motion closed) on or
 * after `since`; a disclosure (federation's or an enterprise's) published on or after `since`.
 */
export function governanceFacts (db: DbOrTx, since: string): Map<number, { congress: boolean, disclosure: boolean }> {
  const rows = db.all<{ buildingId: number, congress: number, disclosure: number }>(sql`
    select b.id as buildingId,
      exists (select 1 from motions mo join congress_sessions s on s.id = mo.session_id join congresses c on c.id = s.congress_id
        where c.building_id = b.id and mo.status = 'closed' and s.date >= ${since}) as congress,
      exists (select 1 from disclosures d where d.building_id = b.id and d.published_on >= ${since}) as disclosure
    from buildings b`)
  return new Map(rows.map((r) => [r.buildingId, { congress: r.congress === 1, disclosure: r.disclosure === 1 }]))
}

export function setDisclosureAttachment (db: DbOrTx, id: number, patch: Pick<DisclosureRow, 'attachmentPath' | 'attachmentName' | 'attachmentMime'>): void {
  db.update(disclosures).set(patch).where(eq(disclosures.id, id)).run()
}

/** The enterprises of a building this user is the liaison of. */
export function liaisonEnterprises (db: DbOrTx, userId: number, buildingId: number): number[] {
  return db.select({ id: enterprises.id }).from(enterprises)
    .where(and(eq(enterprises.liaisonUserId, userId), eq(enterprises.buildingId, buildingId))).all().map((e) => e.id)
}

/** The buildings of the enterprises this user is the liaison of. */
export function liaisonBuildings (db: DbOrTx, userId: number): number[] {
  return db.select({ b: enterprises.buildingId }).from(enterprises).where(eq(enterprises.liaisonUserId, userId)).all().map((r) => r.b)
}

/** What staff must not miss in these buildings (all when null): filings, expiring terms, unanswered proposals. */
export function remindersFor (db: DbOrTx, buildingIds: number[] | null) {
  const scope = (col: string) => buildingIds === null ? sql`1 = 1` : buildingIds.length === 0 ? sql`0 = 1` : sql`${sql.raw(col)} in (${sql.join(buildingIds.map((i) => sql`${i}`), sql`, `)})`
  return {
    signed: db.all<{ id: number, title: string, signedOn: string }>(sql`select id, title, signed_on as signedOn from collective_contracts c where stage = 'signed' and ${scope('c.building_id')} order by signed_on limit 20`),
    filed: db.all<ContractRow>(sql`select id, title, stage, filed_on as filedOn, approved_on as approvedOn, term_years as termYears from collective_contracts c where stage = 'filed' and ${scope('c.building_id')} limit 200`),
    proposals: db.all<{ id: number, roundId: number, title: string, answerDueOn: string }>(sql`select p.id, p.round_id as roundId, r.title, p.answer_due_on as answerDueOn
      from bargaining_proposals p join bargaining_rounds r on r.id = p.round_id where p.answered_on is null and ${scope('r.building_id')} order by p.answer_due_on limit 20`)
  }
}
