// The pages of self-service by SMS: "forgot password" (linked from the sign-in page) and
// verifying one's phone.
import type { FastifyInstance } from 'fastify'
import { parseInput } from '../../lib/validation.js'
import type { SelfService } from './self-service.js'
import type { AuthLimits } from './auth-rate-limit.js'
import { passwordResetConfirmInput, passwordResetInput, phoneCodeInput } from './accounts-schemas.js'

type Body = Record<string, string | undefined>
const RESET = { template: 'accounts/password-reset', titleKey: 'accounts.reset.title' }
const PHONE = { template: 'accounts/phone', titleKey: 'accounts.phone.title' }

export default async function selfServicePages (
  app: FastifyInstance, { self, limits }: { self: SelfService, limits: AuthLimits }
): Promise<void> {
  app.get('/password-reset', async (req, reply) => {
    if (req.actor !== null) return reply.redirect('/account/password')
    return reply.page(RESET.template, { titleKey: RESET.titleKey, values: {}, needsCsrf: true })
  })

  // Asking for a code: the same page follows whether or not the phone has an account.
  app.post('/password-reset', { preHandler: [app.verifyCsrf, limits.reset] }, async (req, reply) => {
    const body = (req.body ?? {}) as Body
    try {
      const { phone } = parseInput(passwordResetInput, body)
      await self.requestPasswordReset(phone)
      return reply.page(RESET.template, { titleKey: RESET.titleKey, values: { phone }, codeStep: true, needsCsrf: true })
    } catch (err) {
      return reply.formError(err, RESET.template, { titleKey: RESET.titleKey, values: { phone: body.phone } })
    }
  })

  app.post('/password-reset/confirm', { preHandler: [app.verifyCsrf, limits.reset] }, async (req, reply) => {
    const body = (req.body ?? {}) as Body
    try {
      const input = parseInput(passwordResetConfirmInput, body)
      await self.confirmPasswordReset(input)
      reply.flash('accounts.reset.done')
      return await reply.redirect('/login')
    } catch (err) {
      return reply.formError(err, RESET.template, { titleKey: RESET.titleKey, values: { phone: body.phone }, codeStep: true })
    }
  })

  const phonePage = (userId: number, phone: string, extra: Record<string, unknown> = {}) =>
    ({ titleKey: PHONE.titleKey, phone, verified: self.phoneVerified(userId), values: {}, ...extra })

  app.get('/account/phone', async (req, reply) => {
    const actor = app.requireSignedIn(req)
    return reply.page(PHONE.template, phonePage(actor.id, actor.phone))
  })

  app.post('/account/phone/send', { preHandler: app.verifyCsrf }, async (req, reply) => {
    const actor = app.requireSignedIn(req)
    try {
      await self.requestPhoneVerification(actor)
      return reply.page(PHONE.template, phonePage(actor.id, actor.phone, { codeStep: true, needsCsrf: true }))
    } catch (err) {
      return reply.formError(err, PHONE.template, phonePage(actor.id, actor.phone, { codeStep: true }))
    }
  })

  app.post('/account/phone/confirm', { preHandler: app.verifyCsrf }, async (req, reply) => {
    const actor = app.requireSignedIn(req)
    try {
      const { code } = parseInput(phoneCodeInput, req.body ?? {})
      self.confirmPhoneVerification(actor, code)
      reply.flash('accounts.phone.done')
      return await reply.redirect('/account/phone')
    } catch (err) {
      return reply.formError(err, PHONE.template, phonePage(actor.id, actor.phone, { codeStep: true }))
    }
  })
}
