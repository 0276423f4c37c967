// The one list of tables, for drizzle-kit and the query builder. Named re-exports only.
export { projects, districts, buildings, units, warrantyTerms, households, persons, personRelationEnum } from '../../domain/property/property.table';
export { householdVehicles, householdRenovations, householdHistory } from '../../domain/property/register.table';
export { users, userRoles, userProjects, sessions, roleEnum } from '../../domain/users/users.table';
export { auditLog } from '../../domain/audit/audit.table';
export { numberCounters } from '../../domain/numbering/numbering.table';
export { serviceCategories, vendors, vendorMembers, callRecords, callReplies, callEvents, callSettings, callClassEnum, channelEnum, urgencyEnum, callStatusEnum, categoryKindEnum, replyChannelEnum } from '../../domain/calls/calls.table';
export { workOrders, workOrderEvents, workOrderKindEnum, workOrderStatusEnum } from '../../domain/work-orders/work-orders.table';
export { timers, slaPolicies, timerStatusEnum } from '../../domain/deadlines/deadlines.table';
export { notifications } from '../../domain/notifications/notifications.table';
export { attachments } from '../../domain/attachments/attachments.table';
export { helpRequests, helpPlaybooks, helpPlaybookSteps, helpSteps, helpEvents, helpDutyShifts, helpHandovers, helpCategoryEnum, helpStatusEnum, helpOutcomeEnum, helpStepStatusEnum } from '../../domain/help/help.table';
export { propertyKeys, keyLoans, keyHandovers, keyKindEnum, keyStatusEnum, borrowerKindEnum } from '../../domain/keys/keys.table';
export { archiveTemplates, archiveDocuments, archiveDepartmentEnum, documentStatusEnum, householdSignoffs, signoffKindEnum, signerRoleEnum, archiveScans } from '../../domain/archives/archives.table';
export { complaints, complaintEvents } from '../../domain/complaints/complaints.table';
export { visits, visitSettings } from '../../domain/visits/visits.table';
export { contactForms, contactFormEvents } from '../../domain/contact-forms/contact-forms.table';
export { accompaniedSessions } from '../../domain/accompanied/accompanied.table';
