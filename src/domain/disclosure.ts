// Affairs disclosure (厂务公开): what is published, and the quarter staff watch for silence.

export const DISCLOSURE_CATEGORIES = ['pay', 'welfare', 'safety', 'contract', 'finance', 'rules', 'other'] as const
export type DisclosureCategory = typeof DISCLOSURE_CATEGORIES[number]

/** The first day of the calendar quarter containing `date` (YYYY-MM-DD). */
export function quarterStart (date: string): string {
  const month = Number(date.slice(5, 7))
  const first = month - ((month - 1) % 3)
  return `${date.slice(0, 4)}-${String(first).padStart(2, '0')}-01`
}

/** "2026 Q2" style label parts. */
export function quarterOf (date: string): { year: number, quarter: number } {
  return { year: Number(date.slice(0, 4)), quarter: Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1 }
}
