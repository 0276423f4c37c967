import { z } from 'zod';
import { HELP_CATEGORIES, HELP_OUTCOMES, HELP_STATUSES, HELP_STEP_STATUSES } from './help.table';
import { phoneSchema } from '../property/property.contract';
import { plainText } from '../shared/text';
import { ROLES } from '../shared/roles';
import { abilitiesSchema, instant } from '../shared/wire.contract';
import { slaReadingSchema } from '../deadlines/deadlines.contract';
import { helpPolicy, helpStepPolicy } from './help.policy';
import { ESCALATION_STEP_TYPES, MAX_ESCALATION_REPEAT } from './help.escalation';

const uuid = z.uuid({ error: '无效的编号' });
const version = z.number().int().positive();
const longText = (max: number, required: string) => z.string().trim().min(2, required).max(max, `最多 ${max} 字`);

// ---- requests

/** HELP-1: a help request taken at the desk. An inquiry (d) is answered on the spot: its answer closes it in one step. */
export const helpCreate = z
  .object({
    projectId: uuid,
    category: z.enum(HELP_CATEGORIES, { error: '请选择求助类别' }),
    requesterName: plainText({ max: 50, required: '请输入求助人' }),
    householdId: uuid.nullish(),
    unitId: uuid.nullish(),
    phone: phoneSchema.nullish(),
    need: longText(2000, '请填写需要什么帮助'),
    /** For an inquiry: the answer given on the spot. */
    answer: z.string().trim().max(1000).optional(),
  })
  .strict();
export type HelpCreate = z.infer<typeof helpCreate>;

export const helpListQuery = z.object({
  projectId: uuid,
  status: z.enum(['active', 'closed', 'all']).default('active'),
});

export const respondInput = z.object({ version, note: longText(1000, '请填写答复内容') }).strict();

/** Starting a playbook; the medical one needs the patient's address and phone first (HELP-5) and a branch. */
export const startPlaybookInput = z
  .object({
    version,
    playbookCode: z.string().trim().min(1, '请选择应急预案').max(40),
    branch: z.string().trim().max(40).optional(),
    patientAddress: z.string().trim().max(200).optional(),
    patientPhone: z.string().trim().max(30).optional(),
  })
  .strict();
export type StartPlaybookInput = z.infer<typeof startPlaybookInput>;

/** Closing needs a written result; "we cannot do this" (referred) also whom we helped the resident contact (HELP-4). */
export const closeHelpInput = z
  .object({
    version,
    outcome: z.enum(['solved', 'referred'], { error: '请选择处理结果' }),
    result: longText(2000, '请填写处理结果'),
    referredTo: z.string().trim().max(200).optional(),
  })
  .strict();
export type CloseHelpInput = z.infer<typeof closeHelpInput>;

export const stepActionInput = z.object({ version, note: z.string().trim().max(500).optional() }).strict();

// ---- responses

export const helpAbilities = abilitiesSchema(helpPolicy);
export const helpStepAbilities = abilitiesSchema(helpStepPolicy);

/** A help request as every answer carries it: the phones masked (ARC-12). */
export const helpRequest = z.object({
  id: z.uuid(),
  projectId: z.uuid(),
  number: z.string(),
  category: z.enum(HELP_CATEGORIES),
  receivedAt: instant,
  recordedByName: z.string().nullable(),
  requesterName: z.string(),
  unitId: z.uuid().nullable(),
  unitCode: z.string().nullable(),
  householdId: z.uuid().nullable(),
  phone: z.string().nullable(),
  need: z.string(),
  status: z.enum(HELP_STATUSES),
  firstResponseAt: instant.nullable(),
  /** HELP-1: the record a repair or complaint became: its kind ('call' or 'complaint'), id and number. */
  routedTo: z.string().nullable(),
  routedId: z.uuid().nullable(),
  routedRef: z.string().nullable(),
  playbookCode: z.string().nullable(),
  playbookName: z.string().nullable(),
  branch: z.string().nullable(),
  patientAddress: z.string().nullable(),
  patientPhone: z.string().nullable(),
  incidentStartedAt: instant.nullable(),
  outcome: z.enum(HELP_OUTCOMES).nullable(),
  result: z.string().nullable(),
  referredTo: z.string().nullable(),
  closedAt: instant.nullable(),
  version: z.number().int(),
  sla: slaReadingSchema,
  abilities: helpAbilities,
});
export type HelpRequestJson = z.input<typeof helpRequest>;

