import { useSession } from '../auth/use-session';
import type { SignedOutReason } from '../auth/session';
import { ButtonLink } from '../components/Button';
import { Page } from '../lib/page';

const WHY: Record<SignedOutReason, { title: string; text: string }> = {
  none: { title: 'You are signed out', text: 'Sign in to use the service.' },
  'signed-out': { title: 'You have signed out', text: 'You have signed out of this service on this device.' },
  idle: {
    title: 'You have been signed out',
    text: 'You were signed out because you had not used the service for a while. We do this to keep the information in it secure.',
  },
  expired: {
    title: 'Your session has ended',
    text: 'Sessions end some hours after you sign in, however busy you are. We do this to keep the information secure.',
  },
  ended: {
    title: 'You have been signed out',
    text: 'Your session was ended: you signed out on another device, your password was changed, or an administrator reset it.',
  },
};

export function SignedOutPage() {
  const state = useSession();
  const why = WHY[state.status === 'signed-out' ? state.reason : 'none'];
  return (
    <Page title={why.title}>
      <p className="govuk-body">{why.text}</p>
      <ButtonLink href="/sign-in">Sign in</ButtonLink>
    </Page>
  );
}
