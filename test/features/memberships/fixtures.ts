// Shared set-up for the memberships tests: buildings, enterprises with liaisons (rows and IDs from
// test/factories.ts), applying through the API.
import type { FastifyInstance } from 'fastify'
import { createUser, insertBuilding, injectAs } from '../../helper.js'
import { insertEnterprise, uniqueResidentId } from '../../factories.js'
import type { UserRow } from '../../../src/features/accounts/accounts-repository.js'

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
  const entA = await insertEnterprise(app, buildingA, { liaisonUserId: liaisonA.id, name: '云岭软件有限公司', headcount: 20 })
  const entA2 = await insertEnterprise(app, buildingA, { liaisonUserId: liaisonA.id, name: '滇池设计有限公司', headcount: 20 })
  const entB = await insertEnterprise(app, buildingB, { liaisonUserId: liaisonB.id, name: '盘龙物流有限公司', headcount: 20 })
  const entPending = await insertEnterprise(app, buildingA, { liaisonUserId: liaisonPending.id, status: 'pending', name: '待审企业', headcount: 20 })
  const entWithdrawn = await insertEnterprise(app, buildingA, { liaisonUserId: liaisonPending.id, status: 'withdrawn', name: '已退出企业', headcount: 20 })
  return { buildingA, buildingB, liaisonA, liaisonB, liaisonPending, staffA, staffB, admin, entA, entA2, entB, entPending, entWithdrawn }
}

export async function applyAs (app: FastifyInstance, user: UserRow, body: Record<string, unknown>) {
  return await injectAs(app, user, { method: 'POST', url: '/api/v1/memberships', payload: body })
}

/** A new member account with an application (and, when `approver` is given, approved). */
export async function member (app: FastifyInstance, enterpriseId: number, approver?: UserRow, name = '张三'): Promise<{ user: UserRow, id: number, idNumber: string, memberNo?: string }> {
  const user = await createUser(app, { name })
  const idNumber = uniqueResidentId()
  const res = await applyAs(app, user, { enterpriseId, name, idNumber })
  if (res.statusCode !== 201) throw new Error('apply failed: ' + res.body)
  const id = res.json().id as number
  if (approver === undefined) return { user, id, idNumber }
  const ok = await injectAs(app, approver, { method: 'POST', url: `/api/v1/memberships/${id}/approve` })
  if (ok.statusCode !== 200) throw new Error('approve failed: ' + ok.body)
  return { user, id, idNumber, memberNo: ok.json().memberNo }
}
