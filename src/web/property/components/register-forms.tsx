import { Alert, App, DatePicker, Form, Input, Modal, Select, type FormInstance } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState, type ReactNode } from 'react';
import { acceptanceLabels, relationLabels, t, vehicleKindLabels } from '../../i18n/zh-CN';
import { isApiError } from '../../lib/api';
import { applyFieldErrors } from '../../lib/form-errors';
import {
  usePersonAdd,
  usePersonMoveOut,
  usePersonUpdate,
  useRenovationAdd,
  useRenovationUpdate,
  useVehicleAdd,
  useVehicleUpdate,
  type Person,
  type Renovation,
  type Vehicle,
} from '../api';
import { savingOk } from '../../components/saving-ok';

const day = (s: string | null | undefined) => (s ? dayjs(s) : null);
const iso = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : null);
const trimmed = (s: string | undefined | null) => s?.trim() || null;
const options = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }));

/**
 * A form in a modal that saves one record of the household file: the server's field errors land on the fields,
 * a stale version (409) is explained and the household read again, anything else is shown above the form.
 */
function FormModal<V extends object>(props: {
  title: string;
  form: FormInstance<V>;
  fields: readonly string[];
  pending: boolean;
  initialValues?: Partial<V>;
  onSave: (v: V, done: { ok: () => void; fail: (e: unknown) => void }) => void;
  onClose: () => void;
  children: ReactNode;
}) {
  const { message } = App.useApp();
  const [error, setError] = useState<string | null>(null);
  const onFinish = (v: V) => {
    setError(null);
    props.onSave(v, {
      ok: () => {
        message.success(t('common.saved'));
        props.onClose();
      },
      fail: (e) => {
        if (isApiError(e) && e.status === 409) {
          message.error(e.code === 'VERSION_CONFLICT' ? t('error.conflict') : e.message);
          props.onClose();
        } else if (!applyFieldErrors(props.form, e, props.fields)) {
          setError(isApiError(e) ? e.message : t('error.unknown'));
        }
      },
    });
  };
  return (
    <Modal
      open
      title={props.title}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={savingOk(props.pending)}
      onOk={() => props.form.submit()}
      onCancel={props.onClose}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 12 }} />}
      <Form<V> form={props.form} layout="vertical" onFinish={onFinish} initialValues={props.initialValues}>
        {props.children}
        {/* Enter in any field saves. */}
        <button type="submit" hidden aria-hidden tabIndex={-1} />
      </Form>
    </Modal>
  );
}

interface PersonValues {
  name: string;
  relation: Person['relation'];
  phone?: string;
  idNumber?: string;
}

/**
 * Add a person, or correct one. The server never sends the full phone or ID number (ARC-12), so a correction
 * starts from empty fields that show the masked value: what is typed replaces it, an empty field keeps it.
 */
export function PersonFormModal({ householdId, person, onClose }: { householdId: string; person?: Person; onClose: () => void }) {
  const [form] = Form.useForm<PersonValues>();
  const add = usePersonAdd(householdId);
  const update = usePersonUpdate(householdId);
  const save = (v: PersonValues, done: { ok: () => void; fail: (e: unknown) => void }) => {
    const phone = trimmed(v.phone);
    const idNumber = trimmed(v.idNumber);
    if (!person) {
      add.mutate({ name: v.name.trim(), relation: v.relation, phone, idNumber }, { onSuccess: done.ok, onError: done.fail });
      return;
    }
    const body: Parameters<typeof update.mutate>[0]['body'] = { version: person.version };
    if (v.name.trim() !== person.name) body.name = v.name.trim();
    if (v.relation !== person.relation) body.relation = v.relation;
    if (phone) body.phone = phone;
    if (idNumber) body.idNumber = idNumber;
    update.mutate({ id: person.id, body }, { onSuccess: done.ok, onError: done.fail });
  };
  return (
    <FormModal<PersonValues>
      title={person ? t('person.editTitle', { name: person.name }) : t('person.addTitle')}
      form={form}
      fields={['name', 'relation', 'phone', 'idNumber']}
      pending={add.isPending || update.isPending}
      initialValues={person ? { name: person.name, relation: person.relation } : { relation: 'family' }}
      onSave={save}
      onClose={onClose}
    >
      <Form.Item name="name" label={t('person.name')} rules={[{ required: true, whitespace: true, message: t('person.nameRequired') }]}>
        <Input autoFocus maxLength={50} />
      </Form.Item>
      <Form.Item name="relation" label={t('person.relation')} rules={[{ required: true, message: t('person.relationRequired') }]}>
        <Select options={options(relationLabels)} />
      </Form.Item>
      <Form.Item name="phone" label={t('person.phone')}>
        <Input inputMode="tel" autoComplete="off" maxLength={20} placeholder={person?.hasPhone && person.phone ? t('person.keepHint', { value: person.phone }) : undefined} />
      </Form.Item>
      <Form.Item name="idNumber" label={t('person.idNumber')}>
        <Input autoComplete="off" maxLength={18} placeholder={person?.hasIdNumber && person.idNumber ? t('person.keepHint', { value: person.idNumber }) : undefined} />
      </Form.Item>
    </FormModal>
  );
}

