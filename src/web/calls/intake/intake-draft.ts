import type { Person } from '../../property/api';
import type { CallClass, Urgency } from '../../../domain/calls/calls.table';
import type { Channel } from '../../../domain/calls/call-record.contract';

/** The household the call is about, as the look-up found it (masked contacts only). */
export interface DraftHousehold {
  id: string;
  unitId: string;
  unitCode: string;
  persons: Pick<Person, 'id' | 'relation' | 'name' | 'phone'>[];
}

export interface IntakeValues {
  callerName: string;
  callerPhone: string;
  channel: Channel;
  categoryId?: string;
  urgency: Urgency;
  content: string;
  explicitComplaint: boolean;
  needsCoordination: boolean;
  overrideClass?: CallClass;
  overrideReason: string;
  assigneeId?: string;
}

export interface IntakeDraft {
  /** One per draft: a retried or double submission creates one record. */
  idempotencyKey: string;
  lookup: string;
  household: DraftHousehold | null;
  values: IntakeValues;
}

export const EMPTY_VALUES: IntakeValues = {
  callerName: '',
  callerPhone: '',
  channel: 'phone',
  categoryId: undefined,
  urgency: 'normal',
  content: '',
  explicitComplaint: false,
  needsCoordination: false,
  overrideClass: undefined,
  overrideReason: '',
  assigneeId: undefined,
};

/** 32 hex digits from the CSPRNG; unlike crypto.randomUUID it also works on a plain-http intranet address. */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export const emptyDraft = (): IntakeDraft => ({ idempotencyKey: newIdempotencyKey(), lookup: '', household: null, values: { ...EMPTY_VALUES } });

/** Per user and project, so one desk's half-typed call never shows to the next person on the same browser. */
export const draftStorageKey = (userId: string, projectId: string) => `wd.intake-draft.${userId}.${projectId}`;

export function loadDraft(key: string): { draft: IntakeDraft; restored: boolean } {
  try {
    const raw = localStorage.getItem(key);
    if (raw) {
      const d = JSON.parse(raw) as Partial<IntakeDraft>;
      if (typeof d.idempotencyKey === 'string' && d.idempotencyKey.length >= 8 && d.values) {
        const draft: IntakeDraft = { idempotencyKey: d.idempotencyKey, lookup: d.lookup ?? '', household: d.household ?? null, values: { ...EMPTY_VALUES, ...d.values } };
        return { draft, restored: !isBlank(draft) };
      }
    }
  } catch {
    /* unreadable or private mode: start afresh */
  }
  return { draft: emptyDraft(), restored: false };
}

export function saveDraft(key: string, draft: IntakeDraft): void {
  try {
    if (isBlank(draft)) localStorage.removeItem(key);
    else localStorage.setItem(key, JSON.stringify(draft));
  } catch {
    /* storage full or private mode: the form still holds the input */
  }
}

export function clearDraft(key: string): void {
  try {
    localStorage.removeItem(key);
  } catch {
    /* nothing stored */
  }
}

/** A draft with nothing typed in it is not worth keeping (nor announcing as restored). */
export function isBlank(d: IntakeDraft): boolean {
  const v = d.values;
  return !d.lookup.trim() && !d.household && !v.callerName.trim() && !v.callerPhone.trim() && !v.content.trim() && !v.categoryId && !v.overrideReason.trim();
}
