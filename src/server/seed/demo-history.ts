import { callEvents, callRecords, callReplies, type CallClass, type Urgency } from '../../domain/calls/calls.table';
import { workOrderEvents, workOrders, type WorkOrderKind, type WorkOrderStatus } from '../../domain/work-orders/work-orders.table';
import { complaintEvents, complaints, type ComplaintLevel } from '../../domain/complaints/complaints.table';
import { visits, type VisitRating } from '../../domain/visits/visits.table';
import { helpRequests, type HelpCategory, type HelpOutcome } from '../../domain/help/help.table';
import { keyLoans } from '../../domain/keys/keys.table';
import { attachments } from '../../domain/attachments/attachments.table';
import { numberCounters } from '../../domain/numbering/numbering.table';
import type { CallStatus } from '../../domain/calls/calls.table';
import { classify } from '../../domain/calls/classify';
import { DEFAULT_SLA_POLICIES, GT_AFTER_MINUTES, pickPolicy, planDeadline } from '../../domain/deadlines/sla';
import { CLASS_LABELS } from '../../domain/calls/labels';
import { localDay, localDayStart } from '../../domain/shared/business-time';
import type { Executor } from '../db/store';
import { chineseName, mobile, pick, prng } from './demo-data';
import { insertAll, Numbers } from './bulk';
import { add, COMPLAINT_DEPT, CONTENT, HISTORY_DAYS, minutes, REPLY_DONE, SIGNATURE_PNG, SIGNATURE_SHA, weightedCategory, type HistoryCategory, type HistoryHousehold, type HistoryInput, type HistorySummary } from './demo-history-model';

export { HISTORY_DAYS, type HistoryCategory, type HistoryHousehold, type HistoryInput, type HistorySummary } from './demo-history-model';

/**
 * Two years of a demo estate's past (issue 13): calls of every class with their work orders and steps, replies,
 * close-outs, missed deadlines and escalations, complaints, return visits, help requests and key loans — so the
 * board, statistics, GT page, ledger and the managers' home show realistic figures on day one.
 *
 * Deterministic: the same seed and the same "now" give the same records (ids aside). Everything lies before the
 * local day of "now": today's lists stay as a fresh desk sees them. Most of the past is finished; a handful of
 * records of the last days are still open where a desk would meet them (a job waiting for verification, a GT
 * item still being coordinated, a record waiting for its close-out), their deadlines already missed and
 * escalated (so no timer of the history fires later). Written in bulk — multi-row INSERTs in the seeding
 * transaction — in the shapes the services write (state tables, event names, numbering), with one audit row
 * for the whole history (a start-up act, like the seed itself).
 */


/** Generates and writes the history; returns what it wrote. */
export async function seedDemoHistory(tx: Executor, input: HistoryInput): Promise<HistorySummary> {
  const { rows: all, counters, summary } = generateDemoHistory(input);
  await insertAll(tx, callRecords, all.calls);
  await insertAll(tx, callEvents, all.cEvents);
  await insertAll(tx, callReplies, all.replies);
  await insertAll(tx, workOrders, all.wos);
  await insertAll(tx, workOrderEvents, all.wEvents);
  await insertAll(tx, complaints, all.comps);
  await insertAll(tx, complaintEvents, all.compEvents);
  await insertAll(tx, visits, all.visitRows);
  await insertAll(tx, helpRequests, all.helps);
  await insertAll(tx, attachments, all.files);
  await insertAll(tx, keyLoans, all.loans);
  await insertAll(tx, numberCounters, counters);
  return summary;
}

