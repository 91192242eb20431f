// A building with enrolled enterprises and members who have accounts (inserted directly, one
// password hash for all: cheap), staff of the building and of another, an admin.
import type { FastifyInstance } from 'fastify'
import { users } from '../../../src/db/schema/index.js'
import { hashPassword } from '../../../src/lib/password.js'
import type { UserRow } from '../../../src/features/accounts/accounts-repository.js'
import { createUser, injectAs, insertBuilding, nextPhone, PASSWORD, type TestClock } from '../../helper.js'
import { insertEnterprise, insertMembership } from '../../factories.js'

type App = FastifyInstance & { testClock: TestClock }

let hash: string | undefined
let seq = 0

export interface Member { user: UserRow, membershipId: number }

/** `n` members with accounts, spread over the enterprises. */
export async function insertMembers (app: App, enterpriseIds: number[], n: number): Promise<Member[]> {
  hash ??= await hashPassword(PASSWORD)
  const at = app.clock.iso()
  const out: Member[] = []
  for (let i = 0; i < n; i++) {
    seq++
    const user = app.db.insert(users).values({ phone: nextPhone(), name: `代表${seq}`, passwordHash: hash, createdAt: at, updatedAt: at }).returning().get()
    const membershipId = insertMembership(app, enterpriseIds[i % enterpriseIds.length], { userId: user.id, name: user.name, mobile: user.phone, joinedOn: '2025-06-01' })
    out.push({ user: user as UserRow, membershipId })
  }
  return out
}

export async function governanceWorld (app: App, members = 33) {
  const buildingId = insertBuilding(app)
  const otherBuildingId = insertBuilding(app, '盘龙金融中心', 40)
  const enterpriseIds = [await insertEnterprise(app, buildingId), await insertEnterprise(app, buildingId), await insertEnterprise(app, buildingId)]
  const otherEnterpriseId = await insertEnterprise(app, otherBuildingId)
  const people = await insertMembers(app, enterpriseIds, members)
  const [outsider] = await insertMembers(app, [otherEnterpriseId], 1)
  return {
    buildingId,
    otherBuildingId,
    enterpriseIds,
    members: people,
    outsider,
    staff: await createUser(app, { role: 'staff', buildingIds: [buildingId], name: '楼宇工作人员' }),
    otherStaff: await createUser(app, { role: 'staff', buildingIds: [otherBuildingId], name: '别楼工作人员' }),
    admin: await createUser(app, { role: 'admin', name: '管理员' })
  }
}

/** Calls that must succeed; returns the JSON answer. */
export async function ok (app: App, user: UserRow, method: 'POST' | 'DELETE', url: string, payload?: unknown): Promise<Record<string, unknown>> {
  const res = await injectAs(app, user, { method, url, ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }) })
  if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`)
  return res.statusCode === 204 ? {} : res.json()
}

/** A founded congress with the members seated: `operators` of them as enterprise operators. */
export async function seatedCongress (app: App, w: Awaited<ReturnType<typeof governanceWorld>>, seats = 30, operators = 6) {
  const { id } = await ok(app, w.staff, 'POST', '/api/v1/congresses', { buildingId: w.buildingId, term: 3, startsOn: '2026-01-01' }) as { id: number }
  const reps: number[] = []
  for (let i = 0; i < seats; i++) {
    const r = await ok(app, w.staff, 'POST', `/api/v1/congresses/${id}/representatives`, { membershipId: w.members[i].membershipId, category: i < operators ? 'operator' : i % 2 === 0 ? 'frontline' : 'staff' })
    reps.push(r.id as number)
  }
  return { congressId: id, reps }
}
