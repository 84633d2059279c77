import { createContext, useCallback, useContext, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from './Button';

interface ToastMessage {
  id: number;
  text: string;
}

type ShowToast = (text: string) => void;

const ToastContext = createContext<ShowToast>(() => undefined);

let nextId = 0;

/**
 * Visible confirmations ("Saved") in a status region that exists from the start, so they are
 * announced. Toasts stay until dismissed: timed messages fail people who read slowly (WCAG 2.2.1).
 */
export function ToastProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation('ui');
  const [toasts, setToasts] = useState<ToastMessage[]>([]);

  const show = useCallback<ShowToast>((text) => {
    nextId += 1;
    const id = nextId;
    setToasts((current) => [...current, { id, text }]);
  }, []);

  const dismiss = (id: number) => setToasts((current) => current.filter((toast) => toast.id !== id));

  return (
    <ToastContext value={show}>
      {children}
      <div className="arch-toasts" role="status" aria-live="polite">
        {toasts.map((toast) => (
          <div key={toast.id} className="arch-toast">
            <span>{toast.text}</span>
            <Button onClick={() => dismiss(toast.id)}>{t('dismiss')}</Button>
          </div>
        ))}
      </div>
    </ToastContext>
  );
}

export function useToast(): ShowToast {
  return useContext(ToastContext);
}
