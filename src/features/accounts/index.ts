import type { FastifyInstance } from 'fastify'
import { createAccountsService } from './accounts-service.js'
import accountsApi from './accounts-api.js'
import accountsPages from './accounts-pages.js'
import adminUsersPages from './admin-users-pages.js'

export default async function accountsFeature (app: FastifyInstance): Promise<void> {
  const service = createAccountsService(app.db, app.clock)
  await app.register(accountsApi, { service })
  await app.register(accountsPages, { service })
  await app.register(adminUsersPages, { service })
}