/** The history's rows, without writing them (pure: the same seed, input and "now" give the same rows, ids aside). */
export function generateDemoHistory(input: HistoryInput) {
  const rand = prng(input.seed ?? 20241129);
  const days = input.days ?? HISTORY_DAYS;
  const u = (name: string) => {
    const id = input.users.get(name);
    if (!id) throw new Error(`demo user ${name} missing`);
    return id;
  };
  const desk = [u('kefu'), u('qiantai'), u('zhuli')];
  const closers = [u('kefu'), u('zhuli')];
  const technicians = [u('weixiu'), u('weixiu'), u('weixiu'), u('lingban')];
  const engineer = u('gongchengshi');
  const numbers = new Numbers();
  const { projectId } = input;
  const today = localDay(input.now);
  const todayStart = localDayStart(today);

  const newBatch = () => ({
    calls: [] as (typeof callRecords.$inferInsert)[],
    cEvents: [] as (typeof callEvents.$inferInsert)[],
    replies: [] as (typeof callReplies.$inferInsert)[],
    wos: [] as (typeof workOrders.$inferInsert)[],
    wEvents: [] as (typeof workOrderEvents.$inferInsert)[],
    comps: [] as (typeof complaints.$inferInsert)[],
    compEvents: [] as (typeof complaintEvents.$inferInsert)[],
    visitRows: [] as (typeof visits.$inferInsert)[],
    helps: [] as (typeof helpRequests.$inferInsert)[],
    loans: [] as (typeof keyLoans.$inferInsert)[],
    files: [] as (typeof attachments.$inferInsert)[],
  });
  type Batch = ReturnType<typeof newBatch>;
  const all = newBatch();
  let b: Batch = newBatch();
  /** The latest instant a record's batch holds: nothing of the history may reach today. */
  const latest = (x: Batch) => {
    let t = 0;
    const see = (d: Date | null | undefined) => {
      if (d && d.getTime() > t) t = d.getTime();
    };
    for (const r of x.cEvents) see(r.at as Date);
    for (const r of x.replies) see(r.at as Date);
    for (const r of x.wEvents) see(r.at as Date);
    for (const r of x.compEvents) see(r.at as Date);
    for (const r of x.visitRows) see(r.doneAt);
    for (const r of x.files) see(r.createdAt as Date);
    for (const r of x.calls) see(r.closedAt);
    return t;
  };
  const keep = (x: Batch) => {
    for (const k of Object.keys(x) as (keyof Batch)[]) (all[k] as object[]).push(...(x[k] as object[]));
  };
  const byClass = { normal: 0, Z: 0, Q: 0, GT: 0, complaint: 0, inquiry: 0 } as Record<CallClass, number>;
  /** Whether a kept record already shows a job waiting for verification (待验收), which the desk must meet on day one. */
  let waitingShown = false;
  const signature = (ownerType: string, ownerId: string, by: string, at: Date) => {
    const id = crypto.randomUUID();
    b.files.push({ id, projectId, ownerType, ownerId, kind: 'signature', mime: 'image/png', size: SIGNATURE_PNG.length, sha256: SIGNATURE_SHA, bytes: SIGNATURE_PNG, createdBy: by, createdAt: at });
    return id;
  };
  const vendorOf = (cat: HistoryCategory) => input.vendors.find((v) => v.category === cat.vendorCategory) ?? null;

  for (let d = days; d >= 1; d--) {
    const dayStart = new Date(todayStart.getTime() - d * 86_400_000);
    // Busier on weekdays and in summer (leaks, power): 4 to 14 a day, about 9.
    const month = Number(localDay(dayStart).slice(5, 7));
    const weekday = new Date(localDay(dayStart)).getUTCDay();
    const base = 9 + (month >= 6 && month <= 8 ? 3 : 0) + (weekday === 0 || weekday === 6 ? -3 : 0);
    const count = base + Math.floor(rand() * 6) - 2;
    const starts = Array.from({ length: count }, () => add(dayStart, 8 * 60 + Math.floor(rand() * 12 * 60))).sort((a, b) => a.getTime() - b.getTime());

    for (const receivedAt of starts) {
      // A record whose story would reach today is told again (up to three times), else left out.
      for (let attempt = 0; attempt < 3; attempt++) {
        b = newBatch();
        numbers.begin();
        const cls = oneCall(receivedAt, d);
        if (latest(b) < todayStart.getTime()) {
          keep(b);
          byClass[cls]++;
          if (b.wos.some((w) => w.status === 'done')) waitingShown = true;
          break;
        }
        numbers.undo();
      }
    }
  }

  function oneCall(receivedAt: Date, d: number): CallClass {
      const cat = weightedCategory(rand, input.categories);
      const hh = pick(rand, input.households);
      const vendor = vendorOf(cat);
      const c = classify({
        category: cat,
        handoverDate: hh.handoverDate,
        warrantyMonths: input.warrantyMonths,
        vendor,
        explicitComplaint: false,
        needsCoordination: false,
        today: localDay(receivedAt),
      });
      const cls0 = c.class;
      const urgency: Urgency = cat.kind === 'repair' && rand() < 0.12 ? (rand() < 0.25 ? 'emergency' : 'urgent') : 'normal';
      const plan = planDeadline(pickPolicy(DEFAULT_SLA_POLICIES, 'call', cls0, urgency), receivedAt, vendor?.promisedMinutes);
      const dueAt = plan?.dueAt ?? null;
      const recordedBy = pick(rand, desk);
      const id = crypto.randomUUID();
      const number = numbers.next('call', 'LD', receivedAt);
      const callerIsOwner = rand() < 0.8;
      const callerName = callerIsOwner ? hh.ownerName : chineseName(rand);
      const callerPhone = callerIsOwner ? hh.ownerPhone : mobile(rand);
      const content = `${pick(rand, CONTENT[cat.code] ?? ['其他事项'])}`;
      const ev = (at: Date, actorId: string | null, type: string, detail?: Record<string, unknown>) => b.cEvents.push({ projectId, callId: id, at, actorId, type, detail: detail ?? null });
      ev(receivedAt, recordedBy, 'recorded', { class: cls0, proposed: cls0, reason: c.reason });

      // The life of the record: when its work was done, whether it stays open (only in the last days).
      const age = d; // days before today
      let cls: CallClass = cls0;
      let overrideReason: string | null = null;
      let status: CallStatus = 'closed';
      let progress: string | null = '已完成';
      let resolvedAt: Date | null = null;
      let resolvedBy = recordedBy;
      // Open records are only kept from the last days, so their deadlines have all fired (and their ladders run).
      // Chance alone left some days without a job waiting for verification (the desk's 待验收 read 0 on day one):
      // from the fifth day before today, the first job of the window is kept open for its verification.
      const hasJob = cls0 !== 'inquiry' && cls0 !== 'complaint' && cls0 !== 'GT';
      const mustShowWaiting = hasJob && !waitingShown && age >= 4 && age <= 5;
      const stayOpen = (age >= 4 && age <= 6 && rand() < 0.15) || mustShowWaiting;
      const waitsForCloseOut = !stayOpen && age <= 2 && rand() < 0.3;

      if (cls0 === 'inquiry') {
        resolvedAt = add(receivedAt, 2 + Math.floor(rand() * 8));
        b.replies.push({ projectId, callId: id, at: resolvedAt, channel: 'phone', byUserId: recordedBy, content: REPLY_DONE.inquiry, final: true });
        ev(resolvedAt, recordedBy, 'reply', { channel: 'phone', final: true });
        ev(resolvedAt, recordedBy, 'resolve', { note: '当场解答' });
        progress = '当场解答';
      } else if (cls0 === 'complaint' || cls0 === 'GT') {
        // Coordinated or handled through the complaint procedure: a day to a week.
        const late = rand() < 0.2;
        const took = late ? GT_AFTER_MINUTES + Math.floor(rand() * 5 * 1440) : 120 + Math.floor(rand() * (GT_AFTER_MINUTES - 240));
        if (stayOpen && cls0 === 'GT') {
          status = 'in_progress';
          progress = '正在协调相关方';
        } else resolvedAt = add(receivedAt, took);
        const missedAt = dueAt && (!resolvedAt || resolvedAt > dueAt) ? dueAt : null;
        if (missedAt) {
          ev(missedAt, null, 'deadline_missed', { level: 1, roles: cls0 === 'GT' ? ['account_manager', 'cs_supervisor'] : ['cs_supervisor'] });
          const second = add(missedAt, cls0 === 'GT' ? 1440 : 240);
          if (!resolvedAt || resolvedAt > second) if (second < todayStart) ev(second, null, 'deadline_escalated', { level: 2, roles: ['centre_manager'] });
        }
        if (resolvedAt) {
          resolvedBy = cls0 === 'GT' ? u(pick(rand, ['jingli', 'jingli2', 'jingli3', 'zhuli'])) : u('zhuli');
          ev(resolvedAt, resolvedBy, 'resolve', { note: cls0 === 'GT' ? '已协调解决' : '投诉已处理完毕' });
          progress = cls0 === 'GT' ? '已协调解决' : '投诉已处理完毕';
        }
        if (cls0 === 'complaint') {
          const level: ComplaintLevel = rand() < 0.15 ? 'serious' : 'minor';
          const cid = crypto.randomUUID();
          const t1 = add(receivedAt, 10 + Math.floor(rand() * 50));
          const t2 = add(t1, 10 + Math.floor(rand() * 60));
          const end = resolvedAt!;
          const t3 = new Date(Math.max(t2.getTime() + minutes(30), end.getTime() - minutes(120)));
          const t4 = new Date(Math.max(t3.getTime() + minutes(10), end.getTime()));
          const closedC = add(t4, 1440 + Math.floor(rand() * 1440));
          const dept = pick(rand, COMPLAINT_DEPT);
          const cNumber = numbers.next('complaint', 'TS', receivedAt);
          const cdue = level === 'serious' ? add(t1, 60) : add(t1, 2 * 1440);
          const done = closedC < todayStart;
          b.comps.push({
            id: cid, projectId, number: cNumber, callId: id, householdId: hh.householdId, unitId: hh.unitId, complainantName: callerName, complainantPhone: callerPhone,
            occurredAt: add(receivedAt, -60), place: hh.unitCode, department: dept, content, wants: '尽快处理并给予答复', status: done ? 'closed' : 'informed', valid: true, level,
            dueAt: cdue, judgedAt: t1, judgedBy: u('zhuli'), signedAt: t2, signedBy: u(dept === 'engineering' ? 'lingban' : dept === 'security' ? 'banzhang' : dept === 'environment' ? 'zhongxin' : 'zhuguan'),
            action: '已核实情况并整改，向业户致歉', returnedAt: t3, informedAt: t4, informedBy: u('kefu'), informNote: '已电话告知业户处理结果', closedAt: done ? closedC : null,
            recordedBy, createdAt: receivedAt,
          });
          const ce = (at: Date, actorId: string | null, type: string, detail: Record<string, unknown> = {}) => b.compEvents.push({ projectId, complaintId: cid, at, actorId, type, detail });
          ce(receivedAt, recordedBy, 'recorded', { source: 'call' });
          ce(t1, u('zhuli'), 'judge_valid', { level });
          ce(t2, null, 'sign', {});
          ce(t3, null, 'return', { action: '已核实情况并整改，向业户致歉' });
          ce(t4, u('kefu'), 'inform', { note: '已电话告知业户处理结果' });
          if (done) {
            ce(closedC, u('zhuli'), 'close', {});
            const rating: VisitRating = rand() < 0.75 ? 'satisfied' : 'fairly_satisfied';
            b.visitRows.push({ projectId, subjectKind: 'complaint', subjectId: cid, subjectNumber: cNumber, summary: content, householdId: hh.householdId, contactName: callerName, contactPhone: callerPhone, status: 'done', drawnAt: t4, dueAt: add(t4, 3 * 1440), rating, comments: rating === 'satisfied' ? '满意' : '基本满意，希望下次更快', method: 'phone', visitorId: u('zhuli'), doneAt: closedC });
          }
        }
      } else {
        // A work order: the technician (normal), the builder's engineer (Z) or the outside unit (Q).
        const kind: WorkOrderKind = cls0 === 'Z' ? 'Z' : cls0 === 'Q' ? 'Q' : 'normal';
        const assigneeId = kind === 'Z' ? engineer : kind === 'normal' ? pick(rand, technicians) : null;
        const vendorId = kind === 'Q' ? (vendor?.id ?? null) : null;
        const woId = crypto.randomUUID();
        const assignedAt = add(receivedAt, 1 + Math.floor(rand() * 10));
        const woNumber = numbers.next('work_order', 'BX', assignedAt);
        const who = kind === 'Q' ? (vendor?.name ?? '外联单位') : kind === 'Z' ? '郭工(开发商)' : assigneeId === u('lingban') ? '黄磊' : '马强';
        const scale = kind === 'Z' ? 4 : kind === 'Q' ? 2 : 1;
        const late = rand() < 0.12;
        const acceptedAt = add(assignedAt, 5 + Math.floor(rand() * 55 * scale));
        const onSiteAt = add(acceptedAt, 20 + Math.floor(rand() * (kind === 'Q' ? (vendor?.promisedMinutes ?? 240) * 0.8 : 180 * scale)));
        let doneAt = add(onSiteAt, 30 + Math.floor(rand() * 150 * scale));
        if (late && dueAt) doneAt = add(dueAt, 60 + Math.floor(rand() * 1440));
        const verifiedAt = add(doneAt, 30 + Math.floor(rand() * 600));
        const verifier = pick(rand, closers);
        let woStatus: WorkOrderStatus = 'verified';
        if (stayOpen) woStatus = mustShowWaiting || rand() < 0.6 ? 'done' : 'on_site';
        const we = (at: Date, actorId: string | null, type: string, detail: Record<string, unknown> = {}) => b.wEvents.push({ projectId, workOrderId: woId, at, actorId, type, detail });
        we(assignedAt, recordedBy, 'assigned', { to: who });
        ev(assignedAt, recordedBy, 'dispatch', { workOrder: woNumber, to: who });
        const doer = assigneeId ?? u('waibu');
        we(acceptedAt, doer, 'accept');
        we(onSiteAt, doer, 'arrive');
        const result = kind === 'Q' ? '外联单位已上门处理完毕' : '已维修，试用正常';
        if (woStatus !== 'on_site') we(doneAt, doer, 'complete', { result });
        if (woStatus === 'verified') we(verifiedAt, verifier, 'verify');
        b.wos.push({
          id: woId, projectId, number: woNumber, callId: id, kind, status: woStatus, assigneeId, vendorId, dueAt, createdAt: assignedAt,
          acceptedAt, onSiteAt, doneAt: woStatus === 'on_site' ? null : doneAt, result: woStatus === 'on_site' ? null : result,
          materials: kind === 'normal' && rand() < 0.5 ? '密封圈、接头等小件' : null, photoIds: [],
          verifiedAt: woStatus === 'verified' ? verifiedAt : null, verifiedBy: woStatus === 'verified' ? verifier : null,
        });
        // The promise missed: for Q, not on site in time; for the rest, the work not done in time.
        const metAt = kind === 'Q' ? onSiteAt : woStatus === 'verified' ? verifiedAt : null;
        if (dueAt && (!metAt || metAt > dueAt)) {
          ev(dueAt, null, 'deadline_missed', { level: 1, roles: ['cs_supervisor'] });
          if (!metAt || metAt > add(dueAt, 240)) ev(add(dueAt, 240), null, 'deadline_escalated', { level: 2, roles: ['centre_manager'] });
        }
        // CALL-7: still unfinished two days after the call, it became GT.
        const gtAt = add(receivedAt, GT_AFTER_MINUTES);
        const finished = woStatus === 'verified' ? verifiedAt : null;
        if ((!finished || finished > gtAt) && gtAt < todayStart) {
          cls = 'GT';
          overrideReason = `超过两天未完成，自动转为 GT（原为${CLASS_LABELS[cls0]}）`;
          ev(gtAt, null, 'auto_gt', { from: cls0 });
        }
        if (woStatus === 'verified') {
          resolvedAt = verifiedAt;
          resolvedBy = verifier;
          ev(verifiedAt, verifier, 'work_done', { workOrder: woNumber });
          if (kind === 'normal' && rand() < 0.3) {
            const rating: VisitRating = rand() < 0.8 ? 'satisfied' : rand() < 0.8 ? 'fairly_satisfied' : 'unsatisfied';
            const drawn = add(verifiedAt, 60);
            b.visitRows.push({ projectId, subjectKind: 'work_order', subjectId: woId, subjectNumber: woNumber, summary: content, householdId: hh.householdId, contactName: callerName, contactPhone: callerPhone, status: 'done', drawnAt: drawn, dueAt: add(drawn, 3 * 1440), rating, comments: rating === 'unsatisfied' ? '等待时间太长' : '满意', method: 'phone', visitorId: u('zhuli'), doneAt: add(drawn, 60 + Math.floor(rand() * 1440)) });
          }
          progress = `已验收（${verifier === u('kefu') ? '王晓丽' : '陈敏'}）`;
        } else {
          status = 'in_progress';
          progress = woStatus === 'done' ? `${who} 已完工：${result}` : `${who} 已到场`;
        }
      }

      // Told and closed (CALL-3): a final reply at or after resolution, then the signed close-out.
      let closedAt: Date | null = null;
      let closeNumber: string | null = null;
      let signatureId: string | null = null;
      let closedBy: string | null = null;
      let lastReplyAt: Date | null = cls0 === 'inquiry' ? resolvedAt : null;
      if (resolvedAt) {
        const closer = cls0 === 'inquiry' ? recordedBy : pick(rand, closers);
        if (cls0 !== 'inquiry') {
          const told = add(resolvedAt, 10 + Math.floor(rand() * 240));
          b.replies.push({ projectId, callId: id, at: told, channel: rand() < 0.8 ? 'phone' : 'wechat', byUserId: closer, content: REPLY_DONE[cat.kind] ?? REPLY_DONE.repair, final: true });
          ev(told, closer, 'reply', { channel: 'phone', final: true });
          lastReplyAt = told;
        }
        const at = cls0 === 'inquiry' ? add(resolvedAt, 1) : add(lastReplyAt!, 5 + Math.floor(rand() * 600));
        if (waitsForCloseOut || at >= todayStart) {
          status = 'resolved';
        } else {
          closedAt = at;
          closedBy = closer;
          closeNumber = numbers.next('close_out', 'XX', at);
          signatureId = signature('call', id, closer, at);
          ev(at, closer, 'close', { closeNumber });
        }
      }
      b.calls.push({
        id, projectId, number, receivedAt, channel: rand() < 0.2 ? 'visit' : 'phone', householdId: hh.householdId, unitId: hh.unitId, districtId: hh.districtId,
        callerName, callerPhone, content, categoryId: cat.id, urgency, class: cls, proposedClass: cls0, classReason: c.reason, overrideReason,
        status, progress, recordedBy, resolvedAt, lastReplyAt, closedAt, closedBy, closeNumber, signatureId, dueAt, version: 1, createdAt: receivedAt,
      });
      return cls;
  }

  for (let d = days; d >= 1; d--) {
    const dayStart = new Date(todayStart.getTime() - d * 86_400_000);
    b = newBatch();
    // Help requests: one every few days, answered within the five minutes (most) and closed.
    if (rand() < 0.3) {
      const at = add(dayStart, 7 * 60 + Math.floor(rand() * 14 * 60));
      const hh = pick(rand, input.households);
      const category: HelpCategory = pick(rand, ['repair', 'inquiry', 'security', 'other', 'medical'] as const);
      const answered = add(at, 1 + Math.floor(rand() * (rand() < 0.9 ? 4 : 12)));
      const outcome: HelpOutcome = category === 'inquiry' ? 'answered' : category === 'medical' ? 'referred' : 'solved';
      const need = { repair: '家中水管爆裂需要紧急关阀', inquiry: '询问附近药店营业时间', security: '发现可疑人员在楼道徘徊', other: '老人忘带钥匙被锁门外', medical: '老人在家摔倒需要帮助' }[category];
      b.helps.push({
        projectId, number: numbers.next('help', 'QZ', at), category, receivedAt: at, recordedBy: pick(rand, desk), requesterName: hh.ownerName, unitId: hh.unitId, householdId: hh.householdId,
        phone: hh.ownerPhone, need, status: 'closed', dueAt: add(at, 5), firstResponseAt: answered, firstResponseBy: u('qiantai'), outcome,
        result: outcome === 'referred' ? '已协助拨打 120 并陪同' : outcome === 'answered' ? '已告知' : '已派人到场处理', referredTo: outcome === 'referred' ? '120 急救中心' : null,
        closedAt: add(answered, 20 + Math.floor(rand() * 100)), closedBy: u('qiantai'),
      });
    }

    // Key loans of the public keys: lent for a job and back the same day.
    if (input.keys.length && rand() < 0.12) {
      const key = pick(rand, input.keys);
      const lentAt = add(dayStart, 9 * 60 + Math.floor(rand() * 6 * 60));
      const id = crypto.randomUUID();
      const returnedAt = add(lentAt, 30 + Math.floor(rand() * 180));
      b.loans.push({
        id, projectId, keyId: key.id, borrowerKind: 'staff', borrowerName: pick(rand, ['马强', '黄磊', '朱勇']), identityDocument: '工作证', purpose: pick(rand, ['设备巡检', '水泵房检修', '会所保洁']),
        approverId: u('zhuguan'), lentAt, lentBy: u('qiantai'), dueAt: add(lentAt, 240), borrowerSignatureId: signature('key_loan', id, u('qiantai'), lentAt),
        returnedAt, returnedByName: '马强', receivedBy: u('qiantai'),
      });
    }
    if (latest(b) < todayStart.getTime() && b.helps.every((h) => (h.closedAt as Date) < todayStart) && b.loans.every((l) => (l.returnedAt as Date) < todayStart)) keep(b);
  }

  const summary: HistorySummary = { days, calls: all.calls.length, workOrders: all.wos.length, complaints: all.comps.length, visits: all.visitRows.length, helpRequests: all.helps.length, keyLoans: all.loans.length, byClass };
  return { rows: all, counters: numbers.rows(projectId), summary };
}