/** 迁出: the person stays in the file, marked with the date. */
export function MoveOutModal({ householdId, person, onClose }: { householdId: string; person: Person; onClose: () => void }) {
  const [form] = Form.useForm<{ movedOutOn: Dayjs }>();
  const move = usePersonMoveOut(householdId);
  return (
    <FormModal<{ movedOutOn: Dayjs }>
      title={t('person.moveOutTitle', { name: person.name })}
      form={form}
      fields={['movedOutOn']}
      pending={move.isPending}
      initialValues={{ movedOutOn: dayjs() }}
      onSave={(v, done) => move.mutate({ id: person.id, body: { version: person.version, movedOutOn: iso(v.movedOutOn)! } }, { onSuccess: done.ok, onError: done.fail })}
      onClose={onClose}
    >
      <Alert type="info" showIcon title={t('person.moveOutHint')} style={{ marginBottom: 12 }} />
      <Form.Item name="movedOutOn" label={t('person.movedOutOn')} rules={[{ required: true, message: t('person.movedOutOn') }]}>
        <DatePicker autoFocus style={{ width: '100%' }} />
      </Form.Item>
    </FormModal>
  );
}

interface VehicleValues {
  plate: string;
  kind: Vehicle['kind'];
  parkingSpace?: string;
  removedOn?: Dayjs | null;
}

export function VehicleFormModal({ householdId, vehicle, onClose }: { householdId: string; vehicle?: Vehicle; onClose: () => void }) {
  const [form] = Form.useForm<VehicleValues>();
  const add = useVehicleAdd(householdId);
  const update = useVehicleUpdate(householdId);
  const save = (v: VehicleValues, done: { ok: () => void; fail: (e: unknown) => void }) => {
    const body = { plate: v.plate.trim(), kind: v.kind, parkingSpace: trimmed(v.parkingSpace) };
    if (!vehicle) add.mutate(body, { onSuccess: done.ok, onError: done.fail });
    else update.mutate({ id: vehicle.id, body: { ...body, removedOn: iso(v.removedOn), version: vehicle.version } }, { onSuccess: done.ok, onError: done.fail });
  };
  return (
    <FormModal<VehicleValues>
      title={vehicle ? t('vehicle.editTitle', { plate: vehicle.plate }) : t('vehicle.addTitle')}
      form={form}
      fields={['plate', 'kind', 'parkingSpace', 'removedOn']}
      pending={add.isPending || update.isPending}
      initialValues={vehicle ? { plate: vehicle.plate, kind: vehicle.kind, parkingSpace: vehicle.parkingSpace ?? '', removedOn: day(vehicle.removedOn) } : { kind: 'car' }}
      onSave={save}
      onClose={onClose}
    >
      <Form.Item name="plate" label={t('vehicle.plate')} rules={[{ required: true, whitespace: true, message: t('vehicle.plateRequired') }]}>
        <Input autoFocus maxLength={12} placeholder={t('vehicle.platePlaceholder')} />
      </Form.Item>
      <Form.Item name="kind" label={t('vehicle.kind')} rules={[{ required: true, message: t('vehicle.kindRequired') }]}>
        <Select options={options(vehicleKindLabels)} />
      </Form.Item>
      <Form.Item name="parkingSpace" label={t('vehicle.parkingSpace')}>
        <Input maxLength={30} />
      </Form.Item>
      {vehicle && (
        <Form.Item name="removedOn" label={t('vehicle.removedOn')}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      )}
    </FormModal>
  );
}

