import { z } from 'zod';
import { instant } from '../shared/wire.contract';

// The managers' first screen (GET /api/dashboard/manager): today's numbers of one project and what needs them.

const count = z.object({ key: z.string(), count: z.number().int() });
const district = z.object({
  districtId: z.string().nullable(),
  districtName: z.string().nullable(),
  open: z.number().int(),
  overdue: z.number().int(),
  awaitingVerification: z.number().int(),
});

export const managerHomeQuery = z.object({ projectId: z.uuid({ error: '请选择项目' }) });
export const managerHome = z.object({
  projectId: z.string(),
  at: instant,
  calls: z.object({ open: z.number().int(), overdue: z.number().int(), awaitingVerification: z.number().int(), byDistrict: z.array(district) }),
  complaints: z.object({ open: z.number().int(), overdue: z.number().int(), byLevel: z.array(count), byDepartment: z.array(count) }),
  visits: z.object({ due: z.number().int(), overdue: z.number().int(), monthDue: z.number().int(), monthDone: z.number().int(), visitRate: z.number().nullable(), satisfactionRate: z.number().nullable() }),
  contactForms: z.object({ open: z.number().int(), overdue: z.number().int() }),
});

export type ManagerHome = z.input<typeof managerHome>;
