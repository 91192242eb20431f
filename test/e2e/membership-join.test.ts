// Real Chromium on a phone-sized screen: an employee applies to join, the enterprise's liaison
// approves, and the member opens the e-card whose QR code leads to the public check. Any console
// error or CSP violation fails the test.
import t from 'tap'
import { launchBrowser, newPhonePage, startPortal, signIn } from './helper.js'
import { createUser } from '../helper.js'
import { world } from '../features/memberships/fixtures.js'

t.test('an employee joins, the liaison approves, the member shows the e-card', async (t) => {
  const { app, baseUrl } = await startPortal(t)
  const w = await world(app)
  const employee = await createUser(app, { name: '王芳' })
  const browser = await launchBrowser(t)

  // The employee applies.
  const phone = await newPhonePage(t, browser, baseUrl)
  await signIn(phone, employee.phone)
  await phone.getByRole('link', { name: '申请入会' }).first().click()
  await phone.waitForURL('**/membership/apply')
  await phone.locator('#f-enterpriseId').selectOption({ label: '云岭软件有限公司' })
  t.equal(await phone.locator('#f-name').inputValue(), '王芳', 'the name is filled in from the account')
  await phone.locator('#f-idNumber').fill('110105194912310021')
  await phone.getByRole('button', { name: '提交入会申请' }).click()
  t.match(await phone.locator('#f-idNumber-error').textContent(), /校验位不正确/, 'the error is beside the ID number')
  t.match(await phone.locator('#f-consent-error').textContent(), /勾选同意/)
  t.equal(await phone.locator('#f-idNumber').inputValue(), '', 'the ID number is not echoed back')
  t.equal(await phone.locator('#f-enterpriseId').inputValue(), String(w.entA), 'the enterprise is kept')
  await phone.locator('#f-idNumber').fill('11010519491231002x')
  await phone.getByLabel(/我同意楼宇工会联合会收集/).check()
  await phone.getByRole('button', { name: '提交入会申请' }).click()
  await phone.waitForURL('**/membership')
  t.match(await phone.locator('.flash').textContent(), /入会申请已提交/)
  await phone.goto('/')
  t.match(await phone.locator('.membership-home').textContent(), /待审核/)

  // The liaison approves from the home card's link.
  const desk = await newPhonePage(t, browser, baseUrl)
  await signIn(desk, w.liaisonA.phone)
  t.match(await desk.locator('.membership-review').textContent(), /待审核的入会申请：1 份/)
  await desk.getByRole('link', { name: /待审核的入会申请/ }).click()
  await desk.getByRole('link', { name: '王芳' }).click()
  t.match(await desk.locator('main').textContent(), /110105\*{8}002X/, 'the liaison sees the ID masked')
  await desk.getByRole('button', { name: '批准入会' }).click()
  t.match(await desk.locator('.flash').textContent(), /已批准入会/)
  t.match(await desk.locator('main').textContent(), /KM2026000001/)

  // The member sees the number at home and opens the e-card.
  await phone.reload()
  t.match(await phone.locator('.membership-home').textContent(), /KM2026000001/)
  await phone.getByRole('link', { name: '查看电子会员证' }).first().click()
  await phone.waitForURL('**/membership/card')
  const card = phone.locator('.member-card')
  t.match(await card.textContent(), /王芳/)
  t.match(await card.textContent(), /110105\*{8}002X/)
  t.match(await card.textContent(), /云岭软件有限公司/)
  t.match(await card.textContent(), /五华科创大厦/)
  t.match(await card.textContent(), /2026-06-15/)
  const qr = card.locator('svg.qr')
  t.equal(await qr.count(), 1)
  const box = await qr.boundingBox()
  t.ok(box !== null && box.width >= 150 && box.width <= 200, 'the QR code is drawn at a scannable size')
  t.ok(await phone.getByRole('button', { name: '打印会员证' }).isVisible())

  // The QR code's link: the public check, for anyone, without personal data.
  const verifyUrl = await card.locator('a.verify-link').getAttribute('href')
  const stranger = await newPhonePage(t, browser, baseUrl)
  await stranger.goto(verifyUrl!)
  t.match(await stranger.locator('main').textContent(), /有效会员证/)
  t.match(await stranger.locator('main').textContent(), /王\*/)
  t.notMatch(await stranger.locator('main').textContent(), /王芳|云岭|110105/)
})
