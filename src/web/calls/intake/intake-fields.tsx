import { Checkbox, Col, Form, Input, Radio, Row, Select, Typography, type RefSelectProps } from 'antd';
import type { TextAreaRef } from 'antd/es/input/TextArea';
import type { RefObject } from 'react';
import { CLASS_LABELS, URGENCY_LABELS } from '../../../domain/calls/labels';
import { t } from '../../i18n/zh-CN';
import { CategorySelect } from '../components/category-select';
import { keepTypedWords } from '../../../domain/calls/category-search';
import { leavesComplaintProcedure } from '../../../domain/calls/classify';
import type { CallClass, Urgency } from '../../../domain/calls/calls.table';
import type { AssigneeView as Assignee, ServiceCategoryView as ServiceCategory } from '../../../domain/calls/reference.contract';

const CLASSES = Object.keys(CLASS_LABELS) as CallClass[];
const URGENCIES = Object.keys(URGENCY_LABELS) as Urgency[];

interface Props {
  categories: ServiceCategory[] | undefined;
  categoriesLoading: boolean;
  categoryRef: RefObject<RefSelectProps | null>;
  contentRef: RefObject<TextAreaRef | null>;
  proposed: CallClass | undefined;
  effective: CallClass;
  assignees: Assignee[] | undefined;
  /** Who a Z job will go to, when the project has one designated warranty engineer. */
  zEngineer?: string | null;
}

/** The intake's fields in the order the caller usually gives them. */
export function IntakeFields({ categories, categoriesLoading, categoryRef, contentRef, proposed, effective, assignees, zEngineer }: Props) {
  const form = Form.useFormInstance();
  const overrideClass = Form.useWatch<CallClass | undefined>('overrideClass');
  const overriding = Boolean(overrideClass && overrideClass !== proposed);
  return (
    <>
      <Row gutter={12}>
        <Col xs={24} md={8}>
          <Form.Item name="callerName" label={t('intake.callerName')} rules={[{ required: true, whitespace: true, message: t('intake.callerNameRequired') }]}>
            <Input maxLength={50} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="callerPhone" label={t('intake.callerPhone')}>
            <Input maxLength={20} inputMode="tel" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="channel" label={t('intake.channel')} tooltip={t('intake.channelHint')}>
            <Radio.Group
              optionType="button"
              buttonStyle="solid"
              options={[
                { value: 'phone', label: t('channel.phone') },
                { value: 'visit', label: t('channel.visit') },
              ]}
            />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col xs={24} md={14}>
          <Form.Item name="categoryId" label={t('intake.category')}>
            <CategorySelect
              categories={categories}
              loading={categoriesLoading}
              selectRef={categoryRef}
              onPicked={() => requestAnimationFrame(() => contentRef.current?.focus({ cursor: 'end' }))}
              onOtherWords={(words) => form.setFieldValue('content', keepTypedWords(words, form.getFieldValue('content')))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={10}>
          <Form.Item name="urgency" label={t('intake.urgency')}>
            <Radio.Group optionType="button" options={URGENCIES.map((u) => ({ value: u, label: URGENCY_LABELS[u] }))} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="content" label={t('intake.content')} rules={[{ required: true, whitespace: true, min: 2, message: t('intake.contentRequired') }]}>
        <Input.TextArea ref={contentRef} rows={3} maxLength={2000} placeholder={t('intake.contentPlaceholder')} />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={24} md={10}>
          <Form.Item name="explicitComplaint" valuePropName="checked" style={{ marginBottom: 8 }}>
            <Checkbox>{t('intake.explicitComplaint')}</Checkbox>
          </Form.Item>
        </Col>
        <Col xs={24} md={14}>
          <Form.Item name="needsCoordination" valuePropName="checked" style={{ marginBottom: 8 }}>
            <Checkbox>{t('intake.needsCoordination')}</Checkbox>
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col xs={24} md={8}>
          <Form.Item name="overrideClass" label={t('intake.override')}>
            <Select<CallClass>
              allowClear
              aria-label={t('intake.override')}
              placeholder={t('intake.overrideNone')}
              // an explicit complaint goes to the complaint procedure: no other class is offered
              options={CLASSES.map((c) => ({ value: c, label: CLASS_LABELS[c], disabled: proposed ? leavesComplaintProcedure(proposed, c) : false }))}
            />
          </Form.Item>
        </Col>
        {overriding && (
          <Col xs={24} md={16}>
            <Form.Item
              name="overrideReason"
              label={t('intake.overrideReason')}
              rules={[{ required: true, whitespace: true, min: 2, message: t('intake.overrideReasonRequired') }]}
            >
              <Input maxLength={500} />
            </Form.Item>
          </Col>
        )}
      </Row>
      {effective === 'Z' && zEngineer && (
        <Typography.Paragraph type="secondary" data-testid="intake-z-engineer">
          {t('intake.zGoesTo', { name: zEngineer })}
        </Typography.Paragraph>
      )}
      {effective === 'normal' && (
        <Form.Item name="assigneeId" label={t('intake.assignee')}>
          <Select<string>
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            aria-label={t('intake.assignee')}
            placeholder={t('intake.assigneePlaceholder')}
            options={(assignees ?? []).map((a) => ({ value: a.id, label: a.displayName }))}
            style={{ maxWidth: 320 }}
          />
        </Form.Item>
      )}
    </>
  );
}
