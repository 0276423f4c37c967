import type { Me } from './session';

/** /api/auth/me `menu`, with the service desk's flags (the server sends them; older answers may lack them). */
export type MenuFlags = Me['menu'] & Partial<Record<'intake' | 'calls' | 'board' | 'reports' | 'tasks' | 'help' | 'duty' | 'roster' | 'keys' | 'archives' | 'accompanied' | 'complaints' | 'visits' | 'contactForms', boolean>>;
export type MenuFlag = keyof MenuFlags;
