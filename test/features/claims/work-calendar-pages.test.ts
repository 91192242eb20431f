// The administrator's work-calendar page: a year's holidays and adjusted workdays typed or
// pasted one day per line, shown in words, saved once (audited), wrong lines named by number.
import t from 'tap'
import { build, createUser, injectAs, PageSession } from '../../helper.js'
import { parseCalendarText, calendarText } from '../../../src/features/claims/work-calendar-text.js'
import { AppError } from '../../../src/lib/errors.js'
import { t as tr } from '../../../src/i18n/index.js'

/** The message a wrong text gets, in Chinese. */
function problem (year: number, text: string): string {
  try {
    parseCalendarText(year, text)
    return 'accepted'
  } catch (err) {
    if (!(err instanceof AppError)) throw err
    const f = err.fields?.days
    if (f === undefined || typeof f === 'string') return String(f)
    return tr('zh', f.key, f.params)
  }
}

t.test('the text: formats people type and paste, sorted', async (t) => {
  t.same(parseCalendarText(2027, [
    '# 2027 年放假安排',
    '2027-02-14 班 春节调休',
    '2027/2/6  休  春节',
    '2027年2月7日，放假，春节',
    '2027.10.1\tholiday\tNational Day',
    '',
    '2027-09-26 WORK'
  ].join('\r\n')), [
    { date: '2027-02-06', kind: 'holiday', note: '春节' },
    { date: '2027-02-07', kind: 'holiday', note: '春节' },
    { date: '2027-02-14', kind: 'workday', note: '春节调休' },
    { date: '2027-09-26', kind: 'workday' },
    { date: '2027-10-01', kind: 'holiday', note: 'National Day' }
  ])
  t.same(parseCalendarText(2027, ''), [], 'an empty list clears the year')
  t.same(parseCalendarText(2027, '  \n# nothing\n'), [])
})

t.test('the text: the first wrong line is named, with what is wrong', async (t) => {
  const cases: Array<[string, string]> = [
    ['2027-02-06', '第 1 行：请写成“日期 休/班 说明”，例如 2027-02-06 休 春节。'],
    ['2027-02-30 休', '第 1 行：“2027-02-30”不是有效日期，请写成 2027-02-06 这样的格式。'],
    ['2月6日 休', '第 1 行：“2月6日”不是有效日期，请写成 2027-02-06 这样的格式。'],
    ['2027-02-06 休\n2027-02-07 半天', '第 2 行：“半天”看不懂，请写“休”（放假）或“班”（调休上班）。'],
    ['2026-12-31 休', '第 1 行：2026-12-31 不在 2027 年。'],
    ['2027-02-06 休\n\n2027/2/6 班', '第 3 行：2027-02-06 已在第 1 行写过。'],
    [`2027-02-06 休 ${'长'.repeat(51)}`, '第 1 行：说明最多 50 个字。'],
    [Array.from({ length: 121 }, (_, i) => '2027-01-01 休'.replace('01-01', new Date(Date.UTC(2027, 0, 1 + i)).toISOString().slice(5, 10))).join('\n'),
      '一年最多录入 120 天（现在 121 天）。']
  ]
  for (const [text, message] of cases) t.equal(problem(2027, text), message, text.slice(0, 30))
  t.equal(problem(2027, `2027-02-06 休 ${'长'.repeat(50)}`), 'accepted', '50 characters are fine')
})

t.test('the text round-trips through the form in both languages', async (t) => {
  const days = [{ date: '2027-02-06', kind: 'holiday', note: '春节' }, { date: '2027-02-14', kind: 'workday', note: null }]
  t.equal(calendarText('zh', days), '2027-02-06 休 春节\n2027-02-14 班')
  t.equal(calendarText('en', days), '2027-02-06 off 春节\n2027-02-14 work')
  for (const lang of ['zh', 'en'] as const) {
    t.same(parseCalendarText(2027, calendarText(lang, days)), [{ date: '2027-02-06', kind: 'holiday', note: '春节' }, { date: '2027-02-14', kind: 'workday' }])
  }
})

