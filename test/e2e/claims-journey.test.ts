// Real Chromium on a phone-sized screen (390×844): a covered member claims with a photo of the
// invoice, staff return the claim for the missing statement, the member is told, adds it and
// sends the claim back, staff approve, batch, hand the file to the bank, a second person marks
// it paid, and the member opens the settlement sheet (amount in Chinese capitals), which prints
// on one A4 page. The member and the paid share are set up with fixtures.
import t from 'tap'
import { launchBrowser, newPhonePage, startPortal, signIn } from './helper.js'
import { claimWorld, setPlanTerms, TINY_JPEG, TINY_PDF } from '../features/claims/fixtures.js'

t.test('photo upload, returned for documents, resubmitted, approved, paid by a second person, settlement sheet', async (t) => {
  const { app, baseUrl } = await startPortal(t)
  const w = await claimWorld(app)
  setPlanTerms(app, 2026, { requiredDocuments: JSON.stringify(['invoice', 'insurance_statement']) })
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

  // The phone's picker offers the camera and several files; two photos of the invoice.
  t.equal(await member.locator('#f-file').getAttribute('accept'), 'image/*,application/pdf')
  t.equal(await member.locator('#f-file').getAttribute('capture'), 'environment')
  t.equal(await member.locator('#f-file').getAttribute('multiple'), '')
  await member.getByLabel('材料类型').selectOption('invoice')
  await member.setInputFiles('#f-file', [
    { name: '发票1.jpg', mimeType: 'image/jpeg', buffer: TINY_JPEG },
    { name: '发票2.pdf', mimeType: 'application/pdf', buffer: TINY_PDF }
  ])
  t.match(await member.locator('#upload-list').textContent(), /医疗费用发票: 发票1\.jpg.*医疗费用发票: 发票2\.pdf/, 'each chosen file is shown with its kind')
  await member.getByRole('button', { name: '上传' }).click()
  await member.waitForURL(claimUrl)
  t.match(await member.locator('.flash').textContent(), /材料已上传/)
  t.equal(await member.getByRole('link', { name: /医疗费用发票: 发票1\.jpg/ }).count(), 1)
  t.match(await member.locator('.checklist').textContent(), /缺少 医保结算单/)

  // Staff approve it from the queue, put it in a batch and mark it paid.
  const staff = await newPhonePage(t, browser, baseUrl, 'zh-CN')
  await signIn(staff, w.staff.phone)
  await staff.goto('/aid/review')
  t.match(await staff.locator('.counts').textContent(), /已提交 1/)
  await staff.getByRole('link', { name: /^#\d+$/ }).first().click()
  await staff.waitForURL(/\/aid\/claims\/\d+$/)
  const [download] = await Promise.all([
    staff.waitForEvent('download'),
    staff.getByRole('link', { name: /发票2\.pdf/ }).click()
  ])
  t.equal(download.suggestedFilename(), '发票2.pdf', 'the reviewer can open the document')
  // Approval is refused while a required document is missing; staff return the claim.
  await staff.getByRole('button', { name: '核准', exact: true }).click()
  t.match(await staff.locator('.error-summary').textContent(), /缺少 1 项必需材料/)
  await staff.getByLabel('需要补充什么').fill('请上传医保结算单')
  await staff.getByRole('button', { name: '退回补充材料' }).click()
  await staff.waitForURL(/\/aid\/claims\/\d+$/)
  t.match(await staff.locator('.flash').textContent(), /已退回/)

  // The member is told (header count, notices page), adds the statement and sends it back.
  await member.goto('/')
  t.match(await member.locator('a.notices').textContent(), /通知\s*1/)
  await member.locator('a.notices').click()
  t.match(await member.locator('main').textContent(), /请上传医保结算单/)
  await member.goto(claimUrl)
  t.match(await member.locator('main').textContent(), /待补材料/)
  await member.getByLabel('材料类型').selectOption('insurance_statement')
  await member.setInputFiles('#f-file', { name: '结算单.jpg', mimeType: 'image/jpeg', buffer: TINY_JPEG })
  await member.getByRole('button', { name: '上传' }).click()
  await member.waitForURL(claimUrl)
  await member.getByRole('button', { name: '补充完毕，重新提交' }).click()
  await member.waitForURL(claimUrl)
  t.match(await member.locator('.flash').textContent(), /已重新提交/)

  await staff.reload()
  await staff.getByRole('button', { name: '核准', exact: true }).click()
  await staff.waitForURL(/\/aid\/claims\/\d+$/)
  t.match(await staff.locator('.flash').textContent(), /已核准/)
  t.match(await staff.locator('main').textContent(), /退回补充材料 · 审核员甲 · 请上传医保结算单/, 'the history shows who returned it and why')
  await staff.goto('/aid/payouts')
  t.equal(await staff.locator('#ready-total').textContent(), '¥4,700.00')
  await staff.locator('input[name=claimIds]').first().uncheck()
  t.equal(await staff.locator('#ready-total').textContent(), '¥0.00', 'the total follows the ticks')
  await staff.locator('input[name=claimIds]').first().check()
  t.equal(await staff.locator('#ready-total').textContent(), '¥4,700.00')
  await staff.getByRole('button', { name: '将所选申请生成支付批次' }).click()
  await staff.waitForURL(/\/aid\/payouts\/\d+$/)
  const batchUrl = staff.url()
  await staff.getByRole('button', { name: '已交银行' }).click()
  await staff.waitForURL(batchUrl)
  t.match(await staff.locator('main').textContent(), /须由另一位工作人员确认已支付/, 'the maker cannot mark it paid')
  const checker = await newPhonePage(t, browser, baseUrl, 'zh-CN')
  await signIn(checker, w.staff2.phone)
  await checker.goto(batchUrl)
  await checker.getByLabel('银行流水号').fill('ICBC-20260615-0042')
  await checker.getByRole('button', { name: '标记为已支付' }).click()
  await checker.waitForURL(batchUrl)
  t.match(await checker.locator('.flash').textContent(), /已支付/)
  await staff.goto('/aid/fund')
  t.equal(await staff.locator('svg.chart rect').count() > 0, true, 'the chart is drawn')

  // The member sees it paid and opens the settlement sheet.
  await member.goto('/aid/claims')
  t.match(await member.locator('table').textContent(), /已支付/)
  await member.goto(claimUrl)
  await member.getByRole('link', { name: '查看结算单' }).click()
  await member.waitForURL(/\/settlement$/)
  const sheet = await member.locator('main').textContent() ?? ''
  for (const text of ['职工医疗互助金结算单', '¥50,000.00', '¥30,000.00', '¥4,700.00', '肆仟柒佰元整', 'ICBC-20260615-0042', '李娟', '审核员甲']) t.match(sheet, text)
  // Printed: one A4 page, without the site header or the buttons.
  await member.emulateMedia({ media: 'print' })
  t.equal(await member.locator('.site-header').isVisible(), false)
  t.equal(await member.getByRole('button', { name: '打印' }).isVisible(), false)
  const pdf = await member.pdf({ format: 'A4', printBackground: false })
  const pages = pdf.toString('latin1').match(/\/Type\s*\/Page\b/g) ?? []
  t.equal(pages.length, 1, 'the settlement sheet prints on one A4 page')
})
