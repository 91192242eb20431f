import t from 'tap'
import fc from 'fast-check'
import {
  approvalAction, BATCH_STATES, BATCH_TRANSITIONS, batchTransition, CLAIM_STATES, CLAIM_TRANSITIONS, claimTransition, isParty,
  mayTake, mayTakeBatch, needsSecondApproval, type BatchAction, type BatchState, type ClaimAction, type ClaimState
} from '../../src/domain/claim-lifecycle.js'

// Every transition, every state it may leave from: [action, from, to]. Anything not here is refused.
const CLAIM_TABLE: Array<[ClaimAction, ClaimState, ClaimState]> = [
  ['approve', 'submitted', 'approved'],
  ['approveFirst', 'submitted', 'awaiting_second_approval'],
  ['approveSecond', 'awaiting_second_approval', 'approved'],
  ['reject', 'submitted', 'rejected'],
  ['reject', 'needs_documents', 'rejected'],
  ['reject', 'awaiting_second_approval', 'rejected'],
  ['returnForDocuments', 'submitted', 'needs_documents'],
  ['returnForDocuments', 'awaiting_second_approval', 'needs_documents'],
  ['resubmit', 'needs_documents', 'submitted'],
  ['pay', 'approved', 'paid'],
  ['transferReturned', 'approved', 'approved'],
  ['transferReturned', 'paid', 'approved']
]

t.test('claim transitions: each allowed one leads where the table says, every other pair is refused', async (t) => {
  for (const action of Object.keys(CLAIM_TRANSITIONS) as ClaimAction[]) {
    for (const from of CLAIM_STATES) {
      const row = CLAIM_TABLE.find(([a, f]) => a === action && f === from)
      t.equal(claimTransition(action, from), row === undefined ? null : row[2], `${action} from ${from}`)
    }
  }
  t.equal(CLAIM_TABLE.length, Object.values(CLAIM_TRANSITIONS).reduce((n, tr) => n + tr.from.length, 0), 'the table names every transition')
})

t.test('rejected and paid are final for the review actions', async (t) => {
  for (const action of ['approve', 'approveFirst', 'approveSecond', 'reject', 'returnForDocuments', 'resubmit'] as ClaimAction[]) {
    t.equal(claimTransition(action, 'rejected'), null, `${action} from rejected`)
    t.equal(claimTransition(action, 'paid'), null, `${action} from paid`)
  }
})

const member = { isClaimant: true, mayReviewBuilding: false }
const staff = { isClaimant: false, mayReviewBuilding: true }
const staffClaimant = { isClaimant: true, mayReviewBuilding: true }
const outsider = { isClaimant: false, mayReviewBuilding: false }

t.test('who may take each claim transition', async (t) => {
  const table: Array<[ClaimAction, object, boolean]> = [
    ['approve', staff, true], ['approve', member, false], ['approve', staffClaimant, false], ['approve', outsider, false],
    ['approveFirst', staff, true], ['approveFirst', staffClaimant, false],
    ['approveSecond', { ...staff, isFirstApprover: false }, true], ['approveSecond', { ...staff, isFirstApprover: true }, false],
    ['approveSecond', { ...staffClaimant, isFirstApprover: false }, false],
    ['reject', staff, true], ['reject', member, false], ['reject', staffClaimant, false],
    ['returnForDocuments', staff, true], ['returnForDocuments', member, false], ['returnForDocuments', staffClaimant, false],
    ['resubmit', member, true], ['resubmit', staffClaimant, true], ['resubmit', staff, false], ['resubmit', outsider, false],
    ['pay', { ...staff, isBatchMaker: false }, true], ['pay', { ...staff, isBatchMaker: true }, false], ['pay', { ...staffClaimant, isBatchMaker: false }, false],
    ['transferReturned', staff, true], ['transferReturned', member, false]
  ]
  for (const [action, facts, may] of table) t.equal(mayTake(action, facts as never), may, `${action} by ${JSON.stringify(facts)}`)
  t.equal(isParty('claimant', outsider), false)
})

t.test('the four-eyes threshold: exactly the threshold needs one approval, one fen more needs two', async (t) => {
  const plan = { secondApprovalAboveFen: 500000 }
  t.equal(needsSecondApproval(500000, plan), false)
  t.equal(needsSecondApproval(500001, plan), true)
  t.equal(needsSecondApproval(499999, plan), false)
  t.equal(needsSecondApproval(0, { secondApprovalAboveFen: 0 }), false, 'nothing to pay never needs two')
  t.equal(needsSecondApproval(1, { secondApprovalAboveFen: 0 }), true, 'threshold 0: every paying claim needs two')
  t.equal(approvalAction('submitted', 500000, plan), 'approve')
  t.equal(approvalAction('submitted', 500001, plan), 'approveFirst')
  t.equal(approvalAction('awaiting_second_approval', 1, plan), 'approveSecond')
  for (const s of ['needs_documents', 'approved', 'rejected', 'paid'] as ClaimState[]) t.equal(approvalAction(s, 1, plan), null, `no approval from ${s}`)
  fc.assert(fc.property(fc.integer({ min: 0, max: 1e11 }), fc.integer({ min: 0, max: 1e11 }), (payable, above) =>
    needsSecondApproval(payable, { secondApprovalAboveFen: above }) === (payable >= above + 1)))
})

t.test('payment batch transitions and who may take them', async (t) => {
  const table: Array<[BatchAction, BatchState, BatchState | null]> = [
    ['markExported', 'open', 'exported'], ['markExported', 'exported', null], ['markExported', 'paid', null],
    ['markPaid', 'open', 'paid'], ['markPaid', 'exported', 'paid'], ['markPaid', 'paid', null]
  ]
  for (const [a, from, to] of table) t.equal(batchTransition(a, from), to, `${a} from ${from}`)
  t.equal(table.length, (Object.keys(BATCH_TRANSITIONS).length * BATCH_STATES.length))
  t.equal(mayTakeBatch('markPaid', { mayReviewAll: true, isBatchMaker: true }), false, 'the maker never marks paid')
  t.equal(mayTakeBatch('markPaid', { mayReviewAll: true, isBatchMaker: false }), true)
  t.equal(mayTakeBatch('markPaid', { mayReviewAll: false, isBatchMaker: false }), false)
  t.equal(mayTakeBatch('markExported', { mayReviewAll: true, isBatchMaker: true }), true, 'the maker may hand the file to the bank')
})
