import t from 'tap'
import { fenInChineseCapitals } from '../../src/domain/chinese-amount.js'

t.test('amounts in Chinese capitals, zeros included', async (t) => {
  const table: Array<[number, string]> = [
    [165000, '壹仟陆佰伍拾元整'],
    [100500, '壹仟零伍元整'],
    [10, '壹角'],
    [0, '零元整'],
    [1, '壹分'],
    [15, '壹角伍分'],
    [100, '壹元整'],
    [101, '壹元零壹分'],
    [110, '壹元壹角'],
    [1000, '壹拾元整'],
    [1005, '壹拾元零伍分'],
    [10100, '壹佰零壹元整'],
    [25000, '贰佰伍拾元整'],
    [500000, '伍仟元整'],
    [1000000, '壹万元整'],
    [1000100, '壹万零壹元整'],
    [10010000, '壹拾万零壹佰元整'],
    [100100000, '壹佰万壹仟元整'],
    [100010000, '壹佰万零壹佰元整'],
    [1000000000, '壹仟万元整'],
    [10000000100, '壹亿零壹元整'],
    [10000100000, '壹亿零壹仟元整'],
    [10001000000, '壹亿零壹万元整'],
    [12345678999, '壹亿贰仟叁佰肆拾伍万陆仟柒佰捌拾玖元玖角玖分'],
    [100000000000, '壹拾亿元整']
  ]
  for (const [fen, words] of table) t.equal(fenInChineseCapitals(fen), words, `${fen} fen`)
})

t.test('anything but an amount in fen is refused', async (t) => {
  t.throws(() => fenInChineseCapitals(-1))
  t.throws(() => fenInChineseCapitals(1.5))
  t.throws(() => fenInChineseCapitals(100000000001))
})
