// Real Chromium: a member who forgot their password (and locked the account guessing) gets back
// in from the sign-in page with a code texted to their phone (read from the SMS outbox).
import t from 'tap'
import { launchBrowser, newPhonePage, signIn, startPortal } from './helper.js'
import { createUser, smsSent } from '../helper.js'

t.test('forgot password: sign-in page link, code, new password, signed in; the lock is lifted', async (t) => {
  const { app, baseUrl } = await startPortal(t)
  const u = await createUser(app, { name: '周敏' })
  for (let i = 0; i < 5; i++) await app.inject({ method: 'POST', url: '/api/v1/auth/token', payload: { phone: u.phone, password: `guess-${i}-wrong` } })
  const browser = await launchBrowser(t)
  const page = await newPhonePage(t, browser, baseUrl)
  await page.goto('/login')
  await page.getByRole('link', { name: '忘记密码？' }).click()
  await page.waitForURL('**/password-reset')
  await page.getByLabel('手机号码').fill(u.phone)
  await page.getByRole('button', { name: '发送验证码' }).click()
  await page.getByLabel('短信验证码').waitFor()
  t.match(await page.locator('main').textContent(), /如果该手机号码已注册/)
  await page.getByLabel('短信验证码').fill('000')
  await page.getByLabel('新密码').fill('zhou-min-2026')
  await page.getByRole('button', { name: '设置新密码' }).click()
  t.match(await page.locator('#f-code-error').textContent(), /6 位数字/, 'the error is beside the code')
  const code = smsSent(app).filter((m) => m.to === u.phone).at(-1)!.params.code
  await page.getByLabel('短信验证码').fill(code)
  await page.getByLabel('新密码').fill('zhou-min-2026')
  await page.getByRole('button', { name: '设置新密码' }).click()
  await page.waitForURL('**/login')
  t.match(await page.locator('.flash').textContent(), /密码已重置/)
  await signIn(page, u.phone, 'zhou-min-2026')
  t.match(await page.locator('.who').textContent(), /周敏/, 'signed in although the account had been locked')
})
