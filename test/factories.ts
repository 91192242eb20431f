// One place for the test data every feature stands on: valid identity codes that are unique in
// the test process, and the enterprise and membership rows inserted directly (enrolment and
// applying have their own tests). The feature fixtures (test/*/fixtures.ts) build their worlds
// from these. Codes use the Xundian county (530129), which no hand-written code in the tests uses.
import type { FastifyInstance } from 'fastify'
import { enterprises, memberships } from '../src/db/schema/index.js'
import { maskResidentId, residentIdFacts, usccCheckChar } from '../src/domain/identity.js'
import { makeResidentId } from '../src/domain/memberships.js'
import { createUser } from './helper.js'

let seq = 0
const next = (): number => ++seq

/** A valid Unified Social Credit Code (GB 32100-2015), different on each call. */
export function uniqueUscc (): string {
  const first17 = '91530129' + String(next()).padStart(9, '0')
  return first17 + usccCheckChar(first17)
}

/**
 * A valid resident ID number (GB 11643-1999) of an adult born on or a few days after `birth`,
 * different on each call whatever `birth` each call names: the order code (100–999) comes from
 * the call's number, the day moves on once every 900 calls.
 */
export function uniqueResidentId (birth = '1985-03-01'): string {
  const n = next()
  const day = new Date(Date.parse(`${birth}T00:00:00Z`) + Math.floor(n / 900) * 86_400_000).toISOString().slice(0, 10)
  return makeResidentId('530129', day, 100 + (n % 900))
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

export type MembershipStatus = 'applied' | 'active' | 'rejected' | 'left'

export interface MembershipOpts {
  /** Its account; none unless told (a member on the roster without an account). */
  userId?: number | null
  status?: MembershipStatus
  name?: string
  mobile?: string | null
  /** The day an active (or left) member joined; today unless told. */
  joinedOn?: string
  /** Its ID number; a new unique one unless told. */
  idNumber?: string
}

/**
 * A membership of the enterprise (active unless told), inserted directly; its id. The ID number
 * is encrypted, hashed and masked, gender and birth date read from it, as applying stores them;
 * active and left members have a member number and a joining day.
 */
export function insertMembership (app: FastifyInstance, enterpriseId: number, opts: MembershipOpts = {}): number {
  const idNumber = opts.idNumber ?? uniqueResidentId()
  const facts = residentIdFacts(idNumber)
  const status = opts.status ?? 'active'
  const joined = status === 'active' || status === 'left'
  const at = app.clock.iso()
  return app.db.insert(memberships).values({
    userId: opts.userId ?? null, enterpriseId, name: opts.name ?? '会员', idCipher: app.pii.encrypt(idNumber), idHash: app.pii.hash(idNumber),
    idMasked: maskResidentId(idNumber), gender: facts.gender, birthDate: facts.birthDate, mobile: opts.mobile ?? null,
    memberNo: joined ? `TM${String(next()).padStart(8, '0')}` : null, status, joinedOn: joined ? (opts.joinedOn ?? app.clock.today()) : null,
    consentAt: at, appliedAt: at, createdAt: at, updatedAt: at
  }).returning({ id: memberships.id }).get().id
}
