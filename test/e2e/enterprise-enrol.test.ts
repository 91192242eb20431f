// Real Chromium on a phone-sized screen: a liaison enrols an enterprise through the pages
// (a wrong code first, refused beside its field), staff of the building approve it, the liaison
// sees it enrolled; the building page shows the coverage chart without breaking the CSP.
import t from 'tap'
import { launchBrowser, newPhonePage, startPortal, signIn } from './helper.js'
import { createUser, insertBuilding } from '../helper.js'
import { uniqueUscc } from '../factories.js'

t.test('a liaison enrols through the pages and staff approve', async (t) => {
  const { app, baseUrl } = await startPortal(t)
  const buildingId = insertBuilding(app, '五华科创大厦', 96)
  insertBuilding(app, '盘龙金融中心', 40)
  const liaison = await createUser(app, { name: '李娜' })
  const staff = await createUser(app, { role: 'staff', buildingIds: [buildingId], name: '张敏' })
  const code = uniqueUscc()
  const wrong = code.slice(0, 17) + (code[17] === '0' ? '1' : '0')

  const browser = await launchBrowser(t)
  const page = await newPhonePage(t, browser, baseUrl, 'zh-CN')
  await signIn(page, liaison.phone)
  t.match(await page.locator('.enterprise-card').textContent(), /还没有为企业办理入驻/, 'the home card invites to enrol')
  await page.locator('.enterprise-card').getByRole('link', { name: '企业入驻登记' }).click()
  await page.waitForURL('**/enterprises/new')
  await page.getByLabel('所在楼宇').selectOption({ label: '五华科创大厦（五华区）' })
  await page.getByLabel('企业名称').fill('云岭科技有限公司')
  await page.getByLabel('统一社会信用代码').fill(wrong)
  await page.getByLabel('楼层 / 房间号').fill('12层1203室')
  await page.getByLabel('职工人数').fill('0')
  await page.getByRole('button', { name: '提交入驻申请' }).click()
  t.match(await page.locator('#f-uscc-error').textContent(), /校验位不正确/, 'the code is refused beside its field')
  t.match(await page.locator('#f-headcount-error').textContent(), /正整数/)
  t.equal(await page.getByLabel('企业名称').inputValue(), '云岭科技有限公司', 'values are kept')
  t.equal(await page.getByLabel('楼层 / 房间号').inputValue(), '12层1203室')
  t.equal(await page.getByLabel('所在楼宇').inputValue(), String(buildingId))
  await page.getByLabel('统一社会信用代码').fill(code.toLowerCase())
  await page.getByLabel('职工人数').fill('25')
  await page.getByRole('button', { name: '提交入驻申请' }).click()
  await page.waitForURL(/\/enterprises\/\d+$/)
  const enterpriseUrl = page.url()
  t.match(await page.locator('.flash').textContent(), /入驻申请已提交/)
  t.equal((await page.getByTestId('enterprise-status').textContent())?.trim(), '待审核')
  t.match(await page.locator('.facts').textContent(), new RegExp(code), 'the code is stored upper-case')

  // Staff of the building, in another browser context.
  const staffPage = await newPhonePage(t, browser, baseUrl, 'zh-CN')
  await signIn(staffPage, staff.phone)
  t.match(await staffPage.locator('.pending-enterprises-card').textContent(), /云岭科技有限公司/)
  await staffPage.locator('.pending-enterprises-card').getByRole('link', { name: '云岭科技有限公司' }).click()
  await staffPage.waitForURL(enterpriseUrl)
  await staffPage.getByTestId('approve').click()
  await staffPage.waitForURL(enterpriseUrl)
  t.match(await staffPage.locator('.flash').textContent(), /已批准入驻/)
  t.equal((await staffPage.getByTestId('enterprise-status').textContent())?.trim(), '已入驻')
  await staffPage.getByRole('link', { name: '五华科创大厦' }).first().click()
  await staffPage.waitForURL(`**/buildings/${buildingId}`)
  t.equal((await staffPage.getByTestId('coverage').textContent())?.trim(), '1 / 96 (1%)')
  t.equal(await staffPage.locator('svg.coverage-chart').count(), 1, 'the chart is drawn')
  const box = await staffPage.locator('svg.coverage-chart').boundingBox()
  t.ok(box !== null && box.width <= 390, 'the chart fits a phone screen')

  // The liaison sees it enrolled.
  await page.goto(enterpriseUrl)
  t.equal((await page.getByTestId('enterprise-status').textContent())?.trim(), '已入驻')
  await page.goto('/')
  t.match(await page.locator('.enterprise-card').textContent(), /已入驻/)
})
