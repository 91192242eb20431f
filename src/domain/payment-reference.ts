// The reference a payer writes in a bank transfer's remark (转账附言), so staff can match the
// money to its order: HZP + the order's number for one share, HZG + the group order's number
// for a company's transfer covering a group. Pure.

export type PaymentReference = { kind: 'order' | 'group', id: number }

export function paymentReference (ref: PaymentReference): string {
  return `HZ${ref.kind === 'group' ? 'G' : 'P'}${String(ref.id).padStart(6, '0')}`
}

/** Reads a reference as people copy it ("hzg 000012", "HZ-G-12"); null when it is not one. */
export function parsePaymentReference (input: string): PaymentReference | null {
  const m = /^HZ([GP])(\d{1,12})$/.exec(input.toUpperCase().replace(/[\s\-_]/g, ''))
  if (m === null) return null
  const id = Number(m[2])
  if (!Number.isSafeInteger(id) || id <= 0) return null
  return { kind: m[1] === 'G' ? 'group' : 'order', id }
}
