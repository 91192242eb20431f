// The roster is read and checked in a worker thread: the request thread keeps turning while a
// large file is parsed, and refusals come back as the same typed errors.
import t from 'tap'
import { AppError } from '../../../src/lib/errors.js'
import { discardRows, parseRoster } from '../../../src/features/memberships/roster-thread.js'
import { uniqueResidentId } from '../../factories.js'

t.test('a 20,000-row file is parsed while the event loop keeps turning', async (t) => {
  let body = '姓名,身份证号码,手机号码\r\n'
  for (let i = 0; i < 20_000; i++) body += `职工${i},${uniqueResidentId('1980-01-01')},\r\n`
  // The worker started first, so that only the parse itself is counted.
  await parseRoster({ fileName: 'small.csv', data: Buffer.from('姓名,身份证号码\r\n张一,' + uniqueResidentId() + '\r\n'), encoding: 'auto', today: '2026-06-15', limit: null })
  let turns = 0
  let parsing = true
  const job = parseRoster({ fileName: 'big.csv', data: Buffer.from(body), encoding: 'auto', today: '2026-06-15', limit: null })
    .finally(() => { parsing = false })
  // Parsed on this thread, the whole file would be read before a single turn could run.
  // eslint-disable-next-line no-unmodified-loop-condition -- the job's finally() clears it
  while (parsing) { await new Promise((resolve) => setImmediate(resolve)); turns++ }
  const rows = await job
  t.equal(rows.total, 20_000)
  t.equal(rows.valid, 20_000)
  discardRows(rows.job)
  t.ok(turns > 10, `the event loop turned ${turns} times during the parse`)
})

t.test('refusals cross the thread as typed errors, the headcount limit among them', async (t) => {
  const csv = Buffer.from('姓名,身份证号码\r\n' + Array.from({ length: 31 }, (_, i) => `职工${i},${uniqueResidentId()}\r\n`).join(''))
  const err = await parseRoster({ fileName: 'r.csv', data: csv, encoding: 'auto', today: '2026-06-15', limit: { rows: 30, headcount: 10 } }).catch((e: unknown) => e)
  t.ok(err instanceof AppError)
  t.match(err, { statusCode: 422, code: 'ROSTER_EXCEEDS_HEADCOUNT', params: { rows: 31, headcount: 10, max: 30 } })
  const bad = await parseRoster({ fileName: 'r.pdf', data: Buffer.from('%PDF'), encoding: 'auto', today: '2026-06-15', limit: null }).catch((e: unknown) => e)
  t.match(bad, { statusCode: 400, fields: { file: 'memberships.import.badType' } })
})
