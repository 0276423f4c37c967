/** Where each clause of the manual is enforced. A clause absent here is "not yet". */
export const CLAUSE_CODE: Record<string, { files: string[]; partial?: string }> = {
  'ARC-8': {
    files: ['src/domain/property/property.policy.ts'],
    partial: 'department leads get no access to household data at all; the accompanied look-up (co-signed by CS staff) is not built yet',
  },
  'ARC-9': {
    files: ['src/server/property/property.service.ts', 'src/server/audit/audit.writer.ts', 'src/server/app.ts'],
    partial: 'every read and reveal is audited and no personal data goes to URLs of the web app or to logs; exports carry no contact data',
  },
  'ARC-10': { files: ['src/domain/property/property.policy.ts', 'src/server/property/property.service.ts'] },
  'ARC-12': { files: ['src/domain/shared/mask.ts', 'src/server/property/property.presenter.ts', 'src/server/property/property.service.ts'] },
};
