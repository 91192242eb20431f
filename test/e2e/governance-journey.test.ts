// Real Chromium at phone size (390×844): staff found a joint worker congress, seat
// representatives and see the composition checks, draft the collective contract, open a session,
// tick attendance while a representative signs in by the session's QR link on their phone and
// votes; the motion passes and adopts the contract, which is signed, filed and approved until it
// is in effect. Screenshots of the main pages in both languages go to SCREENSHOT_DIR when set.
import t from 'tap'
import type { Test } from 'tap'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { sql } from 'drizzle-orm'
import { launchBrowser, newPhonePage, startPortal, signIn } from './helper.js'
import { governanceWorld, ok } from '../features/governance/fixtures.js'
import { TINY_PDF } from '../features/claims/fixtures.js'

const SHOTS = process.env.SCREENSHOT_DIR
/** Nothing wider than the phone: the elements that stick out, if any (empty when the page fits). */
async function sticksOut (page: Page): Promise<string[]> {
  // A string, run in the page (the tests are type-checked without the DOM's types).
  return await page.evaluate(`(() => {
    const out = []
    for (const el of Array.from(document.querySelectorAll('body *'))) {
      // What is not shown does not count (the phone menu's links while it is closed are laid out
      // in the closed <details>' hidden slot, but nobody sees them there).
      if (!el.checkVisibility()) continue
      const r = el.getBoundingClientRect()
      // Inside a container that scrolls sideways (a wide table's wrapper) is fine: the page does not move.
      let scrolls = false
      for (let p = el.parentElement; p !== null && !scrolls; p = p.parentElement) scrolls = ['auto', 'scroll'].includes(getComputedStyle(p).overflowX)
      if (r.right > window.innerWidth + 1 && !scrolls) out.push(el.tagName.toLowerCase() + '.' + el.className + ': ' + Math.round(r.right))
    }
    if (document.documentElement.scrollWidth > window.innerWidth) out.push('page: ' + document.documentElement.scrollWidth)
    return out.slice(0, 5)
  })()`) as string[]
}

async function shot (t: Test, page: Page, name: string): Promise<void> {
  t.same(await sticksOut(page), [], `${name}: nothing wider than the phone`)
  if (SHOTS === undefined) return
  mkdirSync(SHOTS, { recursive: true })
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true })
}

