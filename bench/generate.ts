// The city-scale benchmark database: 40 buildings, 4,000 enterprises, 200,000 members with
// accounts, 200,000 paid shares with cover dates, 100,000 claims in every state, built in well
// under a minute and reused while it is current (same generator version, same plan year).
//   npx tsx bench/generate.ts [--small] [--force]
// Rows go in directly with prepared statements in large transactions, into the schema the
// migrations create (openDatabase), and obey the domain's rules: valid resident IDs (encrypted,
// hashed and masked as the memberships feature stores them), valid USCCs, unique membership
// numbers, cover computed by coverWindow, claims only inside cover and before their deadline,
// amounts by computeReimbursement, the annual cap respected, two different approvers above the
// second-approval threshold, nobody approving their own claim. Every account has the same
// password (hashed once: scrypt is deliberately slow).
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync, mkdirSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { openDatabase } from '../src/db/index.js'
import { createPii } from '../src/lib/pii.js'
import { hashPassword } from '../src/lib/password.js'
import { shanghaiDate, addDays, daysBetween, maxDate, minDate } from '../src/domain/dates.js'
import { maskResidentId, residentIdFacts, usccCheckChar } from '../src/domain/identity.js'
import { formatMemberNo, makeResidentId, MEMBER_NO_COUNTER } from '../src/domain/memberships.js'
import { defaultPlan } from '../src/domain/aid-plan.js'
import { coverWindow, claimDeadline } from '../src/domain/cover.js'
import { computeReimbursement, quoteShape } from '../src/domain/reimbursement.js'
import { upsertPlan } from '../src/features/aid/plans-repository.js'
import { validateBenchDb } from './validate.js'
import {
  BENCH_PASSWORD, BENCH_PII_KEY, DATA_DIR, GENERATOR_VERSION, SCALES, dbPathFor, metaPathFor,
  type BenchMeta, type Scale
} from './config.js'

// ---------------------------------------------------------------------------------------------
// Progress bar on stderr.

export function progressBar (label: string, total: number): { tick: (n?: number) => void, done: () => void } {
  const tty = process.stderr.isTTY === true
  let count = 0
  let lastDrawn = -1
  const started = Date.now()
  const draw = (final = false): void => {
    const pct = total === 0 ? 100 : Math.floor((count / total) * 100)
    if (!final && pct === lastDrawn) return
    if (!tty && !final && pct % 10 !== 0) { lastDrawn = pct; return }
    lastDrawn = pct
    const width = 30
    const filled = Math.round((pct / 100) * width)
    const line = `${label.padEnd(12)} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${String(pct).padStart(3)}% ${count.toLocaleString('en')}/${total.toLocaleString('en')} ${((Date.now() - started) / 1000).toFixed(1)}s`
    process.stderr.write(tty ? `\r${line}${final ? '\n' : ''}` : `${line}\n`)
  }
  return {
    tick: (n = 1) => { count += n; if (count % 1000 < n || count === total) draw() },
    done: () => { count = total; if (tty || lastDrawn !== 100) draw(true) }
  }
}

// ---------------------------------------------------------------------------------------------
// Deterministic randomness, so two generations of the same scale are the same data.

