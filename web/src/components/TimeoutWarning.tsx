import { useEffect, useRef, useState } from 'react';
import { Button } from './Button';

const inWords = (ms: number) => {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  const m = minutes ? `${minutes} minute${minutes === 1 ? '' : 's'}` : '';
  const s = rest || !minutes ? `${rest} second${rest === 1 ? '' : 's'}` : '';
  return [m, s].filter(Boolean).join(' ');
};

/** For screen readers: the time left, said again only at each half minute (not every second). */
const spoken = (ms: number) => inWords(Math.ceil(ms / 30_000) * 30_000);

/**
 * MOJ timeout warning: a modal dialog (native <dialog>: focus stays in it, Escape is "stay
 * signed in") before the session ends for want of use, with the time left. `extendable` false:
 * the session's absolute limit is near, and only signing in again helps.
 */
export function TimeoutWarning({ endsAt, extendable, onStay, onSignOut }: { endsAt: number; extendable: boolean; onStay: () => void; onSignOut: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => {
      clearInterval(timer);
      dialog?.close();
    };
  }, []);
  const left = endsAt - now;
  return (
    <dialog
      ref={ref}
      className="app-timeout-warning"
      aria-labelledby="timeout-warning-heading"
      aria-describedby="timeout-warning-message"
      onCancel={(event) => {
        event.preventDefault();
        onStay();
      }}
    >
      <h2 className="govuk-heading-m" id="timeout-warning-heading" tabIndex={-1}>
        {extendable ? 'You’re about to be signed out' : 'Your session is about to end'}
      </h2>
      <p className="govuk-body" id="timeout-warning-message">
        <span aria-hidden="true">
          For your security, we will sign you out in <strong>{inWords(left)}</strong>.
        </span>
        <span className="govuk-visually-hidden" aria-live="polite">
          For your security, we will sign you out in {spoken(left)}.
        </span>
      </p>
      <p className="govuk-body">{extendable ? 'Anything you have not saved will be lost.' : 'Save your work now: you will need to sign in again.'}</p>
      <div className="govuk-button-group">
        <Button type="button" onClick={onStay}>
          {extendable ? 'Stay signed in' : 'Continue'}
        </Button>
        <button type="button" className="govuk-link app-link-button" onClick={onSignOut}>
          Sign out
        </button>
      </div>
    </dialog>
  );
}
