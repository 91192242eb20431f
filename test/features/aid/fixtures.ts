// Rows the aid tests stand on, inserted directly: a building, an enrolled enterprise with its
// liaison, active members (with encrypted ID numbers, as the memberships feature stores them).
import type { FastifyInstance } from 'fastify'
import { enterprises, memberships } from '../../../src/db/schema/index.js'
import { maskResidentId, residentIdCheckChar, usccCheckChar } from '../../../src/domain/identity.js'
import type { UserRow } from '../../../src/features/accounts/accounts-repository.js'
import { createUser, insertBuilding, injectAs } from '../../helper.js'

let seq = 0

export function residentId (n: number): string {
  const first17 = '110105' + '19900101' + String(100 + (n % 900)).padStart(3, '0')
  return first17 + residentIdCheckChar(first17)
}

function usccFor (n: number): string {
  const first17 = '9153010' + String(n).padStart(10, '0')
  return first17 + usccCheckChar(first17)
}

export function insertEnterprise (app: FastifyInstance, buildingId: number, liaisonUserId: number, status: 'enrolled' | 'pending' | 'withdrawn' = 'enrolled'): number {
  seq++
  const at = app.clock.iso()
  return app.db.insert(enterprises).values({
    buildingId, name: `测试企业${seq}`, uscc: usccFor(seq + 1000 * process.pid % 1000000), headcount: 20, liaisonUserId, status,
    submittedAt: at, createdAt: at, updatedAt: at
  }).returning({ id: enterprises.id }).get().id
}

export function insertMembership (app: FastifyInstance, enterpriseId: number, userId: number | null, status: 'active' | 'applied' | 'left' = 'active', name = '会员'): number {
  seq++
  const id = residentId(seq)
  const at = app.clock.iso()
  return app.db.insert(memberships).values({
    userId, enterpriseId, name, idCipher: app.pii.encrypt(id), idHash: app.pii.hash(id + ':' + seq), idMasked: maskResidentId(id),
    gender: 'male', birthDate: '1990-01-01', memberNo: status === 'applied' ? null : `M${String(seq).padStart(8, '0')}`, status,
    joinedOn: status === 'applied' ? null : app.clock.today(), consentAt: at, appliedAt: at, createdAt: at, updatedAt: at
  }).returning({ id: memberships.id }).get().id
}

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
  const enterpriseId = insertEnterprise(app, buildingId, liaison.id)
  const member = await createUser(app, { name: '王芳' })
  const membershipId = insertMembership(app, enterpriseId, member.id, 'active', '王芳')
  const otherMember = await createUser(app, { name: '李强' })
  const otherMembershipId = insertMembership(app, enterpriseId, otherMember.id, 'active', '李强')
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
