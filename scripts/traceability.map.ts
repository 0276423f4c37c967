/** Where each clause of the manual is enforced. A clause absent here is "not yet". */
export const CLAUSE_CODE: Record<string, { files: string[]; partial?: string }> = {
  'ARC-8': { files: ['src/domain/property/property.policy.ts', 'src/server/property/property.service.ts', 'src/server/property/property.routes.ts'] },
  'ARC-9': {
    files: ['src/server/property/property.service.ts', 'src/server/audit/audit.writer.ts', 'src/server/app.ts'],
    partial: 'every read and reveal is audited and no personal data goes to URLs of the web app or to logs; exports carry no contact data',
  },
  'ARC-10': { files: ['src/domain/property/property.policy.ts', 'src/server/property/property.service.ts'] },
  'CALL-1': { files: ['src/domain/calls/calls.table.ts', 'src/server/calls/intake.service.ts', 'src/domain/calls/calls.contract.ts'] },
  'CALL-2': { files: ['src/domain/calls/classify.ts', 'src/server/work-orders/work-orders.service.ts', 'src/domain/work-orders/work-orders.status.ts', 'src/server/calls/call-state.ts'] },
  'CALL-3': { files: ['src/server/calls/calls.service.ts', 'src/domain/calls/calls.status.ts', 'src/domain/calls/calls.policy.ts'] },
  'CALL-4': { files: ['src/server/calls/ledger.service.ts', 'src/server/notifications/notifier.ts', 'src/domain/property/property.table.ts'] },
  'CALL-5': { files: ['src/domain/calls/classify.ts', 'src/server/calls/intake.service.ts', 'src/server/work-orders/work-orders.service.ts'] },
  'CALL-6': { files: ['src/domain/calls/classify.ts', 'src/domain/deadlines/sla.ts', 'src/server/calls/call-timers.ts', 'src/server/work-orders/work-orders.service.ts', 'src/server/notifications/hub.ts'] },
  'CALL-7': { files: ['src/domain/calls/classify.ts', 'src/server/calls/call-timers.ts', 'src/server/calls/ledger.repository.ts'] },
  'CALL-8': {
    files: ['src/domain/calls/classify.ts', 'src/server/calls/intake.service.ts'],
    partial: 'a complaint is recorded, numbered and listed; the complaint procedure (COMP) is not built yet',
  },
  'CALL-9': { files: ['src/server/calls/calls.service.ts', 'src/domain/calls/calls.table.ts'] },
  'CALL-10': { files: ['src/server/calls/ledger.service.ts', 'src/server/calls/ledger.repository.ts'] },
  'CALL-11': { files: ['src/domain/calls/calls.table.ts', 'src/server/calls/reference.routes.ts'] },
  'CALL-12': { files: ['src/server/seed/service-desk-seed.ts', 'src/server/calls/intake.service.ts'] },
  'ARC-11': { files: ['src/domain/work-orders/work-orders.policy.ts', 'src/server/work-orders/work-orders.service.ts', 'src/server/work-orders/work-orders.routes.ts'] },
  'ARC-12': { files: ['src/domain/shared/mask.ts', 'src/server/property/property.presenter.ts', 'src/server/property/property.service.ts'] },
};
