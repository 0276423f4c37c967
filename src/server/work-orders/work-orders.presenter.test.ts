import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Actor } from '../../domain/shared/policy';
import type { workOrders } from '../../domain/work-orders/work-orders.table';
import { boardWorkOrder, workOrder, workOrderBrief, workOrderDetail, workOrderItem } from '../../domain/work-orders/work-orders.contract';
import { presentBoardWorkOrder, presentWorkOrder, presentWorkOrderBrief, presentWorkOrderDetail, presentWorkOrderItem } from './work-orders.presenter';

// The work-order shape family: each presenter returns exactly its contract's keys, whatever the row carries.
const P = '00000000-0000-4000-8000-000000000001';
const ID = '00000000-0000-4000-8000-000000000002';
const at = new Date('2026-03-02T01:00:00Z');
const tech: Actor = { userId: ID, username: 'weixiu', displayName: '李师傅', roles: new Set(['technician']), projectIds: new Set([P]) };
const wo: typeof workOrders.$inferSelect & { planted: string } = {
  id: ID, projectId: P, number: 'BX20260302-0001', callId: ID, kind: 'normal', status: 'done', assigneeId: ID, vendorId: null, dueAt: at,
  result: '已修好', materials: null, photoIds: [ID], chaseCount: 0, acceptedAt: at, onSiteAt: at, doneAt: at, verifiedAt: null, verifiedBy: ID,
  version: 3, createdAt: at, planted: 'PLANTED',
};
const listRow = { wo, callNumber: 'LD20260302-0001', content: '水管漏水', callerName: '张伟明', callerPhone: '13812345678', urgency: 'normal' as const, unitCode: '1-1-101', assigneeName: '李师傅', vendorName: null };
const sla = { dueAt: at, warnAt: null, state: 'ok' as const };
const keys = (o: object) => Object.keys(o).sort();
const shapeKeys = (s: z.ZodObject) => Object.keys(s.shape).sort();

describe('work-order presenters build exactly their contract', () => {
  it('base, item, detail, brief and board shapes carry their contract’s keys only', () => {
    expect(keys(presentWorkOrder(wo))).toEqual(shapeKeys(workOrder));
    const item = presentWorkOrderItem(tech, listRow, sla);
    expect(keys(item)).toEqual(shapeKeys(workOrderItem));
    expect(item).toMatchObject({ callerName: '张**', callerPhone: '138****5678' });
    const rec = { projectId: P, kind: wo.kind, status: wo.status, assigneeId: ID, vendorMemberIds: [] };
    const detail = presentWorkOrderDetail(tech, listRow, rec, sla, '一般报修', [{ at, type: 'assigned', detail: null, actorName: null }]);
    expect(keys(detail)).toEqual(shapeKeys(workOrderDetail));
    expect(() => z.encode(workOrderDetail, detail)).not.toThrow();
    expect(keys(presentWorkOrderBrief(wo, listRow, sla))).toEqual(shapeKeys(workOrderBrief));
    expect(keys(presentBoardWorkOrder(tech, { ...wo, assigneeName: null, vendorName: null }, P))).toEqual(shapeKeys(boardWorkOrder));
  });
});
