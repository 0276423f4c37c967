import type { ButtonProps } from 'antd';

/**
 * The OK button of a dialog while its save is in flight: spinning *and disabled*.
 *
 * antd's `confirmLoading` only spins the button, and a spinning button silently drops clicks. TanStack Query runs
 * a `mutate` call's `onError` at once (so the field's error shows) but tells the component the save has ended a
 * timer later; in that gap the dialog shows its error while the button still spins, and a prompt second press —
 * a fast operator, or a browser journey under load — was swallowed and the dialog stayed open. A disabled button
 * is visibly not ready, and a press waits for it instead of vanishing.
 */
export function savingOk(pending: boolean, props: ButtonProps = {}): ButtonProps {
  return { ...props, loading: pending, disabled: pending || props.disabled };
}
