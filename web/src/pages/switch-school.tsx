import { useState, type FormEvent } from 'react';
import { useLocation } from 'wouter';
import { api } from '../api/client';
import type { components } from '../api/schema';
import { session } from '../auth/session';
import { BackLink } from '../components/BackLink';
import { Button } from '../components/Button';
import { ErrorSummary } from '../components/ErrorSummary';
import { Radios } from '../components/Radios';
import { ROLE_NAMES } from '../lib/format';
import { WhenLoaded } from '../lib/loaded';
import { Page } from '../lib/page';
import { useApiForm } from '../lib/use-api-form';
import { useLoad } from '../lib/use-load';

type Membership = components['schemas']['MembershipResponse'];

const rolesOf = (membership: Membership) => membership.roles.map((role) => ROLE_NAMES[role] ?? role).join(', ');

/**
 * People in several schools (process.md §7): the schools the person belongs to (GET
 * /auth/organisations), one chosen, and the session goes on in it (POST /auth/organisation: a
 * new session there, its token used from now on as after a refresh). Where this sign-in does not
 * carry over (403 sign_in_there: that school signs its people in another way), the page says so
 * and offers to sign in there.
 */
export function SwitchSchoolPage() {
  const loaded = useLoad(() => api.GET('/auth/organisations'), []);
  return <WhenLoaded loaded={loaded}>{(data) => <SwitchSchoolForm schools={data.items} />}</WhenLoaded>;
}

function SwitchSchoolForm({ schools }: { schools: Membership[] }) {
  const [, navigate] = useLocation();
  const current = schools.find((school) => school.current);
  const [chosen, setChosen] = useState<string>(current?.organisationId ?? '');
  const [elsewhere, setElsewhere] = useState<Membership | null>(null);
  const form = useApiForm({ organisationId: 'organisation' }, { organisationId: 'School' });

  const submit = (event: FormEvent) => {
    setElsewhere(null);
    const target = schools.find((school) => school.organisationId === chosen);
    if (target?.current) {
      event.preventDefault();
      navigate('/');
      return;
    }
    return form.submit(
      async () => {
        const answer = await api.POST('/auth/organisation', { body: { organisationId: chosen, tokenDelivery: 'cookie' } });
        if (answer.response.status === 403 && (answer.error as { code?: string } | undefined)?.code === 'sign_in_there') setElsewhere(target ?? null);
        return answer;
      },
      (answer) => {
        session.switched(answer);
        navigate('/');
      },
    )(event);
  };

  const failed = form.errors.summary.length > 0;
  return (
    <Page title={failed ? 'Error: Switch school' : 'Switch school'} before={<BackLink href="/">Your work</BackLink>}>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <ErrorSummary
            errors={
              elsewhere
                ? [{ text: `You cannot switch to ${elsewhere.organisationName} without signing in there: it signs its people in another way.` }]
                : form.errors.summary
            }
          />
          {elsewhere && <SignInThere school={elsewhere} />}
          <form onSubmit={(event) => void submit(event)} noValidate>
            <Radios
              id="organisation"
              legend="Which school do you want to work in?"
              legendSize="m"
              hint="You work in one school at a time. Each school sees only its own cases."
              {...form.choice('organisationId', chosen, setChosen)}
              items={schools.map((school) => ({
                value: school.organisationId,
                text: school.current ? `${school.organisationName} (the school you are working in now)` : school.organisationName,
                hint: rolesOf(school),
              }))}
            />
            <Button disabled={form.submitting}>Switch school</Button>
          </form>
        </div>
      </div>
    </Page>
  );
}

/** 403 sign_in_there: sign out here, then sign in on that school's sign-in page (its single sign-on, or its password). */
function SignInThere({ school }: { school: Membership }) {
  const [, navigate] = useLocation();
  const signInThere = async () => {
    await session.signOut();
    navigate(`/sign-in?school=${encodeURIComponent(school.organisationId)}`, { replace: true });
  };
  return (
    <div className="govuk-inset-text" data-testid="sign-in-there">
      <p className="govuk-body">
        {school.organisationName} does not accept the way you signed in here. Sign out, then sign in on {school.organisationName}’s sign-in page, with your
        account there or your password.
      </p>
      <Button type="button" variant="secondary" className="govuk-!-margin-bottom-0" onClick={() => void signInThere()}>
        Sign out and sign in to {school.organisationName}
      </Button>
    </div>
  );
}
