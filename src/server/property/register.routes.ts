import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { registerPolicy } from '../../domain/property/property.policy';
import { personView } from '../../domain/property/property.contract';
import {
  householdHistoryList,
  personMoveOut,
  renovationInput,
  renovationPatch,
  renovationView,
  vehicleInput,
  vehiclePatch,
  vehicleView,
} from '../../domain/property/register.contract';
import { requestActor, type AppContext } from '../core/context';
import { policyAccess } from '../plugins/access';
import * as svc from './register.service';
import { moveOutPerson } from './property.service';

const idParam = z.object({ id: z.uuid({ error: '无效的编号' }) });
const read = policyAccess(registerPolicy, 'read');
const update = policyAccess(registerPolicy, 'update');
const tags = ['property'];

/** The household register kept by hand: move-out, vehicles, renovation records and the history of changes. */
export async function registerRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/households/:id/history', { config: { access: read }, schema: { tags, summary: '业户档案变更记录(号码已遮蔽)', params: idParam, response: { 200: householdHistoryList } } }, async (req) =>
    svc.history(ctx, requestActor(req), req.params.id),
  );

  r.post('/api/persons/:id/move-out', { config: { access: update }, schema: { tags, summary: '登记人员迁出(不删除)', params: idParam, body: personMoveOut, response: { 200: personView } } }, async (req) =>
    moveOutPerson(ctx, requestActor(req), req.params.id, req.body),
  );

  r.post('/api/households/:id/vehicles', { config: { access: update }, schema: { tags, summary: '登记车辆', params: idParam, body: vehicleInput, response: { 201: vehicleView } } }, async (req, reply) =>
    reply.status(201).send(await svc.addVehicle(ctx, requestActor(req), req.params.id, req.body)),
  );

  r.patch('/api/vehicles/:id', { config: { access: update }, schema: { tags, summary: '修改车辆/登记迁出', params: idParam, body: vehiclePatch, response: { 200: vehicleView } } }, async (req) =>
    svc.updateVehicle(ctx, requestActor(req), req.params.id, req.body),
  );

  r.post('/api/households/:id/renovations', { config: { access: update }, schema: { tags, summary: '登记装修记录', params: idParam, body: renovationInput, response: { 201: renovationView } } }, async (req, reply) =>
    reply.status(201).send(await svc.addRenovation(ctx, requestActor(req), req.params.id, req.body)),
  );

  r.patch('/api/renovations/:id', { config: { access: update }, schema: { tags, summary: '修改装修记录', params: idParam, body: renovationPatch, response: { 200: renovationView } } }, async (req) =>
    svc.updateRenovation(ctx, requestActor(req), req.params.id, req.body),
  );
}
