// Notices: written with the change (membership decisions here; claims in
// test/features/claims/documents-returns.test.ts), shown in the member's language, counted in the
// page header, marked read with a CSRF-protected form; the SMS goes out after the commit in the
// language the member last read their notices in.
import t from 'tap'
import { build, injectAs, PageSession, smsSent } from '../../helper.js'
import { claimWorld, insertMember } from '../claims/fixtures.js'

t.test('a membership decision notifies the member: portal notice, header count, page, SMS', async (t) => {
  const app = await build(t)
  const w = await claimWorld(app)
  const applicant = await insertMember(app, w.enterpriseId, { name: '周雨', status: 'applied', share: null })
  const page = new PageSession(app)
  await page.login(applicant.user.phone)
  const before = await page.get('/')
  t.notMatch(before.body, /class="count"/, 'nothing unread yet')
  // Read in English once: the SMS follows that language.
  await page.get('/me/notifications', { 'accept-language': 'en' })

  const ok = await injectAs(app, w.staff, { method: 'POST', url: `/api/v1/memberships/${applicant.membershipId}/approve` })
  t.equal(ok.statusCode, 200)
  const memberNo = ok.json().memberNo as string
  const items = (await injectAs(app, applicant.user, { method: 'GET', url: '/api/v1/me/notifications' })).json().items
  t.equal(items.length, 1)
  t.match(items[0], { kind: 'membership.active', read: false })
  t.match(items[0].text, new RegExp(`会员号 ${memberNo}`))
  const sms = smsSent(app).filter((s) => s.to === applicant.user.phone)
  t.equal(sms.length, 1)
  t.match(sms[0].params.text, /membership was approved/, 'in the language the member reads')

  const home = await page.get('/')
  t.match(home.body, /<span class="count"[^>]*>1<\/span>/, 'the header counts the unread notice')
  const list = await page.get('/me/notifications')
  t.match(list.body, new RegExp(memberNo))
  t.equal((await page.post('/me/notifications/read', {}, { csrf: false })).statusCode, 403, 'CSRF')
  t.equal((await page.post('/me/notifications/read', {})).statusCode, 303)
  t.notMatch((await page.get('/')).body, /class="count"/)
  t.equal((await injectAs(app, w.stranger, { method: 'GET', url: '/api/v1/me/notifications' })).json().items.length, 0, 'nobody else sees it')
  t.equal((await app.inject({ method: 'GET', url: '/api/v1/me/notifications' })).statusCode, 401)
  const bad = await injectAs(app, applicant.user, { method: 'POST', url: '/api/v1/me/notifications/read', payload: { ids: ['x'] } })
  t.equal(bad.statusCode, 400)
})
