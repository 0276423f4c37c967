import { App, Card, Space, Switch, Typography } from 'antd';
import dayjs from 'dayjs';
import { useActionError } from '../../../lib/use-action-error';
import { useCallSettings, useSaveCallSettings } from '../api';
import { rt } from '../messages';

/** CALL-4's choice for this project: may an account manager follow up a colleague's district? Set by the supervisors. */
export function FollowUpSetting({ projectId }: { projectId: string }) {
  const q = useCallSettings(projectId);
  const save = useSaveCallSettings();
  const fail = useActionError();
  const { message } = App.useApp();
  if (!q.data) return null;
  const s = q.data;
  return (
    <Card size="small" title={rt('board.cover')} data-testid="follow-up-setting" style={{ marginTop: 16 }}>
      <Space wrap>
        <Switch
          checked={s.coverOtherDistricts}
          disabled={!s.canEdit}
          loading={save.isPending}
          aria-label={rt('board.cover')}
          checkedChildren={rt('board.coverOn')}
          unCheckedChildren={rt('board.coverOff')}
          onChange={(on) =>
            save.mutate({ projectId, coverOtherDistricts: on, version: s.version }, { onSuccess: () => void message.success(rt('board.coverSaved')), onError: (e) => fail(e) })
          }
        />
        {s.isDefault && <Typography.Text type="secondary">{rt('board.coverDefault')}</Typography.Text>}
        {s.updatedByName && s.updatedAt && <Typography.Text type="secondary">{rt('board.coverBy', { name: s.updatedByName, time: dayjs(s.updatedAt).format('YYYY-MM-DD HH:mm') })}</Typography.Text>}
      </Space>
      <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
        {rt('board.coverHint')}
      </Typography.Paragraph>
    </Card>
  );
}
