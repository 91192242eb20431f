// The memberships part of the demo database: the article's 1,034 members across the 61 enrolled
// enterprises of 五华科创大厦 (or, when the buildings step left no facts, the enrolled
// enterprises found in the database), with valid resident ID numbers stored as the portal stores
// them (encrypted, hashed, masked); a few applications awaiting the demo liaison, a pending
// transfer, some who left or were refused, and member accounts to sign in with. One transaction
// and one prepared statement for the bulk rows: well under a second.
import { and, eq, inArray, sql } from 'drizzle-orm'
import type { SeedContext } from '../../cli/seed-demo.js'
import { DEMO_PASSWORD } from '../../cli/seed-demo.js'
import { hashPassword } from '../../lib/password.js'
import { addDays } from '../../domain/dates.js'
import { maskResidentId, residentIdFacts } from '../../domain/identity.js'
import { formatMemberNo, makeResidentId, MEMBER_NO_COUNTER } from '../../domain/memberships.js'
import { counters, enterprises, membershipTransfers, users } from '../../db/schema/index.js'
import { writeAudit } from '../audit/audit-repository.js'
import { insertMemberships, type NewMembership } from './memberships-repository.js'
import { prng } from '../../lib/prng.js'

export const DEMO_MEMBERS = 1034

const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文'
const GIVEN = ['伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀英', '霞', '平', '刚', '桂英', '婷', '浩', '宇', '欣', '雪', '晨', '琳', '凯', '鑫', '佳', '睿', '子涵', '梓萱', '思远', '一鸣', '雨桐', '昊天', '嘉怡']
/** Area codes of Yunnan's prefectures and Kunming's districts: where the workers come from. */
const AREAS = ['530102', '530103', '530111', '530112', '530114', '530181', '530302', '530402', '530502', '530602', '532301', '532501', '532601', '532801', '532901', '533103', '510104', '520102', '450103', '430102']

interface EnterpriseFact { id: number, liaisonUserId: number, buildingId: number }

