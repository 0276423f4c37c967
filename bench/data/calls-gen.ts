/**
 * Two years of 《来电来访记录》 for the benchmark estate, generated deterministically: callers are the
 * register's households (and their people), classes come from the app's own classify() and deadlines from
 * its SLA defaults, so the rows look like what the desk writes. Statuses follow age: old items are closed,
 * recent ones still open, and a few stale ones never closed (auto-GT, as the two-day rule does).
 */
import { classify } from '../../src/domain/calls/classify';
import { DEFAULT_SLA_POLICIES, pickPolicy, planDeadline } from '../../src/domain/deadlines/sla';
import type { CallClass, CallStatus, Urgency } from '../../src/domain/calls/calls.table';
import { CLASS_LABELS } from '../../src/domain/calls/labels';
import { DEFAULT_CATEGORIES, DEFAULT_VENDORS } from '../../src/server/seed/service-desk-seed';
import { chineseName, DEFAULT_WARRANTY_TERMS, mobile, pick, prng } from '../../src/server/seed/demo-data';
import { generateHouseholds, structure, uuidFrom } from './estate';
import type { DeskIds } from './desk-seed';
import { CONTENT, SEARCH_WORDS } from './call-texts';

/** Bump when generated calls change: the caches check it and reload. */
export const CALLS_VERSION = 1;
/** The 730 Beijing days before this instant hold the calls; statuses are as seen at this instant. */
export const CALLS_END = new Date('2026-11-26T00:00:00+08:00');
export const CALL_DAYS = 730;
const DAY = 86_400_000;
const HOUR = 3_600_000;

export const CALL_COLUMNS = [
  'id', 'project_id', 'number', 'received_at', 'channel', 'household_id', 'unit_id', 'district_id', 'caller_name', 'caller_phone',
  'content', 'category_id', 'urgency', 'class', 'proposed_class', 'class_reason', 'override_reason', 'status', 'progress', 'recorded_by',
  'resolved_at', 'last_reply_at', 'closed_at', 'closed_by', 'close_number', 'due_at', 'version', 'created_at',
] as const;
export type CallValue = string | number | null;

/** Share of calls per category code (sums to 100). */
const CATEGORY_WEIGHTS: Record<string, number> = {
  plumbing: 16, seepage: 6, electrical: 6, fittings: 5, decoration: 4, public: 10, telephone: 2, broadband: 6, water_heater: 2,
  intercom: 2, security_door: 1, neighbour: 4, suggestion: 3, inquiry: 28, complaint: 5,
};

/** Hours until resolved, by class: [min, max] of a log-uniform draw. */
const RESOLVE_HOURS: Record<CallClass, [number, number]> = { inquiry: [0.05, 0.3], Q: [1, 12], normal: [1, 72], Z: [12, 240], GT: [24, 480], complaint: [12, 120] };

interface Caller {
  id: string;
  unitId: string;
  code: string;
  districtId: string;
  handover: string;
  people: { name: string; phone: string }[];
}

function callers(households: number): Caller[] {
  const { buildings } = structure();
  const district = new Map(buildings.map((b) => [b.id, b.districtId]));
  const out: Caller[] = [];
  for (const h of generateHouseholds(households)) {
    out.push({ id: h.id, unitId: h.unit.id, code: h.unit.code, districtId: district.get(h.unit.buildingId)!, handover: h.unit.handoverDate, people: h.persons.filter((p) => p.relation !== 'emergency').map((p) => ({ name: p.name, phone: p.phone })) });
  }
  return out;
}

/** Calls per day: fewer at weekends, more in the rainy summer; exactly `total` over all days. */
function perDay(total: number, rand: () => number): number[] {
  const start = CALLS_END.getTime() - CALL_DAYS * DAY;
  const w = Array.from({ length: CALL_DAYS }, (_, d) => {
    const at = new Date(start + d * DAY + 12 * HOUR);
    const dow = at.getUTCDay();
    const month = at.getUTCMonth() + 1;
    return (dow === 0 || dow === 6 ? 0.75 : 1) * (month >= 6 && month <= 8 ? 1.25 : 1) * (0.85 + 0.3 * rand());
  });
  const sum = w.reduce((a, b) => a + b, 0);
  let acc = 0;
  let given = 0;
  return w.map((x) => {
    acc += (x / sum) * total;
    const n = Math.round(acc) - given;
    given += n;
    return n;
  });
}

const logUniform = (rand: () => number, [lo, hi]: [number, number]) => Math.exp(Math.log(lo) + rand() * (Math.log(hi) - Math.log(lo)));
const iso = (t: number) => new Date(t).toISOString();
/** The Beijing calendar day (UTC+8 all year, no daylight saving); numbering.localDay's Intl call is too slow for 1M rows. */
const beijingDay = (t: number) => new Date(t + 8 * HOUR).toISOString().slice(0, 10);
const ymd = (t: number) => beijingDay(t).replaceAll('-', '');

export interface CallGenContext {
  ids: DeskIds;
  households: number;
  total: number;
}

