// Real Chromium (Debian's package) against the real app listening on 127.0.0.1.
import type { Test } from 'tap'
import { chromium, type Browser, type Page } from 'playwright-core'
import type { FastifyInstance } from 'fastify'
import { build, PASSWORD, type TestClock } from '../helper.js'

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

/** Builds the app on a temporary database and listens on a free loopback port. */
export async function startPortal (t: Test, opts: { clock?: TestClock } = {}): Promise<{ app: FastifyInstance & { testClock: TestClock }, baseUrl: string }> {
  const app = await build(t, opts)
  await app.listen({ port: 0, host: '127.0.0.1' })
  const addr = app.server.address()
  if (addr === null || typeof addr === 'string') throw new Error('no address')
  return { app, baseUrl: `http://127.0.0.1:${addr.port}` }
}

export async function launchBrowser (t: Test): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync']
  })
  t.teardown(async () => { await browser.close() })
  return browser
}

/** A phone-sized page; any console error or CSP violation fails the test. */
export async function newPhonePage (t: Test, browser: Browser, baseUrl: string, locale = 'zh-CN'): Promise<Page> {
  const context = await browser.newContext({ baseURL: baseUrl, viewport: { width: 390, height: 844 }, locale, deviceScaleFactor: 1 })
  const page = await context.newPage()
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return
    // A form shown again with its 4xx status (400 invalid input, 401 wrong password, 409, 429)
    // is the page working as designed; any other failed resource or error fails the test.
    const formAnswer = /^Failed to load resource: the server responded with a status of 4\d\d/.test(msg.text()) &&
      msg.location().url === page.url()
    if (!formAnswer) t.fail(`browser console error: ${msg.text()} (${msg.location().url})`)
  })
  page.on('pageerror', (err) => { t.fail(`page error: ${err.message}`) })
  t.teardown(async () => { await context.close() })
  return page
}

/** Signs in through the login page (Chinese labels) and waits until it has left it. */
export async function signIn (page: Page, phone: string, password = PASSWORD): Promise<void> {
  await page.goto('/login')
  await page.getByLabel('手机号码').fill(phone)
  await page.getByLabel('密码').fill(password)
  await page.getByRole('button', { name: '登录' }).click()
  await page.waitForURL((u) => !u.pathname.startsWith('/login'))
}

/**
 * Follows a link of the main menu: on a phone the menu sits behind its button (a <details>),
 * so it is opened first; at a desk the menu bar is there already.
 */
export async function nav (page: Page, name: string): Promise<void> {
  const menu = page.locator('details.menu-phone')
  if (await menu.isVisible() && (await menu.getAttribute('open')) === null) await menu.locator('summary').click()
  const exact = new RegExp(`^\\s*${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`)
  await page.locator('nav[aria-label="main"] a:visible', { hasText: exact }).first().click()
}
