// Money is an integer number of fen (1 yuan = 100 fen), never a float.

export const MAX_FEN = 100_000_000_000

export function isFen (v: unknown): v is number {
  return typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 && v <= MAX_FEN
}

/**
 * Reads yuan as people type it ("1234.5", "1,234.50", "¥ 80000") and returns exact fen,
 * or null when it is not an amount with at most two decimals. Parsed from the digits,
 * so no binary fraction ever touches the value.
 */
export function parseYuanToFen (input: string): number | null {
  const s = input.trim().replace(/^[¥￥]\s*/, '').replace(/,/g, '')
  const m = /^(\d{1,12})(?:\.(\d{0,2}))?$/.exec(s)
  if (m === null) return null
  const fen = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'))
  return fen <= MAX_FEN ? fen : null
}

/** 123450 → "1234.50" (for form fields). */
export function fenToYuanString (fen: number): string {
  const sign = fen < 0 ? '-' : ''
  const a = Math.abs(fen)
  return `${sign}${Math.floor(a / 100)}.${String(a % 100).padStart(2, '0')}`
}

/** 123450 → "¥1,234.50" (for display). */
export function formatFen (fen: number): string {
  const sign = fen < 0 ? '-' : ''
  const a = Math.abs(fen)
  const yuan = String(Math.floor(a / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',')
  return `${sign}¥${yuan}.${String(a % 100).padStart(2, '0')}`
}
