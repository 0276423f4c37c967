import { Button, Input, Popover, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { REVEAL_VISIBLE_MS } from '../../lib/reveal';
import { useMutation } from '@tanstack/react-query';
import { t } from '../../i18n/zh-CN';
import { api } from '../../lib/api';
import { useActionError } from '../../lib/use-action-error';

/** A masked number with "show in full": a reason is asked and the server audits the reveal (ARC-12). */
export function RevealPhone({ helpId, field, masked }: { helpId: string; field: 'phone' | 'patientPhone'; masked: string }) {
  const [reason, setReason] = useState('');
  const [open, setOpen] = useState(false);
  const onError = useActionError();
  const reveal = useMutation({ mutationFn: () => api.post<{ field: string; value: string }>(`/api/help/${helpId}/reveal`, { field, reason }) });
  // The full number is masked again after a short time (a screen left open shows nothing); asking again is audited again.
  const shown = Boolean(reveal.data);
  const { reset } = reveal;
  useEffect(() => {
    if (!shown) return;
    const timer = setTimeout(() => reset(), REVEAL_VISIBLE_MS);
    return () => clearTimeout(timer);
  }, [shown, reset]);
  if (reveal.data)
    return (
      <Typography.Text copyable title={t('reveal.hidesSoon')} data-testid="help-phone-revealed">
        {reveal.data.value}
      </Typography.Text>
    );
  return (
    <Space size={4}>
      <span>{masked}</span>
      <Popover
        open={open}
        onOpenChange={setOpen}
        trigger="click"
        content={
          <Space.Compact>
            <Input autoFocus value={reason} onChange={(e) => setReason(e.target.value)} placeholder={t('help.revealReason')} aria-label={t('help.revealReason')} style={{ width: 200 }} />
            <Button type="primary" disabled={reason.trim().length < 2} loading={reveal.isPending} onClick={() => reveal.mutate(undefined, { onSuccess: () => setOpen(false), onError: (e) => onError(e) })}>
              {t('help.reveal')}
            </Button>
          </Space.Compact>
        }
      >
        <Button type="link" size="small">
          {t('help.reveal')}
        </Button>
      </Popover>
    </Space>
  );
}
