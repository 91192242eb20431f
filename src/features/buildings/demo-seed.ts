// The buildings part of the demo database, modelled on the article: 五华科创大厦 in 五华区 with
// 96 enterprises in the building, 61 enrolled (a few more pending, one rejected, the rest not yet
// enrolled), and the city's 40 buildings with union organisations: 13 model buildings, 24 with
// both a worker congress and affairs disclosure. Accounts for every role; ids for later steps.
import type { SeedContext } from '../../cli/seed-demo.js'
import { DEMO_PASSWORD } from '../../cli/seed-demo.js'
import { usccCheckChar } from '../../domain/identity.js'
import { hashPassword } from '../../lib/password.js'
import { buildings, enterprises, roleGrants, staffScopes, users } from '../../db/schema/index.js'
import { writeAudit } from '../audit/audit-repository.js'
import { prng } from '../../lib/prng.js'
import { eq } from 'drizzle-orm'

const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY'

/** Area codes (行政区划代码) of Kunming's districts, for plausible codes. */
const DISTRICTS: Array<[string, string]> = [
  ['五华区', '530102'], ['盘龙区', '530103'], ['官渡区', '530111'], ['西山区', '530112'], ['呈贡区', '530114'], ['晋宁区', '530115']
]

const OTHER_BUILDINGS = [
  '盘龙金融中心', '官渡商务中心', '西山万达广场写字楼', '呈贡大学城创业园', '翠湖商务楼', '滇池国际会展中心',
  '昆明国际贸易中心', '金马碧鸡商务大厦', '螺蛳湾国际商贸城', '南亚风情第一城写字楼', '春城时代广场', '云纺商务中心',
  '世纪金源大厦', '昆明恒隆广场写字楼', '高新区创新大厦', '经开区信息产业园', '北辰财富中心', '顺城商务楼',
  '同德广场写字楼', '东风广场商务楼', '新亚洲体育城写字楼', '巫家坝商务中心', '滇池路金融街', '昆明软件园',
  '海埂商务园', '广福路商务中心', '白龙路科创楼', '人民西路商厦', '金碧广场写字楼', '福德商务中心',
  '昆明城市之光', '晋宁工业园综合楼', '呈贡信息产业园', '王家桥商务楼', '北京路商务大厦', '青年路写字楼',
  '西坝商务中心', '关上中心区写字楼', '小西门商务楼'
]

/** Where each of these buildings (or business districts) is. */
const DISTRICT_OF: Record<string, string> = {
  盘龙金融中心: '盘龙区', 官渡商务中心: '官渡区', 西山万达广场写字楼: '西山区', 呈贡大学城创业园: '呈贡区', 翠湖商务楼: '五华区',
  滇池国际会展中心: '官渡区', 昆明国际贸易中心: '官渡区', 金马碧鸡商务大厦: '五华区', 螺蛳湾国际商贸城: '官渡区',
  南亚风情第一城写字楼: '西山区', 春城时代广场: '官渡区', 云纺商务中心: '西山区', 世纪金源大厦: '官渡区', 昆明恒隆广场写字楼: '五华区',
  高新区创新大厦: '五华区', 经开区信息产业园: '官渡区', 北辰财富中心: '盘龙区', 顺城商务楼: '五华区', 同德广场写字楼: '盘龙区',
  东风广场商务楼: '盘龙区', 新亚洲体育城写字楼: '官渡区', 巫家坝商务中心: '官渡区', 滇池路金融街: '西山区', 昆明软件园: '五华区',
  海埂商务园: '西山区', 广福路商务中心: '西山区', 白龙路科创楼: '盘龙区', 人民西路商厦: '西山区', 金碧广场写字楼: '西山区',
  福德商务中心: '西山区', 昆明城市之光: '盘龙区', 晋宁工业园综合楼: '晋宁区', 呈贡信息产业园: '呈贡区', 王家桥商务楼: '西山区',
  北京路商务大厦: '盘龙区', 青年路写字楼: '五华区', 西坝商务中心: '西山区', 关上中心区写字楼: '官渡区', 小西门商务楼: '五华区'
}