t.test('from founding a congress to an effective collective contract', async (t) => {
  const { app, baseUrl } = await startPortal(t)
  const w = await governanceWorld(app, 30)
  const browser = await launchBrowser(t)
  const staff = await newPhonePage(t, browser, baseUrl, 'zh-CN')
  await signIn(staff, w.staff.phone)

  // Found the congress from the building's page.
  await staff.goto('/governance')
  await staff.getByRole('link', { name: '五华科创大厦' }).click()
  await staff.waitForURL(/\/governance\/buildings\/\d+$/)
  await staff.getByLabel('本届开始日期').fill('2026-01-01')
  await staff.getByRole('button', { name: '成立新一届联合职代会' }).click()
  await staff.waitForURL(/\/governance\/congresses\/\d+/)
  t.match(await staff.locator('.flash').textContent(), /已成立联合职代会/)
  const congressUrl = new URL(staff.url()).pathname
  const congressId = Number(congressUrl.split('/').pop())

  // Seat one operator on the page: both rules broken, both named.
  await staff.getByLabel('会员').selectOption(String(w.members[0].membershipId))
  await staff.getByLabel('代表类别').selectOption('operator')
  await staff.getByRole('button', { name: '登记代表' }).click()
  await staff.waitForURL(/#representatives$/)
  const problems = await staff.locator('[data-testid="composition-problems"]').textContent() ?? ''
  t.match(problems, /至少需要 30 名代表/)
  // The other 29 (the same use case through the API, to keep the journey short).
  const reps: number[] = []
  for (let i = 1; i < 30; i++) reps.push((await ok(app, w.staff, 'POST', `/api/v1/congresses/${congressId}/representatives`, { membershipId: w.members[i].membershipId, category: i < 6 ? 'operator' : 'frontline' })).id as number)
  await staff.goto(congressUrl)
  t.match(await staff.locator('#composition').textContent(), /代表构成符合规定/)
  await shot(t, staff, 'congress-zh')

  // Draft the contract on the building's page.
  await staff.getByRole('link', { name: '五华科创大厦' }).click()
  await staff.locator('#contracts').getByLabel('标题').fill('五华科创大厦集体合同')
  await staff.locator('#contracts').getByLabel('正文').fill('第一条 劳动报酬：月工资不低于最低工资标准的 120%。')
  await staff.getByRole('button', { name: '起草集体合同' }).click()
  await staff.waitForURL(/\/governance\/contracts\/\d+$/)
  const contractUrl = new URL(staff.url()).pathname
  t.match(await staff.locator('[data-testid="contract-status"]').textContent(), /草案/)

  // Open a session with its agenda.
  await staff.goto(congressUrl)
  await staff.getByLabel('会议日期').fill('2026-06-15')
  await staff.locator('#sessions').getByLabel('标题').fill('第一届第一次会议')
  await staff.getByLabel('议程（每行一项）').fill('审议集体合同草案\n听取工作报告')
  await staff.getByRole('button', { name: '召开会议' }).click()
  await staff.waitForURL(/\/governance\/sessions\/\d+$/)
  const sessionUrl = new URL(staff.url()).pathname
  t.equal(await staff.locator('svg.qr').count(), 1, 'the sign-in QR code is shown')
  const signInLink = await staff.locator('[data-testid="sign-in-link"]').getAttribute('href') ?? ''

  // Staff tick 19 present; a representative signs in on their phone: 20 of 30, two thirds.
  // Everyone but the representative who signs in herself (members[0]).
  const boxes = staff.locator('input[name="representativeIds"]')
  let ticked = 0
  for (let i = 0; ticked < 19; i++) {
    const label = await boxes.nth(i).locator('xpath=..').textContent() ?? ''
    if (label.includes(`${w.members[0].user.name} ·`)) continue
    await boxes.nth(i).check()
    ticked++
  }
  await staff.getByRole('button', { name: '记录出席' }).click()
  await staff.waitForURL(/#attendance$/)
  t.match(await staff.locator('[data-testid="attendance"]').textContent(), /出席 19 \/ 30/)

  const rep = await newPhonePage(t, browser, baseUrl, 'zh-CN')
  await signIn(rep, w.members[0].user.phone)
  await rep.goto(new URL(signInLink).pathname + new URL(signInLink).search)
  await shot(t, rep, 'sign-in-zh')
  await rep.getByRole('button', { name: '确认签到' }).click()
  await rep.waitForURL(/\/governance\/sessions\/\d+/)
  t.match(await rep.locator('.flash').textContent(), /签到成功/)

  await staff.goto(sessionUrl)
  t.match(await staff.locator('[data-testid="attendance"]').textContent(), /出席 20 \/ 30.*已达到三分之二/s)
  await staff.getByLabel('议案标题').fill('《五华科创大厦集体合同（草案）》')
  await staff.getByLabel('议案类型').selectOption('collective_contract')
  await staff.getByLabel('关联集体合同').selectOption({ label: '五华科创大厦集体合同' })
  await staff.getByRole('button', { name: '提交表决' }).click()
  await staff.waitForURL(/#motions$/)
  await shot(t, staff, 'session-zh')

  // The representative votes on their phone, once.
  await rep.goto(sessionUrl)
  await rep.getByRole('button', { name: '赞成' }).click()
  await rep.waitForURL(/#motion-\d+$/)
  t.match(await rep.locator('.motion').textContent(), /您的表决：赞成/)
  t.equal(await rep.getByRole('button', { name: '反对' }).count(), 0, 'no second vote')
  await shot(t, rep, 'vote-zh')
  const motionId = Number((await rep.locator('.motion').getAttribute('id'))!.replace('motion-', ''))
  // Fifteen more of those present vote yes on their own phones (through the API here).
  const presentMemberships = new Set(app.db.all<{ m: number }>(sql`select r.membership_id as m from session_attendance a
    join congress_representatives r on r.id = a.representative_id`).map((r) => r.m))
  const voters = w.members.slice(1).filter((m) => presentMemberships.has(m.membershipId)).slice(0, 15)
  t.equal(voters.length, 15)
  for (const m of voters) await ok(app, m.user, 'POST', `/api/v1/motions/${motionId}/vote`, { vote: 'yes' })

  await staff.goto(sessionUrl)
  // eslint-disable-next-line no-void -- the dialog is accepted while the click that opened it is awaited
  staff.once('dialog', (d) => { void d.accept() })
  await staff.getByRole('button', { name: '结束表决' }).click()
  await staff.waitForURL(/#motion-\d+$/)
  t.match(await staff.locator('.motion').textContent(), /通过.*赞成 16/s)

  // The contract: adopted by the motion, then signed, filed and approved: in effect.
  await staff.goto(contractUrl)
  t.match(await staff.locator('[data-testid="contract-status"]').textContent(), /已经职代会通过/)
  await staff.getByLabel('签订日期').fill('2026-06-15')
  await staff.getByLabel('职工方首席代表').fill('滕智')
  await staff.getByLabel('企业方首席代表').fill('陈刚')
  await staff.getByRole('button', { name: '记录签订' }).click()
  await staff.waitForURL(contractUrl)
  await staff.getByLabel('报送劳动保障行政部门日期').fill('2026-06-15')
  await staff.getByRole('button', { name: '记录报送' }).click()
  await staff.waitForURL(contractUrl)
  t.match(await staff.locator('[data-testid="contract-status"]').textContent(), /已报送审查/)
  await staff.getByLabel('审查同意日期').fill('2026-06-15')
  await staff.getByRole('button', { name: '记录审查同意' }).click()
  await staff.waitForURL(contractUrl)
  t.match(await staff.locator('[data-testid="contract-status"]').textContent(), /生效中/)
  t.match(await staff.locator('main').textContent(), /2029-06-14/, 'three years from the approval')
  await shot(t, staff, 'contract-zh')

  // The minutes print without the site's header and buttons.
  await staff.goto(`${sessionUrl}/minutes`)
  t.match(await staff.locator('main').textContent(), /表决记录/)
  await shot(t, staff, 'minutes-zh')
  await staff.emulateMedia({ media: 'print' })
  t.equal(await staff.locator('.site-header').isVisible(), false)
  await staff.emulateMedia({ media: 'screen' })

  // The federation discloses the contract; the representative reads it on their phone.
  const buildingPath = `/governance/buildings/${w.buildingId}`
  await staff.goto(`${buildingPath}/disclosures`)
  await staff.getByLabel('公开类别').selectOption('contract')
  await staff.getByLabel('标题').fill('集体合同生效公示')
  await staff.getByLabel('正文').fill('《五华科创大厦集体合同》自 2026-06-15 起生效，全文见附件。')
  await staff.setInputFiles('#f-file', { name: '集体合同.pdf', mimeType: 'application/pdf', buffer: TINY_PDF })
  await staff.getByRole('button', { name: '发布公开内容' }).click()
  await staff.waitForURL(/\/governance\/disclosures\/\d+$/)
  t.match(await staff.locator('.flash').textContent(), /已公开/)
  await rep.goto('/governance')
  await rep.waitForURL(`**${buildingPath}`)
  t.match(await rep.locator('#disclosures').textContent(), /集体合同生效公示/)
  t.match(await rep.locator('#contracts').textContent(), /生效中/)
  await shot(t, rep, 'building-member-zh')
  await rep.locator('#disclosures').getByRole('link', { name: '集体合同生效公示' }).click()
  const [download] = await Promise.all([rep.waitForEvent('download'), rep.getByRole('link', { name: /附件/ }).click()])
  t.equal(download.suggestedFilename(), '集体合同.pdf', 'the member opens the attachment')

  // The same pages in English.
  await staff.goto(`/lang/en?next=${encodeURIComponent(congressUrl)}`)
  t.match(await staff.locator('#composition').textContent(), /The composition meets the rules/)
  await shot(t, staff, 'congress-en')
  await staff.goto(sessionUrl)
  t.match(await staff.locator('.motion').textContent(), /Passed/)
  await shot(t, staff, 'session-en')
  await staff.goto(contractUrl)
  t.match(await staff.locator('[data-testid="contract-status"]').textContent(), /In effect/)
  await shot(t, staff, 'contract-en')
  await rep.goto(`/lang/en?next=${encodeURIComponent(sessionUrl)}`)
  t.match(await rep.locator('.motion').textContent(), /Your vote: Yes/)
  await shot(t, rep, 'vote-en')
  await rep.goto(buildingPath)
  t.match(await rep.locator('#contracts').textContent(), /In effect/)
  await shot(t, rep, 'building-member-en')
})
