// The democratic-management part of the demo database, from records (the city overview counts
// them): 五华科创大厦's charter and congress rules, its first joint congress (45 representatives,
// a session that adopted the building's collective contract, an upcoming session for the demo
// member 王芳 to sign in and vote), the bargaining round behind the contract, the contract itself
// (signed, filed, in effect; its text stored encrypted when UPLOAD_DIR is given) and a year of
// disclosures; and 23 more buildings whose small all-member assemblies decided something and
// whose federations published, so the city shows the article's 24 of 40.
import { sql } from 'drizzle-orm'
import type { SeedContext } from '../../cli/seed-demo.js'
import { addDays } from '../../domain/dates.js'
import { addMonths, isLateFiling } from '../../domain/collective-contract.js'
import { answerDueOn } from '../../domain/bargaining.js'
import { maskResidentId, residentIdFacts } from '../../domain/identity.js'
import { formatMemberNo, makeResidentId, MEMBER_NO_COUNTER } from '../../domain/memberships.js'
import {
  bargainingMeetings, bargainingNegotiators, bargainingProposals, bargainingRounds, charterVersions, collectiveContracts, congresses,
  congressRepresentatives, congressSessions, disclosures, motions, motionVotes, sessionAttendance
} from '../../db/schema/index.js'
import { writeAudit } from '../audit/audit-repository.js'
import { insertMemberships, takeNumbers, type NewMembership } from '../memberships/memberships-repository.js'
import { storeEncrypted } from '../claims/documents.js'
import { prng } from '../../lib/prng.js'

const CONTRACT_TEXT = [
  '五华科创大厦集体合同',
  '第一条 劳动报酬：楼宇内企业职工月工资不低于昆明市最低工资标准的 120%，每年协商确定工资增长幅度。',
  '第二条 工作时间：实行标准工时制，确需加班的应与职工协商并依法支付加班工资。',
  '第三条 休息休假：职工享有法定节假日、年休假、婚丧假、产假等假期。',
  '第四条 福利待遇：企业为职工办理职工医疗互助，组织金秋助学、求学圆梦等活动。',
  '第五条 职业培训：企业每年安排职工参加职业技能培训。',
  '第六条 本合同期限三年，自生效之日起计算。'
].join('\n')

