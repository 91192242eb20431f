import t from 'tap'
import { CSV_BOM, attachmentHeader, csvCell, csvDocument, csvLine, csvStream } from '../../../src/lib/csv.js'

t.test('cells: quoting and formula neutralisation', async (t) => {
  const table: Array<[Parameters<typeof csvCell>[0], string]> = [
    ['plain', 'plain'],
    ['云岭科技有限公司', '云岭科技有限公司'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['cr\rhere', '"cr\rhere"'],
    ['=1+2', "'=1+2"],
    ['+8613800138000', "'+8613800138000"],
    ['-5', "'-5"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tx', "'\tx"],
    ['=HYPERLINK("http://x","y")', '"\'=HYPERLINK(""http://x"",""y"")"'],
    ['a=b', 'a=b'],
    [42, '42'],
    [-5, '-5'],
    [0, '0'],
    [null, ''],
    [undefined, ''],
    [true, 'true'],
    [Number.NaN, ''],
    // Long numbers as text keep every digit in Excel (="…"); shorter ones are plain.
    ['110105199003078123', '"=""110105199003078123"""'],
    ['914403001922038216', '"=""914403001922038216"""'],
    ['12345678901', '12345678901'],
    ['11010519900307812X', '11010519900307812X']
  ]
  for (const [input, out] of table) t.equal(csvCell(input), out, JSON.stringify(input))
})

t.test('lines, documents and streams: BOM once, CRLF', async (t) => {
  t.equal(csvLine(['a', 1, null, 'b,c']), 'a,1,,"b,c"\r\n')
  const doc = csvDocument(['名称', '人数'], [['甲', 1], ['=乙', 2]])
  t.equal(doc, CSV_BOM + '名称,人数\r\n甲,1\r\n\'=乙,2\r\n')
  t.equal(doc.split(CSV_BOM).length, 2, 'one BOM')
  function * rows () { for (let i = 0; i < 1000; i++) yield [i, '行' + i] }
  const chunks: Buffer[] = []
  for await (const c of csvStream(['n', 's'], rows())) chunks.push(Buffer.from(c))
  const text = Buffer.concat(chunks).toString('utf8')
  t.ok(Buffer.concat(chunks).subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf])), 'UTF-8 BOM bytes')
  t.equal(text.split('\r\n').length, 1002)
})

t.test('a stream gives the event loop back between chunks, however fast it is read', async (t) => {
  // 20,000 rows make ~20 chunks of 64 KB. Read as fast as possible, a callback queued for the
  // event loop's next turn must still run while the stream is half-way: other requests get in.
  function * rows () { for (let i = 0; i < 20_000; i++) yield [i, '职工' + i, '110105194912310021'] }
  let chunks = 0
  let seenAtTurn = -1
  setImmediate(() => { seenAtTurn = chunks })
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- only the chunks are counted
  for await (const _ of csvStream(['n', 'name', 'id'], rows())) chunks++
  t.ok(chunks >= 10, `${chunks} chunks`)
  t.ok(seenAtTurn >= 0 && seenAtTurn < chunks, `the next turn came after ${seenAtTurn} of ${chunks} chunks`)
})

t.test('attachment header keeps a Chinese file name', async (t) => {
  const h = attachmentHeader('五华科创大厦-企业名单.csv')
  t.match(h, /^attachment; filename="[^"]+\.csv"; filename\*=UTF-8''/)
  t.notMatch(h.split(';')[1], /[^\x20-\x7e]/)
  t.ok(h.includes(encodeURIComponent('五华科创大厦')))
})
