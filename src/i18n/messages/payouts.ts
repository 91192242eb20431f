import type { Messages } from '../index.js'

// Messages of the second release of claims: required documents, returns for documents, payout
// accounts, bank files, two people on each payment, notices and the settlement sheet.
const messages: Messages = {
  zh: {
    'aid.plan.requiredDocuments': '报销必须提交的材料（不勾选则不要求）',
    'aid.plan.processingDays': '承诺办理时限（工作日）',
    'aid.plan.v.requiredDocuments': '材料类型只能是发票、费用清单、出院小结/诊断证明或医保结算单。',
    'aid.plan.v.processingDays': '办理时限必须是 1 到 365 之间的整数（工作日）。'
  },
  en: {
    'aid.plan.requiredDocuments': 'Documents a claim must include (none ticked: none required)',
    'aid.plan.processingDays': 'Promised processing time (working days)',
    'aid.plan.v.requiredDocuments': 'Document kinds can only be invoice, itemised bill, discharge summary/diagnosis or insurance settlement statement.',
    'aid.plan.v.processingDays': 'The processing time must be a whole number of working days from 1 to 365.'
  }
}
export default messages
