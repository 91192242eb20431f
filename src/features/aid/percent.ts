/** 1250 bp → "12.5" (a percentage for people). */
export function bpToPercent (bp: number): string {
  const frac = String(bp % 100).padStart(2, '0').replace(/0+$/, '')
  return `${Math.floor(bp / 100)}${frac === '' ? '' : '.' + frac}`
}
