import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context';

/** Excel import of units and households: registered here, built in property/import.service.ts. */
export async function importRoutes(_app: FastifyInstance, _ctx: AppContext): Promise<void> {}
