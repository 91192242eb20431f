import type { FastifyInstance } from 'fastify'

// The aid feature: routes (pages and /api/v1) are registered here.
export default async function aidFeature (app: FastifyInstance): Promise<void> {
  void app
}