export const helpStep = z.object({
  id: z.uuid(),
  helpRequestId: z.uuid(),
  seq: z.number().int(),
  parallelGroup: z.number().int(),
  role: z.enum(ROLES),
  title: z.string(),
  instruction: z.string().nullable(),
  limitMinutes: z.number().int().nullable(),
  dueAt: instant.nullable(),
  overdue: z.boolean(),
  status: z.enum(HELP_STEP_STATUSES),
  acknowledgedAt: instant.nullable(),
  acknowledgedByName: z.string().nullable(),
  doneAt: instant.nullable(),
  doneByName: z.string().nullable(),
  note: z.string().nullable(),
  version: z.number().int(),
  abilities: helpStepAbilities,
});
export type HelpStepJson = z.input<typeof helpStep>;

/** One line of the typed, append-only timeline. */
export const helpEvent = z.object({
  at: instant,
  type: z.string(),
  actorName: z.string().nullable(),
  device: z.string().nullable(),
  /** Whole minutes since the request was taken. */
  minute: z.number().int(),
  stepTitle: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()).nullable(),
});
export type HelpEventJson = z.input<typeof helpEvent>;

export const helpDetail = helpRequest.extend({ steps: z.array(helpStep), timeline: z.array(helpEvent) });
export type HelpDetailJson = z.input<typeof helpDetail>;

export const helpList = z.object({ items: z.array(helpRequest) });
export type HelpListJson = z.input<typeof helpList>;

/** An open step of the signed-in user's roles, with what a guard needs to go. */
export const myStep = helpStep.extend({
  requestNumber: z.string(),
  category: z.enum(HELP_CATEGORIES),
  playbookName: z.string().nullable(),
  branch: z.string().nullable(),
  patientAddress: z.string().nullable(),
  unitCode: z.string().nullable(),
  need: z.string(),
  incidentStartedAt: instant.nullable(),
});
export const myStepList = z.object({ items: z.array(myStep) });
export type MyStepJson = z.input<typeof myStep>;

export const escalationStep = z.object({
  type: z.enum(ESCALATION_STEP_TYPES, { error: '请选择升级步骤的类型' }),
  minutes: z.number({ error: '请填写等待分钟数' }).int().min(1, '等待至少 1 分钟').max(120, '等待最多 120 分钟').optional(),
  roles: z.array(z.enum(ROLES, { error: '请选择通知的岗位' })).max(6).optional(),
});
export const escalationChain = z.object({
  steps: z.array(escalationStep).max(20, '升级步骤最多 20 步'),
  repeat: z.number().int().min(0, '重复次数不能为负').max(MAX_ESCALATION_REPEAT, `最多重复 ${MAX_ESCALATION_REPEAT} 次`),
  ackExpiresMinutes: z.number().int().min(1, '至少 1 分钟').max(240, '最多 240 分钟').nullable(),
});
export type EscalationChainJson = z.input<typeof escalationChain>;

export const playbookStep = z.object({
  branch: z.string().nullable(),
  seq: z.number().int(),
  parallelGroup: z.number().int(),
  role: z.enum(ROLES),
  title: z.string(),
  instruction: z.string().nullable(),
  limitMinutes: z.number().int().nullable(),
});
export const playbook = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  category: z.enum(HELP_CATEGORIES).nullable(),
  branches: z.array(z.string()),
  needsPatient: z.boolean(),
  keywords: z.array(z.string()),
  active: z.boolean(),
  steps: z.array(playbookStep),
  escalation: escalationChain,
  version: z.number().int(),
});
export const playbookList = z.object({ items: z.array(playbook), canEdit: z.boolean() });
export type PlaybookJson = z.input<typeof playbook>;

/** The chain as an editor sends it: no key it does not declare, at any level. */
export const escalationChainInput = z
  .object({
    steps: z.array(escalationStep.strict()).max(20, '升级步骤最多 20 步'),
    repeat: escalationChain.shape.repeat,
    ackExpiresMinutes: escalationChain.shape.ackExpiresMinutes,
  })
  .strict();

