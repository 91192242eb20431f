// Real Chromium, keyboard only: on the main pages, at a phone and at a desk, every element the
// Tab key reaches shows a focus outline at least 2 px wide whose colour stands out from what is
// behind it by a contrast of at least 3:1 (WCAG 2.2, 1.4.11 and 2.4.13), the red header included.
import t, { type Test } from 'tap'
import type { Browser } from 'playwright-core'
import { launchBrowser, startPortal, signIn } from './helper.js'
import { seedDemo, DEMO_PASSWORD, type SeedContext } from '../../src/cli/seed-demo.js'
import { testClock } from '../helper.js'

interface Focused { what: string, style: string, width: number, outline: string, behind: string }

/** The focused element's outline, and the first opaque background behind it (its parent's). */
const FOCUSED = `(() => {
  const el = document.activeElement
  if (el === null || el === document.body) return null
  const cs = getComputedStyle(el)
  let behind = 'rgb(255, 255, 255)'
  for (let p = el.parentElement; p !== null; p = p.parentElement) {
    const bg = getComputedStyle(p).backgroundColor
    if (bg !== 'transparent' && !/rgba\\(.*, 0\\)$/.test(bg)) { behind = bg; break }
  }
  return {
    what: el.tagName.toLowerCase() + ' ' + ((el.getAttribute('name') || el.textContent || '').trim().slice(0, 24)),
    style: cs.outlineStyle, width: parseFloat(cs.outlineWidth), outline: cs.outlineColor, behind
  }
})()`

function luminance (rgb: string): number {
  const [r, g, b] = (rgb.match(/\d+(\.\d+)?/g) ?? ['0', '0', '0']).slice(0, 3).map((v) => {
    const c = Number(v) / 255
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
  })
  return 0.2126 * r + 0.7152 * g + 0.0722 * b
}

function contrast (a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x)
  return (hi + 0.05) / (lo + 0.05)
}

t.test('contrast follows WCAG\'s formula', async (t) => {
  t.equal(Math.round(contrast('rgb(0, 0, 0)', 'rgb(255, 255, 255)')), 21)
  t.equal(contrast('rgb(9, 105, 218)', 'rgb(9, 105, 218)'), 1)
  t.ok(contrast('rgb(255, 255, 255)', 'rgb(180, 35, 42)') > 3, 'white on the red header')
})

async function tabThrough (
  t: Test, browser: Browser, baseUrl: string, viewport: { width: number, height: number }, phone: string | null, paths: string[]
): Promise<void> {
  const context = await browser.newContext({ baseURL: baseUrl, viewport, locale: 'zh-CN', deviceScaleFactor: 1 })
  t.teardown(async () => { await context.close() })
  const page = await context.newPage()
  if (phone !== null) await signIn(page, phone, DEMO_PASSWORD)
  for (const path of paths) {
    await page.goto(path)
    const bad: string[] = []
    let seen = 0
    let first: string | undefined
    for (let i = 0; i < 60; i++) {
      await page.keyboard.press('Tab')
      const f = await page.evaluate(FOCUSED) as Focused | null
      if (f === null) continue
      // Once the Tab key is back at the first control, every control has been seen.
      if (f.what === first && seen > 1) break
      first ??= f.what
      seen++
      const ratio = contrast(f.outline, f.behind)
      if (f.style === 'none' || f.width < 2 || ratio < 3) bad.push(`${f.what}: ${f.style} ${f.width}px ${f.outline} on ${f.behind} (${ratio.toFixed(2)}:1)`)
    }
    t.ok(seen > 5, `${path} at ${viewport.width} px: the Tab key reaches its controls`)
    t.same(bad, [], `${path} at ${viewport.width} px: focus visible on every control`)
  }
}

t.test('focus is visible on every control, at a phone and at a desk', async (t) => {
  const { app, baseUrl } = await startPortal(t, { clock: testClock('2026-11-10T02:00:00.000Z') })
  const ctx: SeedContext = { db: app.db, clock: app.clock, pii: app.pii, accounts: [], facts: {}, log: () => {} }
  await seedDemo(ctx)
  const member = ctx.accounts.find((a) => a.role === 'member' && /王芳/.test(a.note))
  const staff = ctx.accounts.find((a) => a.role === 'staff')
  if (member === undefined || staff === undefined) throw new Error('no demo accounts')
  const browser = await launchBrowser(t)
  for (const viewport of [{ width: 390, height: 844 }, { width: 1280, height: 800 }]) {
    await tabThrough(t, browser, baseUrl, viewport, null, ['/login', '/register'])
    await tabThrough(t, browser, baseUrl, viewport, member.phone, ['/', '/aid/claims/new', '/aid/share'])
    await tabThrough(t, browser, baseUrl, viewport, staff.phone, ['/aid/review', '/memberships'])
  }
})
