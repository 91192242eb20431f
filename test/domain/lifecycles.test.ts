// Every transition of the membership, transfer, enterprise and share-order lifecycles, from
// every state: the table below is written out by hand, so a changed rule in src/domain shows
// here by name.
import t from 'tap'
import {
  transition, MEMBERSHIP_STATES, MEMBERSHIP_TRANSITIONS, TRANSFER_STATES, TRANSFER_TRANSITIONS,
  ENTERPRISE_STATES, ENTERPRISE_TRANSITIONS, ORDER_STATES, ORDER_TRANSITIONS, type Step
} from '../../src/domain/lifecycles.js'

/** "action: from → to" for every transition that may be taken; every other pair leads nowhere. */
const ALLOWED: Record<string, string[]> = {
  membership: [
    'applyAgain: rejected → applied', 'applyAgain: left → applied',
    'approve: applied → active', 'reject: applied → rejected',
    'leave: active → left', 'backToApproval: active → applied'
  ],
  transfer: ['confirm: pending → confirmed', 'reject: pending → rejected', 'cancel: pending → cancelled'],
  enterprise: [
    'approve: pending → enrolled', 'reject: pending → rejected', 'resubmit: rejected → pending', 'withdraw: enrolled → withdrawn'
  ],
  order: ['confirmPayment: pending_payment → paid', 'cancelUnpaid: pending_payment → cancelled']
}

const LIFECYCLES: Array<[string, readonly string[], Record<string, Step<string>>, string]> = [
  ['membership', MEMBERSHIP_STATES, MEMBERSHIP_TRANSITIONS, 'applied'],
  ['transfer', TRANSFER_STATES, TRANSFER_TRANSITIONS, 'pending'],
  ['enterprise', ENTERPRISE_STATES, ENTERPRISE_TRANSITIONS, 'pending'],
  ['order', ORDER_STATES, ORDER_TRANSITIONS, 'pending_payment']
]

for (const [name, states, table, initial] of LIFECYCLES) {
  t.test(`${name}: every action from every state`, async (t) => {
    const seen: string[] = []
    for (const action of Object.keys(table)) {
      for (const from of states) {
        const to = transition(table, action, from)
        if (to !== null) seen.push(`${action}: ${from} → ${to}`)
        t.equal(to === null, !ALLOWED[name].some((a) => a.startsWith(`${action}: ${from} →`)), `${action} from ${from}`)
      }
    }
    t.same(seen.sort(), [...ALLOWED[name]].sort(), 'exactly the transitions written above')
  })

  t.test(`${name}: every state is reachable from ${initial}, and each step names who takes it`, async (t) => {
    const reached = new Set([initial])
    for (let grew = true; grew;) {
      grew = false
      for (const step of Object.values(table)) {
        if (step.from.some((s) => reached.has(s)) && !reached.has(step.to)) { reached.add(step.to); grew = true }
      }
    }
    t.same([...reached].sort(), [...states].sort())
    for (const [action, step] of Object.entries(table)) t.ok(step.by.length > 0, `${action}: by ${step.by}`)
  })
}