/** HELP-3, 8 (playbooks are data): one step as the editing screen sends it, in order. */
export const playbookStepInput = z
  .object({
    branch: z.string().trim().max(40).nullable(),
    parallelGroup: z.number({ error: '请填写顺序' }).int().min(1, '顺序从 1 开始').max(50, '顺序最大 50'),
    role: z.enum(ROLES, { error: '请选择责任岗位' }),
    title: z.string().trim().min(2, '请填写步骤内容').max(200, '步骤内容最多 200 字'),
    instruction: z.string().trim().max(500, '说明最多 500 字').nullable(),
    limitMinutes: z.number({ error: '时限须为分钟数' }).int().min(1, '时限至少 1 分钟').max(1440, '时限最多 1440 分钟').nullable(),
  })
  .strict();
/** The whole playbook as edited: its steps replace the old ones (added, removed, reordered); a stale version is a 409. */
export const playbookUpdate = z
  .object({
    version,
    name: z.string().trim().min(2, '请填写预案名称').max(60, '名称最多 60 字'),
    keywords: z.array(z.string().trim().min(1).max(20)).max(40, '关键词最多 40 个'),
    active: z.boolean(),
    steps: z.array(playbookStepInput).min(1, '预案至少要有一个步骤').max(60, '步骤最多 60 个'),
    escalation: escalationChainInput,
  })
  .strict();
export type PlaybookUpdate = z.infer<typeof playbookUpdate>;
export const playbookQuery = z.object({ projectId: uuid });

// ---- duty roster

export const dutyShiftCreate = z
  .object({
    projectId: uuid,
    role: z.enum(ROLES, { error: '请选择岗位' }),
    userId: uuid,
    startsAt: z.iso.datetime({ offset: true, error: '请选择开始时间' }),
    endsAt: z.iso.datetime({ offset: true, error: '请选择结束时间' }),
  })
  .strict();
export type DutyShiftCreate = z.infer<typeof dutyShiftCreate>;
export const dutyRosterQuery = z.object({ projectId: uuid, from: z.iso.datetime({ offset: true }).optional(), to: z.iso.datetime({ offset: true }).optional() });

export const dutyShift = z.object({
  id: z.uuid(),
  role: z.enum(ROLES),
  userId: z.uuid(),
  userName: z.string(),
  startsAt: instant,
  endsAt: instant,
  /** On duty at the server's clock. */
  now: z.boolean(),
});
export type DutyShiftJson = z.input<typeof dutyShift>;
export const dutyRoster = z.object({
  items: z.array(dutyShift),
  /** Who may be put on the roster: users of the project holding a post. */
  candidates: z.array(z.object({ id: z.uuid(), displayName: z.string(), roles: z.array(z.enum(ROLES)) })),
  canEdit: z.boolean(),
});
export type DutyRosterJson = z.input<typeof dutyRoster>;

// ---- shift handover

export const handoverCreate = z
  .object({
    projectId: uuid,
    role: z.enum(ROLES, { error: '请选择岗位' }),
    toUserId: uuid,
    keysOut: z.string().trim().max(500).optional(),
    equipmentOut: z.string().trim().max(500).optional(),
    pending: z.string().trim().max(1000).optional(),
  })
  .strict();
export type HandoverCreate = z.infer<typeof handoverCreate>;
export const handover = z.object({
  id: z.uuid(),
  role: z.enum(ROLES),
  fromName: z.string(),
  toUserId: z.uuid(),
  toName: z.string(),
  at: instant,
  openIncidents: z.array(z.object({ id: z.uuid(), number: z.string(), name: z.string() })),
  keysOut: z.string().nullable(),
  equipmentOut: z.string().nullable(),
  pending: z.string().nullable(),
  acknowledgedAt: instant.nullable(),
  version: z.number().int(),
  canAcknowledge: z.boolean(),
});
export type HandoverJson = z.input<typeof handover>;
export const handoverList = z.object({ items: z.array(handover) });
export const handoverAck = z.object({ version }).strict();

// ---- reveal (ARC-12)

export const helpRevealInput = z
  .object({
    field: z.enum(['phone', 'patientPhone'], { error: '请选择要查看的号码' }),
    reason: z.string().trim().min(2, '请说明查看原因').max(200),
  })
  .strict();
export const helpRevealResult = z.object({ field: z.enum(['phone', 'patientPhone']), value: z.string() });
