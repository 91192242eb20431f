// Roster files as Excel and WPS really make them: IDs stored as numbers, GBK CSVs whose bytes are
// also valid UTF-8, the headcount limit of a liaison's import, the XLSX template and export.
import t from 'tap'
import ExcelJS from 'exceljs'
import type { FastifyInstance } from 'fastify'
import { build, injectAs, PageSession } from '../../helper.js'
import { memberships, rosterImports } from '../../../src/db/schema/index.js'
import type { UserRow } from '../../../src/features/accounts/accounts-repository.js'
import { decodeCsv, excelNumberText, isExcelNumber, plausibleName } from '../../../src/features/memberships/roster-file.js'
import { rosterLimitForHeadcount } from '../../../src/features/memberships/roster-rows.js'
import { applyAs, world } from './fixtures.js'
import { uniqueResidentId } from '../../factories.js'
import { multipart } from '../../multipart.js'

async function upload (
  app: FastifyInstance, user: UserRow, enterpriseId: number, name: string, data: Buffer, extra: Record<string, string> = {}, lang?: string
) {
  const body = multipart({ enterpriseId: String(enterpriseId), ...extra }, { name, bytes: data })
  return await injectAs(app, user, { method: 'POST', url: '/api/v1/membership-imports', payload: body.payload, headers: { ...body.headers, ...(lang === undefined ? {} : { 'accept-language': lang }) } })
}

/** GB 2312 (the subset of GBK that names use) bytes of a text: a test's own encoder. */
const GB = (() => {
  const map = new Map<string, number[]>()
  const decoder = new TextDecoder('gb18030')
  for (let lead = 0xa1; lead <= 0xf7; lead++) {
    for (let trail = 0xa1; trail <= 0xfe; trail++) {
      const c = decoder.decode(Uint8Array.from([lead, trail]))
      if (c.length === 1 && c !== '\uFFFD' && !map.has(c)) map.set(c, [lead, trail])
    }
  }
  return map
})()
function gbk (text: string): Buffer {
  const out: number[] = []
  for (const c of text) {
    if (c.charCodeAt(0) < 0x80) out.push(c.charCodeAt(0))
    else out.push(...GB.get(c)!)
  }
  return Buffer.from(out)
}