export async function seedGovernance (ctx: SeedContext): Promise<void> {
  const { db, clock, pii } = ctx
  const today = clock.today()
  const rand = prng(20230707)
  const iso = (date: string, hour = 2): string => `${date}T${String(hour).padStart(2, '0')}:00:00.000Z`
  const buildingIds = (ctx.facts.buildingIds as number[] | undefined) ?? db.all<{ id: number }>(sql`select id from buildings order by id`).map((r) => r.id)
  const wuhua = (ctx.facts.wuhuaBuildingId as number | undefined) ?? buildingIds[0]
  const staff = (ctx.facts.wuhuaStaffUserId as number | undefined) ?? (ctx.facts.adminUserId as number | undefined)
  if (wuhua === undefined || staff === undefined) { ctx.log('governance: no building or staff to seed for; skipped'); return }
  const admin = (ctx.facts.adminUserId as number | undefined) ?? staff

  let contractId = 0
  db.transaction((tx) => {
    const at = clock.iso()
    // ---- charter and congress rules (the article's two documents) ----
    const charterOn = '2022-07-15'
    tx.insert(charterVersions).values([
      { buildingId: wuhua, kind: 'charter', version: 1, title: '五华科创大厦工会联合会章程（草案）', body: '第一章 总则\n第一条 五华科创大厦工会联合会是楼宇内企业职工自愿结合的工人阶级群众组织……', adoptedOn: charterOn, adoptedByText: '五华科创大厦工会联合会会员代表大会', createdBy: staff, createdAt: iso(charterOn) },
      { buildingId: wuhua, kind: 'congress_rules', version: 1, title: '五华科创大厦职工代表大会实施细则', body: '第一条 为保障楼宇内企业职工依法参与民主管理，根据《企业民主管理规定》，制定本细则……', adoptedOn: charterOn, adoptedByText: '五华科创大厦工会联合会委员会', createdBy: staff, createdAt: iso(charterOn) }
    ]).run()

    // ---- the congress: 45 representatives, 王芳 among them ----
    const startsOn = addMonths(today, -13)
    const congressId = tx.insert(congresses).values({ buildingId: wuhua, termYears: 3, termNo: 1, form: 'representatives', startsOn, endsOn: addDays(addMonths(startsOn, 36), -1), createdBy: staff, createdAt: iso(startsOn) }).returning({ id: congresses.id }).get().id
    const memberId = ctx.facts.memberMembershipId as number | undefined
    const pool = db.all<{ id: number, enterpriseId: number }>(sql`select m.id, m.enterprise_id as enterpriseId from memberships m join enterprises e on e.id = m.enterprise_id
      where e.building_id = ${wuhua} and e.status = 'enrolled' and m.status = 'active' order by m.id`)
    const chosen = pool.filter((m) => m.id === memberId)
    for (const m of pool) { if (chosen.length >= 45) break; if (m.id !== memberId && rand() < 0.06) chosen.push(m) }
    for (const m of pool) { if (chosen.length >= 45) break; if (!chosen.includes(m)) chosen.push(m) }
    const reps = chosen.map((m, i) => tx.insert(congressRepresentatives).values({
      congressId, membershipId: m.id, enterpriseId: m.enterpriseId, category: i === 0 ? 'frontline' : i <= 6 ? 'operator' : i <= 20 ? 'staff' : 'frontline', addedBy: staff, addedAt: iso(startsOn)
    }).returning({ id: congressRepresentatives.id }).get().id)

    // ---- bargaining, then the contract draft ----
    const roundOn = addMonths(today, -12)
    const roundId = tx.insert(bargainingRounds).values({ buildingId: wuhua, title: '五华科创大厦区域性集体协商', topics: JSON.stringify(['pay', 'hours', 'rest', 'welfare', 'training']), createdBy: staff, createdAt: iso(roundOn) }).returning({ id: bargainingRounds.id }).get().id
    const names = { workers: ['滕智', '杨秋月', '李娜', '张伟', '王静'], employers: ['陈刚', '刘敏', '赵磊', '孙丽', '周强'] }
    for (const side of ['workers', 'employers'] as const) names[side].forEach((name, i) => tx.insert(bargainingNegotiators).values({ roundId, side, name, position: i === 0 ? (side === 'workers' ? '工会联合会副主席' : '企业代表') : null, chief: i === 0 }).run())
    tx.insert(bargainingProposals).values({ roundId, fromSide: 'workers', body: '就劳动报酬、工作时间、休息休假、福利待遇、职业培训提出协商要约。', proposedOn: roundOn, answerDueOn: answerDueOn(roundOn), answeredOn: addDays(roundOn, 12), answer: '同意协商，建议于下月上旬召开首次协商会议。', createdBy: staff, createdAt: iso(roundOn) }).run()
    tx.insert(bargainingMeetings).values([
      { roundId, heldOn: addDays(roundOn, 20), record: '双方就工资增长幅度、加班工资计算基数进行面对面协商。', createdBy: staff, createdAt: iso(addDays(roundOn, 20)) },
      { roundId, heldOn: addDays(roundOn, 35), record: '双方就合同文本达成一致，提交联合职代会审议。', createdBy: staff, createdAt: iso(addDays(roundOn, 35)) }
    ]).run()
    contractId = tx.insert(collectiveContracts).values({ buildingId: wuhua, roundId, title: '五华科创大厦集体合同', kind: 'general', termYears: 3, stage: 'draft', createdBy: staff, createdAt: iso(addDays(roundOn, 36)), updatedAt: iso(addDays(roundOn, 36)) }).returning({ id: collectiveContracts.id }).get().id

    // ---- session 1 adopted it; session 2 is coming ----
    const sessionOn = addMonths(today, -10)
    const s1 = tx.insert(congressSessions).values({ congressId, date: sessionOn, title: '第一届联合职代会第一次会议', agenda: JSON.stringify(['审议《五华科创大厦集体合同（草案）》', '听取楼宇工会联合会工作报告']), signInToken: `demo-${congressId}-1`, createdBy: staff, createdAt: iso(addDays(sessionOn, -7)) }).returning({ id: congressSessions.id }).get().id
    const present = reps.slice(0, 41)
    present.forEach((r, i) => tx.insert(sessionAttendance).values({ sessionId: s1, representativeId: r, via: i % 3 === 0 ? 'staff' : 'qr', recordedBy: staff, at: iso(sessionOn, 1) }).run())
    const motion = (title: string, kind: 'collective_contract' | 'report', yes: number, no: number, abstain: number, cId: number | null) => {
      const id = tx.insert(motions).values({ sessionId: s1, title, kind, contractId: cId, status: 'closed', totalRepresentatives: reps.length, result: yes * 2 > reps.length ? 'passed' : 'failed', yes, no, abstain, createdBy: staff, createdAt: iso(sessionOn, 2), closedBy: staff, closedAt: iso(sessionOn, 4) }).returning({ id: motions.id }).get().id
      present.slice(0, yes + no + abstain).forEach((r, i) => tx.insert(motionVotes).values({ motionId: id, representativeId: r, vote: i < yes ? 'yes' : i < yes + no ? 'no' : 'abstain', at: iso(sessionOn, 3) }).run())
      return id
    }
    const contractMotion = motion('《五华科创大厦集体合同（草案）》', 'collective_contract', 38, 1, 2, contractId)
    motion('楼宇工会联合会工作报告', 'report', 40, 0, 1, null)
    const signedOn = addDays(sessionOn, 5)
    const filedOn = addDays(signedOn, 7)
    let textPath: { textPath: string } | undefined
    if (ctx.uploadDir !== undefined) textPath = { textPath: storeEncrypted(ctx.uploadDir, pii, contractId, Buffer.from(CONTRACT_TEXT, 'utf8'), 'contracts') }
    tx.update(collectiveContracts).set({ stage: 'filed', motionId: contractMotion, signedOn, workersChief: '滕智', employersChief: '陈刚', filedOn, filedLate: isLateFiling(signedOn, filedOn), updatedAt: iso(filedOn), ...textPath })
      .where(sql`id = ${contractId}`).run()
    for (const [action, on] of [['contract.draft', addDays(roundOn, 36)], ['contract.adopt', sessionOn], ['contract.sign', signedOn], ['contract.file', filedOn]] as const) {
      writeAudit(tx, iso(on), { actorUserId: staff, action, entityType: 'collective_contract', entityId: contractId, note: 'demo seed' })
    }
    tx.insert(congressSessions).values({ congressId, date: addDays(today, 7), title: '第一届联合职代会第二次会议', agenda: JSON.stringify(['审议集体合同履行情况报告', '审议女职工权益保护专项集体合同（草案）']), signInToken: `demo-${congressId}-2`, createdBy: staff, createdAt: at }).run()

    // ---- a year of disclosures: the federation monthly, most enterprises each quarter ----
    const enterprises = (ctx.facts.enrolledEnterpriseIds as number[] | undefined) ?? []
    const categories = ['finance', 'welfare', 'pay', 'safety', 'contract', 'rules'] as const
    for (let m = 11; m >= 0; m--) {
      const on = addMonths(today, -m)
      const month = on.slice(0, 7)
      tx.insert(disclosures).values({ buildingId: wuhua, category: categories[m % categories.length], title: `楼宇工会联合会 ${month} 公开事项`, body: '本月工会经费收支、送温暖活动、职工医疗互助办理情况公示如下……', periodFrom: `${month}-01`, periodTo: addDays(addMonths(`${month}-01`, 1), -1), publishedOn: on, createdBy: staff, createdAt: iso(on) }).run()
      if (m % 3 === 0 && m > 0) {
        for (const e of enterprises) {
          if (rand() < 0.7) tx.insert(disclosures).values({ buildingId: wuhua, enterpriseId: e, category: 'pay', title: `${month} 季度工资支付情况公示`, body: '本季度工资按时足额发放……', periodFrom: addMonths(`${month}-01`, -2), periodTo: addDays(addMonths(`${month}-01`, 1), -1), publishedOn: on, createdBy: staff, createdAt: iso(on) }).run()
        }
      }
    }
    // This quarter so far: two thirds of the enterprises published; the rest show on staff's list.
    for (const e of enterprises.slice(0, Math.floor(enterprises.length * 2 / 3))) {
      tx.insert(disclosures).values({ buildingId: wuhua, enterpriseId: e, category: 'welfare', title: '职工福利发放公示', body: '……', periodFrom: addDays(today, -30), periodTo: today, publishedOn: addDays(today, -1), createdBy: staff, createdAt: at }).run()
    }
    writeAudit(tx, at, { actorUserId: admin, action: 'governance.seed', entityType: 'building', entityId: wuhua, after: { representatives: reps.length, contractId }, note: 'demo seed' })
  })

  // ---- 23 more buildings: all-member assemblies of a dozen members that decided something ----
  const enrolledBy = (ctx.facts.enrolledEnterpriseIdsByBuilding as Record<number, number[]> | undefined) ?? {}
  const others = buildingIds.filter((b) => b !== wuhua).slice(0, 23)
  const rows: NewMembership[] = []
  const plan: Array<{ buildingId: number, first: number }> = []
  let seq = 0
  for (const b of others) {
    const ents = (enrolledBy[b] ?? []).slice(0, 2)
    if (ents.length === 0) continue
    plan.push({ buildingId: b, first: rows.length })
    for (let i = 0; i < 12; i++) {
      seq++
      const joinedOn = addDays(today, -400 - seq)
      const id = makeResidentId('530103', addDays('1975-01-01', seq * 37 % 9000), seq)
      const f = residentIdFacts(id)
      rows.push({
        enterpriseId: ents[i % ents.length], name: `会员${b}-${i + 1}`, idCipher: pii.encrypt(id), idHash: pii.hash(id), idMasked: maskResidentId(id), gender: f.gender, birthDate: f.birthDate,
        mobile: null, source: 'online', status: 'active', joinedOn, consentAt: iso(joinedOn), appliedAt: iso(joinedOn), createdAt: iso(joinedOn), updatedAt: iso(joinedOn)
      })
    }
  }
  db.transaction((tx) => {
    const firstNo = takeNumbers(tx, MEMBER_NO_COUNTER, rows.length)
    rows.forEach((r, i) => { r.memberNo = formatMemberNo(r.joinedOn!.slice(0, 4), firstNo + i) })
    insertMemberships(db, rows)
    for (const [k, p] of plan.entries()) {
      const ids = db.all<{ id: number, enterpriseId: number }>(sql`select m.id, m.enterprise_id as enterpriseId from memberships m join enterprises e on e.id = m.enterprise_id
        where e.building_id = ${p.buildingId} and m.status = 'active' order by m.id`)
      const startsOn = addMonths(today, -14)
      const congressId = tx.insert(congresses).values({ buildingId: p.buildingId, termYears: 3, termNo: 1, form: 'assembly', startsOn, endsOn: addDays(addMonths(startsOn, 36), -1), createdBy: admin, createdAt: iso(startsOn) }).returning({ id: congresses.id }).get().id
      const reps = ids.map((m) => tx.insert(congressRepresentatives).values({ congressId, membershipId: m.id, enterpriseId: m.enterpriseId, category: 'frontline', addedBy: admin, addedAt: iso(startsOn) }).returning({ id: congressRepresentatives.id }).get().id)
      const on = addMonths(today, -(2 + k % 9))
      const sessionId = tx.insert(congressSessions).values({ congressId, date: on, title: '全体会员大会', agenda: JSON.stringify(['审议楼宇工会联合会年度工作计划']), signInToken: `demo-${congressId}-1`, createdBy: admin, createdAt: iso(on) }).returning({ id: congressSessions.id }).get().id
      for (const r of reps) tx.insert(sessionAttendance).values({ sessionId, representativeId: r, via: 'staff', recordedBy: admin, at: iso(on) }).run()
      const motionId = tx.insert(motions).values({ sessionId, title: '年度工作计划', kind: 'resolution', status: 'closed', totalRepresentatives: reps.length, result: 'passed', yes: reps.length, no: 0, abstain: 0, createdBy: admin, createdAt: iso(on), closedBy: admin, closedAt: iso(on, 3) }).returning({ id: motions.id }).get().id
      for (const r of reps) tx.insert(motionVotes).values({ motionId, representativeId: r, vote: 'yes', at: iso(on, 2) }).run()
      tx.insert(disclosures).values({ buildingId: p.buildingId, category: 'finance', title: '工会经费收支公示', body: '……', periodFrom: addMonths(on, -3), periodTo: on, publishedOn: on, createdBy: admin, createdAt: iso(on) }).run()
    }
    // Two buildings whose last disclosure is older than a year: on record, but not counted.
    for (const b of buildingIds.filter((x) => x !== wuhua).slice(23, 25)) {
      const on = addMonths(today, -15)
      tx.insert(disclosures).values({ buildingId: b, category: 'other', title: '工会组建情况公示', body: '……', periodFrom: addMonths(on, -1), periodTo: on, publishedOn: on, createdBy: admin, createdAt: iso(on) }).run()
    }
  })
  ctx.facts.governanceContractId = contractId
  ctx.log(`governance: 五华科创大厦 congress of 45 with its contract in effect and a year of disclosures; ${plan.length} more buildings with an assembly and disclosures`)
}
