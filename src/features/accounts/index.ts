import type { FastifyInstance } from 'fastify'
import { createAccountsService } from './accounts-service.js'
import { createAuthLimits } from './auth-rate-limit.js'
import accountsApi from './accounts-api.js'
import accountsPages from './accounts-pages.js'
import adminUsersPages from './admin-users-pages.js'

export default async function accountsFeature (app: FastifyInstance): Promise<void> {
  const service = createAccountsService(app.db, app.clock)
  const limits = createAuthLimits(app)
  await app.register(accountsApi, { service, limits })
  await app.register(accountsPages, { service, limits })
  await app.register(adminUsersPages, { service })
}
