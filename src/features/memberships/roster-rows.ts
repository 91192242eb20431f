// Checking a roster's rows, each on its own: name, resident ID (refused, never repaired, when
// Excel stored it as a number), mobile, and duplicates within the file. Pure: no database, no
// keys, so it runs in the import's worker thread.
import { maskResidentId, normaliseMobile, normaliseResidentId, residentIdProblem } from '../../domain/identity.js'
import { isExcelNumber, type ParsedRoster } from './roster-file.js'

/** A row that may be imported: the ID number valid and normalised. */
export interface RosterRow { row: number, name: string, id: string, mobile: string | null }
/** A refused row as the report shows it: the ID masked, the reason an i18n key. */
export interface RefusedRow { row: number, name: string, idMasked: string, mobile: string, reason: string }

export interface CheckedRows { valid: RosterRow[], refused: RefusedRow[], duplicates: number }

/** What may be shown of a refused cell: never a whole ID number, even a mistyped one. */
export function maskAnyId (raw: string): string {
  const s = raw.trim()
  // 1.10105199003078E+17 holds 15 of the ID's digits: keep only the first two.
  if (isExcelNumber(s)) return s.replace(/^([+-]?\d\.?\d?)([\d.]*)(E.*)$/i, (_m, a: string, b: string, e: string) => a + '*'.repeat(b.length) + e)
  if (s.length === 18) return maskResidentId(s)
  if (s.length >= 12) return s.slice(0, 4) + '*'.repeat(s.length - 6) + s.slice(-2)
  return '*'.repeat(s.length)
}

/** Checks rows [from, to) of the file (row numbers as the spreadsheet shows them: the header is 1). */
export function checkRows (parsed: ParsedRoster, today: string, seen: Set<string>, from = 0, to = parsed.rows.length): CheckedRows {
  const { columns } = parsed
  const out: CheckedRows = { valid: [], refused: [], duplicates: 0 }
  for (let i = from; i < to; i++) {
    const cells = parsed.rows[i]
    const row = i + 2
    const name = (cells[columns.name] ?? '').trim()
    const rawId = (cells[columns.idNumber] ?? '').trim()
    const rawMobile = columns.mobile === null ? '' : (cells[columns.mobile] ?? '').trim()
    const refuse = (reason: string): void => {
      out.refused.push({ row, name: name.slice(0, 50), idMasked: maskAnyId(rawId), mobile: rawMobile.slice(0, 20), reason })
    }
    if (name === '') { refuse('memberships.import.reason.name'); continue }
    if ([...name].length > 50) { refuse('memberships.import.reason.nameTooLong'); continue }
    if (rawId === '') { refuse('memberships.import.reason.idMissing'); continue }
    if (isExcelNumber(rawId)) { refuse('memberships.import.reason.idStoredAsNumber'); continue }
    const problem = residentIdProblem(rawId, today)
    if (problem !== null) { refuse('v.idNumber.' + problem); continue }
    let mobile: string | null = null
    if (rawMobile !== '') {
      mobile = normaliseMobile(rawMobile)
      if (mobile === null) { refuse('v.phone'); continue }
    }
    const id = normaliseResidentId(rawId)
    if (seen.has(id)) { out.duplicates++; refuse('memberships.import.reason.duplicateInFile'); continue }
    seen.add(id)
    out.valid.push({ row, name, id, mobile })
  }
  return out
}

/** The most rows a liaison may import for an enterprise of this declared headcount. */
export function rosterLimitForHeadcount (headcount: number): number {
  return Math.max(2 * headcount, headcount + 20)
}