function mulberry32 (seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6D2B79F5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const SURNAMES = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤']
const GIVEN = [...'伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏辉建文云飞燕琳丹宇浩凯晨欣怡婷雪梅佳俊峰亮斌波鑫蕾倩颖晶琪瑶思涵睿博雅']
const DISTRICTS = ['五华区', '盘龙区', '官渡区', '西山区', '呈贡区']
const HOSPITALS = ['昆明医科大学第一附属医院', '昆明医科大学第二附属医院', '云南省第一人民医院', '云南省第二人民医院', '昆明市第一人民医院', '昆明市延安医院', '云南省中医医院', '昆明市儿童医院', '云南省肿瘤医院', '昆明市第三人民医院']
const TRADES = ['科技', '信息', '网络', '文化传媒', '商贸', '咨询', '设计', '教育', '餐饮管理', '物业服务', '软件', '数据服务']
const AREAS = ['530102', '530103', '530111', '530112', '530114', '530121', '530181', '532301', '530402', '530302']

const nameOf = (r: () => number): string =>
  SURNAMES[Math.floor(r() * SURNAMES.length)] + GIVEN[Math.floor(r() * GIVEN.length)] + (r() < 0.6 ? GIVEN[Math.floor(r() * GIVEN.length)] : '')

/** A valid USCC, unique per n: 91 (enterprise) + 530100 (Kunming) + a 9-digit body. */
function usccFor (n: number): string {
  const first17 = '91530100' + String(n).padStart(9, '0')
  return first17 + usccCheckChar(first17)
}

/** A Shanghai business date at a time of day, as an ISO instant (10:00 + minutes, Shanghai). */
const at = (date: string, minute = 0): string => `${date}T${String(2 + Math.floor(minute / 60) % 8).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}:00.000Z`

// ---------------------------------------------------------------------------------------------

export interface GenerateOptions { scale: Scale, force?: boolean, log?: (s: string) => void }

/** Whether the generated file for this scale exists and is current (same version, same year). */
export function currentMeta (scale: Scale, today = shanghaiDate(new Date())): BenchMeta | null {
  const metaPath = metaPathFor(scale)
  if (!existsSync(metaPath) || !existsSync(dbPathFor(scale))) return null
  try {
    const meta = JSON.parse(readFileSync(metaPath, 'utf8')) as BenchMeta
    if (meta.version !== GENERATOR_VERSION) return null
    if (meta.planYear !== Number(today.slice(0, 4))) return null
    // Claims the benchmark submits are admitted 10 days ago: the claimants' cover must still
    // hold, and cover was chosen relative to the generation day. A month of reuse is fine.
    if (daysBetween(meta.today, today) > 30) return null
    if (JSON.stringify(meta.scale) !== JSON.stringify(scale)) return null
    return meta
  } catch {
    return null
  }
}

export async function generate (opts: GenerateOptions): Promise<BenchMeta> {
  const { scale } = opts
  const log = opts.log ?? ((s: string) => process.stderr.write(s + '\n'))
  if (opts.force !== true) {
    const meta = currentMeta(scale)
    if (meta !== null) {
      log(`reusing ${dbPathFor(scale)} (generated ${meta.generatedAt}; --force to rebuild)`)
      return meta
    }
  }
  const started = Date.now()
  mkdirSync(DATA_DIR, { recursive: true })
  const finalPath = dbPathFor(scale)
  const tmpPath = `${finalPath}.building`
  for (const p of [tmpPath, `${tmpPath}-wal`, `${tmpPath}-shm`]) rmSync(p, { force: true })

  log(`generating the ${scale.name} benchmark database (${scale.buildings} buildings, ${scale.enterprises.toLocaleString('en')} enterprises, ${scale.members.toLocaleString('en')} members, ${scale.shares.toLocaleString('en')} shares, ${scale.claims.toLocaleString('en')} claims)`)
  const db = openDatabase(tmpPath)
  const sqlite = db.$client
  // A throwaway file being built: no need to survive a power cut while it is.
  sqlite.pragma('synchronous = OFF')
  sqlite.pragma('cache_size = -200000')
  sqlite.pragma('temp_store = MEMORY')
  // Rows are inserted parent-before-child except liaisons (accounts made with their members);
  // foreign keys are checked once, over everything, at the end (PRAGMA foreign_key_check).
  sqlite.pragma('foreign_keys = OFF')

  const pii = createPii(BENCH_PII_KEY)
  const passwordHash = await hashPassword(BENCH_PASSWORD)
  const today = shanghaiDate(new Date())
  const Y = Number(today.slice(0, 4))
  const prevY = Y - 1
  const rnd = mulberry32(20260615 + scale.members)
  const nowIso = new Date().toISOString()

  // Plans: the previous year and this one, on the default terms.
  const planPrev = defaultPlan(prevY)
  const plan = defaultPlan(Y)
  db.transaction((tx) => {
    upsertPlan(tx, planPrev, null, at(`${prevY - 1}-11-01`))
    upsertPlan(tx, plan, null, at(`${prevY}-11-01`))
  })

  const insertUser = sqlite.prepare(`insert into users (id, phone, name, password_hash, must_change_password, active, failed_logins, token_version, created_at, updated_at)
    values (?, ?, ?, ?, 0, 1, 0, 0, ?, ?)`)
  const insertGrant = sqlite.prepare('insert into role_grants (user_id, role, granted_at, granted_by) values (?, ?, ?, null)')
  const insertScope = sqlite.prepare('insert into staff_scopes (user_id, building_id, granted_at, granted_by) values (?, ?, ?, null)')
  const insertBuilding = sqlite.prepare(`insert into buildings (id, name, district, address, federation_name, founded_on, enterprises_total, is_model, has_worker_congress, has_affairs_disclosure, created_at, updated_at)
    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
  const insertEnterprise = sqlite.prepare(`insert into enterprises (id, building_id, name, uscc, floor_room, headcount, contact_name, contact_phone, liaison_user_id, status, reject_reason, submitted_at, decided_at, decided_by, withdrawn_at, created_at, updated_at)
    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, null, ?, ?, ?, null, ?, ?)`)
  const insertMembership = sqlite.prepare(`insert into memberships (id, user_id, enterprise_id, name, id_cipher, id_hash, id_masked, gender, birth_date, mobile, member_no, status, joined_on, left_on, consent_at, applied_at, applied_by, decided_at, decided_by, reject_reason, source, created_at, updated_at)
    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, null, ?, ?, ?)`)
  const insertPurchase = sqlite.prepare(`insert into aid_purchases (id, membership_id, plan_year, shares, amount_fen, status, group_order_id, ordered_by, ordered_on, receipt_no, paid_on, confirmed_via, confirmed_by, confirmed_at, first_time, cover_from, cover_to, cancelled_at, cancel_reason, created_at, updated_at)
    values (?, ?, ?, 1, ?, 'paid', null, ?, ?, ?, ?, 'staff', ?, ?, ?, ?, ?, null, null, ?, ?)`)
  const insertBatch = sqlite.prepare(`insert into aid_payment_batches (id, status, created_by, created_at, exported_at, bank_reference, paid_at, paid_by, total_fen, claim_count)
    values (?, 'paid', ?, ?, ?, ?, ?, ?, ?, ?)`)
  const insertClaim = sqlite.prepare(`insert into aid_claims (id, membership_id, user_id, building_id, purchase_id, plan_year, admission_date, discharge_date, hospital, invoice_no, total_cost_fen, insurance_paid_fen, excluded_fen, base_fen, estimate, status,
      first_approved_by, first_approved_at, approved_by, approved_at, payable_fen, limited_by, breakdown, rejected_by, rejected_at, reason_code, reason_note, resubmission_of, payment_batch_id, paid_at, consent_at, created_at, updated_at)
    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, null, ?, ?, ?, ?, ?)`)

  const bulk = (fn: () => void): void => { sqlite.transaction(fn)() }
  const counts: Record<string, number> = {}

  // --- Accounts of the federation: one admin, two staff per building. -----------------------
  let userId = 0
  const adminUserId = ++userId
  const staffByBuilding = new Map<number, number[]>()
  const staff: BenchMeta['staff'] = []
  bulk(() => {
    insertUser.run(adminUserId, '13800000000', '市总工会管理员', passwordHash, at(`${prevY - 2}-01-01`), at(`${prevY - 2}-01-01`))
    insertGrant.run(adminUserId, 'admin', at(`${prevY - 2}-01-01`))
    for (let b = 1; b <= scale.buildings; b++) {
      const ids: number[] = []
      for (let k = 0; k < 2; k++) {
        const id = ++userId
        insertUser.run(id, '139' + String(b * 10 + k).padStart(8, '0'), nameOf(rnd), passwordHash, at(`${prevY - 2}-01-02`), at(`${prevY - 2}-01-02`))
        insertGrant.run(id, 'staff', at(`${prevY - 2}-01-02`))
        ids.push(id)
        staff.push({ userId: id, buildingId: b })
      }
      staffByBuilding.set(b, ids)
    }
  })
  for (const b of staffByBuilding.keys()) {
    bulk(() => { for (const id of staffByBuilding.get(b)!) insertScope.run(id, b, at(`${prevY - 2}-01-02`)) })
  }

  // --- Buildings and enterprises. -------------------------------------------------------------
  // 95% of enterprises are enrolled and hold the members; the rest are pending (no members yet).
  const enrolledCount = Math.round(scale.enterprises * 0.95)
  const perBuilding = Math.ceil(scale.enterprises / scale.buildings)
  const buildingOfEnterprise = (e: number): number => ((e - 1) % scale.buildings) + 1
  bulk(() => {
    for (let b = 1; b <= scale.buildings; b++) {
      const district = DISTRICTS[b % DISTRICTS.length]
      const founded = addDays(`${prevY - 6}-01-01`, b * 37)
      insertBuilding.run(b, `${district.slice(0, 2)}第${b}商务楼宇`, district, `昆明市${district}第${b}号楼`, `${district.slice(0, 2)}第${b}商务楼宇工会联合会`, founded,
        perBuilding + 10 + (b % 17), b <= 13 ? 1 : 0, b <= 24 ? 1 : 0, b <= 24 ? 1 : 0, at(founded), at(founded))
    }
  })
  counts.buildings = scale.buildings

  // Member i works for enrolled enterprise (i % enrolledCount) + 1; the first member of each
  // enrolled enterprise is also its liaison (their own application was approved by staff).
  const liaisonOf = new Int32Array(scale.enterprises + 1)
  const memberUserId = (i: number): number => userId + 1 + i // member accounts follow the federation's
  for (let e = 1; e <= enrolledCount; e++) liaisonOf[e] = memberUserId(e - 1)
  // Liaisons of pending enterprises have accounts but no membership yet.
  const extraUserBase = userId + scale.members
  bulk(() => {
    for (let e = 1; e <= scale.enterprises; e++) {
      const b = buildingOfEnterprise(e)
      const enrolled = e <= enrolledCount
      if (!enrolled) {
        const id = extraUserBase + (e - enrolledCount)
        liaisonOf[e] = id
      }
      const submitted = addDays(`${prevY - 4}-03-01`, e % 700)
      const decided = enrolled ? addDays(submitted, 3) : null
      const headcount = Math.ceil(scale.members / enrolledCount) + 5 + (e % 40)
      insertEnterprise.run(e, b, `昆明${nameOf(rnd).slice(0, 2)}${TRADES[e % TRADES.length]}有限公司${e}`, usccFor(e), `${1 + (e % 30)}F-${String(1 + (e % 20)).padStart(2, '0')}`,
        headcount, nameOf(rnd), '136' + String(e).padStart(8, '0'), liaisonOf[e], enrolled ? 'enrolled' : 'pending',
        at(submitted), decided === null ? null : at(decided), decided === null ? null : staffByBuilding.get(b)![0], at(submitted), at(decided ?? submitted))
    }
  })
  counts.enterprises = scale.enterprises

  // --- Members: an account and a membership each. ------------------------------------------
  // 95% active, 2.5% applied (waiting for their liaison), 2.5% left. Joined 2–4 years ago.
  const status = (i: number): 'active' | 'applied' | 'left' => (i % 40 === 39 ? 'applied' : i % 40 === 38 ? 'left' : 'active')
  const enterpriseOfMember = (i: number): number => (i % enrolledCount) + 1
  const joinedOn = new Array<string>(scale.members)
  let memberNoSeq = 0
  const pMembers = progressBar('members', scale.members)
  const CHUNK = 20_000
  for (let start = 0; start < scale.members; start += CHUNK) {
    bulk(() => {
      for (let i = start; i < Math.min(scale.members, start + CHUNK); i++) {
        const uid = memberUserId(i)
        const phone = '15' + String(i).padStart(9, '0')
        const name = nameOf(rnd)
        const e = enterpriseOfMember(i)
        const b = buildingOfEnterprise(e)
        const st = status(i)
        const joined = addDays(`${prevY - 3}-01-05`, Math.floor(rnd() * 700))
        joinedOn[i] = joined
        const applied = addDays(joined, -2)
        const createdAt = at(applied, i % 480)
        insertUser.run(uid, phone, name, passwordHash, createdAt, createdAt)
        // A unique valid resident ID: area, a birth date (one per 1,000 members), a sequence.
        const birth = addDays('1966-01-01', (Math.floor(i / 1000) * 67 + (i % 7) * 3) % 13_000)
        const idNumber = makeResidentId(AREAS[i % AREAS.length], birth, i % 1000)
        const facts = residentIdFacts(idNumber)
        const isLiaisonSelf = i < enrolledCount
        const decidedBy = st === 'applied' ? null : isLiaisonSelf ? staffByBuilding.get(b)![1] : liaisonOf[e]
        const memberNo = st === 'applied' ? null : formatMemberNo(joined.slice(0, 4), ++memberNoSeq)
        insertMembership.run(i + 1, uid, e, name, pii.encrypt(idNumber), pii.hash(idNumber), maskResidentId(idNumber), facts.gender, facts.birthDate, phone,
          memberNo, st, st === 'applied' ? null : joined, st === 'left' ? addDays(today, -1 - (i % 60)) : null,
          createdAt, createdAt, uid, st === 'applied' ? null : at(joined, 30), decidedBy, i % 9 === 0 ? 'import' : 'online',
          createdAt, st === 'applied' ? createdAt : at(joined, 30))
        pMembers.tick()
      }
    })
  }
  pMembers.done()
  bulk(() => {
    for (let e = enrolledCount + 1; e <= scale.enterprises; e++) {
      const id = extraUserBase + (e - enrolledCount)
      insertUser.run(id, '137' + String(e).padStart(8, '0'), nameOf(rnd), passwordHash, at(`${prevY - 1}-02-01`), at(`${prevY - 1}-02-01`))
    }
  })
  sqlite.prepare('insert into counters (name, value) values (?, ?) on conflict(name) do update set value = excluded.value').run(MEMBER_NO_COUNTER, memberNoSeq)
  counts.users = 1 + scale.buildings * 2 + scale.members + (scale.enterprises - enrolledCount)
  counts.members = scale.members

  // --- Shares: 40% bought last year, 60% this year (renewals and first-time joiners). ---------
  const eligible: number[] = []
  for (let i = 0; i < scale.members; i++) if (status(i) !== 'applied') eligible.push(i)
  const prevCount = Math.round(scale.shares * 0.4)
  const curCount = scale.shares - prevCount
  // Last year: eligible[0, prevCount). This year: eligible[prevCount/4, prevCount/4 + curCount):
  // three quarters of last year's buyers renew, the rest of this year's are first-time joiners.
  const curStart = Math.round(prevCount / 4)
  if (curStart + curCount > eligible.length) throw new Error('more shares than eligible members at this scale')
  interface Purchase { id: number, member: number, year: number, paidOn: string, coverFrom: string, coverTo: string }
  const purchases: Purchase[] = []
  const hasPrev = new Uint8Array(scale.members)
  const pShares = progressBar('shares', scale.shares)
  const latestOrder = minDate(addDays(today, -1), `${Y}-09-30`)
  let purchaseId = 0
  const addPurchase = (i: number, year: number, orderedOn: string, paidOn: string, firstTime: boolean): void => {
    const plan = year === Y ? defaultPlan(Y) : planPrev
    const cover = coverWindow(year, paidOn, plan.waitingDays, !firstTime)
    if (cover === null) throw new Error(`no cover for a share paid ${paidOn}`)
    const id = ++purchaseId
    const e = enterpriseOfMember(i)
    const confirmer = staffByBuilding.get(buildingOfEnterprise(e))![id % 2]
    insertPurchase.run(id, i + 1, year, plan.shareFeeFen, memberUserId(i), orderedOn, `R${year}${String(id).padStart(8, '0')}`, paidOn,
      confirmer, at(paidOn, 120), firstTime ? 1 : 0, cover.coverFrom, cover.coverTo, at(orderedOn, 60), at(paidOn, 120))
    purchases.push({ id, member: i, year, paidOn, coverFrom: cover.coverFrom, coverTo: cover.coverTo })
    pShares.tick()
  }
  for (let start = 0; start < prevCount; start += CHUNK) {
    bulk(() => {
      for (let k = start; k < Math.min(prevCount, start + CHUNK); k++) {
        const i = eligible[k]
        const ordered = maxDate(addDays(`${prevY}-01-03`, k % 150), joinedOn[i])
        hasPrev[i] = 1
        addPurchase(i, prevY, ordered, addDays(ordered, k % 5), true)
      }
    })
  }
  for (let start = 0; start < curCount; start += CHUNK) {
    bulk(() => {
      for (let k = start; k < Math.min(curCount, start + CHUNK); k++) {
        const i = eligible[curStart + k]
        const renewal = hasPrev[i] === 1
        // Renewals buy early in the year; first-time joiners spread over the months to September.
        const ordered = minDate(addDays(`${Y}-01-02`, renewal ? k % 45 : k % 240), latestOrder)
        const paidOn = minDate(addDays(ordered, k % 4), addDays(today, -1))
        addPurchase(i, Y, ordered, paidOn, !renewal)
      }
    })
  }
  pShares.done()
  counts.shares = purchases.length

  // --- Claims in every state. --------------------------------------------------------------
  const terms = (year: number) => (year === Y ? plan : planPrev)
  const paidThisYear = new Map<string, number>()
  const claimsOfMember = new Uint16Array(scale.members)
  const pClaims = progressBar('claims', scale.claims)
  const firstRound = Math.round(scale.claims * 0.7)
  let claimId = 0
  const statusMix = (c: number): 'submitted' | 'awaiting_second_approval' | 'approved' | 'rejected' | 'paid' => {
    const r = c % 100
    return r < 20 ? 'submitted' : r < 22 ? 'awaiting_second_approval' : r < 42 ? 'approved' : r < 55 ? 'rejected' : 'paid'
  }
  const paidRows: Array<{ id: number, payable: number, approvedOn: string }> = []
  for (let start = 0; start < scale.claims; start += CHUNK) {
    bulk(() => {
      for (let c = start; c < Math.min(scale.claims, start + CHUNK); c++) {
        // 70% of claims on distinct shares; the rest are second claims on the same shares.
        let p = ((c < firstRound ? c : c - firstRound) * 7919) % purchases.length
        let pur = purchases[p]
        let lastAdmission = minDate(`${pur.year}-12-31`, addDays(today, -3))
        let tries = 0
        while (pur.coverFrom > lastAdmission) {
          p = (p + 1) % purchases.length
          pur = purchases[p]
          lastAdmission = minDate(`${pur.year}-12-31`, addDays(today, -3))
          if (++tries > purchases.length) throw new Error('no share with cover to claim against')
        }
        const i = pur.member
        const e = enterpriseOfMember(i)
        const reviewers = staffByBuilding.get(buildingOfEnterprise(e))!
        const span = daysBetween(pur.coverFrom, lastAdmission)
        const admission = addDays(pur.coverFrom, Math.floor(rnd() * (span + 1)))
        const discharge = minDate(addDays(admission, 1 + Math.floor(rnd() * 14)), addDays(today, -1))
        const deadline = minDate(claimDeadline(pur.year, discharge, terms(pur.year).claimDeadlineDays), today)
        const submittedOn = addDays(discharge, Math.floor(rnd() * (daysBetween(discharge, deadline) + 1)))
        // Total cost 2,000–200,000 yuan, skewed small; insurance pays 45–75%; 0–10% excluded.
        const total = Math.round(200_000 + rnd() ** 3 * 19_800_000)
        const insurance = Math.floor(total * (0.45 + rnd() * 0.3))
        const excluded = Math.floor((total - insurance) * rnd() * 0.1)
        const key = `${i}:${pur.year}`
        const already = paidThisYear.get(key) ?? 0
        const t = terms(pur.year)
        const input = { totalCostFen: total, insurancePaidFen: insurance, excludedFen: excluded, shares: 1, paidThisYearFen: already }
        const estimate = computeReimbursement(input, t)
        let st = statusMix(c)
        if (st === 'awaiting_second_approval' && estimate.payableFen <= t.secondApprovalAboveFen) st = 'submitted'
        const decidedOn = minDate(addDays(submittedOn, 1 + (c % 10)), today)
        const createdAt = at(submittedOn, c % 400)
        const decidedAt = at(decidedOn, 200 + (c % 200))
        let firstBy: number | null = null
        let firstAt: string | null = null
        let approvedBy: number | null = null
        let approvedAt: string | null = null
        let payable: number | null = null
        let limitedBy: string | null = null
        let breakdown: string | null = null
        let rejectedBy: number | null = null
        let rejectedAt: string | null = null
        let reasonCode: string | null = null
        let reasonNote: string | null = null
        if (st === 'approved' || st === 'paid') {
          payable = estimate.payableFen
          limitedBy = estimate.limitedBy
          breakdown = JSON.stringify(quoteShape(estimate))
          paidThisYear.set(key, already + payable)
          if (payable > t.secondApprovalAboveFen) {
            firstBy = reviewers[0]; firstAt = decidedAt
            approvedBy = reviewers[1]; approvedAt = at(minDate(addDays(decidedOn, 1), today), 300)
          } else {
            approvedBy = reviewers[c % 2]; approvedAt = decidedAt
          }
        } else if (st === 'awaiting_second_approval') {
          firstBy = reviewers[0]; firstAt = decidedAt
        } else if (st === 'rejected') {
          rejectedBy = reviewers[c % 2]; rejectedAt = decidedAt
          reasonCode = c % 3 === 0 ? 'OTHER' : 'DOCUMENTS_MISSING'
          reasonNote = reasonCode === 'OTHER' ? '发票与出院小结上的住院日期不一致' : null
        }
        const id = ++claimId
        if (st === 'paid') paidRows.push({ id, payable: payable!, approvedOn: approvedAt!.slice(0, 10) })
        insertClaim.run(id, i + 1, memberUserId(i), buildingOfEnterprise(e), pur.id, pur.year, admission, discharge, HOSPITALS[c % HOSPITALS.length], `FP${pur.year}${String(id).padStart(9, '0')}`,
          total, insurance, excluded, estimate.baseFen, JSON.stringify(quoteShape(estimate)), st,
          firstBy, firstAt, approvedBy, approvedAt, payable, limitedBy, breakdown, rejectedBy, rejectedAt, reasonCode, reasonNote,
          null, null, createdAt, createdAt, st === 'submitted' ? createdAt : (approvedAt ?? rejectedAt ?? firstAt ?? createdAt))
        claimsOfMember[i]++
        pClaims.tick()
      }
    })
  }
  pClaims.done()
  // Paid claims go into bank batches of 1,000 in the order they were approved; a batch is paid
  // (one to three days) after the last approval in it, never after today.
  paidRows.sort((a, b) => (a.approvedOn < b.approvedOn ? -1 : a.approvedOn > b.approvedOn ? 1 : a.id - b.id))
  const setPaid = sqlite.prepare("update aid_claims set payment_batch_id = ?, paid_at = ?, updated_at = ? where id = ? and status = 'paid'")
  let batchId = 0
  bulk(() => {
    for (let k = 0; k < paidRows.length; k += 1000) {
      const rows = paidRows.slice(k, k + 1000)
      const last = rows[rows.length - 1].approvedOn
      const paidOn = minDate(addDays(last, 1 + (k % 3)), today)
      const exportedOn = minDate(addDays(last, 1), paidOn)
      const id = ++batchId
      insertBatch.run(id, adminUserId, at(last, 400), at(exportedOn, 420), `BANK-${String(id).padStart(6, '0')}`, at(paidOn, 450), adminUserId,
        rows.reduce((sum, r) => sum + r.payable, 0), rows.length)
      for (const r of rows) setPaid.run(id, at(paidOn, 450), at(paidOn, 450), r.id)
    }
  })
  counts.claims = claimId
  counts.paymentBatches = batchId

  // --- Who the benchmark signs in as. --------------------------------------------------------
  // Spread over the whole population (not the first rows), so look-ups hit every part of the
  // tables, as real traffic would.
  const claimantPool: number[] = []
  const homePool: number[] = []
  const admissionForBench = addDays(today, -10)
  for (const pur of purchases) {
    if (pur.year !== Y || status(pur.member) !== 'active') continue
    if (pur.coverFrom <= admissionForBench) claimantPool.push(memberUserId(pur.member))
    if (claimsOfMember[pur.member] > 0) homePool.push(memberUserId(pur.member))
  }
  const spread = (pool: number[], n: number): number[] => {
    const step = Math.max(1, pool.length / n)
    const out: number[] = []
    for (let k = 0; out.length < n && Math.floor(k * step) < pool.length; k++) out.push(pool[Math.floor(k * step)])
    return out
  }
  const claimants = spread(claimantPool, 2000)
  const homeMembers = spread(homePool, 2000)
  if (claimants.length < 100) throw new Error(`only ${claimants.length} members are covered since ${admissionForBench}: too early in the plan year for the claim benchmark`)
  const liaison = { userId: liaisonOf[1], enterpriseId: 1, buildingId: buildingOfEnterprise(1) }

  const broken = sqlite.pragma('foreign_key_check') as unknown[]
  if (broken.length > 0) throw new Error(`generated rows break ${broken.length} foreign keys, e.g. ${JSON.stringify(broken.slice(0, 3))}`)
  const problems = validateBenchDb(sqlite, today)
  if (problems.length > 0) throw new Error('generated rows break domain rules:\n  ' + problems.join('\n  '))
  sqlite.pragma('wal_checkpoint(TRUNCATE)')
  sqlite.close()
  for (const p of [finalPath, `${finalPath}-wal`, `${finalPath}-shm`]) rmSync(p, { force: true })
  renameSync(tmpPath, finalPath)
  for (const p of [`${tmpPath}-wal`, `${tmpPath}-shm`]) rmSync(p, { force: true })

  const meta: BenchMeta = {
    version: GENERATOR_VERSION,
    scale,
    generatedAt: nowIso,
    today,
    planYear: Y,
    seconds: Math.round((Date.now() - started) / 100) / 10,
    counts,
    adminUserId,
    staff,
    claimants,
    homeMembers,
    liaison
  }
  writeFileSync(metaPathFor(scale), JSON.stringify(meta, null, 2) + '\n')
  log(`done in ${meta.seconds} s: ${finalPath}`)
  return meta
}

const invokedDirectly = process.argv[1] !== undefined && /generate\.(ts|js)$/.test(process.argv[1])
if (invokedDirectly) {
  const { values } = parseArgs({ options: { small: { type: 'boolean' }, force: { type: 'boolean' } } })
  generate({ scale: values.small === true ? SCALES.small : SCALES.city, force: values.force }).catch((err: Error) => {
    process.stderr.write(`generation failed: ${err.stack ?? err.message}\n`)
    process.exitCode = 1
  })
}
