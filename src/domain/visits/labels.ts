import type { VisitMethod, VisitRating, VisitStatus, VisitSubject } from './visits.table';

/** Chinese labels of the return visit's enums (pure module, importable by the web app). */
export const VISIT_RATING_LABELS: Record<VisitRating, string> = { satisfied: '满意', fairly_satisfied: '较满意', unsatisfied: '不满意' };
export const VISIT_METHOD_LABELS: Record<VisitMethod, string> = { phone: '电话回访', in_person: '上门回访' };
export const VISIT_STATUS_LABELS: Record<VisitStatus, string> = { due: '待回访', done: '已回访' };
export const VISIT_SUBJECT_LABELS: Record<VisitSubject, string> = { complaint: '投诉', work_order: '报修', help_request: '求助' };