interface RenovationValues {
  startedOn: Dayjs;
  finishedOn?: Dayjs | null;
  company: string;
  permitNo?: string;
  approvedOn?: Dayjs | null;
  acceptedOn?: Dayjs | null;
  acceptance?: Renovation['acceptance'];
  note?: string;
}

export function RenovationFormModal({ householdId, renovation, onClose }: { householdId: string; renovation?: Renovation; onClose: () => void }) {
  const [form] = Form.useForm<RenovationValues>();
  const add = useRenovationAdd(householdId);
  const update = useRenovationUpdate(householdId);
  const save = (v: RenovationValues, done: { ok: () => void; fail: (e: unknown) => void }) => {
    const body = {
      startedOn: iso(v.startedOn)!,
      finishedOn: iso(v.finishedOn),
      company: v.company.trim(),
      permitNo: trimmed(v.permitNo),
      approvedOn: iso(v.approvedOn),
      acceptedOn: iso(v.acceptedOn),
      acceptance: v.acceptance ?? null,
      note: trimmed(v.note),
    };
    if (!renovation) add.mutate(body, { onSuccess: done.ok, onError: done.fail });
    else update.mutate({ id: renovation.id, body: { ...body, version: renovation.version } }, { onSuccess: done.ok, onError: done.fail });
  };
  const r = renovation;
  return (
    <FormModal<RenovationValues>
      title={r ? t('renovation.editTitle', { company: r.company }) : t('renovation.addTitle')}
      form={form}
      fields={['startedOn', 'finishedOn', 'company', 'permitNo', 'approvedOn', 'acceptedOn', 'acceptance', 'note']}
      pending={add.isPending || update.isPending}
      initialValues={
        r
          ? {
              startedOn: day(r.startedOn)!,
              finishedOn: day(r.finishedOn),
              company: r.company,
              permitNo: r.permitNo ?? '',
              approvedOn: day(r.approvedOn),
              acceptedOn: day(r.acceptedOn),
              acceptance: r.acceptance,
              note: r.note ?? '',
            }
          : undefined
      }
      onSave={save}
      onClose={onClose}
    >
      <Form.Item name="company" label={t('renovation.company')} rules={[{ required: true, whitespace: true, message: t('renovation.companyRequired') }]}>
        <Input autoFocus maxLength={100} />
      </Form.Item>
      <div style={{ display: 'flex', gap: 12, flexWrap: 'wrap' }}>
        <Form.Item name="startedOn" label={t('renovation.startedOn')} rules={[{ required: true, message: t('renovation.startedRequired') }]} style={{ flex: '1 1 160px' }}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="finishedOn" label={t('renovation.finishedOn')} style={{ flex: '1 1 160px' }}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </div>
      <div style={{ display: 'flex', gap: 12, flexWrap: 'wrap' }}>
        <Form.Item name="permitNo" label={t('renovation.permitNo')} style={{ flex: '1 1 160px' }}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="approvedOn" label={t('renovation.approvedOn')} style={{ flex: '1 1 160px' }}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </div>
      <div style={{ display: 'flex', gap: 12, flexWrap: 'wrap' }}>
        <Form.Item name="acceptedOn" label={t('renovation.acceptedOn')} style={{ flex: '1 1 160px' }}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="acceptance" label={t('renovation.acceptance')} style={{ flex: '1 1 160px' }}>
          <Select allowClear placeholder={t('renovation.pending')} options={options(acceptanceLabels)} />
        </Form.Item>
      </div>
      <Form.Item name="note" label={t('renovation.note')}>
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
    </FormModal>
  );
}
