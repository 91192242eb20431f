// Shared set-up for the buildings tests: a building with its people, an enrolment through the API.
import type { FastifyInstance } from 'fastify'
import { createUser, injectAs, insertBuilding } from '../../helper.js'
import { uniqueUscc } from '../../factories.js'
import type { UserRow } from '../../../src/features/accounts/accounts-repository.js'

export interface Cast {
  buildingId: number
  otherBuildingId: number
  admin: UserRow
  staff: UserRow
  otherStaff: UserRow
  liaison: UserRow
  stranger: UserRow
}

/** A building and another, admin, staff of each, a liaison-to-be and an unrelated user. */
export async function cast (app: FastifyInstance): Promise<Cast> {
  const buildingId = insertBuilding(app, '五华科创大厦', 96)
  const otherBuildingId = insertBuilding(app, '盘龙金融中心', 40)
  return {
    buildingId,
    otherBuildingId,
    admin: await createUser(app, { role: 'admin', name: '管理员' }),
    staff: await createUser(app, { role: 'staff', buildingIds: [buildingId], name: '楼宇工作人员' }),
    otherStaff: await createUser(app, { role: 'staff', buildingIds: [otherBuildingId], name: '别楼工作人员' }),
    liaison: await createUser(app, { name: '联络员' }),
    stranger: await createUser(app, { name: '路人' })
  }
}

export async function enrol (
  app: FastifyInstance, liaison: UserRow, buildingId: number, extra: Record<string, unknown> = {}
): Promise<number> {
  const res = await injectAs(app, liaison, { method: 'POST', url: '/api/v1/enterprises', payload: { buildingId, name: '云岭科技有限公司', uscc: uniqueUscc(), headcount: 25, ...extra } })
  if (res.statusCode !== 201) throw new Error('enrol failed: ' + res.body)
  return res.json().id as number
}
