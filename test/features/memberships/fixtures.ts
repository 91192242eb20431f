// Shared set-up for the memberships tests: buildings, enterprises with liaisons, valid IDs.
import type { FastifyInstance } from 'fastify'
import { enterprises } from '../../../src/db/schema/index.js'
import { usccCheckChar } from '../../../src/domain/identity.js'
import { makeResidentId } from '../../../src/domain/memberships.js'
import { createUser, insertBuilding, injectAs } from '../../helper.js'
import type { UserRow } from '../../../src/features/accounts/accounts-repository.js'

let usccSeq = 0
export function nextUscc (): string {
  usccSeq++
  const first17 = '91530102' + String(100_000_000 + usccSeq).slice(1)
  return first17 + usccCheckChar(first17)
}

let idSeq = 0
/** A valid resident ID, different on each call. */
export function nextId (birth = '1990-05-17'): string {
  idSeq++
  const d = new Date(Date.parse(birth + 'T00:00:00Z') + (idSeq % 3000) * 86_400_000).toISOString().slice(0, 10)
  return makeResidentId('530102', d, 100 + Math.floor(idSeq / 3000) * 7 + (idSeq % 7))
}

export function insertEnterprise (app: FastifyInstance, v: { buildingId: number, liaisonUserId: number, status?: 'pending' | 'enrolled' | 'rejected' | 'withdrawn', name?: string }): number {
  const at = app.clock.iso()
  return app.db.insert(enterprises).values({
    buildingId: v.buildingId, name: v.name ?? `企业${usccSeq + 1}`, uscc: nextUscc(), headcount: 20, liaisonUserId: v.liaisonUserId,
    status: v.status ?? 'enrolled', submittedAt: at, createdAt: at, updatedAt: at
  }).returning({ id: enterprises.id }).get().id
}

export interface World {
  buildingA: number, buildingB: number
  liaisonA: UserRow, liaisonB: UserRow, liaisonPending: UserRow
  staffA: UserRow, staffB: UserRow, admin: UserRow
  entA: number, entA2: number, entB: number, entPending: number, entWithdrawn: number
}

/** Two buildings, enterprises in each with their liaisons, staff of each building, an admin. */
export async function world (app: FastifyInstance): Promise<World> {
  const buildingA = insertBuilding(app, '五华科创大厦')
  const buildingB = insertBuilding(app, '盘龙商务中心')
  const liaisonA = await createUser(app, { name: '联络员甲' })
  const liaisonB = await createUser(app, { name: '联络员乙' })
  const liaisonPending = await createUser(app, { name: '联络员丙' })
  const staffA = await createUser(app, { role: 'staff', buildingIds: [buildingA], name: '工作人员甲' })
  const staffB = await createUser(app, { role: 'staff', buildingIds: [buildingB], name: '工作人员乙' })
  const admin = await createUser(app, { role: 'admin', name: '管理员' })
  const entA = insertEnterprise(app, { buildingId: buildingA, liaisonUserId: liaisonA.id, name: '云岭软件有限公司' })
  const entA2 = insertEnterprise(app, { buildingId: buildingA, liaisonUserId: liaisonA.id, name: '滇池设计有限公司' })
  const entB = insertEnterprise(app, { buildingId: buildingB, liaisonUserId: liaisonB.id, name: '盘龙物流有限公司' })
  const entPending = insertEnterprise(app, { buildingId: buildingA, liaisonUserId: liaisonPending.id, status: 'pending', name: '待审企业' })
  const entWithdrawn = insertEnterprise(app, { buildingId: buildingA, liaisonUserId: liaisonPending.id, status: 'withdrawn', name: '已退出企业' })
  return { buildingA, buildingB, liaisonA, liaisonB, liaisonPending, staffA, staffB, admin, entA, entA2, entB, entPending, entWithdrawn }
}

export async function applyAs (app: FastifyInstance, user: UserRow, body: Record<string, unknown>) {
  return await injectAs(app, user, { method: 'POST', url: '/api/v1/memberships', payload: body })
}

/** A new member account with an application (and, when `approver` is given, approved). */
export async function member (app: FastifyInstance, enterpriseId: number, approver?: UserRow, name = '张三'): Promise<{ user: UserRow, id: number, idNumber: string, memberNo?: string }> {
  const user = await createUser(app, { name })
  const idNumber = nextId()
  const res = await applyAs(app, user, { enterpriseId, name, idNumber })
  if (res.statusCode !== 201) throw new Error('apply failed: ' + res.body)
  const id = res.json().id as number
  if (approver === undefined) return { user, id, idNumber }
  const ok = await injectAs(app, approver, { method: 'POST', url: `/api/v1/memberships/${id}/approve` })
  if (ok.statusCode !== 200) throw new Error('approve failed: ' + ok.body)
  return { user, id, idNumber, memberNo: ok.json().memberNo }
}
