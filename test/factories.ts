// One place for the test data every feature stands on: valid identity codes that are unique in
// the test process, and the enterprise rows inserted directly (the enrolment itself has its own
// tests). The feature fixtures (test/features/*/fixtures.ts) build their worlds from these.
// Codes use the Xundian county (530129), which no hand-written code in the tests uses.
import type { FastifyInstance } from 'fastify'
import { enterprises } from '../src/db/schema/index.js'
import { usccCheckChar } from '../src/domain/identity.js'
import { makeResidentId } from '../src/domain/memberships.js'
import { createUser } from './helper.js'

let seq = 0
const next = (): number => ++seq

/** A valid Unified Social Credit Code (GB 32100-2015), different on each call. */
export function uniqueUscc (): string {
  const first17 = '91530129' + String(next()).padStart(9, '0')
  return first17 + usccCheckChar(first17)
}

/** A valid resident ID number (GB 11643-1999) of an adult, different on each call. */
export function uniqueResidentId (birth = '1985-03-01'): string {
  const n = next()
  const day = new Date(Date.parse(`${birth}T00:00:00Z`) + (n % 3650) * 86_400_000).toISOString().slice(0, 10)
  return makeResidentId('530129', day, Math.floor(n / 3650) + 100)
}

export type EnterpriseStatus = 'pending' | 'enrolled' | 'rejected' | 'withdrawn'

export interface EnterpriseOpts {
  /** Its liaison; without one, a new user becomes it. */
  liaisonUserId?: number
  status?: EnterpriseStatus
  name?: string
  headcount?: number
}

/** An enterprise of a building (enrolled unless told), inserted directly; its id. */
export async function insertEnterprise (app: FastifyInstance, buildingId: number, opts: EnterpriseOpts = {}): Promise<number> {
  const liaisonUserId = opts.liaisonUserId ?? (await createUser(app, { name: '联络员' })).id
  const status = opts.status ?? 'enrolled'
  const at = app.clock.iso()
  return app.db.insert(enterprises).values({
    buildingId, name: opts.name ?? `测试企业${next()}`, uscc: uniqueUscc(), headcount: opts.headcount ?? 30, liaisonUserId, status,
    submittedAt: at, decidedAt: status === 'pending' ? null : at, createdAt: at, updatedAt: at
  }).returning({ id: enterprises.id }).get().id
}