const SURNAMES = ['李', '王', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '马', '朱', '胡', '郭', '何', '林', '罗', '高']
const GIVEN = ['娜', '磊', '敏', '静', '强', '丽', '军', '芳', '杰', '艳', '涛', '燕', '勇', '霞', '斌', '婷', '鹏', '琳', '超', '红']

const PREFIXES = ['云岭', '滇池', '春城', '翠湖', '金马', '碧鸡', '盘龙', '五华', '彩云', '高原', '七彩', '红土', '茶马', '普洱', '东川', '石林', '抚仙', '洱海', '大观', '圆通']
const TRADES = ['科技', '信息技术', '软件', '企业管理咨询', '文化传媒', '设计', '商贸', '电子商务', '人力资源', '教育科技', '网络科技', '数据服务', '建筑设计', '财务咨询', '广告', '物业服务']

export async function seedBuildings (ctx: SeedContext): Promise<void> {
  const rand = prng(20230710)
  const pick = <T>(a: T[]): T => a[Math.floor(rand() * a.length)]
  const passwordHash = await hashPassword(DEMO_PASSWORD)
  const now = ctx.clock.now()
  const daysAgo = (d: number): string => new Date(now.getTime() - d * 86_400_000).toISOString()

  const usedCodes = new Set<string>()
  const newUscc = (area: string): string => {
    for (;;) {
      let body = ''
      for (let i = 0; i < 9; i++) body += USCC_CHARS[Math.floor(rand() * USCC_CHARS.length)]
      const first17 = '91' + area + body
      const code = first17 + usccCheckChar(first17)
      if (!usedCodes.has(code)) { usedCodes.add(code); return code }
    }
  }
  let nameSeq = 0
  const usedNames = new Set<string>()
  const newCompanyName = (): string => {
    for (;;) {
      nameSeq++
      const base = `昆明${pick(PREFIXES)}${pick(TRADES)}有限公司`
      const name = usedNames.has(base) ? base.replace('有限公司', `${nameSeq}号有限公司`) : base
      if (!usedNames.has(name)) { usedNames.add(name); return name }
    }
  }

  ctx.db.transaction((tx) => {
    let phoneSeq = 0
    const addUser = (name: string, phone?: string): number => {
      phoneSeq++
      const p = phone ?? '1390001' + String(phoneSeq).padStart(4, '0')
      return tx.insert(users).values({ phone: p, name, passwordHash, createdAt: daysAgo(400), updatedAt: daysAgo(400) }).returning({ id: users.id }).get().id
    }

    // ---- buildings ----
    const buildingIds: number[] = []
    const areaOf = new Map<number, string>()
    const totalOf = new Map<number, number>()
    const wuhua = tx.insert(buildings).values({
      name: '五华科创大厦', district: '五华区', address: '昆明市五华区学府路 690 号', federationName: '五华科创大厦楼宇工会联合会',
      foundedOn: '2021-06-18', enterprisesTotal: 96, isModel: true, hasWorkerCongress: true, hasAffairsDisclosure: true, createdAt: daysAgo(900), updatedAt: daysAgo(900)
    }).returning({ id: buildings.id }).get().id
    buildingIds.push(wuhua)
    areaOf.set(wuhua, '530102')
    OTHER_BUILDINGS.forEach((name, i) => {
      const n = i + 1 // 五华科创大厦 is building 0
      // Each building in the district of Kunming it really stands in.
      const [district, area] = DISTRICTS.find(([d]) => d === DISTRICT_OF[name]) ?? DISTRICTS[0]
      const enterprisesTotal = 20 + Math.floor(rand() * 70)
      const id = tx.insert(buildings).values({
        name, district, address: `昆明市${district}${name}`, federationName: `${name}楼宇工会联合会`,
        foundedOn: `20${19 + (i % 5)}-${String(1 + (i % 12)).padStart(2, '0')}-15`,
        enterprisesTotal,
        // The article's city: 13 model buildings, 24 with both a worker congress and affairs disclosure.
        isModel: n < 13, hasWorkerCongress: n < 24, hasAffairsDisclosure: n < 24,
        createdAt: daysAgo(800), updatedAt: daysAgo(800)
      }).returning({ id: buildings.id }).get().id
      buildingIds.push(id)
      areaOf.set(id, area)
      totalOf.set(id, enterprisesTotal)
    })

    // ---- accounts for each role ----
    const adminId = addUser('市总工会管理员', '13900000001')
    tx.insert(roleGrants).values({ userId: adminId, role: 'admin', grantedAt: daysAgo(400) }).run()
    ctx.accounts.push({ role: 'admin', phone: '13900000001', password: DEMO_PASSWORD, note: '市总工会：管理楼宇、查看全市概览（/admin/overview）' })

    const staffUserIds: number[] = []
    const staffOf = new Map<number, number>()
    const addStaff = (name: string, phone: string, scope: number[]): number => {
      const id = addUser(name, phone)
      tx.insert(roleGrants).values({ userId: id, role: 'staff', grantedAt: daysAgo(400), grantedBy: adminId }).run()
      for (const b of scope) {
        tx.insert(staffScopes).values({ userId: id, buildingId: b, grantedAt: daysAgo(400), grantedBy: adminId }).run()
        if (!staffOf.has(b)) staffOf.set(b, id)
      }
      staffUserIds.push(id)
      return id
    }
    const wuhuaStaff = addStaff('五华科创大厦工会 张敏', '13900000002', [wuhua])
    ctx.accounts.push({ role: 'staff', phone: '13900000002', password: DEMO_PASSWORD, note: '五华科创大厦楼宇工会联合会：审核企业入驻、导出名单' })
    addStaff('盘龙片区工会 王磊', '13900000003', buildingIds.slice(1, 6))
    ctx.accounts.push({ role: 'staff', phone: '13900000003', password: DEMO_PASSWORD, note: '另外 5 栋楼宇的工作人员（看不到五华科创大厦）' })
    for (let i = 6; i < buildingIds.length; i += 6) addStaff(`片区工会工作人员 ${i / 6}`, '1390000' + String(3000 + i).padStart(4, '0'), buildingIds.slice(i, i + 6))

    // ---- enterprises ----
    const liaisonOfEnterprise: Record<number, number> = {}
    /** Liaisons to be named after the enterprise they run, with their own name (or one made up). */
    const liaisonNames = new Map<number, string>()
    const addLiaison = (person?: string, phone?: string): number => {
      const id = addUser(person ?? '联络员', phone)
      liaisonNames.set(id, person ?? `${SURNAMES[id % SURNAMES.length]}${GIVEN[(id * 7) % GIVEN.length]}`)
      return id
    }
    const enrolledByBuilding: Record<number, number[]> = {}
    const addEnterprise = (buildingId: number, status: 'enrolled' | 'pending' | 'rejected', liaisonId: number, i: number, reason?: string): number => {
      const submitted = daysAgo(status === 'pending' ? 1 + (i % 6) : 60 + Math.floor(rand() * 600))
      const decided = status === 'pending' ? null : new Date(Date.parse(submitted) + (1 + Math.floor(rand() * 5)) * 86_400_000).toISOString()
      const decidedBy = status === 'pending' ? null : staffOf.get(buildingId) ?? adminId
      const floor = 2 + Math.floor(rand() * 25)
      const headcount = 3 + Math.floor(rand() * 60)
      const e = {
        buildingId, name: newCompanyName(), uscc: newUscc(areaOf.get(buildingId)!), floorRoom: `${floor}层${floor}${String(1 + Math.floor(rand() * 20)).padStart(2, '0')}室`,
        headcount, contactName: null, contactPhone: null, liaisonUserId: liaisonId, status, rejectReason: reason ?? null,
        submittedAt: submitted, decidedAt: decided, decidedBy, createdAt: submitted, updatedAt: decided ?? submitted
      }
      const id = tx.insert(enterprises).values(e).returning({ id: enterprises.id }).get().id
      liaisonOfEnterprise[id] = liaisonId
      // A liaison made only for this enterprise is named as the one running it ("云岭科技 联络员 李娜").
      const person = liaisonNames.get(liaisonId)
      if (person !== undefined) {
        tx.update(users).set({ name: `${e.name.replace(/^昆明/, '').replace(/(\d+号)?有限公司$/, '')} 联络员 ${person}` }).where(eq(users.id, liaisonId)).run()
        liaisonNames.delete(liaisonId)
      }
      writeAudit(tx, submitted, { actorUserId: liaisonId, action: 'enterprise.enrol', entityType: 'enterprise', entityId: id, after: { buildingId, name: e.name, uscc: e.uscc, headcount, status: 'pending' } })
      if (status !== 'pending') {
        writeAudit(tx, decided!, {
          actorUserId: decidedBy, action: status === 'enrolled' ? 'enterprise.approve' : 'enterprise.reject', entityType: 'enterprise', entityId: id,
          before: { status: 'pending' }, after: { status, ...(reason !== undefined ? { reason } : {}) }, note: reason
        })
      }
      if (status === 'enrolled') (enrolledByBuilding[buildingId] ??= []).push(id)
      return id
    }

    // 五华科创大厦: 61 enrolled, 3 pending, 1 rejected (31 of its 96 not enrolled yet).
    const demoLiaison = addLiaison('李娜', '13900000011')
    addEnterprise(wuhua, 'enrolled', demoLiaison, 0)
    for (let i = 1; i < 61; i++) addEnterprise(wuhua, 'enrolled', addLiaison(), i)
    const pendingLiaison = addLiaison('赵强', '13900000012')
    const pendingId = addEnterprise(wuhua, 'pending', pendingLiaison, 61)
    for (let i = 62; i < 64; i++) addEnterprise(wuhua, 'pending', addLiaison(), i)
    const rejectedLiaison = addLiaison('陈静', '13900000013')
    const rejectedId = addEnterprise(wuhua, 'rejected', rejectedLiaison, 64, '营业执照登记的地址不在五华科创大厦，请核实楼层房间后重新提交。')
    ctx.accounts.push(
      { role: 'liaison', phone: '13900000011', password: DEMO_PASSWORD, note: '已入驻企业的联络员：确认职工入会、团体认购' },
      { role: 'liaison', phone: '13900000012', password: DEMO_PASSWORD, note: `入驻申请待审核（企业 ${pendingId}）` },
      { role: 'liaison', phone: '13900000013', password: DEMO_PASSWORD, note: `入驻申请被退回，可修改后重新提交（企业 ${rejectedId}）` }
    )

    // The other buildings: between a third and nine tenths of their enterprises enrolled, one pending here and there.
    for (const b of buildingIds.slice(1)) {
      const total = totalOf.get(b)!
      const enrolled = Math.floor(total * (0.3 + rand() * 0.6))
      for (let i = 0; i < enrolled; i++) addEnterprise(b, 'enrolled', addLiaison(), i)
      if (rand() < 0.4) addEnterprise(b, 'pending', addLiaison(), 0)
    }

    ctx.facts.adminUserId = adminId
    ctx.facts.buildingIds = buildingIds
    ctx.facts.wuhuaBuildingId = wuhua
    ctx.facts.staffUserIds = staffUserIds
    ctx.facts.wuhuaStaffUserId = wuhuaStaff
    ctx.facts.enrolledEnterpriseIds = enrolledByBuilding[wuhua]
    ctx.facts.enrolledEnterpriseIdsByBuilding = enrolledByBuilding
    ctx.facts.liaisonUserIdByEnterprise = liaisonOfEnterprise
    ctx.facts.demoLiaisonUserId = demoLiaison
    ctx.facts.demoLiaisonEnterpriseId = enrolledByBuilding[wuhua][0]
    ctx.facts.pendingEnterpriseId = pendingId
    ctx.facts.rejectedEnterpriseId = rejectedId
  })
  ctx.log(`buildings: ${OTHER_BUILDINGS.length + 1} buildings; 五华科创大厦 with 61 of 96 enterprises enrolled`)
}