export async function seedMemberships (ctx: SeedContext): Promise<void> {
  const { db, pii, clock } = ctx
  const rand = prng(1034)
  const pick = <T>(a: readonly T[]): T => a[Math.floor(rand() * a.length)]
  const today = clock.today()
  const at = clock.iso()

  // The 61 enrolled enterprises the buildings step names; otherwise those in the database.
  const named = Array.isArray(ctx.facts.enrolledEnterpriseIds) ? (ctx.facts.enrolledEnterpriseIds as number[]) : []
  const rows: EnterpriseFact[] = db.select({
    id: enterprises.id, liaisonUserId: enterprises.liaisonUserId, buildingId: enterprises.buildingId
  }).from(enterprises)
    .where(named.length > 0 ? and(inArray(enterprises.id, named), eq(enterprises.status, 'enrolled')) : eq(enterprises.status, 'enrolled'))
    .orderBy(enterprises.id).limit(61).all()
  if (rows.length === 0) { ctx.log('memberships: no enrolled enterprise to seed members for; skipped'); return }
  const demoEnterpriseId = typeof ctx.facts.demoLiaisonEnterpriseId === 'number' && rows.some((r) => r.id === ctx.facts.demoLiaisonEnterpriseId)
    ? ctx.facts.demoLiaisonEnterpriseId
    : rows[0].id
  const demoEnterprise = rows.find((r) => r.id === demoEnterpriseId)!
  const others = rows.filter((r) => r.id !== demoEnterpriseId)

  const usedIds = new Set<string>()
  const newId = (): string => {
    for (;;) {
      const birth = addDays('1966-01-01', Math.floor(rand() * 13_500)) // born 1966–2002: of working age
      const id = makeResidentId(pick(AREAS), birth, Math.floor(rand() * 1000))
      if (!usedIds.has(id)) { usedIds.add(id); return id }
    }
  }
  let mobileSeq = 0
  const newMobile = (): string => `1${pick(['36', '38', '39', '51', '52', '58', '59', '87', '88'])}${String(7_100_000 + ++mobileSeq * 37).padStart(8, '0')}`
  const newName = (): string => pick([...SURNAMES]) + pick(GIVEN)

  const passwordHash = await hashPassword(DEMO_PASSWORD)
  const base = (id: string, name: string, enterpriseId: number, mobile: string): Omit<NewMembership, 'status' | 'appliedAt' | 'createdAt' | 'updatedAt' | 'consentAt'> => {
    const f = residentIdFacts(id)
    return { enterpriseId, name, idCipher: pii.encrypt(id), idHash: pii.hash(id), idMasked: maskResidentId(id), gender: f.gender, birthDate: f.birthDate, mobile, source: 'online' }
  }

  // Join dates spread over the last three years; numbers follow the order of joining.
  const joins = Array.from({ length: DEMO_MEMBERS }, () => addDays(today, -Math.floor(rand() * 1_000) - 1)).sort()
  const weights = rows.map(() => 0.3 + rand() * 2)
  const totalWeight = weights.reduce((a, b) => a + b, 0)
  const enterpriseFor = (): EnterpriseFact => {
    let x = rand() * totalWeight
    for (let i = 0; i < rows.length; i++) { x -= weights[i]; if (x <= 0) return rows[i] }
    return rows[rows.length - 1]
  }

  let transfers = 0
  db.transaction((tx) => {
    const addUser = (name: string, phone: string): number | null => {
      if (tx.select({ id: users.id }).from(users).where(eq(users.phone, phone)).get() !== undefined) return null
      return tx.insert(users).values({ phone, name, passwordHash, createdAt: at, updatedAt: at }).returning({ id: users.id }).get().id
    }
    const inserts: NewMembership[] = []
    const active = (
      joinedOn: string, seq: number, ent: EnterpriseFact, userId: number | null, name: string, mobile: string
    ): NewMembership => {
      const appliedAt = addDays(joinedOn, -2) + 'T02:00:00.000Z'
      const decidedAt = joinedOn + 'T03:00:00.000Z'
      return {
        ...base(newId(), name, ent.id, mobile), userId, status: 'active', memberNo: formatMemberNo(joinedOn.slice(0, 4), seq), joinedOn,
        consentAt: appliedAt, appliedAt, appliedBy: userId ?? ent.liaisonUserId, decidedAt, decidedBy: ent.liaisonUserId,
        createdAt: appliedAt, updatedAt: decidedAt
      }
    }

    // The demo member: an active member of the demo liaison's enterprise, with an account.
    const memberPhone = '13900000021'
    const memberUser = addUser('王芳', memberPhone)
    for (let i = 0; i < DEMO_MEMBERS; i++) {
      const isDemo = i === 40 && memberUser !== null // an early joiner: shares last year and this, so claims too
      const ent = isDemo ? demoEnterprise : enterpriseFor()
      inserts.push(active(joins[i], i + 1, ent, isDemo ? memberUser : null, isDemo ? '王芳' : newName(), isDemo ? memberPhone : newMobile()))
    }
    // Some who left and some refused (closed rows: they count for none of the 1,034).
    for (let i = 0; i < 6; i++) {
      const ent = enterpriseFor()
      const joinedOn = addDays(today, -700 - i * 30)
      const row = active(joinedOn, DEMO_MEMBERS + i + 1, ent, null, newName(), newMobile())
      inserts.push({ ...row, status: 'left', leftOn: addDays(joinedOn, 200), updatedAt: addDays(joinedOn, 200) + 'T03:00:00.000Z' })
    }
    for (let i = 0; i < 3; i++) {
      const ent = i === 0 ? demoEnterprise : pick(others.length > 0 ? others : rows)
      const appliedAt = addDays(today, -20 - i) + 'T02:00:00.000Z'
      inserts.push({ ...base(newId(), newName(), ent.id, newMobile()), userId: null, status: 'rejected', rejectReason: '经核实不是本企业职工。', consentAt: appliedAt, appliedAt, appliedBy: ent.liaisonUserId, decidedAt: appliedAt, decidedBy: ent.liaisonUserId, createdAt: appliedAt, updatedAt: appliedAt })
    }
    // Applications waiting: three for the demo liaison (one with an account to sign in as), a few elsewhere.
    const applicantPhone = '13900000022'
    const applicant = addUser('刘洋', applicantPhone)
    for (let i = 0; i < 8; i++) {
      const ent = i < 3 ? demoEnterprise : pick(others.length > 0 ? others : rows)
      const appliedAt = addDays(today, -(i % 4)) + 'T01:30:00.000Z'
      const withAccount = i === 0 && applicant !== null
      inserts.push({
        ...base(newId(), withAccount ? '刘洋' : newName(), ent.id, withAccount ? applicantPhone : newMobile()),
        userId: withAccount ? applicant : null, status: 'applied', consentAt: appliedAt, appliedAt, appliedBy: withAccount ? applicant : ent.liaisonUserId,
        source: withAccount ? 'online' : 'import', createdAt: appliedAt, updatedAt: appliedAt
      })
    }
    insertMemberships(db, inserts)
    tx.insert(counters).values({ name: MEMBER_NO_COUNTER, value: DEMO_MEMBERS + 6 })
      .onConflictDoUpdate({ target: counters.name, set: { value: sql`max(${counters.value}, ${DEMO_MEMBERS + 6})` } }).run()

    // A member who changed jobs: a transfer into the demo liaison's enterprise awaiting confirmation.
    const mover = db.$client.prepare("select id, enterprise_id as e from memberships where status = 'active' and enterprise_id <> ? and user_id is null order by id desc limit 1").get(demoEnterprise.id) as { id: number, e: number } | undefined
    if (mover !== undefined) {
      tx.insert(membershipTransfers).values({ membershipId: mover.id, fromEnterpriseId: mover.e, toEnterpriseId: demoEnterprise.id, status: 'pending', requestedAt: at, requestedBy: null }).run()
      transfers++
    }
    writeAudit(tx, at, { actorUserId: null, action: 'membership.seed', entityType: 'membership', entityId: 'demo', after: { active: DEMO_MEMBERS, enterprises: rows.length }, note: 'demo seed' })

    const memberRow = memberUser === null ? undefined : db.$client.prepare('select id from memberships where user_id = ?').get(memberUser) as { id: number } | undefined
    ctx.facts.memberUserId = memberUser
    ctx.facts.memberMembershipId = memberRow?.id
    ctx.facts.applicantUserId = applicant
    ctx.facts.membershipEnterpriseIds = rows.map((r) => r.id)
  })
  if (ctx.facts.memberUserId !== null) ctx.accounts.push({ role: 'member', phone: '13900000021', password: DEMO_PASSWORD, note: '会员王芳：查看电子会员证（/membership/card），申请转会' })
  if (ctx.facts.applicantUserId !== null) ctx.accounts.push({ role: 'member', phone: '13900000022', password: DEMO_PASSWORD, note: '入会申请待审核：由联络员 13900000011 批准' })
  ctx.log(`memberships: ${DEMO_MEMBERS} active members across ${rows.length} enterprises; 8 applications pending; ${transfers} transfer pending`)
}
