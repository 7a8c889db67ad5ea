import type { FastifyInstance } from 'fastify';

/** The OpenAPI document @fastify/swagger generates from the route schemas. */
export async function openapiRoutes(app: FastifyInstance): Promise<void> {
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
}
