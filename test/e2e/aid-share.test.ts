// Real Chromium on a phone-sized page: a member tries the calculator, orders a share, and staff of
// the building confirm the payment; the member then sees the cover dates.
import t from 'tap'
import { launchBrowser, newPhonePage, startPortal, signIn, nav } from './helper.js'
import { world } from '../features/aid/fixtures.js'

t.test('calculator, ordering a share, staff confirming the payment', async (t) => {
  const { app, baseUrl } = await startPortal(t)
  const w = await world(app)
  const browser = await launchBrowser(t)
  const page = await newPhonePage(t, browser, baseUrl, 'zh-CN')

  // The calculator, from the navigation, signed in as the member.
  await signIn(page, w.member.phone)
  t.match(await page.locator('.aid-card').textContent(), /2026 年度医疗互助/, 'the home card')
  await nav(page, '互助金试算')
  await page.waitForURL('**/aid/calculator')
  await page.getByLabel('住院总费用').fill('50000')
  await page.getByLabel('医保支付').fill('abc')
  await page.getByRole('button', { name: '试算' }).click()
  t.match(await page.locator('#f-insurance-error').textContent(), /金额/, 'the error beside the field')
  await page.getByLabel('医保支付').fill('15000')
  await page.getByLabel('目录外费用').fill('5000')
  await page.getByRole('button', { name: '试算' }).click()
  t.equal(await page.getByTestId('payable').textContent(), '¥4,700.00')
  t.equal(await page.getByTestId('base').textContent(), '¥30,000.00')
  t.equal(await page.locator('[data-testid="quote"] tbody tr').count(), 4, 'tier by tier')
  const width = await page.evaluate('document.documentElement.scrollWidth')
  t.ok(Number(width) <= 390, `fits the phone (${String(width)}px)`)

  // Order a share.
  await nav(page, '我的互助金')
  await page.waitForURL('**/aid/share')
  t.match(await page.getByTestId('cover-preview').textContent(), /2026-09-13/)
  await page.getByTestId('order-share-2026').click()
  await page.waitForURL('**/aid/share')
  t.match(await page.locator('.flash').textContent(), /订单已提交/)
  t.equal(await page.getByTestId('order-status').textContent(), '待付款')
  await page.getByRole('button', { name: '退出' }).click()
  await page.waitForURL(baseUrl + '/')

  // Staff of the building confirm the payment.
  await signIn(page, w.staff.phone)
  await nav(page, '互助金订单')
  await page.waitForURL('**/aid/orders')
  await page.getByRole('link', { name: /^#\d+$/ }).first().click()
  await page.getByLabel('收据号').fill('SJ-2026-0001')
  await page.getByLabel('缴费日期').fill('2026-06-16')
  await page.getByTestId('confirm-payment').click()
  t.match(await page.locator('#f-paidOn-error').textContent(), /不能晚于今天/, 'a receipt dated tomorrow is refused beside its field')
  await page.getByLabel('缴费日期').fill('2026-06-15')
  await page.getByTestId('confirm-payment').click()
  await page.waitForURL(/\/aid\/orders\/\d+$/)
  t.equal(await page.getByTestId('order-status').textContent(), '已付款')
  t.equal(await page.getByTestId('cover').textContent(), '2026-09-13 – 2026-12-31')
  await page.getByRole('button', { name: '退出' }).click()
  await page.waitForURL(baseUrl + '/')

  // The member sees the cover.
  await signIn(page, w.member.phone)
  await page.goto('/aid/share')
  t.equal(await page.getByTestId('order-status').textContent(), '已付款')
  t.equal(await page.getByTestId('cover').textContent(), '2026-09-13 – 2026-12-31')
})
