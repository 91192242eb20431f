// Server-rendered pages: Handlebars with one layout, partials from templates/partials and the
// helpers of src/views/helpers. `reply.page()` adds what every page needs (language, the signed-
// in actor, a CSRF token, navigation, a flash message) so templates hold no logic of their own.
import { readdirSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import fp from 'fastify-plugin'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import view from '@fastify/view'
import Handlebars from 'handlebars'
import { templatesDir } from '../paths.js'
import { registerHelpers } from '../views/helpers/index.js'
import type { Actor } from '../lib/access.js'
import { AppError } from '../lib/errors.js'
import { translateFields } from './errors.js'

export interface NavLink { href: string, labelKey: string, show: (actor: Actor | null) => boolean, order: number }
export interface HomeCard {
  order: number
  /** Partial name, e.g. "memberships/home-card". */
  partial: string
  load: (req: FastifyRequest) => unknown | null | Promise<unknown | null>
}

export type MePart = (actor: Actor) => Record<string, unknown>

/** Data a feature adds to every page's header (e.g. the unread notices), for signed-in users. */
export type HeaderPart = (req: FastifyRequest, actor: Actor) => Record<string, unknown>

declare module 'fastify' {
  interface FastifyInstance {
    navLinks: NavLink[]
    homeCards: HomeCard[]
    /** Parts of GET /api/v1/me contributed by features (membership, enterprises). */
    meParts: MePart[]
    headerParts: HeaderPart[]
  }
  interface FastifyReply {
    page: (template: string, data?: Record<string, unknown>, status?: number) => FastifyReply
    /** Re-renders a form with the error's messages beside the fields; rethrows what is not a user error. */
    formError: (err: unknown, template: string, data: Record<string, unknown>) => FastifyReply
    flash: (key: string) => FastifyReply
  }
}

function registerPartials (hb: typeof Handlebars, dir: string): Record<string, string> {
  const partials: Record<string, string> = {}
  const walk = (d: string): void => {
    for (const name of readdirSync(d)) {
      const p = join(d, name)
      if (statSync(p).isDirectory()) walk(p)
      else if (name.endsWith('.hbs')) partials[relative(dir, p).replace(/\\/g, '/').replace(/\.hbs$/, '')] = relative(templatesDir, p)
    }
  }
  walk(dir)
  return partials
}

export default fp(async function views (app: FastifyInstance) {
  const hb = Handlebars.create()
  registerHelpers(hb)
  await app.register(view, {
    engine: { handlebars: hb },
    root: templatesDir,
    layout: 'layouts/default.hbs',
    viewExt: 'hbs',
    options: { partials: registerPartials(hb, join(templatesDir, 'partials')) },
    // Templates are compiled once and cached (in production, and in tests, which run what production
    // runs); development picks up edits.
    production: app.config.env !== 'development'
  })

  app.decorate('navLinks', [] as NavLink[])
  app.decorate('homeCards', [] as HomeCard[])
  app.decorate('meParts', [] as MePart[])
  app.decorate('headerParts', [] as HeaderPart[])

  app.decorateReply('page', function (this: FastifyReply, template: string, data: Record<string, unknown> = {}, status = 200) {
    const req = this.request
    const actor = req.actor
    const flashKey = req.cookies.flash !== undefined ? req.unsignCookie(req.cookies.flash) : undefined
    if (flashKey !== undefined) this.clearCookie('flash', { path: '/' })
    const path = req.url.split('?')[0]
    const nav = app.navLinks.filter((l) => l.show(actor)).sort((a, b) => a.order - b.order)
      .map((l) => ({ href: l.href, label: req.t(l.labelKey), current: path === l.href || path.startsWith(l.href + '/') }))
    const otherLang = req.lang === 'zh' ? 'en' : 'zh'
    this.code(status)
    this.header('cache-control', 'no-store')
    const header: Record<string, unknown> = {}
    if (actor !== null) for (const part of app.headerParts) Object.assign(header, part(req, actor))
    return this.view(template, {
      ...data,
      header,
      lang: req.lang,
      htmlLang: req.lang === 'zh' ? 'zh-CN' : 'en',
      actor,
      // Every page gets a token, so any form on it (sign-in, calculator, logout) can post.
      csrfToken: this.generateCsrf(),
      nav,
      path,
      flash: flashKey?.valid === true && flashKey.value !== null ? req.t(flashKey.value) : undefined,
      langSwitchHref: `/lang/${otherLang}?next=${encodeURIComponent(req.url)}`,
      title: data.title ?? (typeof data.titleKey === 'string' ? req.t(data.titleKey) : undefined)
    })
  })

  app.decorateReply('flash', function (this: FastifyReply, key: string) {
    return this.setCookie('flash', key, { path: '/', httpOnly: true, sameSite: 'lax', signed: true, maxAge: 60, secure: 'auto' })
  })

  app.decorateReply('formError', function (this: FastifyReply, err: unknown, template: string, data: Record<string, unknown>) {
    if (!(err instanceof AppError) || err.statusCode >= 500 || err.statusCode === 401 || err.statusCode === 403) throw err
    const req = this.request
    const values = { ...(data.values as Record<string, unknown> | undefined) }
    // Never echo secrets back into a page.
    for (const k of Object.keys(values)) if (/password|_csrf/i.test(k)) delete values[k]
    return this.page(template, {
      ...data,
      values,
      needsCsrf: true,
      errors: translateFields(req.lang, err.fields),
      formError: req.t(err.messageKey, err.params)
    }, err.statusCode)
  })
}, { name: 'views', dependencies: ['core', 'security', 'i18n', 'auth'] })
