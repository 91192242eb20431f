import type { FastifyInstance } from 'fastify'

// The buildings feature: routes (pages and /api/v1) are registered here.
export default async function buildingsFeature (app: FastifyInstance): Promise<void> {
  void app
}
