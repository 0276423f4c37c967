import type { CategoryKind } from '../../domain/calls/calls.table';

// Answers of src/server/calls/reference.routes.ts (service categories, vendors, assignees). Those routes are
// not yet declared in a contract; every other call and work-order shape comes from src/domain/*/*.contract.ts.

export interface ServiceCategory {
  id: string;
  code: string;
  label: string;
  kind: CategoryKind;
  scopeNote: string | null;
}

export interface Vendor {
  id: string;
  category: string;
  name: string;
  contactName: string | null;
  contactPhoneMasked: string | null;
  promisedMinutes: number;
}

export interface Assignee {
  id: string;
  displayName: string;
}
