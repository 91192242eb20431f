// An amount in fen written in Chinese financial capitals (大写金额), as on a settlement sheet or
// a cheque: 165000 → 壹仟陆佰伍拾元整, 100500 → 壹仟零伍元整, 10 → 壹角. Zeros follow the
// People's Bank payment rules: a run of zeros inside the figure is written as one 零; zeros at
// the end of a 4-digit section are not written (a section of zeros is); 整 closes an amount with no jiao or fen. Pure.
import { isFen } from './money.js'

const DIGITS = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖']
const PLACES = ['', '拾', '佰', '仟']
const SECTIONS = ['', '万', '亿', '万亿']

/** The whole yuan (up to 10^12 − 1) in capitals, without 元; '' for 0. */
function yuanInCapitals (yuan: number): string {
  const digits = String(yuan)
  let out = ''
  let zero = false
  let sectionHasDigit = false
  for (let i = 0; i < digits.length; i++) {
    const d = Number(digits[i])
    const pos = digits.length - 1 - i
    if (d === 0) {
      zero = true
    } else {
      if (zero && out !== '') out += '零'
      zero = false
      sectionHasDigit = true
      out += DIGITS[d] + PLACES[pos % 4]
    }
    if (pos % 4 === 0) {
      // A section's trailing zeros are not written (100万1000: 壹佰万壹仟); a whole section of
      // zeros is (1亿0000 1000: 壹亿零壹仟).
      if (sectionHasDigit) { out += SECTIONS[pos / 4]; zero = false }
      sectionHasDigit = false
    }
  }
  return out
}

export function fenInChineseCapitals (fen: number): string {
  if (!isFen(fen)) throw new RangeError(`not an amount in fen: ${fen}`)
  const yuan = Math.floor(fen / 100)
  const jiao = Math.floor(fen / 10) % 10
  const cents = fen % 10
  const whole = yuanInCapitals(yuan)
  if (jiao === 0 && cents === 0) return `${whole === '' ? '零' : whole}元整`
  let out = whole === '' ? '' : `${whole}元`
  if (jiao !== 0) out += `${DIGITS[jiao]}角`
  else if (whole !== '') out += '零'
  if (cents !== 0) out += `${DIGITS[cents]}分`
  return out
}