/** Yields the calls in receiving order, one array of CALL_COLUMNS values each. */
export function* generateCalls(ctx: CallGenContext): Generator<CallValue[]> {
  const rand = prng(20261126);
  const people = callers(ctx.households);
  const cats = DEFAULT_CATEGORIES;
  const cumulative: { code: string; upTo: number }[] = [];
  let acc = 0;
  for (const c of cats) cumulative.push({ code: c.code, upTo: (acc += CATEGORY_WEIGHTS[c.code] ?? 0) });
  const warrantyMonths = Object.fromEntries(DEFAULT_WARRANTY_TERMS.map((t) => [t.category, t.months]));
  const vendorOf = new Map(DEFAULT_VENDORS.map((v) => [v.category, v]));
  const agents = ctx.ids.agents.map((a) => a.id);
  const counts = perDay(ctx.total, rand);
  const start = CALLS_END.getTime() - CALL_DAYS * DAY;
  const closeSeq = new Map<string, number>();
  const end = CALLS_END.getTime();

  for (let d = 0; d < CALL_DAYS; d++) {
    const dayStart = start + d * DAY;
    const times = Array.from({ length: counts[d] }, () => dayStart + (rand() < 0.85 ? 8 * HOUR + rand() * 12 * HOUR : rand() * 24 * HOUR)).sort((a, b) => a - b);
    const day = ymd(dayStart + HOUR);
    for (const [i, at] of times.entries()) {
      const r = rand() * 100;
      const cat = cats.find((_, k) => r < cumulative[k].upTo) ?? cats[cats.length - 1];
      const isPublic = cat.code === 'public' || (cat.kind === 'coordination' && rand() < 0.3);
      const caller = isPublic ? null : people[Math.floor(rand() * people.length)];
      const person = caller ? pick(rand, caller.people) : { name: chineseName(rand), phone: mobile(rand) };
      const vendor = cat.vendorCategory ? vendorOf.get(cat.vendorCategory) ?? null : null;
      const complaint = cat.kind !== 'complaint' && rand() < 0.01;
      const proposed = classify({
        category: { kind: cat.kind, label: cat.label, warrantyCategory: cat.warrantyCategory ?? null, vendorCategory: cat.vendorCategory ?? null },
        handoverDate: caller?.handover ?? null,
        warrantyMonths,
        vendor,
        explicitComplaint: complaint,
        needsCoordination: false,
        today: beijingDay(at),
      });
      const urgency: Urgency = proposed.class === 'inquiry' ? 'normal' : rand() < 0.03 ? 'emergency' : rand() < 0.12 ? 'urgent' : 'normal';
      const plan = planDeadline(pickPolicy(DEFAULT_SLA_POLICIES, 'call', proposed.class, urgency), new Date(at), vendor?.promisedMinutes);
      // Resolution: a log-uniform time by class; 2% of non-inquiries are never finished (stale).
      const stale = proposed.class !== 'inquiry' && rand() < 0.02;
      const resolvedAt = stale ? Infinity : at + logUniform(rand, RESOLVE_HOURS[proposed.class]) * HOUR;
      const closedAt = proposed.class === 'inquiry' ? resolvedAt : resolvedAt + logUniform(rand, [2, 120]) * HOUR;
      let status: CallStatus = 'closed';
      if (resolvedAt > end) status = rand() < 0.6 ? 'in_progress' : 'open';
      else if (closedAt > end) status = 'resolved';
      if (proposed.class === 'inquiry' && status !== 'closed') status = 'resolved';
      // The two-day rule: anything still open after two days (or finished later than that) became GT.
      const late = resolvedAt - at > 2 * DAY;
      const cls: CallClass = late && !['GT', 'complaint', 'inquiry'].includes(proposed.class) ? 'GT' : proposed.class;
      let closeNumber: string | null = null;
      if (status === 'closed') {
        const cd = ymd(closedAt);
        const n = (closeSeq.get(cd) ?? 0) + 1;
        closeSeq.set(cd, n);
        closeNumber = `XX${cd}-${String(n).padStart(4, '0')}`;
      }
      const done = status === 'resolved' || status === 'closed';
      const content = pick(rand, CONTENT[cat.code] ?? ['其他事项']) + (rand() < 0.4 ? pick(rand, ['，请尽快处理', '，已经两天了', '，家里有老人', '，下午在家', '']) : '');
      yield [
        uuidFrom(rand), ctx.ids.projectId, `LD${day}-${String(i + 1).padStart(4, '0')}`, iso(at), rand() < 0.75 ? 'phone' : 'visit',
        caller?.id ?? null, caller?.unitId ?? null, caller?.districtId ?? pick(rand, ctx.ids.districts).id, person.name, person.phone,
        content, ctx.ids.categories[cat.code] ?? null, urgency, cls, proposed.class, proposed.reason,
        cls !== proposed.class ? `超过两天未完成，自动转为 GT（原为${CLASS_LABELS[proposed.class]}）` : null,
        status, status === 'closed' ? '已完成' : status === 'resolved' ? '已处理，待销项' : status === 'in_progress' ? '处理中' : null, pick(rand, agents),
        done ? iso(resolvedAt) : null, done && cls !== 'inquiry' ? iso(resolvedAt) : null, status === 'closed' ? iso(closedAt) : null,
        status === 'closed' ? pick(rand, agents) : null, closeNumber, plan?.dueAt ? iso(plan.dueAt.getTime()) : null,
        { open: 1, in_progress: 2, resolved: 3, closed: 4 }[status], iso(at),
      ];
    }
  }
}

export { SEARCH_WORDS };
