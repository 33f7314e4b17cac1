import { isValidElement, Suspense, type ReactNode } from 'react';
import { Redirect, Route, Router, Switch, useLocation } from 'wouter';
import { secondFactorPending, session } from './auth/session';
import { useSession } from './auth/use-session';
import { Footer } from './components/Footer';
import { Header } from './components/Header';
import { OrganisationSwitcher } from './components/OrganisationSwitcher';
import { ServiceNavigation } from './components/ServiceNavigation';
import { SkipLink } from './components/SkipLink';
import { TimeoutWarning } from './components/TimeoutWarning';
import { SERVICE_NAME } from './lib/page';
import { ChangePasswordPage } from './pages/change-password';
import { HomePage } from './pages/home';
import { NotFoundPage } from './pages/not-found';
import { SecondFactorPage } from './pages/second-factor';
import { SessionsPage } from './pages/sessions';
import { SignInPage } from './pages/sign-in';
import { SignedOutPage } from './pages/signed-out';
import { SwitchSchoolPage } from './pages/switch-school';
import { SCREENS } from './screens';
import { CasePage } from './screens/cases';
import { Loading } from './lib/loaded';
import { useLoad } from './lib/use-load';
import { api } from './api/client';

/** The application, at /app/ (the router's base: routes and links below are relative to it). */
export function App() {
  return (
    <Router base="/app">
      <Shell />
    </Router>
  );
}

/**
 * The routes. The screens of each area are listed in src/screens/ (mounted here, inside
 * <SignedIn>); a screen's page is a file in src/pages/ (docs/web.md "Adding a screen").
 */
function Routes() {
  return (
    <Switch>
      <Route path="/sign-in" component={SignInPage} />
      <Route path="/signed-out" component={SignedOutPage} />
      <Route path="/second-factor" component={SecondFactorPage} />
      <Route path="/">
        <SignedIn>
          <HomePage />
        </SignedIn>
      </Route>
      <Route path="/account/password">
        <SignedIn allowDuringPasswordChange>
          <ChangePasswordPage />
        </SignedIn>
      </Route>
      <Route path="/account/sessions">
        <SignedIn>
          <SessionsPage />
        </SignedIn>
      </Route>
      <Route path="/account/school">
        <SignedIn>
          <SwitchSchoolPage />
        </SignedIn>
      </Route>
      {SCREENS.map((screen) => (
        <Route key={screen.path} path={screen.path}>
          {(params) => <SignedIn>{screen.render(params as Record<string, string>)}</SignedIn>}
        </Route>
      ))}
      <Route path="/cases/:id">
        {(params) => (
          <SignedIn>
            <CasePage id={params.id} />
          </SignedIn>
        )}
      </Route>
      <Route>
        <NotFoundPage />
      </Route>
    </Switch>
  );
}

function Shell() {
  const state = useSession();
  const [location] = useLocation();
  const signedIn = state.status === 'signed-in';
  // until the second factor is passed, nothing but it (and signing out)
  const through = signedIn && !secondFactorPending(state.secondFactor);
  const section = (href: string) => ({ current: location === href, active: location !== href && href !== '/' && location.startsWith(href) });
  return (
    <>
      <SkipLink />
      <Header organisationName={signedIn ? state.organisationName : SERVICE_NAME} />
      {signedIn && (
        <ServiceNavigation
          serviceName={SERVICE_NAME}
          serviceHref="/"
          items={
            through
              ? [
                  { text: 'Your work', href: '/', ...section('/') },
                  { text: 'Your account', href: '/account/sessions', ...section('/account') },
                ]
              : []
          }
          end={
            <button type="button" className="govuk-service-navigation__link app-button-reset" onClick={() => void session.signOut()}>
              Sign out
            </button>
          }
        />
      )}
      {through && !state.passwordChangeRequired && <SchoolSwitcher organisationId={state.user.organisationId} organisationName={state.organisationName} />}
      <div className="govuk-width-container">
        <main className="govuk-main-wrapper" id="main-content">
          {/* each area's pages load on first visit (screens/screen.ts lazyPage): "Loading…" meanwhile */}
          <Suspense fallback={<Loading />}>
            <Routes />
          </Suspense>
        </main>
      </div>
      <Footer links={signedIn ? [{ text: 'Your sessions', href: '/account/sessions' }] : []}>{SERVICE_NAME}</Footer>
      {signedIn && state.warning && (
        <TimeoutWarning
          endsAt={state.endsAt}
          extendable={state.extendable}
          onStay={() => void session.staySignedIn()}
          onSignOut={() => void session.signOut()}
        />
      )}
    </>
  );
}

/**
 * For a person in several schools (GET /auth/organisations, again in each school): the school they
 * are working in, and "Switch school" (process.md §7). Nothing for a person in one school.
 */
function SchoolSwitcher({ organisationId, organisationName }: { organisationId: string; organisationName: string }) {
  const schools = useLoad(() => api.GET('/auth/organisations'), [organisationId]);
  if (schools.state !== 'loaded' || schools.data.items.length < 2) return null;
  return <OrganisationSwitcher organisationName={organisationName} href="/account/school" linkText="Switch school" />;
}

/**
 * A page for signed-in people. Not signed in: the sign-in page (then back here); signed out
 * (by themselves, the idle limit, or the API): the signed-out page saying why; a session still
 * waiting for its second factor (the sign-in or refresh answer said so): that first; a password an
 * admin reset: the change-password page first.
 */
function SignedIn({ children, allowDuringPasswordChange = false }: { children: ReactNode; allowDuringPasswordChange?: boolean }) {
  const state = useSession();
  const [location] = useLocation();
  if (state.status === 'starting') {
    // an area's page: its code comes while the session does, not after it (screens/screen.ts lazyPage)
    if (isValidElement(children)) (children.type as { preload?: () => unknown }).preload?.();
    return <Loading />;
  }
  if (state.status === 'signed-out') {
    if (state.reason === 'none') return <Redirect to={`/sign-in?return=${encodeURIComponent(location)}`} replace />;
    return <Redirect to="/signed-out" replace />;
  }
  if (secondFactorPending(state.secondFactor)) return <Redirect to={`/second-factor?return=${encodeURIComponent(location)}`} replace />;
  if (state.passwordChangeRequired && !allowDuringPasswordChange) return <Redirect to="/account/password" replace />;
  return <>{children}</>;
}
