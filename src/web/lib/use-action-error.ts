import { App, type FormInstance } from 'antd';
import { t } from '../i18n/zh-CN';
import { isApiError } from './api';
import { applyFieldErrors } from './form-errors';

/**
 * What a failed action on a record shows: someone else acted first (409: the record has been re-read, say
 * so), a field the server refused (on the field), or the server's message.
 */
export function useActionError() {
  const { message } = App.useApp();
  return (e: unknown, opts: { form?: FormInstance; fields?: readonly string[]; onConflict?: () => void } = {}) => {
    if (isApiError(e) && e.status === 409) {
      message.error(t('call.conflict'));
      opts.onConflict?.();
      return;
    }
    if (opts.form && applyFieldErrors(opts.form, e, opts.fields ?? [])) return;
    message.error(isApiError(e) ? e.message : t('error.unknown'));
  };
}
