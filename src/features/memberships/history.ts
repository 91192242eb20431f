// A membership's history as its managers read it: each step in words, who took it, and what
// it changed (the reason, the enterprise moved to, the number given), never an internal code or
// a note the system wrote for itself. The audit log keeps the exact record.
import type { DbOrTx } from '../../db/index.js'
import { auditHistory } from '../audit/audit-repository.js'
import * as repo from './memberships-repository.js'

export interface HistoryLine {
  at: string
  /** `audit.action.<action>`: the step in words. */
  actionKey: string
  /** Who took it; undefined when the system did (an import, the demo). */
  who: string | undefined
  /** What it changed, in words: a message key and its values (`reason`, `enterprise`, `memberNo`). */
  detailKey?: string
  reason?: string
  enterprise?: string
  memberNo?: string
}

type Json = Record<string, unknown> | null
const parse = (s: string | null): Json => {
  if (s === null) return null
  try { return JSON.parse(s) as Json } catch { return null }
}
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v : undefined)

function detail (db: DbOrTx, action: string, before: Json, after: Json, note: string | null): Omit<HistoryLine, 'at' | 'actionKey' | 'who'> {
  const enterprise = (id: unknown): string | undefined => (typeof id === 'number' ? repo.findEnterprise(db, id)?.name : undefined)
  switch (action) {
    case 'membership.approve': {
      const memberNo = str(after?.memberNo)
      return memberNo === undefined ? {} : { detailKey: 'memberships.history.memberNo', memberNo }
    }
    case 'membership.reject': {
      const reason = str(after?.reason)
      return reason === undefined ? {} : { detailKey: 'memberships.history.reason', reason }
    }
    // The note of leaving is what the person or staff typed.
    case 'membership.leave': return str(note) === undefined ? {} : { detailKey: 'memberships.history.reason', reason: note! }
    case 'membership.transfer_request': {
      const name = enterprise(after?.to)
      return name === undefined ? {} : { detailKey: 'memberships.history.transferTo', enterprise: name }
    }
    case 'membership.transfer_confirm': {
      const name = enterprise(after?.enterpriseId)
      return name === undefined ? {} : { detailKey: 'memberships.history.movedTo', enterprise: name }
    }
    case 'membership.transfer_reject': {
      const reason = str(after?.note)
      return reason === undefined ? {} : { detailKey: 'memberships.history.reason', reason }
    }
    case 'membership.claim': {
      const was = before?.status
      const now = after?.status
      if (was === 'active' && now === 'applied') return { detailKey: 'memberships.history.claimBackToApproval' }
      if (was === 'active') return { detailKey: 'memberships.history.claimProven' }
      return { detailKey: 'memberships.history.claimApplication' }
    }
    default: return {}
  }
}

/** The membership's steps, newest first. */
export function membershipHistory (db: DbOrTx, membershipId: number): HistoryLine[] {
  const names = new Map<number, string | undefined>()
  const nameOf = (id: number | null): string | undefined => {
    if (id === null) return undefined
    if (!names.has(id)) names.set(id, repo.userName(db, id))
    return names.get(id)
  }
  return auditHistory(db, 'membership', membershipId).reverse().map((h) => ({
    at: h.at,
    actionKey: `audit.action.${h.action}`,
    who: nameOf(h.actorUserId),
    ...detail(db, h.action, parse(h.before), parse(h.after), h.note)
  }))
}