async function xlsx (rows: ExcelJS.CellValue[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('名册')
  for (const r of rows) ws.addRow(r)
  return Buffer.from(await wb.xlsx.writeBuffer())
}

t.test('Excel numbers: how an ID stored as a number looks, and what counts as one', async (t) => {
  // eslint-disable-next-line @typescript-eslint/no-loss-of-precision -- an ID as Excel stores it: the precision is lost on purpose
  t.equal(excelNumberText(110105199003078123), '1.10105199003078E+17')
  t.equal(excelNumberText(12345), '1.2345E+4')
  for (const s of ['1.10105199003078E+17', '1.10105E+17', '1.1E17', '4.40524188001E+17']) t.ok(isExcelNumber(s), s)
  for (const s of ['11010519491231002X', '110105199003078123', '13800000001', 'E+17', '']) t.notOk(isExcelNumber(s), s)
})

t.test('an ID that Excel stored as a number is refused with how to fix it, never imported as digits', async (t) => {
  const app = await build(t)
  const w = await world(app)
  const holder = uniqueResidentId()
  // The CSV a General column makes, and the numeric cell of an .xlsx: 15 significant digits.
  const asNumber = excelNumberText(Number(holder))
  t.equal(asNumber.endsWith('E+17'), true)
  const csv = Buffer.from(`\uFEFF姓名,身份证号码,手机号码\r\n王一,${asNumber},13800000001\r\n王二,1.10105E+17,\r\n`)
  const res = await upload(app, w.liaisonA, w.entA, 'r.csv', csv)
  t.equal(res.statusCode, 201, res.body)
  t.match(res.json(), { createdRows: 0, invalidRows: 2 })
  const report = await injectAs(app, w.liaisonA, { method: 'GET', url: res.json().errorReportUrl })
  t.match(report.body, /Excel 把身份证号码存成了数字.*“文本”格式/)
  t.notMatch(report.body, holder.slice(2, 15), 'the digits Excel kept are not in the report')

  // XLSX: the ID a numeric cell, the mobile a numeric cell (exact, accepted).
  const good = uniqueResidentId()
  const book = await xlsx([['name', 'ID number', 'mobile'], ['李一', Number(holder), 13800000002], ['李二', good, 13800000003]])
  const res2 = await upload(app, w.staffA, w.entA, 'r.xlsx', book, {}, 'en')
  t.equal(res2.statusCode, 201, res2.body)
  t.match(res2.json(), { createdRows: 1, invalidRows: 1 })
  const report2 = await injectAs(app, w.staffA, { method: 'GET', url: res2.json().errorReportUrl, headers: { 'accept-language': 'en' } })
  t.match(report2.body, /Excel stored the ID number as a number.*Format the column as Text/)
  const created = app.db.select().from(memberships).all()
  t.same(created.map((m) => [m.name, app.pii.decrypt(m.idCipher), m.mobile]), [['李二', good, '13800000003']], 'the phone stored as a number is exact')

  // The real holder of the number is not locked out.
  const real = await applyAs(app, w.liaisonB, { enterpriseId: w.entA, name: '王一', idNumber: holder })
  t.equal(real.statusCode, 201, real.body)
})

t.test('a GBK CSV whose bytes are also valid UTF-8 (郑伟, 叶萍, an English header) is read as GBK', async (t) => {
  const data = Buffer.concat([Buffer.from('name,idNumber\r\n'), gbk('郑伟'), Buffer.from(',' + uniqueResidentId() + '\r\n'), gbk('叶萍'), Buffer.from(',' + uniqueResidentId() + '\r\n')])
  const asUtf8 = new TextDecoder('utf-8', { fatal: true }).decode(data)
  t.notMatch(asUtf8, /郑伟|叶萍/, `valid UTF-8 too, and garbled so: ${asUtf8.split('\r\n')[1]}`)
  t.match(decodeCsv(data), /郑伟.*\r\n叶萍/s)

  const app = await build(t)
  const w = await world(app)
  const res = await upload(app, w.liaisonA, w.entA, 'gb.csv', data)
  t.equal(res.statusCode, 201, res.body)
  t.equal(res.json().createdRows, 2)
  t.same(app.db.select().from(memberships).all().map((m) => m.name).sort(), ['叶萍', '郑伟'].sort())

  // UTF-8 without a BOM (as other tools save) is read as UTF-8.
  const utf8 = Buffer.from('姓名,身份证号码\r\n张伟,' + uniqueResidentId() + '\r\n')
  t.match(decodeCsv(utf8), '张伟')
})

t.test('a CSV that reads plausibly neither way (or both) is not guessed: the uploader chooses', async (t) => {
  // Two rare characters of GBK's second level, whose bytes as UTF-8 are Arabic letters.
  const name = Buffer.from([0xd8, 0xa1, 0xd8, 0xa2])
  const gbName = new TextDecoder('gb18030').decode(name)
  const utf8Name = new TextDecoder('utf-8').decode(name)
  t.notOk(plausibleName(gbName))
  t.notOk(plausibleName(utf8Name))
  const data = Buffer.concat([Buffer.from('name,idNumber\r\n'), name, Buffer.from(',' + uniqueResidentId() + '\r\n')])
  const app = await build(t)
  const w = await world(app)
  const asked = await upload(app, w.liaisonA, w.entA, 'r.csv', data)
  t.equal(asked.statusCode, 400, asked.body)
  t.equal(asked.json().error.code, 'ENCODING_AMBIGUOUS')
  t.match(asked.json().error.fields.encoding, gbName, 'the names as GBK')
  t.match(asked.json().error.fields.encoding, utf8Name, 'the names as UTF-8')
  t.equal(app.db.select().from(rosterImports).all().length, 0, 'nothing written')

  const chosen = await upload(app, w.liaisonA, w.entA, 'r.csv', data, { encoding: 'gbk' })
  t.equal(chosen.statusCode, 201, chosen.body)
  t.equal(app.db.select().from(memberships).get()!.name, gbName)
  const bad = await upload(app, w.liaisonA, w.entA, 'r2.csv', data, { encoding: 'latin1' })
  t.equal(bad.statusCode, 400)
  t.ok(bad.json().error.fields.encoding)

  // The page asks with a choice beside the field, the names shown both ways.
  const s = new PageSession(app)
  await s.login(w.liaisonA.phone)
  await s.get('/memberships/import')
  const cookie = [...s.cookies].map(([k, v]) => `${k}=${v}`).join('; ')
  const m = multipart({ enterpriseId: String(w.entA2), consent: 'on' }, { name: 'r.csv', bytes: data })
  const page = await app.inject({ method: 'POST', url: `/memberships/import?_csrf=${encodeURIComponent(s.csrf!)}`, payload: m.payload, headers: { ...m.headers, cookie, accept: 'text/html' } })
  t.equal(page.statusCode, 400)
  t.match(page.body, 'id="f-encoding-error"')
  t.match(page.body, 'name="encoding" value="gb18030"')
  t.match(page.body, gbName)
})

t.test('headcount limit: max(2 × headcount, headcount + 20) rows for a liaison; staff may import more', async (t) => {
  for (const [headcount, max] of [[0, 20], [10, 30], [20, 40], [21, 42], [100, 200]]) t.equal(rosterLimitForHeadcount(headcount), max, `headcount ${headcount}`)
  const app = await build(t)
  const w = await world(app) // every enterprise declares 20 people: 40 rows at most
  const csv = (n: number): Buffer => Buffer.from('姓名,身份证号码\r\n' + Array.from({ length: n }, (_, i) => `职工${i},${uniqueResidentId()}\r\n`).join(''))
  const over = await upload(app, w.liaisonA, w.entA, 'r.csv', csv(41))
  t.equal(over.statusCode, 422, over.body)
  t.equal(over.json().error.code, 'ROSTER_EXCEEDS_HEADCOUNT')
  t.match(over.json().error.message, /41 行.*20 人.*40 行/)
  const en = await upload(app, w.liaisonA, w.entA, 'r.csv', csv(41), {}, 'en')
  t.match(en.json().error.message, /41 rows.*40 allowed.*headcount of 20/)
  t.equal(app.db.select().from(rosterImports).all().length, 0, 'nothing written')
  t.equal(app.db.select().from(memberships).all().length, 0)
  t.equal((await upload(app, w.liaisonA, w.entA, 'r.csv', csv(40))).statusCode, 201, 'at the limit')
  t.equal((await upload(app, w.staffA, w.entA2, 'r.csv', csv(60))).statusCode, 201, 'staff: larger')
  t.equal((await upload(app, w.admin, w.entB, 'r.csv', csv(60))).statusCode, 201, 'admin: larger')
  t.equal(app.db.$client.pragma('synchronous', { simple: true }), 2, 'imports leave the connection at synchronous FULL')
})

t.test('the XLSX template keeps IDs as text, and reads back as a roster; the roster exports as XLSX with text numbers', async (t) => {
  const app = await build(t)
  const w = await world(app)
  const s = new PageSession(app)
  await s.login(w.staffA.phone)
  const tpl = await s.get('/memberships/import/template.xlsx')
  t.equal(tpl.statusCode, 200)
  t.match(tpl.headers['content-type'], 'spreadsheetml')
  const book = new ExcelJS.Workbook()
  await book.xlsx.load(tpl.rawPayload as unknown as ArrayBuffer)
  const sheet = book.worksheets[0]
  t.same((sheet.getRow(1).values as unknown[]).slice(1), ['姓名', '身份证号码', '手机号码'])
  t.equal(sheet.getCell('B2').numFmt, '@', 'the ID column is Text')
  t.equal(sheet.getCell('C2').numFmt, '@', 'the mobile column is Text')
  const id = uniqueResidentId()
  sheet.getCell('A2').value = '赵一'
  sheet.getCell('B2').value = id
  sheet.getCell('C2').value = '13800000009'
  const filled = Buffer.from(await book.xlsx.writeBuffer())
  const res = await upload(app, w.staffA, w.entA, 'filled.xlsx', filled)
  t.equal(res.statusCode, 201, res.body)
  t.equal(res.json().createdRows, 1)

  const exp = await s.get('/memberships/export.xlsx')
  t.equal(exp.statusCode, 200)
  t.match(exp.headers['content-disposition'], /members-.*\.xlsx/)
  const out = new ExcelJS.Workbook()
  await out.xlsx.load(exp.rawPayload as unknown as ArrayBuffer)
  const rows = out.worksheets[0].getSheetValues().filter(Boolean) as unknown[][]
  t.equal(rows.length, 2, 'header and one member')
  t.equal(rows[0][2], '姓名')
  t.equal(typeof rows[1][1], 'string', 'the member number is text')
  t.equal(rows[1][5], '13800000009', 'the mobile is text, every digit')
  t.equal(out.worksheets[0].getCell('A2').numFmt, '@')
})
