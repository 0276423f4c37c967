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

export const managerHomeQuery = z.object({ projectId: z.uuid({ error: '请选择项目' }), districtId: z.uuid({ error: '无效的辖区' }).optional() });
/** Met of due within the deadline, this month (null rate: nothing due yet). */
const timeliness = z.object({ due: z.number().int(), met: z.number().int(), rate: z.number().nullable() });
export const managerHome = z.object({
  projectId: z.string(),
  at: instant,
  /** The districts the figures cover: every district (supervisors), or the account manager's own (CALL-4). */
  scope: z.object({ all: z.boolean(), districts: z.array(z.object({ id: z.string(), name: z.string() })) }),
  calls: z.object({ open: z.number().int(), overdue: z.number().int(), awaitingVerification: z.number().int(), byDistrict: z.array(district) }),
  /** This month: help requests answered within their first-response deadline; calls resolved within their deadline; complaints returned within theirs. */
  timeliness: z.object({ firstResponse: timeliness, close: timeliness, complaintReturn: timeliness }),
  complaints: z.object({ open: z.number().int(), overdue: z.number().int(), byLevel: z.array(count), byDepartment: z.array(count) }),
  visits: z.object({ due: z.number().int(), overdue: z.number().int(), monthDue: z.number().int(), monthDone: z.number().int(), visitRate: z.number().nullable(), satisfactionRate: z.number().nullable(), targetShare: z.number() }),
  contactForms: z.object({ open: z.number().int(), overdue: z.number().int() }),
  /** Keys lent out and loans past their return time; null for a role that does not read the key cabinet. */
  keys: z.object({ out: z.number().int(), overdue: z.number().int() }).nullable(),
  /** Household archives complete (every active document received), over the households of the scope's districts. */
  archives: z.object({ households: z.number().int(), complete: z.number().int(), rate: z.number().nullable() }).nullable(),
});

export type ManagerHome = z.input<typeof managerHome>;
