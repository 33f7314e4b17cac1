import { lazyPage, type Screen } from './screen';

const area = () => import('../pages/safeguarding');
const LadoConsultationPage = lazyPage(area, (pages) => pages.LadoConsultationPage);
const ReferralDecisionPage = lazyPage(area, (pages) => pages.ReferralDecisionPage);
const ReferenceCheckPage = lazyPage(area, (pages) => pages.ReferenceCheckPage);

/**
 * The safeguarding screens of KCSIE Part 4 (see screen.ts, docs/kcsie.md): the LADO consultation
 * and the DBS / TRA referral decision — case-actions.ts's `consult_lado` and
 * `record_referral_decision`, at their agreed paths — and the reference check of a member of staff.
 */
export const SAFEGUARDING_SCREENS: Screen[] = [
  { path: '/cases/:id/lado-consultation', render: ({ id }) => <LadoConsultationPage id={id} /> },
  { path: '/cases/:id/referral-decisions', render: ({ id }) => <ReferralDecisionPage id={id} /> },
  { path: '/staff/:id/reference-check', render: ({ id }) => <ReferenceCheckPage id={id} /> },
];
