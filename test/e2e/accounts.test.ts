// Real Chromium: sign up, sign out, a wrong password, sign in, in Chinese and in English.
import t from 'tap'
import type { Page } from 'playwright-core'
import { launchBrowser, newPhonePage, startPortal } from './helper.js'
import { nextPhone } from '../helper.js'

async function signOut (page: Page, label: string): Promise<void> {
  await page.getByRole('button', { name: label }).click()
  await page.waitForURL('**/')
}

t.test('sign up and sign in through the pages, in Chinese and in English', async (t) => {
  const { baseUrl } = await startPortal(t)
  const browser = await launchBrowser(t)
  const page = await newPhonePage(t, browser, baseUrl, 'zh-CN')

  // Chinese, the default.
  await page.goto('/')
  t.equal(await page.getAttribute('html', 'lang'), 'zh-CN')
  await page.getByRole('link', { name: '注册', exact: true }).first().click()
  await page.waitForURL('**/register')
  const phone = nextPhone()
  await page.getByLabel('手机号码').fill(phone)
  await page.getByLabel('姓名').fill('陈静')
  await page.getByLabel('密码').fill('12345678')
  await page.getByRole('button', { name: '注册' }).click()
  t.match(await page.locator('#f-password-error').textContent(), /不能全是数字/, 'the error is beside the password')
  t.equal(await page.getByLabel('手机号码').inputValue(), phone, 'the phone is kept')
  t.equal(await page.getByLabel('密码').inputValue(), '', 'the password is not')
  await page.getByLabel('密码').fill('chen-jing-2026')
  await page.getByRole('button', { name: '注册' }).click()
  await page.waitForURL(baseUrl + '/')
  t.match(await page.locator('.flash').textContent(), /注册成功/)
  t.match(await page.locator('.who').textContent(), /陈静/)
  const cookies = await page.context().cookies()
  const session = cookies.find((c) => c.name === 'token')
  t.equal(session?.httpOnly, true)
  t.equal(session?.sameSite, 'Lax')
  t.equal(await page.evaluate('document.cookie.includes("token=")'), false, 'scripts cannot read the session')
  await signOut(page, '退出')
  t.equal(await page.locator('.who').count(), 0)

  // A wrong password: the error beside the field; then the right one.
  await page.getByRole('link', { name: '登录', exact: true }).first().click()
  await page.waitForURL('**/login')
  await page.getByLabel('手机号码').fill(phone)
  await page.getByLabel('密码').fill('not-my-password')
  await page.getByRole('button', { name: '登录' }).click()
  t.match(await page.locator('#f-password-error').textContent(), /手机号码或密码不正确/)
  t.equal(await page.getByLabel('密码').getAttribute('aria-invalid'), 'true')
  await page.getByLabel('密码').fill('chen-jing-2026')
  await page.getByRole('button', { name: '登录' }).click()
  await page.waitForURL(baseUrl + '/')
  t.match(await page.locator('.who').textContent(), /陈静/)

  // Switch to English with the link; the choice stays.
  await page.getByRole('link', { name: 'English' }).click()
  await page.waitForURL(baseUrl + '/')
  t.equal(await page.getAttribute('html', 'lang'), 'en')
  // Signed in, the home page starts with the person's own cards; what the portal is for follows.
  t.match(await page.locator('h1').textContent(), /^Hello, /)
  t.match(await page.locator('.hero h2').textContent(), /Building union federations/)
  await signOut(page, 'Sign out')

  await page.getByRole('link', { name: 'Sign up', exact: true }).first().click()
  await page.waitForURL('**/register')
  const phone2 = nextPhone()
  await page.getByLabel('Mobile number').fill('12345')
  await page.getByLabel('Name').fill('Li Wei')
  await page.getByLabel('Password').fill('li-wei-password')
  await page.getByRole('button', { name: 'Sign up' }).click()
  t.match(await page.locator('#f-phone-error').textContent(), /valid mainland mobile number|mobile number/)
  t.equal(await page.getByLabel('Name').inputValue(), 'Li Wei')
  await page.getByLabel('Mobile number').fill(phone2)
  await page.getByLabel('Password').fill('li-wei-password')
  await page.getByRole('button', { name: 'Sign up' }).click()
  await page.waitForURL(baseUrl + '/')
  t.match(await page.locator('.flash').textContent(), /Welcome/)
  await signOut(page, 'Sign out')

  await page.getByRole('link', { name: 'Sign in', exact: true }).first().click()
  await page.getByLabel('Mobile number').fill(phone2)
  await page.getByLabel('Password').fill('wrong-password-1')
  await page.getByRole('button', { name: 'Sign in' }).click()
  t.match(await page.locator('#f-password-error').textContent(), /Wrong mobile number or password/)
  await page.getByLabel('Password').fill('li-wei-password')
  await page.getByRole('button', { name: 'Sign in' }).click()
  await page.waitForURL(baseUrl + '/')
  t.match(await page.locator('.who').textContent(), /Li Wei/)

  // And back to Chinese.
  await page.getByRole('link', { name: '中文' }).click()
  await page.waitForURL(baseUrl + '/')
  t.equal(await page.getAttribute('html', 'lang'), 'zh-CN')
  await signOut(page, '退出')
  t.equal(await page.locator('.who').count(), 0)
})

t.test('an English browser gets English from the start', async (t) => {
  const { baseUrl } = await startPortal(t)
  const browser = await launchBrowser(t)
  const page = await newPhonePage(t, browser, baseUrl, 'en-US')
  await page.goto('/login')
  t.equal(await page.getAttribute('html', 'lang'), 'en')
  t.ok(await page.getByLabel('Mobile number').isVisible())
})
