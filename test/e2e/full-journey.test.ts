// Real Chromium, the whole journey through the pages, one browser context per person:
// an employee signs up and applies to join for an enrolled enterprise; its liaison approves; the
// member shows the e-card and orders a medical-aid share; staff of the building confirm the
// payment; the test clock moves past the 90-day waiting period (a claim inside it is refused);
// the member claims with a document; staff approve, batch, export and pay it; the member's
// settlement sheet shows the amount paid, computed exactly. Only the building, the enrolled
// enterprise with its liaison and the staff account are set up directly.
import t from 'tap'
import { readFile } from 'node:fs/promises'
import type { Page } from 'playwright-core'
import { launchBrowser, newPhonePage, startPortal, signIn, nav } from './helper.js'
import { createUser, insertBuilding, nextPhone } from '../helper.js'
import { insertEnterprise, uniqueResidentId } from '../factories.js'
import { setPlanTerms, TINY_PDF } from '../features/claims/fixtures.js'
import { maskResidentId } from '../../src/domain/identity.js'

const text = async (page: Page, selector: string): Promise<string> => (await page.locator(selector).first().textContent() ?? '').replace(/\s+/g, ' ').trim()

t.test('sign up, join, buy a share, wait, claim, approve, pay, settlement sheet', { timeout: 60_000 }, async (t) => {
  const { app, baseUrl } = await startPortal(t) // today: 2026-06-15 in Shanghai
  const buildingId = insertBuilding(app, '五华科创大厦')
  const liaison = await createUser(app, { name: '联络员甲' })
  await insertEnterprise(app, buildingId, { liaisonUserId: liaison.id, name: '云岭软件有限公司', headcount: 20 })
  const staff = await createUser(app, { role: 'staff', buildingIds: [buildingId], name: '工作人员甲' })
  const browser = await launchBrowser(t)

  const idNumber = uniqueResidentId('1990-05-17')
  const masked = maskResidentId(idNumber)

  // 1. The employee signs up and applies to join.
  const employee = await newPhonePage(t, browser, baseUrl, 'zh-CN')
  const phone = nextPhone()
  await employee.goto('/register')
  await employee.getByLabel('手机号码').fill(phone)
  await employee.getByLabel('姓名').fill('赵敏')
  await employee.getByLabel('密码').fill('zhao-min-2026')
  await employee.getByRole('button', { name: '注册' }).click()
  await employee.waitForURL(baseUrl + '/')
  t.match(await text(employee, '.flash'), /注册成功/)
  t.match(await text(employee, '.who'), /赵敏/)

  await employee.getByRole('link', { name: '申请入会' }).first().click()
  await employee.waitForURL('**/membership/apply')
  await employee.locator('#f-enterpriseId').selectOption({ label: '云岭软件有限公司' })
  t.equal(await employee.locator('#f-name').inputValue(), '赵敏', 'the name comes from the account')
  t.equal(await employee.locator('#f-mobile').inputValue(), phone, 'the mobile comes from the account')
  await employee.locator('#f-idNumber').fill(idNumber)
  await employee.getByLabel(/我同意楼宇工会联合会收集/).check()
  await employee.getByRole('button', { name: '提交入会申请' }).click()
  await employee.waitForURL('**/membership')
  t.match(await text(employee, '.flash'), /入会申请已提交/)
  t.match(await text(employee, 'main .badge'), /待审核/)
  await employee.goto('/')
  t.match(await text(employee, '.membership-home'), /待审核.*云岭软件有限公司 · 五华科创大厦/)

  // 2. The liaison approves; the member sees the number and the e-card.
  const desk = await newPhonePage(t, browser, baseUrl, 'zh-CN')
  await signIn(desk, liaison.phone)
  t.match(await text(desk, '.membership-review'), /待审核的入会申请：1 份/)
  await desk.getByRole('link', { name: /待审核的入会申请/ }).click()
  await desk.getByRole('link', { name: '赵敏' }).click()
  await desk.waitForURL(/\/memberships\/\d+$/)
  t.match(await text(desk, 'main'), masked, 'the liaison sees the ID masked')
  t.notMatch(await text(desk, 'main'), idNumber, 'not the whole ID')
  await desk.getByRole('button', { name: '批准入会' }).click()
  await desk.waitForURL(/\/memberships\/\d+$/)
  t.match(await text(desk, '.flash'), /已批准入会/)
  t.match(await text(desk, 'main .badge'), /会员/)
  t.match(await text(desk, 'main'), /KM2026000001/)

  await employee.reload()
  t.match(await text(employee, '.membership-home'), /会员证号: KM2026000001/)
  await employee.getByRole('link', { name: '查看电子会员证' }).first().click()
  await employee.waitForURL('**/membership/card')
  const card = await text(employee, '.member-card')
  for (const s of ['赵敏', 'KM2026000001', masked, '云岭软件有限公司', '五华科创大厦', '2026-06-15']) t.match(card, s, `the e-card shows ${s}`)
  t.notMatch(card, idNumber, 'the e-card masks the ID')
  t.equal(await employee.locator('.member-card svg.qr').count(), 1, 'with its QR code')

  // 3. The member orders a share; staff of the building confirm the payment.
  await nav(employee, '我的互助金')
  await employee.waitForURL('**/aid/share')
  t.equal(await text(employee, '[data-testid="cover-preview"]'), '2026-09-13 – 2026-12-31', 'first time: cover after 90 days')
  await employee.locator('[data-testid^="order-share-"]').first().click()
  await employee.waitForURL('**/aid/share')
  t.match(await text(employee, '.flash'), /订单已提交/)
  t.equal(await text(employee, '[data-testid="order-status"]'), '待付款')
  t.match(await text(employee, '[data-testid="my-order"]'), /¥120\.00/, 'one share costs 120 yuan')
  const orderId = await text(employee, '[data-testid="my-order"] dd.mono')
  t.match(orderId, /^\d+$/)

  const office = await newPhonePage(t, browser, baseUrl, 'zh-CN')
  await signIn(office, staff.phone)
  await nav(office, '互助金订单')
  await office.waitForURL('**/aid/orders')
  t.match(await text(office, 'tbody'), /赵敏 KM2026000001/)
  await office.getByRole('link', { name: `#${orderId}`, exact: true }).click()
  await office.waitForURL(`**/aid/orders/${orderId}`)
  t.equal(await text(office, '[data-testid="order-status"]'), '待付款')
  await office.getByLabel('收据号').fill('SJ-2026-0615')
  await office.getByLabel('缴费日期').fill('2026-06-15')
  await office.getByTestId('confirm-payment').click()
  await office.waitForURL(`**/aid/orders/${orderId}`)
  t.equal(await text(office, '[data-testid="order-status"]'), '已付款')
  t.equal(await text(office, '[data-testid="cover"]'), '2026-09-13 – 2026-12-31')
  t.match(await text(office, 'main'), /SJ-2026-0615/)

  await employee.reload()
  t.equal(await text(employee, '[data-testid="order-status"]'), '已付款')
  t.equal(await text(employee, '[data-testid="cover"]'), '2026-09-13 – 2026-12-31')

  // 4. Time passes. Inside the waiting period a claim is refused at once, with the reason.
  app.testClock.set('2026-09-01T02:00:00.000Z')
  await employee.goto('/aid/claims/new')
  await fillClaim(employee, { admission: '2026-08-20', discharge: '2026-08-25', invoice: '53012026-0820' })
  await employee.getByRole('button', { name: '提交申请' }).click()
  await employee.waitForSelector('.error-summary')
  t.match(await text(employee, '.error-summary'), /等待期内.*2026-09-13/, 'the waiting period, with the cover start date')
  t.equal(await employee.getByLabel('医疗总费用').inputValue(), '20000', 'the values are kept')

  // Past the waiting period: cover has started.
  app.testClock.set('2026-10-20T02:00:00.000Z')
  // This plan requires the invoice only.
  setPlanTerms(app, 2026, { requiredDocuments: JSON.stringify(['invoice']) })

  // 5. The member claims for an admission after cover start, uploads the invoice, sees the estimate.
  await employee.goto('/aid/claims')
  await employee.getByRole('link', { name: '申请报销' }).click()
  await employee.waitForURL('**/aid/claims/new')
  await fillClaim(employee, { admission: '2026-10-05', discharge: '2026-10-12', invoice: '53012026-1012' })
  // The claim form offers a payout account (none on file yet), the holder prefilled with the member's name.
  t.equal(await employee.getByLabel('户名').inputValue(), '赵敏')
  await employee.getByLabel('开户银行').fill('中国工商银行昆明五华支行')
  await employee.getByLabel('银行账号').fill('6222 0201 0000 1234 567')
  await employee.getByRole('button', { name: '提交申请' }).click()
  await employee.waitForURL(/\/aid\/claims\/\d+$/)
  const claimUrl = employee.url()
  const claimId = /\/aid\/claims\/(\d+)$/.exec(claimUrl)![1]
  t.match(await text(employee, '.flash'), /报销申请已提交/)
  t.match(await text(employee, 'h1 .badge'), /已提交/)
  const estimate = await text(employee, 'main')
  t.match(estimate, /预估明细/)
  t.match(estimate, /¥20,000\.00.*¥6,000\.00.*¥2,000\.00.*¥12,000\.00/, 'total − insurance − excluded = base 12,000 yuan')
  t.match(estimate, /¥450\.00.*¥1,050\.00/, '10% of 500–5,000 and 15% of 5,000–12,000')
  t.equal(await text(employee, 'main strong.big'), '¥1,500.00', 'the estimate is 1,500 yuan')

  await employee.getByLabel('材料类型').selectOption('invoice')
  await employee.setInputFiles('#f-file', { name: '发票.pdf', mimeType: 'application/pdf', buffer: TINY_PDF })
  await employee.getByRole('button', { name: '上传' }).click()
  await employee.waitForURL(claimUrl)
  t.match(await text(employee, '.flash'), /材料已上传/)
  t.equal(await employee.getByRole('link', { name: /医疗费用发票: 发票\.pdf/ }).count(), 1)

  // 6. Staff approve it (1,500 yuan: below the 5,000-yuan second-approval threshold, one approval),
  // put it into a payment batch, export the bank file and mark the batch paid.
  await nav(office, '报销审核')
  await office.waitForURL('**/aid/review**')
  t.match(await text(office, '.counts'), /已提交 1/)
  const row = office.locator('tbody tr', { has: office.getByRole('link', { name: `#${claimId}`, exact: true }) })
  t.match((await row.textContent() ?? '').replace(/\s+/g, ' '), /赵敏 KM2026000001.*2026-10-05 – 2026-10-12.*¥12,000\.00.*¥1,500\.00.*已提交/)
  await office.getByRole('link', { name: `#${claimId}`, exact: true }).click()
  await office.waitForURL(`**/aid/claims/${claimId}`)
  const [doc] = await Promise.all([
    office.waitForEvent('download'),
    office.getByRole('link', { name: /发票\.pdf/ }).click()
  ])
  t.same(await readFile(await doc.path()), TINY_PDF, 'the reviewer gets the uploaded bytes back')
  await office.getByRole('button', { name: '核准', exact: true }).click()
  await office.waitForURL(`**/aid/claims/${claimId}`)
  t.match(await text(office, '.flash'), /^已核准/)
  t.match(await text(office, 'h1 .badge'), /已核准/)
  t.match(await text(office, 'main'), /核定明细/)

  await nav(office, '报销支付')
  await office.waitForURL('**/aid/payouts')
  t.equal(await office.locator(`#pay-${claimId}`).isChecked(), true, 'the approved claim is ready to pay')
  t.match(await text(office, 'main'), /合计: ¥1,500\.00/)
  await office.getByRole('button', { name: '将所选申请生成支付批次' }).click()
  await office.waitForURL(/\/aid\/payouts\/\d+$/)
  const batchUrl = office.url()
  t.match(await text(office, '.flash'), /支付批次已创建/)
  t.match(await text(office, 'h1 .badge'), /待导出/)
  t.match(await text(office, 'dl.facts'), /创建时间 ?2026-10-20.*笔数 ?1 ?合计 ?¥1,500\.00/, 'one claim, 1,500 yuan, created on the moved clock')

  const [csv] = await Promise.all([
    office.waitForEvent('download'),
    office.getByRole('link', { name: '下载银行代发文件（CSV）' }).click()
  ])
  const csvText = (await readFile(await csv.path())).toString('utf8').replace(/^\uFEFF/, '')
  const csvLines = csvText.trim().split(/\r?\n/)
  t.equal(csvLines.length, 2, 'a header and one payment')
  t.equal(csvLines[1], `1,"=""6222020100001234567""",赵敏,1500.00,中国工商银行昆明五华支行,医疗互助金,BX${claimId.padStart(8, '0')}`, 'the bank file: account, payee, yuan, bank, reference')
  await office.goto(batchUrl)
  t.match(await text(office, 'h1 .badge'), /待导出/, 'downloading changes nothing')
  await office.getByRole('button', { name: '已交银行' }).click()
  await office.waitForURL(batchUrl)
  t.match(await text(office, 'h1 .badge'), /已导出/)

  // A second person marks it paid: never the batch's maker.
  const second = await createUser(app, { role: 'staff', buildingIds: [buildingId], name: '工作人员乙' })
  const checker = await newPhonePage(t, browser, baseUrl, 'zh-CN')
  await signIn(checker, second.phone)
  await checker.goto(batchUrl)
  await checker.getByLabel('银行流水号').fill('ICBC-20261020-0007')
  await checker.getByRole('button', { name: '标记为已支付' }).click()
  await checker.waitForURL(batchUrl)
  t.match(await text(checker, '.flash'), /批次已标记为已支付/)
  t.match(await text(checker, 'h1 .badge'), /已支付/)
  t.match(await text(checker, 'dl.facts'), /ICBC-20261020-0007/)

  // 7. The member sees it paid and opens the settlement sheet.
  await nav(employee, '我的报销')
  await employee.waitForURL('**/aid/claims')
  t.match(await text(employee, 'table'), /已支付/)
  t.match(await text(employee, 'table'), /¥1,500\.00/)
  await employee.goto(claimUrl)
  t.match(await text(employee, 'h1 .badge'), /已支付/)
  await employee.getByRole('link', { name: '查看结算单' }).click()
  await employee.waitForURL(`**/aid/claims/${claimId}/settlement`)
  const sheet = await text(employee, '.sheet')
  for (const s of ['职工医疗互助金结算单', '赵敏', 'KM2026000001', '云岭软件有限公司', '53012026-1012', '2026-10-05 – 2026-10-12', 'ICBC-20261020-0007', '¥12,000.00']) {
    t.match(sheet, s, `the sheet shows ${s}`)
  }
  t.equal(await employee.locator('.sheet .notice').count(), 0, 'final figures, not an estimate')
  t.equal(await text(employee, '.sheet p.big'), '实付金额: ¥1,500.00', 'paid: exactly 1,500.00 yuan')
})

async function fillClaim (page: Page, c: { admission: string, discharge: string, invoice: string }): Promise<void> {
  await page.getByLabel('入院日期').fill(c.admission)
  await page.getByLabel('出院日期').fill(c.discharge)
  await page.getByLabel('医院').fill('昆明医科大学第一附属医院')
  await page.getByLabel('发票号').fill(c.invoice)
  await page.getByLabel('医疗总费用').fill('20000')
  await page.getByLabel('医保统筹支付').fill('6000')
  await page.getByLabel('医保目录外费用').fill('2000')
  await page.getByLabel(/我同意联合会/).check()
}
