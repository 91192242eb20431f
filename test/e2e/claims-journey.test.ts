// Real Chromium: a covered member claims with a document, staff approve and pay, the member
// opens the settlement sheet, which prints on one A4 page. The member and the paid share are
// set up with fixtures (the full join → buy → claim journey is assembled elsewhere).
import t from 'tap'
import { launchBrowser, newPhonePage, startPortal, signIn } from './helper.js'
import { claimWorld, TINY_PDF } from '../features/claims/fixtures.js'

t.test('claim with a document, approve, pay, settlement sheet', async (t) => {
  const { app, baseUrl } = await startPortal(t)
  const w = await claimWorld(app)
  const browser = await launchBrowser(t)

  // The member claims.
  const member = await newPhonePage(t, browser, baseUrl, 'zh-CN')
  await signIn(member, w.member.user.phone)
  await member.goto('/aid/claims')
  await member.getByRole('link', { name: '申请报销' }).click()
  await member.waitForURL('**/aid/claims/new')
  await member.getByLabel('入院日期').fill('2026-05-01')
  await member.getByLabel('出院日期').fill('2026-05-10')
  await member.getByLabel('医院').fill('昆明医科大学第一附属医院')
  await member.getByLabel('发票号').fill('53012026-0001')
  await member.getByLabel('医疗总费用').fill('50000')
  await member.getByLabel('医保统筹支付').fill('15000')
  await member.getByLabel('医保目录外费用').fill('5000')
  // Without consent: the message beside the checkbox, the values kept.
  await member.getByRole('button', { name: '提交申请' }).click()
  t.match(await member.locator('#f-consent-error').textContent(), /勾选同意/)
  t.equal(await member.getByLabel('医疗总费用').inputValue(), '50000')
  await member.getByLabel(/我同意/).check()
  await member.getByRole('button', { name: '提交申请' }).click()
  await member.waitForURL(/\/aid\/claims\/\d+$/)
  const claimUrl = member.url()
  t.match(await member.locator('.flash').textContent(), /报销申请已提交/)
  t.match(await member.locator('main').textContent(), /¥4,700\.00/, 'the estimate is shown')

  // A document, recognised by its bytes.
  await member.getByLabel('材料类型').selectOption('invoice')
  await member.setInputFiles('#f-file', { name: '发票.pdf', mimeType: 'application/pdf', buffer: TINY_PDF })
  await member.getByRole('button', { name: '上传' }).click()
  await member.waitForURL(claimUrl)
  t.match(await member.locator('.flash').textContent(), /材料已上传/)
  t.equal(await member.getByRole('link', { name: /医疗费用发票: 发票\.pdf/ }).count(), 1)

  // Staff approve it from the queue, put it in a batch and mark it paid.
  const staff = await newPhonePage(t, browser, baseUrl, 'zh-CN')
  await signIn(staff, w.staff.phone)
  await staff.goto('/aid/review')
  t.match(await staff.locator('.counts').textContent(), /已提交 1/)
  await staff.getByRole('link', { name: /^#\d+$/ }).first().click()
  await staff.waitForURL(/\/aid\/claims\/\d+$/)
  const [download] = await Promise.all([
    staff.waitForEvent('download'),
    staff.getByRole('link', { name: /发票\.pdf/ }).click()
  ])
  t.equal(download.suggestedFilename(), '发票.pdf', 'the reviewer can open the document')
  await staff.getByRole('button', { name: '核准', exact: true }).click()
  await staff.waitForURL(/\/aid\/claims\/\d+$/)
  t.match(await staff.locator('.flash').textContent(), /已核准/)
  await staff.goto('/aid/payouts')
  await staff.getByRole('button', { name: '将所选申请生成支付批次' }).click()
  await staff.waitForURL(/\/aid\/payouts\/\d+$/)
  await staff.getByLabel('银行流水号').fill('ICBC-20260615-0042')
  await staff.getByRole('button', { name: '标记为已支付' }).click()
  await staff.waitForURL(/\/aid\/payouts\/\d+$/)
  t.match(await staff.locator('.flash').textContent(), /已支付/)
  await staff.goto('/aid/fund')
  t.equal(await staff.locator('svg.chart rect').count() > 0, true, 'the chart is drawn')

  // The member sees it paid and opens the settlement sheet.
  await member.goto('/aid/claims')
  t.match(await member.locator('table').textContent(), /已支付/)
  await member.goto(claimUrl)
  await member.getByRole('link', { name: '查看结算单' }).click()
  await member.waitForURL(/\/settlement$/)
  const sheet = await member.locator('main').textContent() ?? ''
  for (const text of ['职工医疗互助金结算单', '¥50,000.00', '¥30,000.00', '¥4,700.00', 'ICBC-20260615-0042', '李娟']) t.match(sheet, text)
  // Printed: one A4 page, without the site header or the buttons.
  await member.emulateMedia({ media: 'print' })
  t.equal(await member.locator('.site-header').isVisible(), false)
  t.equal(await member.getByRole('button', { name: '打印' }).isVisible(), false)
  const pdf = await member.pdf({ format: 'A4', printBackground: false })
  const pages = pdf.toString('latin1').match(/\/Type\s*\/Page\b/g) ?? []
  t.equal(pages.length, 1, 'the settlement sheet prints on one A4 page')
})
