// Rows the aid tests stand on, inserted directly: a building, an enrolled enterprise with its
// liaison, active members (from test/factories.ts, ID numbers stored as applying stores them).
import type { FastifyInstance } from 'fastify'
import type { UserRow } from '../../../src/features/accounts/accounts-repository.js'
import { createUser, insertBuilding, injectAs } from '../../helper.js'
import { insertEnterprise, insertMembership } from '../../factories.js'

export interface World {
  buildingId: number
  otherBuildingId: number
  enterpriseId: number
  liaison: UserRow
  member: UserRow
  membershipId: number
  otherMember: UserRow
  otherMembershipId: number
  staff: UserRow
  otherStaff: UserRow
  admin: UserRow
  nonMember: UserRow
}

/** Two buildings; an enterprise in the first with a liaison and two active members; staff of each; an admin. */
export async function world (app: FastifyInstance): Promise<World> {
  const buildingId = insertBuilding(app, '五华科创大厦')
  const otherBuildingId = insertBuilding(app, '盘龙大厦')
  const liaison = await createUser(app, { name: '联络员' })
  const enterpriseId = await insertEnterprise(app, buildingId, { liaisonUserId: liaison.id, headcount: 20 })
  const member = await createUser(app, { name: '王芳' })
  const membershipId = insertMembership(app, enterpriseId, { userId: member.id, name: '王芳' })
  const otherMember = await createUser(app, { name: '李强' })
  const otherMembershipId = insertMembership(app, enterpriseId, { userId: otherMember.id, name: '李强' })
  const staff = await createUser(app, { role: 'staff', buildingIds: [buildingId], name: '楼宇工作人员' })
  const otherStaff = await createUser(app, { role: 'staff', buildingIds: [otherBuildingId], name: '别楼工作人员' })
  const admin = await createUser(app, { role: 'admin', name: '管理员' })
  const nonMember = await createUser(app, { name: '路人' })
  return {
    buildingId, otherBuildingId, enterpriseId, liaison, member, membershipId, otherMember, otherMembershipId, staff, otherStaff, admin,
    nonMember
  }
}

let keySeq = 0
export const newKey = (): string => `key-${process.pid}-${++keySeq}`

/** Orders a share through the API as `user`. */
export async function order (app: FastifyInstance, user: UserRow, body: Record<string, unknown> = { shares: 1 }, key = newKey()) {
  return await injectAs(app, user, { method: 'POST', url: '/api/v1/aid/purchases', headers: { 'idempotency-key': key }, payload: body })
}

export async function confirm (app: FastifyInstance, user: UserRow, id: number, body: Record<string, unknown>) {
  return await injectAs(app, user, { method: 'POST', url: `/api/v1/aid/purchases/${id}/confirm-payment`, payload: body })
}
