// Writing a checked roster: each chunk of rows is one transaction. Runs in the import's worker
// thread on that thread's own connection (roster-worker.ts), so the request thread never holds
// the event loop for it (a chunk of 100 rows is ~40 ms of SQLite, hashing and encryption at city
// scale: eight indexes on memberships).
import type { Db } from '../../db/index.js'
import type { Pii } from '../../lib/pii.js'
import { maskResidentId, residentIdFacts } from '../../domain/identity.js'
import { formatMemberNo, MEMBER_NO_COUNTER } from '../../domain/memberships.js'
import { changeMembership, insertMemberships, takeNumbers, type NewMembership } from './memberships-repository.js'
import { numberedClosedByHashes, openHashes } from './roster-repository.js'
import { updateImport } from './imports-repository.js'
import type { RefusedRow, RosterRow } from './roster-rows.js'

/** Who imports what, when: the same for every chunk of one import. */
export interface RosterWrite {
  importId: number
  enterpriseId: number
  /** Staff import active members (numbered); a liaison imports applications. */
  staff: boolean
  actorId: number
  /** The import's time (ISO) and Shanghai date. */
  at: string
  today: string
}

export interface ChunkOutcome { created: number, refused: RefusedRow[] }

/**
 * Writes one chunk in one transaction: rows of a person who already holds an open membership
 * are refused (already a member); a person who left keeps their member number. `processed`
 * is recorded on the import in the same transaction, so its progress is never ahead of its rows.
 */
export function writeRosterChunk (
  db: Db, pii: Pii, w: RosterWrite, rows: RosterRow[], processed: number, createdBefore: number
): ChunkOutcome {
  const chunk = rows.map((v) => ({ ...v, hash: pii.hash(v.id) }))
  return db.transaction((tx) => {
    const open = openHashes(tx, chunk.map((v) => v.hash))
    const refused: RefusedRow[] = []
    const fresh = chunk.filter((v) => {
      if (!open.has(v.hash)) return true
      refused.push({ row: v.row, name: v.name, idMasked: maskResidentId(v.id), mobile: v.mobile ?? '', reason: 'memberships.import.reason.alreadyMember' })
      return false
    })
    const earlier = numberedClosedByHashes(tx, fresh.map((v) => v.hash))
    const needNumbers = w.staff ? fresh.filter((v) => !earlier.has(v.hash)).length : 0
    let next = needNumbers > 0 ? takeNumbers(tx, MEMBER_NO_COUNTER, needNumbers) : 0
    const inserts: NewMembership[] = []
    for (const v of fresh) {
      const facts = residentIdFacts(v.id)
      const prior = earlier.get(v.hash)
      const values = {
        // Linked to an account only when the person claims it with the ID number (see apply).
        userId: null,
        enterpriseId: w.enterpriseId, name: v.name, idCipher: pii.encrypt(v.id), idHash: v.hash, idMasked: maskResidentId(v.id),
        gender: facts.gender, birthDate: facts.birthDate, mobile: v.mobile,
        status: w.staff ? 'active' as const : 'applied' as const,
        memberNo: prior?.memberNo ?? (w.staff ? formatMemberNo(w.today.slice(0, 4), next++) : null),
        joinedOn: w.staff ? w.today : null, leftOn: null,
        consentAt: w.at, appliedAt: w.at, appliedBy: w.actorId,
        decidedAt: w.staff ? w.at : null, decidedBy: w.staff ? w.actorId : null, rejectReason: null,
        source: 'import' as const, updatedAt: w.at
      }
      if (prior !== undefined) changeMembership(tx, prior.id, prior.status, values)
      else inserts.push({ ...values, createdAt: w.at })
    }
    insertMemberships(db, inserts)
    updateImport(tx, w.importId, { processedRows: processed + chunk.length, createdRows: createdBefore + fresh.length })
    return { created: fresh.length, refused }
  })
}