t.test('the page: an admin sets a year, sees it in words, a wrong line changes nothing', async (t) => {
  const app = await build(t)
  const admin = await createUser(app, { role: 'admin', name: '市总管理员' })
  const s = new PageSession(app)
  await s.login(admin.phone)

  const start = await s.get('/admin/aid/calendar')
  t.equal(start.statusCode, 302)
  t.equal(start.headers.location, '/admin/aid/calendar/2026', 'this year first')
  const empty = await s.get('/admin/aid/calendar/2027')
  t.equal(empty.statusCode, 200)
  t.match(empty.body, '2027 年还没有录入放假安排')
  t.match(empty.body, 'href="/admin/aid/calendar"', 'in the admin menu')

  const bad = await s.post('/admin/aid/calendar/2027', { days: '2027-02-06 休 春节\n2027-02-07 放半天' })
  t.equal(bad.statusCode, 400)
  t.match(bad.body, /<a href="#f-days">日期清单：第 2 行：“放半天”看不懂/, 'the summary names the field and links to it')
  t.match(bad.body, /id="f-days-error">第 2 行/)
  t.match(bad.body, /2027-02-06 休 春节\n2027-02-07 放半天<\/textarea>/, 'what was typed is kept')
  const api = await injectAs(app, admin, { method: 'GET', url: '/api/v1/aid/calendar/2027' })
  t.same(api.json().days, [], 'nothing saved')

  const ok = await s.post('/admin/aid/calendar/2027', { days: '2027-02-06 休 春节\n2027-02-14 班 春节调休' })
  t.equal(ok.statusCode, 302)
  const page = await s.get('/admin/aid/calendar/2027')
  t.match(page.body, '2027 年共 1 天放假、1 天调休上班。')
  t.match(page.body, /<time datetime="2027-02-06">2027-02-06<\/time> <span class="weekday">周六<\/span> <span class="badge ok">放假<\/span> 春节/)
  t.match(page.body, /调休上班/)
  t.match(page.body, '市总管理员 保存了清单：共 2 天，其中放假 1 天')
  t.notMatch(page.body, /work_calendar|holiday|workday/, 'no internal code on the page')
  t.same((await injectAs(app, admin, { method: 'GET', url: '/api/v1/aid/calendar/2027' })).json().days, [
    { date: '2027-02-06', kind: 'holiday', note: '春节' }, { date: '2027-02-14', kind: 'workday', note: '春节调休' }
  ], 'the API reads what the page saved')

  const en = await s.get('/admin/aid/calendar/2027', { 'accept-language': 'en', cookie: [...s.cookies].map(([k, v]) => `${k}=${v}`).join('; ') + '; lang=en' })
  t.match(en.body, '2027: 1 days off and 1 adjusted workdays.')
  t.match(en.body, /2027-02-06 off 春节/, 'the form offers the English words')

  const noCsrf = await s.post('/admin/aid/calendar/2027', { days: '' }, { csrf: false })
  t.equal(noCsrf.statusCode, 403, 'no CSRF token, no change')
  t.equal((await injectAs(app, admin, { method: 'GET', url: '/api/v1/aid/calendar/2027' })).json().days.length, 2)
})

t.test('the page is for administrators only', async (t) => {
  const app = await build(t)
  const staff = await createUser(app, { role: 'staff' })
  const s = new PageSession(app)
  await s.login(staff.phone)
  t.equal((await s.get('/admin/aid/calendar/2027')).statusCode, 403)
  t.notMatch((await s.get('/')).body, 'href="/admin/aid/calendar"', 'not in their menu')
  t.equal((await s.post('/admin/aid/calendar/2027', { days: '2027-02-06 休' })).statusCode, 403)
})
