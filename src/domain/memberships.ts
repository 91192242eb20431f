// Pure rules of membership: the membership number, the masked name shown on the public check
// page, and building valid resident ID numbers (for the demo seed and tests). No I/O.
import { residentIdCheckChar } from './identity.js'

/** The counter member numbers are taken from (a row of `counters`). */
export const MEMBER_NO_COUNTER = 'membership_no'

/** "KM" + join year + a 6-digit sequence that never repeats: KM2026000123. */
export function formatMemberNo (year: number | string, seq: number): string {
  return `KM${year}${String(seq).padStart(6, '0')}`
}

/** 王芳 → 王*, 欧阳娜娜 → 欧***, "Li Lei" → L*****: enough to match a face, not to identify. */
export function maskName (name: string): string {
  const chars = [...name.trim()]
  if (chars.length === 0) return ''
  return chars[0] + '*'.repeat(Math.max(1, chars.length - 1))
}

/** A valid resident ID from its parts: 6-digit area, YYYY-MM-DD birth date, 3-digit sequence. */
export function makeResidentId (area: string, birthDate: string, seq: number): string {
  const first17 = area + birthDate.replace(/-/g, '') + String(seq % 1000).padStart(3, '0')
  return first17 + residentIdCheckChar(first17)
}
