// Identity checks: resident ID (GB 11643-1999), Unified Social Credit Code (GB 32100-2015),
// mainland mobile numbers. Pure functions, no I/O.
import { isRealDate } from './dates.js'

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const ID_CHECK = '10X98765432'

export type ResidentIdProblem = 'format' | 'birthDate' | 'futureBirthDate' | 'checksum'

/** Upper-cases a trailing x and trims; does not validate. */
export function normaliseResidentId (raw: string): string {
  return raw.trim().toUpperCase()
}

export function residentIdCheckChar (first17: string): string {
  let sum = 0
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_WEIGHTS[i]
  return ID_CHECK[sum % 11]
}

/** Returns null when the number is valid, else what is wrong with it. `today` is YYYY-MM-DD. */
export function residentIdProblem (raw: string, today: string): ResidentIdProblem | null {
  const id = normaliseResidentId(raw)
  if (!/^\d{17}[\dX]$/.test(id)) return 'format'
  const birth = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`
  // DOMAIN.md's own valid example is born in 1880: only dates before 1800 are taken as garbage.
  if (!isRealDate(birth) || birth < '1800-01-01') return 'birthDate'
  if (birth > today) return 'futureBirthDate'
  if (residentIdCheckChar(id.slice(0, 17)) !== id[17]) return 'checksum'
  return null
}

export interface ResidentIdFacts { birthDate: string, gender: 'male' | 'female' }

/** Birth date and gender (odd 17th digit: male) of a valid number. */
export function residentIdFacts (id: string): ResidentIdFacts {
  const n = normaliseResidentId(id)
  return {
    birthDate: `${n.slice(6, 10)}-${n.slice(10, 12)}-${n.slice(12, 14)}`,
    gender: Number(n[16]) % 2 === 1 ? 'male' : 'female'
  }
}

/** 11010519491231002X → 110105********002X */
export function maskResidentId (id: string): string {
  const n = normaliseResidentId(id)
  return n.length === 18 ? n.slice(0, 6) + '********' + n.slice(14) : '*'.repeat(n.length)
}

const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY'
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

export type UsccProblem = 'format' | 'checksum'

export function normaliseUscc (raw: string): string {
  return raw.trim().toUpperCase()
}

export function usccCheckChar (first17: string): string {
  let sum = 0
  for (let i = 0; i < 17; i++) sum += USCC_CHARS.indexOf(first17[i]) * USCC_WEIGHTS[i]
  return USCC_CHARS[(31 - (sum % 31)) % 31]
}

export function usccProblem (raw: string): UsccProblem | null {
  const code = normaliseUscc(raw)
  if (code.length !== 18) return 'format'
  for (const ch of code) if (!USCC_CHARS.includes(ch)) return 'format'
  return usccCheckChar(code.slice(0, 17)) === code[17] ? null : 'checksum'
}

/** "+86 138-0013-8000" → "13800138000", or null when it is not a mainland mobile number. */
export function normaliseMobile (raw: string): string | null {
  let s = raw.trim().replace(/[\s-]/g, '')
  if (s.startsWith('+86')) s = s.slice(3)
  else if (s.startsWith('86') && s.length === 13) s = s.slice(2)
  return /^1[3-9]\d{9}$/.test(s) ? s : null
}

/** 13800138000 → 138****8000 */
export function maskMobile (m: string): string {
  return m.length === 11 ? m.slice(0, 3) + '****' + m.slice(7) : m
}
