import { and, asc, desc, eq, isNull, sql } from "drizzle-orm";
import {
  bargainingMeetings,
  bargainingNegotiators,
  bargainingProposals,
  bargainingRounds,
  charterVersions,
  collectiveContracts,
  disclosures,
  enterprises
} from "../../db/schema/index.js";
function findEnterprise(db, id) {
  return db.select({
    id: enterprises.id,
    name: enterprises.name,
    buildingId: enterprises.buildingId,
    status: enterprises.status,
    liaisonUserId: enterprises.liaisonUserId
  }).from(enterprises).where(eq(enterprises.id, id)).get();
}
function enrolledEnterprises(db, buildingId) {
  return db.select({ id: enterprises.id, name: enterprises.name }).from(enterprises).where(and(eq(enterprises.buildingId, buildingId), eq(enterprises.status, "enrolled"))).orderBy(asc(enterprises.name)).all();
}
function insertRound(db, v) {
  return db.insert(bargainingRounds).values(v).returning().get();
}
function findRound(db, id) {
  return db.select().from(bargainingRounds).where(eq(bargainingRounds.id, id)).get();
}
function roundsOf(db, buildingId) {
  return db.select().from(bargainingRounds).where(eq(bargainingRounds.buildingId, buildingId)).orderBy(desc(bargainingRounds.id)).all();
}
function insertNegotiator(db, v) {
  return db.insert(bargainingNegotiators).values(v).returning().get();
}
function negotiatorsOf(db, roundId) {
  return db.select().from(bargainingNegotiators).where(eq(bargainingNegotiators.roundId, roundId)).orderBy(asc(bargainingNegotiators.side), desc(bargainingNegotiators.chief), asc(bargainingNegotiators.id)).all();
}
function insertProposal(db, v) {
  return db.insert(bargainingProposals).values(v).returning().get();
}
function findProposal(db, id) {
  return db.select().from(bargainingProposals).where(eq(bargainingProposals.id, id)).get();
}
function proposalsOf(db, roundId) {
  return db.select().from(bargainingProposals).where(eq(bargainingProposals.roundId, roundId)).orderBy(asc(bargainingProposals.proposedOn), asc(bargainingProposals.id)).all();
}
function answerProposal(db, id, answeredOn, answer) {
  return db.update(bargainingProposals).set({ answeredOn, answer }).where(and(eq(bargainingProposals.id, id), isNull(bargainingProposals.answeredOn))).run().changes === 1;
}
function insertMeeting(db, v) {
  return db.insert(bargainingMeetings).values(v).returning().get();
}
function meetingsOf(db, roundId) {
  return db.select().from(bargainingMeetings).where(eq(bargainingMeetings.roundId, roundId)).orderBy(asc(bargainingMeetings.heldOn), asc(bargainingMeetings.id)).all();
}
function insertContract(db, v) {
  return db.insert(collectiveContracts).values(v).returning().get();
}
function findContract(db, id) {
  return db.select().from(collectiveContracts).where(eq(collectiveContracts.id, id)).get();
}
function contractsOf(db, buildingId) {
  return db.select().from(collectiveContracts).where(eq(collectiveContracts.buildingId, buildingId)).orderBy(desc(collectiveContracts.id)).all();
}
function moveContract(db, id, from, patch) {
  return db.update(collectiveContracts).set(patch).where(and(eq(collectiveContracts.id, id), eq(collectiveContracts.stage, from))).run().changes === 1;
}
function setContractFile(db, id, patch) {
  db.update(collectiveContracts).set(patch).where(eq(collectiveContracts.id, id)).run();
}
function insertDisclosure(db, v) {
  return db.insert(disclosures).values(v).returning().get();
}
function findDisclosure(db, id) {
  return db.select().from(disclosures).where(eq(disclosures.id, id)).get();
}
function disclosuresFor(db, buildingId, enterpriseIds, limit = 100) {
  const scope = enterpriseIds === null ? sql`` : enterpriseIds.length === 0 ? sql`and d.enterprise_id is null` : sql`and (d.enterprise_id is null or d.enterprise_id in (${sql.join(enterpriseIds.map((i) => sql`${i}`), sql`, `)}))`;
  return db.all(sql`
    select d.id, d.building_id as buildingId, d.enterprise_id as enterpriseId, d.category, d.title, d.body, d.period_from as periodFrom,
      d.period_to as periodTo, d.published_on as publishedOn, d.attachment_path as attachmentPath, d.attachment_name as attachmentName,
      d.attachment_mime as attachmentMime, d.created_by as createdBy, d.created_at as createdAt, e.name as enterpriseName
    from disclosures d left join enterprises e on e.id = d.enterprise_id
    where d.building_id = ${buildingId} ${scope} order by d.published_on desc, d.id desc limit ${limit}`);
}
function silentEnterprises(db, buildingId, from) {
  return db.all(sql`select e.id, e.name from enterprises e
    where e.building_id = ${buildingId} and e.status = 'enrolled'
      and not exists (select 1 from disclosures d where d.enterprise_id = e.id and d.published_on >= ${from})
    order by e.name`);
}
function charterVersionsOf(db, buildingId) {
  return db.select().from(charterVersions).where(eq(charterVersions.buildingId, buildingId)).orderBy(asc(charterVersions.kind), desc(charterVersions.version)).all();
}
function nextCharterVersion(db, buildingId, kind) {
  return (db.get(sql`select max(version) as v from charter_versions where building_id = ${buildingId} and kind = ${kind}`)?.v ?? 0) + 1;
}
function insertCharterVersion(db, v) {
  return db.insert(charterVersions).values(v).returning().get();
}
function governanceFacts(db, since) {
  const rows = db.all(sql`
    select b.id as buildingId,
      exists (select 1 from motions mo join congress_sessions s on s.id = mo.session_id join congresses c on c.id = s.congress_id
        where c.building_id = b.id and mo.status = 'closed' and s.date >= ${since}) as congress,
      exists (select 1 from disclosures d where d.building_id = b.id and d.published_on >= ${since}) as disclosure
    from buildings b`);
  return new Map(rows.map((r) => [r.buildingId, { congress: r.congress === 1, disclosure: r.disclosure === 1 }]));
}
function setDisclosureAttachment(db, id, patch) {
  db.update(disclosures).set(patch).where(eq(disclosures.id, id)).run();
}
function liaisonEnterprises(db, userId, buildingId) {
  return db.select({ id: enterprises.id }).from(enterprises).where(and(eq(enterprises.liaisonUserId, userId), eq(enterprises.buildingId, buildingId))).all().map((e) => e.id);
}
function liaisonBuildings(db, userId) {
  return db.select({ b: enterprises.buildingId }).from(enterprises).where(eq(enterprises.liaisonUserId, userId)).all().map((r) => r.b);
}
function remindersFor(db, buildingIds) {
  const scope = (col) => buildingIds === null ? sql`1 = 1` : buildingIds.length === 0 ? sql`0 = 1` : sql`${sql.raw(col)} in (${sql.join(buildingIds.map((i) => sql`${i}`), sql`, `)})`;
  return {
    signed: db.all(sql`select id, title, signed_on as signedOn from collective_contracts c where stage = 'signed' and ${scope("c.building_id")} order by signed_on limit 20`),
    filed: db.all(sql`select id, title, stage, filed_on as filedOn, approved_on as approvedOn, term_years as termYears from collective_contracts c where stage = 'filed' and ${scope("c.building_id")} limit 200`),
    proposals: db.all(sql`select p.id, p.round_id as roundId, r.title, p.answer_due_on as answerDueOn
      from bargaining_proposals p join bargaining_rounds r on r.id = p.round_id where p.answered_on is null and ${scope("r.building_id")} order by p.answer_due_on limit 20`)
  };
}
export {
  answerProposal,
  charterVersionsOf,
  contractsOf,
  disclosuresFor,
  enrolledEnterprises,
  findContract,
  findDisclosure,
  findEnterprise,
  findProposal,
  findRound,
  governanceFacts,
  insertCharterVersion,
  insertContract,
  insertDisclosure,
  insertMeeting,
  insertNegotiator,
  insertProposal,
  insertRound,
  liaisonBuildings,
  liaisonEnterprises,
  meetingsOf,
  moveContract,
  negotiatorsOf,
  nextCharterVersion,
  proposalsOf,
  remindersFor,
  roundsOf,
  setContractFile,
  setDisclosureAttachment,
  silentEnterprises
};
//# sourceMappingURL=contracts-repository.js.map
